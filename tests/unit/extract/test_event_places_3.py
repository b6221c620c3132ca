"""Round 3 of our event-place passages (tests/data/event_places_3.tsv), written before the rules
for them were changed: agreements at talks with a place, fronted "In X," and speaking participles
for later verbal events, a finer place in a country a verb names, temporal clauses about another
act, "the capital" alone, launch sites, journeys' destinations, the place left after talks; and
place names the recogniser splits or that only tie a party to a place."""

from __future__ import annotations

import pytest
from tests.unit.extract import test_event_places_suite as suite

from wirecoder.evaluate.score import same_place_name
from wirecoder.extract.places import find_dateline

NAME = "event_places_3.tsv"
# Measured on 2026-11-27. Before the fixes, on the first 28 cases: probe 21/28, pipeline 14/20
# of the events found (the last four cases were added with the fixes for talks left, journeys
# and a gathering taken up again). After, on 32: probe 32/32, pipeline 22/22 (found 22/32, the
# finder's share).
PROBE_FLOOR = 0.95
PLACE_FLOOR = 0.95
FOUND_FLOOR = 0.6


def test_round3_suite_is_well_formed() -> None:
    cases = suite.event_cases(NAME)
    assert len(cases) >= 20
    for text, published, trigger, _names, country in cases:
        assert trigger.lower() in text.lower(), trigger
        assert len(published) == 10 and published[4] == "-"
        assert country is None or (len(country) == 3 and country.isupper())


def test_round3_probe(pipeline, monkeypatch) -> None:
    monkeypatch.setitem(suite.PROBE_VERBAL, "demanded", "REQUEST")
    monkeypatch.setitem(suite.PROBE_VERBAL, "urged", "REQUEST")
    monkeypatch.setitem(suite.PROBE_VERBAL, "thanked", "SUPPORT")
    right, total, failures = suite.probe_event_places(pipeline, NAME)
    assert right / total >= PROBE_FLOOR, f"{right}/{total}\n" + "\n".join(failures)


def test_round3_pipeline(pipeline) -> None:
    right, found, total, failures = suite.score_event_places(pipeline, NAME)
    assert found / total >= FOUND_FLOOR, "\n".join(failures)
    assert right / max(found, 1) >= PLACE_FLOOR, f"{right}/{found}\n" + "\n".join(failures)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A security analyst in Port of Spain said the talks had failed.", ["Port of Spain"]),
    ("The leaders met in St Vincent and the Grenadines in December.",
     ["St Vincent and the Grenadines"]),
    ("Gulf Meridian, a Dubai-based company, denied the charge in a statement.", []),
    ("Gunmen attacked a camp near Boni in central Mali on Friday.", ["Boni", "Mali"]),
    ("Warships sailed near the Penghu islands on Monday.", ["Penghu"]),
])
def test_place_mentions_round3(pipeline, sentence: str, expected: list[str]) -> None:
    places = pipeline.extract(sentence).places
    got = [p.name for p in places]
    assert len(got) == len(expected), got
    assert all(any(same_place_name(n, g) for g in got) for n in expected), got
    boni = next((p for p in places if p.name == "Boni"), None)
    assert boni is None or boni.country == "MLI"


@pytest.mark.parametrize(("line", "name"), [
    ("PORT-AU-PRINCE — Police retook the road.", "Port-au-Prince"),
    ("GUINEA-BISSAU, May 2 (WSW) - x", "Guinea-Bissau"),
    ("KYIV, Nov 17 (WSW) - Russia launched drones.", "Kyiv"),
])
def test_dateline_hyphenated_names(line: str, name: str) -> None:
    assert find_dateline(line) == name
