"""Actors: names the tokenizer splits, bodies named before a title, "X-based" bodies, wire
datelines with hyphenated cities, breakaway authorities, and office-holder name matching."""

from __future__ import annotations

import pytest

from wirecoder.extract.actors import find_actors
from wirecoder.extract.offices import load_offices, parse_day


def _coded(nlp, text: str, published: str | None = "2025-06-01") -> dict[str, tuple]:
    index = find_actors(nlp(text), published=published)
    for actor in index.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    return {a.name: (a.country, a.sector) for a in index.actors}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # table names split by the tokenizer inside a word ("al - Shabaab") are found
        ("Troops pushed al-Shabaab out of two villages near Baidoa on Sunday.",
         "al-Shabaab", ("SOM", "REB")),
        ("Police said Jaish-e-Mohammed had planned the attack in Pulwama.",
         "Jaish-e-Mohammed", ("PAK", "REB")),
        ("Hayat Tahrir al-Sham fighters entered the city at dawn.",
         "Hayat Tahrir al-Sham", ("SYR", "REB")),
        # ... and give a person named after them their code and sector
        ("In a recorded message, al-Shabaab spokesman Abdiqadir Nur said the group would fight on.",
         "Abdiqadir Nur", ("SOM", "REB")),
        # a body whose name ends in the title's first word: "... Police" + "police spokesman"
        ("Haitian National Police spokesman Pierre Jean said two officers were wounded.",
         "Pierre Jean", ("HTI", "COP")),
        # general knowledge: theatre commands, state broadcasters, Kenyan cabinet secretaries
        ("The Eastern Theater Command said its ships had rehearsed a blockade.",
         "Eastern Theatre Command", ("CHN", "MIL")),
        ("Southern Theatre Command spokesman Tian Junli said the patrol was routine.",
         "Tian Junli", ("CHN", "MIL")),
        ("Chinese state broadcaster CCTV showed footage of the launch.", "CCTV", ("CHN", "JRN")),
        ("MOGADISHU — Kenya shut two crossings, Defence Cabinet Secretary Amos Kibet said.",
         "Amos Kibet", ("KEN", "GOV")),
    ],
)
def test_knowledge_and_names(nlp, text: str, name: str, expected: tuple) -> None:
    assert _coded(nlp, text)[name] == expected


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Gulf Meridian Freight, a Dubai-based company that owns three tankers, denied the claim.",
         "Gulf Meridian Freight", "ARE"),
        ("A London-based shipping firm said it would appeal the listing.",
         "London-based shipping firm", "GBR"),
        ("The Hong Kong-based firm Star Lines said it would appeal.", "Star Lines", "HKG"),
    ],
)
def test_based_in_gives_the_country(nlp, text: str, name: str, iso3: str) -> None:
    coded = _coded(nlp, text)
    assert coded[name][0] == iso3
    assert "Hong Kong" not in coded  # where a body sits is not an actor


def test_hyphenated_capital_dateline_sets_home_and_hides_its_pieces(nlp) -> None:
    coded = _coded(nlp, "PORT-AU-PRINCE — Police said a gang had burned a market. "
                        "Prime Minister Jean Baptiste met residents.")
    assert "African Union" not in coded  # "AU" inside the city's name
    assert coded["Jean Baptiste"] == ("HTI", "GOV")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("In Tiraspol, Transnistrian leader Ivan Rusu appealed to Moscow for gas.",
         "Ivan Rusu", ("MDA", "REB")),
        ("The government said Transnistrian leaders had turned the offer down.",
         "Transnistrian leaders", ("MDA", "REB")),
        ("Abkhaz officials protested against the new border posts.",
         "Abkhaz officials", ("GEO", "REB")),
        ("Abkhazian leader Aslan Bzhania said the crossing would stay shut.",
         "Aslan Bzhania", ("GEO", "REB")),
        ("The Somaliland authorities said they had signed a port deal with Ethiopia.",
         "Somaliland authorities", ("SOM", "REB")),
    ],
)
def test_breakaway_authorities_are_the_states_rebels(nlp, text: str, name: str,
                                                     expected: tuple) -> None:
    assert _coded(nlp, text)[name] == expected


def test_office_names_need_every_given_word_to_agree() -> None:
    offices = load_offices()
    day = parse_day("2025-12-30")
    # "Sun Li-fang" shares only the syllable "Li" with a former Chinese defence minister
    assert offices.match("Sun Li-fang", on=day, countries=["CHN", "TWN"], role="Spokesman") is None
    # a spelling of the given name still meets the holder
    match = offices.match("Vladimir Zelensky", on=day)
    assert match is not None and match.holder.country == "UKR"
