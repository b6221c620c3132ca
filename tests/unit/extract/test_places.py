"""Places: GeoNames resolution with document context, listing rules, hard names, bad input."""

from __future__ import annotations

import time

import pytest

from wirecoder.extract.actors import find_actors
from wirecoder.extract.places import find_dateline, find_places, resolve_place


def _places(nlp, text: str):
    doc = nlp(text)
    actors = find_actors(doc)
    context = [a.country for a in actors.actors if a.country and len(a.country) == 3]
    index = find_places(doc, context_codes=context)
    for place in index.places:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text
    return index


def _listed(nlp, text: str) -> dict[str, tuple]:
    return {p.name: (p.country, p.precision, p.geonameid) for p in _places(nlp, text).places}


@pytest.mark.parametrize(
    ("name", "kwargs", "country", "precision"),
    [
        ("Paris", {}, "FRA", "city"),
        ("Paris", {"within": "USA", "admin1": "TX"}, "USA", "city"),
        ("Tripoli", {}, "LBY", "city"),
        ("Tripoli", {"within": "LBN"}, "LBN", "city"),
        ("Georgia", {}, "GEO", "country"),
        ("Georgia", {"near": ("USA", "US-LOCAL")}, "USA", "region"),
        ("Washington", {"context": ["USA"]}, "USA", "city"),
        ("Odessa", {}, "UKR", "city"),
        ("Kiev", {}, "UKR", "city"),
        ("Hodeidah", {}, "YEM", "city"),
        ("Kherson region", {}, "UKR", "region"),
        ("Donbas", {}, "UKR", "region"),
        ("Gaza", {}, "PSE", "region"),
        ("Crimea", {}, None, "region"),
        ("South China Sea", {}, None, "region"),
        ("Jerusalem", {}, None, "city"),
        ("Russia", {}, "RUS", "country"),
    ],
)
def test_places_resolve_place(name, kwargs, country, precision) -> None:
    place = resolve_place(name, **kwargs)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


def test_places_document_country_breaks_ties(nlp) -> None:
    # Rafah in Egypt is nearer a Cairo dateline; the sentence is about Gaza.
    index = _places(nlp, "CAIRO, March 8 (WSW) - Gaza's health ministry said an air strike on "
                         "a house in Rafah killed 11 people.")
    assert [p.country for p in index.places if p.name == "Rafah"] == ["PSE"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Protesters in Tripoli, Lebanon, blocked roads.", "Tripoli", "LBN"),
        ("An Israeli strike hit Tripoli in northern Lebanon.", "Tripoli", "LBN"),
        ("Residents of Paris, Texas, were told to boil water.", "Paris", "USA"),
        ("Police in Portland, Maine, cleared the harbour.", "Portland", "USA"),
    ],
)
def test_places_x_comma_y_and_x_in_y(nlp, text, name, country) -> None:
    assert _listed(nlp, text)[name][0] == country


def test_places_dateline_with_a_state(nlp) -> None:
    index = _places(nlp, "PARIS, Texas (WSW) - A tornado hit the town of Paris on Monday.")
    assert index.dateline is not None and index.dateline.country == "USA"
    assert _listed(nlp, "PARIS, Texas (WSW) - A tornado hit the town of Paris.")["Paris"][0] \
        == "USA"


def test_places_find_dateline() -> None:
    assert find_dateline("VLADIVOSTOK, Russia (WSW) — Putin said") == "Vladivostok"
    assert find_dateline("PORT SUDAN, Sept 14 (WSW) - The RSF") == "Port Sudan"
    assert find_dateline("no dateline here") is None


@pytest.mark.parametrize(
    ("text", "name", "listed"),
    [
        ("Russia said the talks had failed.", "Russia", False),
        ("Fighting continued in Russia's Kursk region.", "Russia", False),
        ("Thousands protested in Russia.", "Russia", True),
        ("Militants attacked southern Israel.", "Israel", True),
        ("Washington imposed new sanctions.", "Washington", False),
        ("Veterans rallied in Washington.", "Washington", True),
        ("Kinshasa severed relations with Kigali.", "Kigali", False),
        ("The Czech Republic sent shells to Ukraine.", "Ukraine", False),
        ("Volunteers travelled to Ukraine.", "Ukraine", True),
        ("Kharkiv was shelled overnight.", "Kharkiv", True),
    ],
)
def test_places_listed_only_when_used_as_a_location(nlp, text, name, listed) -> None:
    assert (name in _listed(nlp, text)) is listed


def test_places_mislabelled_and_untagged_names(nlp) -> None:
    # The small model tags these ORG / PERSON / PRODUCT or not at all.
    listed = _listed(nlp, "Russian glide bombs struck Kharkiv. Russia claimed control of "
                          "Avdiivka. Rebels entered Aleppo. Students marched to Novi Sad.")
    assert {"Kharkiv", "Avdiivka", "Aleppo", "Novi Sad"} <= listed.keys()


def test_places_people_and_demonyms_are_not_places(nlp) -> None:
    listed = _listed(nlp, "Paris Hilton visited Georgian officials. Jordan Peterson spoke in "
                          "Toronto.")
    assert "Paris" not in listed and "Jordan" not in listed and "Georgia" not in listed
    assert "Toronto" in listed


def test_places_region_names_win_over_shorter_entities(nlp) -> None:
    listed = _listed(nlp, "North Korea fired missiles into waters off the Korean peninsula. "
                          "Aid reached North Darfur state.")
    assert listed["Korean peninsula"][:2] == (None, "region")
    assert listed["North Darfur"][:2] == ("SDN", "region")


def test_places_a_list_of_500_names_is_quick_and_sane(nlp) -> None:
    names = ["Kyiv", "Odesa", "Paris", "Lyon", "Tripoli", "Cairo", "Nairobi", "Lagos", "Beirut",
             "Tbilisi", "Yerevan", "Baku", "Almaty", "Tokyo", "Seoul", "Manila", "Hanoi", "Lima",
             "Quito", "Bogota"] * 25
    text = "Delegates arrived from " + ", ".join(names) + "."
    started = time.perf_counter()
    index = _places(nlp, text)
    assert time.perf_counter() - started < 20
    assert len(index.places) >= 15
    assert all(p.country for p in index.places)
