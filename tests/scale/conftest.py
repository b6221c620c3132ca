"""Fixtures for the scale-out tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_data import SHORT_ARTICLES, write_jsonl


@pytest.fixture
def short_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "short.jsonl", SHORT_ARTICLES)
