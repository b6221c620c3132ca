"""Event places in context: each rule of `event_context._place` on sentences of our own, and
the sites `find_places` adds (seats of government, border crossings, named streets)."""

from __future__ import annotations

import pytest


def placed(pipeline, text: str, published: str = "2025-10-02") -> dict[str, tuple | None]:
    """Trigger word -> (place name, country) of every event coded in `text`."""
    result = pipeline.extract(text, published=published)
    return {e.event_text: (e.place.name, e.place.country) if e.place else None
            for e in result.events}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a country-level place in the clause beats the dateline city
        ("PARIS — Thousands of teachers walked off the job across France on Thursday in a "
         "national strike.", "walked", ("France", "FRA")),
        # a place reached through a chain of prepositions on a noun trigger
        ("The ministry said an Israeli air strike on a house in Rafah killed nine people.", "strike",
         ("Rafah", "PSE")),
        # a street locates the act in its city (the dateline's)
        ("TBILISI, Jan 16 (WSW) - Thousands rallied outside parliament on Rustaveli Avenue on "
         "Thursday night.", "rallied", ("Tbilisi", "GEO")),
        # a seat of government is a place of its own
        ("PARIS — The prime minister met union leaders at his Matignon residence on Friday.",
         "met", ("Matignon", "FRA")),
        # a coordinated verb shares the fronted place ("In Beijing, ... but urged")
        ("GENEVA — In Beijing, the commerce ministry praised the deal but urged Washington to "
         "scrap the remaining tariffs.", "urged", ("Beijing", "CHN")),
        # historical background takes the place of its own clause, never the dateline
        ("KINSHASA, Jan 28 (WSW) - Protesters marched in the capital.\n\nThe rebels first "
         "seized Goma in November 2012 but withdrew ten days later.", "withdrew",
         ("Goma", "COD")),
        # a verbal act located by its own prepositions ("through its embassy in Beijing")
        ("Japan's prime minister told parliament that Tokyo had lodged a strong protest with "
         "North Korea through its embassy in Beijing.", "lodged", ("Beijing", "CHN")),
    ],
)
def test_event_places_in_context(pipeline, text, trigger, expected) -> None:
    got = placed(pipeline, text)
    assert got.get(trigger) == expected, got


def test_event_places_anaphoric_definite_takes_up_the_named_place(pipeline) -> None:
    text = ("MANILA — A Chinese ship fired water cannon at a Philippine vessel near Scarborough "
            "Shoal on Friday.\n\nChina's Southern Theatre Command said it had organised naval "
            "patrols around the shoal on Friday.")
    got = placed(pipeline, text, "2025-06-21")
    assert got.get("organised") == ("Scarborough Shoal", None), got


def test_event_places_story_site_beats_the_dateline(pipeline) -> None:
    # the lead act happened in the Red Sea; a later act of the story with no place of its own
    # happened there too, not in Dubai where the report was filed
    text = ("DUBAI, April 4 (WSW) - Yemen's Houthi movement attacked a bulk carrier in the Red Sea "
            "on Friday.\n\n"
            "All 19 crew members were evacuated by a French frigate, the navy said.")
    got = placed(pipeline, text, "2026-04-04")
    assert got.get("evacuated") == ("Red Sea", None), got


def test_event_places_local_source_places_the_reported_act(pipeline) -> None:
    text = ("PARIS — Police in Nantes denied that officers had fired tear gas at students who "
            "had blockaded their school.")
    got = placed(pipeline, text)
    assert ("Nantes", "FRA") in got.values(), got


def test_places_border_crossing_is_a_site_without_country(pipeline) -> None:
    result = pipeline.extract(
        "The government reopened the Adre crossing from Chad last month. The agency sent ten "
        "convoys through Adre.", published="2024-09-14")
    names = {p.name: (p.country, p.precision) for p in result.places}
    assert names.get("Adre crossing") == (None, "site"), names
    assert "Adre" not in names  # the bare name later is the same crossing
    events = {e.event_text: e.place for e in result.events}
    assert events["reopened"] is not None and events["reopened"].name == "Adre crossing"


def test_places_seat_named_as_speaker_is_not_a_place(pipeline) -> None:
    result = pipeline.extract("The Kremlin said the talks had failed.", published="2025-10-02")
    assert all(p.name != "Kremlin" for p in result.places)


def test_places_named_street_takes_the_dateline_country(pipeline) -> None:
    result = pipeline.extract("TBILISI, Jan 16 (WSW) - The opposition will march from Republic "
                              "Square to parliament on Sunday.", published="2026-01-16")
    names = {p.name: (p.country, p.precision) for p in result.places}
    assert names.get("Republic Square") == ("GEO", "site"), names


def test_event_places_without_dateline_fall_back_to_the_main_country(pipeline) -> None:
    got = placed(pipeline, "Police detained 40 opposition activists on Friday, Turkey's "
                           "interior ministry said.")
    assert got.get("detained") == ("Turkey", "TUR"), got
