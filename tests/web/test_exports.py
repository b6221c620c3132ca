"""Exports of filtered views: every format, the filter respected, the cap enforced."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyarrow.parquet as pq
import pytest

from wirecoder.store.export import EVENT_COLUMNS
from wirecoder.web import exports


def download(client, path: str, **params) -> bytes:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"].startswith("attachment;")
    return r.content


def test_export_events_csv_keeps_filter_and_defuses_formulas(client) -> None:
    data = download(client, "/api/events/export", format="csv", country="KEN")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert sorted(r["event"] for r in rows) == ["COERCE", "PROTEST"]
    assert {r["place_name"] for r in rows} == {"Nairobi"}
    hostile = download(client, "/api/events/export", format="csv", event="ASSAULT")
    assert b"\n=" not in hostile and b",=" not in hostile


def test_export_events_jsonl_matches_api_rows(client) -> None:
    lines = download(client, "/api/events/export", format="jsonl", modality="future")
    events = [json.loads(line) for line in lines.decode().splitlines()]
    api = client.get("/api/events", params={"modality": "future", "sort": "article"}).json()
    assert [e["id"] for e in events] == [e["id"] for e in api["rows"]]


def test_export_events_parquet_is_typed(client) -> None:
    table = pq.read_table(io.BytesIO(download(client, "/api/events/export", format="parquet",
                                              event="AGREE")))
    assert table.num_rows == 2
    assert sorted(table.column("actor_names").to_pylist()) == [["France"], ["Ukraine"]]


def test_export_events_geojson_only_placed(client) -> None:
    data = json.loads(download(client, "/api/events/export", format="geojson",
                               place_country="RUS"))
    assert data["type"] == "FeatureCollection"
    coords = sorted(f["geometry"]["coordinates"] for f in data["features"])
    assert coords == [[37.62, 55.75], [131.9, 43.1]]


def test_export_events_gexf_is_xml_with_filtered_edges(client) -> None:
    root = ET.fromstring(download(client, "/api/events/export", format="gexf", country="KEN"))
    ns = {"g": "http://gexf.net/1.3"}
    labels = sorted(n.get("label") for n in root.iterfind(".//g:node", ns))
    assert labels == ["Kenyan police", "protesters"]
    assert len(root.findall(".//g:edge", ns)) == 2


def test_export_gexf_escapes_hostile_names(client) -> None:
    root = ET.fromstring(download(client, "/api/events/export", format="gexf", event="ASSAULT"))
    labels = {n.get("label") for n in root.iter("{http://gexf.net/1.3}node")}
    assert any("<script>" in label for label in labels)  # kept as text, still well-formed XML


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_statements(client, fmt: str) -> None:
    data = download(client, "/api/statements/export", format=fmt, kind="direct")
    if fmt == "csv":
        old = csv.field_size_limit(2_000_000)  # one fixture statement is a 1 MB line
        try:
            count = len(list(csv.DictReader(io.StringIO(data.decode()))))
        finally:
            csv.field_size_limit(old)
    elif fmt == "jsonl":
        count = len(data.decode().splitlines())
    else:
        count = pq.read_table(io.BytesIO(data)).num_rows
    assert count == 4


def test_export_articles_jsonl_are_records(client, records) -> None:
    data = download(client, "/api/articles/export", publisher="Other Wire")
    (line,) = data.decode().splitlines()
    assert json.loads(line) == next(r for r in records if r["article"]["source"] == "Other Wire")


def test_export_refuses_views_over_the_cap(client, monkeypatch) -> None:
    monkeypatch.setattr(exports, "MAX_EXPORT", 3)
    r = client.get("/api/events/export", params={"format": "csv"})
    assert r.status_code == 400
    assert r.json() == {"ok": False, "status": 400, "error": r.json()["error"]}
    assert "13 events match" in r.json()["error"]
    small = client.get("/api/events/export", params={"format": "csv", "country": "KEN"})
    assert small.status_code == 200


def test_export_unknown_format_is_400(client) -> None:
    r = client.get("/api/events/export", params={"format": "xlsx"})
    assert r.status_code == 400 and r.json()["ok"] is False


def test_export_actors_and_places(client) -> None:
    rows = list(csv.DictReader(io.StringIO(download(
        client, "/api/actors/export", format="csv", country="UKR").decode())))
    assert [r["name"] for r in rows] == ["Ukraine", "Volodymyr Zelensky"]
    assert rows[0]["events"] == "3"
    lines = download(client, "/api/actors/export", format="jsonl", sector="COP").decode()
    assert [json.loads(x)["name"] for x in lines.splitlines()] == ["Kenyan police"]
    places = json.loads(download(client, "/api/places/export", format="geojson", country="RUS"))
    assert sorted(f["properties"]["name"] for f in places["features"]) == ["Moscow",
                                                                          "Vladivostok"]
    assert len(download(client, "/api/places/export").decode().splitlines()) == 8  # 7 + header
