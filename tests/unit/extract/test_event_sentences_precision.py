"""Our own precision suite (tests/data/event_sentences_precision.tsv): sentences that code no
event or exactly one, each built around a tempting false positive (background talks, hosts,
deals cited as background, plain statements, routine presence, unnamed attackers, speculation).
Scored like tests/unit/extract/test_event_sentences.py (type + modality + actor countries)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_event_sentences import coded, load_suite, score, table

SUITE = Path(__file__).resolve().parents[2] / "data" / "event_sentences_precision.tsv"
# The first 69 rows were written before the rules they drove (the system matched 58/69 then);
# measured 0.979 (92/94) on all rows after the precision round. Raise it when coding improves.
MATCH_FLOOR = 0.96

ROWS = load_suite(SUITE)


def test_precision_suite_is_well_formed() -> None:
    assert len(ROWS) >= 90
    assert sum(1 for _, _, events in ROWS if not events) >= 75
    assert all(len(events) <= 1 for _, _, events in ROWS)
    assert Counter(len(events) for _, _, events in ROWS)[1] >= 5


def test_precision_suite_match_rate(pipeline) -> None:
    rate, per_type, misses = score(pipeline, ROWS)
    report = f"match rate {rate:.3f}\n{table(per_type)}\n" + "\n".join(misses)
    assert rate >= MATCH_FLOOR, report


@pytest.mark.parametrize("sentence", [s for s, _, events in ROWS if not events])
def test_precision_sentences_without_events_code_nothing(pipeline, sentence) -> None:
    assert coded(pipeline, sentence, "2025-09-06") == []
