"""Statement places on our own short passages (tests/data/statement_places.tsv), written apart
from the gold articles to estimate how the place rules of statements.py generalise: a place said
with the utterance, inherited by the same speaker's later quotes in the paragraph, never taken from
a dateline or from a speaker's affiliation or origin. Floors are measured, not wished."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.evaluate.score import same_place_name

DATA = Path(__file__).resolve().parents[2] / "data"
# Measured on 2026-11-27 with the rules in statements.py (_place_of, inherit_places): the last
# statement's place is right in 50/50 passages where a statement is found (before the rules: 21/42
# on the first 42 passages, written ahead of the fixes; 26/50 on all 53). Passages with a statement
# found: 50/53 (the statement finder's share, kept loose). Raise the floors when the rules
# improve, never lower them to make a change pass.
PLACE_FLOOR = 0.95
FOUND_FLOOR = 0.9


def cases() -> list[tuple[str, str | None]]:
    lines = (DATA / "statement_places.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    return [(text.replace("\\n", "\n"), None if place == "-" else place) for text, place in rows]


@pytest.fixture(scope="module")
def outcomes(pipeline) -> list[tuple[str, str | None, str | None, bool]]:
    """(text, expected, got, found) per passage: the place of the last statement in text order."""
    out = []
    for text, want in cases():
        statements = sorted(pipeline.extract(text, published="2026-03-03").statements,
                            key=lambda s: s.start)
        got = statements[-1].place if statements else None
        out.append((text, want, got, bool(statements)))
    return out


def _right(want: str | None, got: str | None) -> bool:
    if want is None:
        return not got
    return bool(got) and same_place_name(want, got)


def test_suite_is_well_formed() -> None:
    rows = cases()
    assert len(rows) >= 40
    assert len({text for text, _ in rows}) == len(rows)
    placed = sum(place is not None for _, place in rows)
    assert 0.3 * len(rows) < placed < 0.8 * len(rows)  # both outcomes are well represented


def test_statement_place_floor(outcomes) -> None:
    found = [o for o in outcomes if o[3]]
    assert len(found) / len(outcomes) >= FOUND_FLOOR
    wrong = [(text[:70], want, got) for text, want, got, _ in found if not _right(want, got)]
    assert 1 - len(wrong) / len(found) >= PLACE_FLOOR, wrong


def test_no_place_from_dateline_or_affiliation(outcomes) -> None:
    # The precision side must hold on its own: every passage coded `-` stays empty.
    extra = [(text[:70], got) for text, want, got, found in outcomes
             if found and want is None and got]
    assert not extra


@pytest.mark.parametrize(("text", "place"), [
    ('In Warsaw, the army said it had scrambled jets. It said no aircraft had entered its '
     'airspace.', "Warsaw"),
    ('Police in Lyon said 12 people had been detained.', None),
    ('The envoy said in Cairo that talks would resume.\n\n"We are hopeful," the envoy said.', None),
])
def test_single_cases(pipeline, text: str, place: str | None) -> None:
    statements = sorted(pipeline.extract(text, published="2026-03-03").statements,
                        key=lambda s: s.start)
    assert statements
    assert _right(place, statements[-1].place), statements[-1].place
