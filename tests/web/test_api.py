"""REST API: every filter, sort and cursor page, over the hand-made fixture store."""

from __future__ import annotations

from typing import Any

import pytest

from wirecoder.web.queries import actor_key


def get(client, path: str, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    return body


def event_types(client, **params: Any) -> list[str]:
    return sorted(e["event"] for e in get(client, "/api/events", **params)["rows"])


PUTIN = actor_key("Vladimir Putin", "RUS")
UKRAINE = actor_key("Ukraine", "UKR")
RUSSIA = actor_key("Russia", "RUS")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["ACCUSE", "AGREE", "AGREE", "ASSAULT", "ASSAULT", "COERCE", "CONSULT", "CONSULT",
              "MOBILIZE", "PROTEST", "SUPPORT", "THREATEN", "THREATEN"]),
        ({"event": ["ASSAULT", "COERCE"]}, ["ASSAULT", "ASSAULT", "COERCE"]),
        ({"mode": "aerial"}, ["ASSAULT"]),
        ({"modality": "future"}, ["AGREE", "CONSULT"]),
        ({"modality": "negated"}, ["MOBILIZE"]),
        ({"context": "diplomatic"}, ["AGREE", "CONSULT"]),
        ({"country": "KEN"}, ["COERCE", "PROTEST"]),
        ({"actor_country": "RUS"}, ["THREATEN"]),
        ({"recipient_country": "RUS"}, ["AGREE", "CONSULT", "SUPPORT"]),
        ({"place_country": "FRA"}, ["CONSULT"]),
        ({"place": "Nairobi"}, ["COERCE", "PROTEST"]),
        ({"actor": "vladimir putin"}, ["THREATEN"]),
        ({"recipient": "Hamas"}, ["ASSAULT"]),
        ({"actor_id": PUTIN}, ["THREATEN"]),
        ({"recipient_id": RUSSIA}, ["AGREE", "CONSULT", "SUPPORT"]),
        ({"participant_id": UKRAINE}, ["AGREE", "AGREE", "THREATEN"]),
        ({"dyad": f"{UKRAINE}-{RUSSIA}"}, ["AGREE"]),
        ({"publisher": "Other Wire"}, ["CONSULT", "SUPPORT"]),
        ({"language": "fr"}, []),
        ({"date_from": "2025-10-01"}, ["AGREE", "CONSULT", "PROTEST", "SUPPORT"]),
        ({"date_to": "2025-09-05"}, ["CONSULT", "THREATEN"]),
        ({"date_from": "2025-11", "date_to": "2025-11"}, ["AGREE", "CONSULT"]),
        ({"date_from": "2025-09-30", "date_to": "2025-09-30"}, ["COERCE"]),
        ({"min_confidence": 0.9}, []),
        ({"q": "strikes"}, ["ASSAULT"]),
        ({"q": '"breaking the truce"'}, ["ACCUSE"]),
        ({"q": "arrest*"}, ["COERCE"]),
        ({"event": "AGREE", "modality": "future"}, ["AGREE"]),
    ],
)
def test_api_events_filter(client, params: dict[str, Any], expected: list[str]) -> None:
    body = get(client, "/api/events", **params)
    assert sorted(e["event"] for e in body["rows"]) == expected
    assert body["total"] == len(expected)
    for key, value in params.items():
        assert body["filters"][key] in (value, [value])


def test_api_events_rows_carry_evidence_and_stable_ids(client, records) -> None:
    rows = get(client, "/api/events", event="THREATEN", actor="Vladimir Putin")["rows"]
    (row,) = rows
    text = next(r["article"]["text"] for r in records if r["article"]["id"] == row["article_id"])
    assert row["id"] == f"{row['article_id']}:e1"
    assert text[row["trigger_start"]:row["trigger_end"]] == row["event_text"]
    assert row["sentence"] == text[row["sentence_start"]:row["sentence_end"]]
    assert row["actors"][0]["key"] == PUTIN
    assert row["place"]["name"] == "Vladivostok"
    one = get(client, f"/api/events/{row['id']}")["event"]
    assert one["id"] == row["id"] and one["event"] == "THREATEN"


@pytest.mark.parametrize("sort", ["date", "-date", "event", "-intensity", "published",
                                  "confidence", "-article"])
def test_api_events_cursor_pages_cover_everything_once(client, sort: str) -> None:
    everything = get(client, "/api/events", sort=sort, limit=200)["rows"]
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        params = {"sort": sort, "limit": 3, **({"cursor": cursor} if cursor else {})}
        body = get(client, "/api/events", **params)
        seen.extend(e["id"] for e in body["rows"])
        cursor = body["next"]
        if cursor is None:
            break
        assert body["next_url"].startswith("/api/events?") and "cursor=" in body["next_url"]
    assert seen == [e["id"] for e in everything]
    assert len(set(seen)) == 13


def test_api_events_sort_orders(client) -> None:
    days = [e["day"] for e in get(client, "/api/events", sort="date")["rows"]]
    assert days == sorted(days)
    intensities = [e["intensity"] for e in get(client, "/api/events", sort="-intensity")["rows"]]
    assert intensities == sorted(intensities, reverse=True)


def test_api_statements_search_highlights_and_filters(client) -> None:
    body = get(client, "/api/statements", q="ceasefire")
    (row,) = body["rows"]
    assert row["speaker"] == "Volodymyr Zelensky" and row["kind"] == "direct"
    assert "\ue000ceasefire\ue001" in row["snippet"]
    assert row["speaker_key"] == actor_key("Volodymyr Zelensky", "UKR")
    assert [r["speaker"] for r in get(client, "/api/statements", speaker="hamas")["rows"]] == [
        "Hamas"]
    assert len(get(client, "/api/statements", kind="direct")["rows"]) == 4
    assert {r["speaker_country"] for r in get(client, "/api/statements",
                                              speaker_country="FRA")["rows"]} == {"FRA"}
    assert get(client, "/api/statements", publisher="Other Wire")["rows"][0]["speaker"] is None
    assert get(client, "/api/statements", date_from="2025-11-01")["total"] == 1
    peskov = actor_key("Dmitry Peskov", "RUS")
    assert get(client, "/api/statements", speaker_id=peskov)["rows"][0]["cue"] == "told"


def test_api_statements_pages(client) -> None:
    first = get(client, "/api/statements", limit=4, sort="speaker")
    second = get(client, "/api/statements", limit=4, sort="speaker", cursor=first["next"])
    assert len(first["rows"]) == 4 and len(second["rows"]) == 3 and second["next"] is None
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}


def test_api_articles_filters_and_record(client, records) -> None:
    assert get(client, "/api/articles")["total"] == 8
    assert [a["title"] for a in get(client, "/api/articles", publisher="Other Wire")["rows"]] == [
        "Beijing backs Moscow"]
    assert get(client, "/api/articles", country="KEN")["rows"][0]["events"] == 2
    assert get(client, "/api/articles", q="guarantees")["rows"][0]["title"] == (
        "Paris talks on guarantees")
    assert get(client, "/api/articles", date_from="2025-11")["total"] == 1
    assert get(client, "/api/articles", actor_id=PUTIN)["total"] == 1
    titles = [a["title"] for a in get(client, "/api/articles", sort="title")["rows"]]
    assert titles == sorted(titles)
    record = records[0]
    got = get(client, f"/api/articles/{record['article']['id']}")["record"]
    assert got == record


def test_api_actors_and_profile(client) -> None:
    rows = get(client, "/api/actors", country="UKR")["rows"]
    ukraine = next(a for a in rows if a["name"] == "Ukraine")
    assert ukraine["key"] == UKRAINE and ukraine["articles"] == 3
    assert ukraine["as_recipient"] == 2 and ukraine["as_actor"] == 1
    assert [a["name"] for a in get(client, "/api/actors", q="putin")["rows"]] == ["Vladimir Putin"]
    assert {a["name"] for a in get(client, "/api/actors", sector="COP")["rows"]} == {
        "Kenyan police"}
    assert get(client, "/api/actors", kind="person", sort="name")["rows"][0]["name"] == (
        "Dmitry Peskov")
    profile = get(client, f"/api/actors/{RUSSIA}")["actor"]
    assert profile["name"] == "Russia" and profile["mentioned_in"] == 2
    assert {p["name"] for p in profile["partners"]} == {"China", "Xi Jinping", "Ukraine"}
    zelensky = get(client, f"/api/actors/{actor_key('Volodymyr Zelensky', 'UKR')}")["actor"]
    assert zelensky["statements_over_time"] == [{"day": "2025-11-20", "statements": 1}]


def test_api_actor_unknown_is_404(client) -> None:
    r = client.get("/api/actors/0000000000000000")
    assert r.status_code == 404 and r.json()["ok"] is False


def test_api_places_dyads_timeline_network_map(client) -> None:
    places = get(client, "/api/places", sort="name")["rows"]
    assert [p["name"] for p in places][:3] == ["Gaza", "Istanbul", "Moscow"]
    nairobi = get(client, "/api/places", q="Nairobi")["rows"][0]
    assert nairobi["events"] == 2 and nairobi["geonameid"] == 184745
    dyads = get(client, "/api/dyads", country="KEN")["rows"]
    assert {(d["actor"], d["recipient"]) for d in dyads} == {
        ("Kenyan police", "protesters"), ("protesters", "Kenyan police")}
    assert get(client, "/api/events", dyad=dyads[0]["dyad"])["total"] == 1
    timeline = get(client, "/api/timeline", bin="month")
    assert [b["bucket"] for b in timeline["series"]] == ["2025-09", "2025-10", "2025-11"]
    assert timeline["series"][0]["events"] == 9 and timeline["series"][0]["articles"] == 5
    assert timeline["series"][0]["per_article"] == 1.8
    days = get(client, "/api/timeline", bin="day", publisher="Fixture Wire")["series"]
    assert days[0]["bucket"] == "2025-09-04" and len(days) == 78  # every day, gaps included
    assert get(client, "/api/timeline")["bin"] == "day"
    net = get(client, "/api/network", event="COERCE")
    assert [n["name"] for n in net["nodes"]] == ["Kenyan police", "protesters"]
    assert net["edges"][0]["intensity"] == -7
    points = get(client, "/api/map", place_country="RUS")["points"]
    assert {p["name"] for p in points} == {"Vladivostok", "Moscow"}


def test_api_stats(client) -> None:
    body = get(client, "/api/stats")
    assert body["articles"] == 8 and body["events"] == 13 and body["statements"] == 7
