"""Fixtures for the REST API and explorer tests: one hand-made store per session, a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecoder.web.fixtures import build_store, hostile_records, ordinary_records

# starlette's TestClient warns that it prefers the `httpx2` package; plain httpx works.
TESTCLIENT_WARNING = "ignore:Using `httpx` with `starlette.testclient`:UserWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives headless Chromium (Debian's package)")
    config.addinivalue_line("filterwarnings", TESTCLIENT_WARNING)


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "fixtures.db")


@pytest.fixture(scope="session")
def records() -> list[dict]:
    return [*ordinary_records(), *hostile_records()]


@pytest.fixture(scope="session")
def app(fixture_db: Path):
    from wirecoder.web import create_app

    return create_app(fixture_db, rate=None, token="s3cret-token")


@pytest.fixture(scope="session")
def client(app) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def ids_by_title(records: list[dict]) -> dict[str, str]:
    return {r["article"]["title"]: r["article"]["id"] for r in records}
