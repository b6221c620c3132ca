"""Exports: JSONL, CSV (with formula defusing), Parquet, GeoJSON, GEXF."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wirecoder.errors import StoreError
from wirecoder.store import EVENT_COLUMNS, Store, export
from wirecoder.store.export import csv_cell


def test_store_export_jsonl_stream_and_path(
    filled: Store, results: list[dict[str, Any]], tmp_path: Path
) -> None:
    buf = io.StringIO()
    assert export(filled, "jsonl", buf) == len(results)
    lines = buf.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == sorted(results, key=lambda r: r["article"]["id"])
    out = tmp_path / "sub" / "all.jsonl"
    export(filled, "jsonl", out)
    assert out.read_text(encoding="utf-8") == buf.getvalue()
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_store_export_csv(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(filled, "csv", out) == 12
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == EVENT_COLUMNS and len(rows) == 12
    threat = next(r for r in rows if r["event"] == "THREATEN")
    assert threat["actor_names"] == "Vladimir Putin"
    assert (threat["recipient_names"], threat["recipient_countries"]) == ("foreign troops", "")
    assert threat["intensity"] == "-3.5"  # a number, not defused text
    assert threat["sentence"].startswith("Russian President")
    assert threat["url"].startswith("https://news.example/")
    consult = next(r for r in rows if r["event"] == "CONSULT")
    assert (consult["place_name"], consult["place_country"]) == ("Paris", "FRA")
    assert float(consult["place_lat"]) == pytest.approx(48.85341)


def test_store_export_csv_joins_compound_actors(store: Store, result_factory) -> None:
    r = result_factory(1)
    r["events"][1]["actor"] = ["a3", "a1"]
    store.write_results([r])
    buf = io.StringIO()
    export(store, "csv", buf)
    row = next(x for x in csv.DictReader(io.StringIO(buf.getvalue())) if x["event"] == "CONSULT")
    assert row["actor_names"] == "Emmanuel Macron;Vladimir Putin"
    assert row["actor_countries"] == "FRA;RUS"


@pytest.mark.parametrize(
    "cell, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        (-3.5, -3.5),
        (["=a", "b"], "'=a;b"),
        ([None, "RUS"], ";RUS"),
        (None, None),
    ],
)
def test_store_csv_cell_defuses_formulas(cell: Any, expected: Any) -> None:
    assert csv_cell(cell) == expected


def test_store_export_csv_defuses_hostile_names(store: Store, result_factory) -> None:
    store.write_results([result_factory(1, name="=cmd|' /C calc'!A0")])
    buf = io.StringIO()
    export(store, "csv", buf)
    row = next(x for x in csv.DictReader(io.StringIO(buf.getvalue())) if x["event"] == "THREATEN")
    assert row["actor_names"] == "'=cmd|' /C calc'!A0"


def test_store_export_parquet_file(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(filled, "parquet", out) == 12
    table = pq.read_table(out)
    assert table.num_rows == 12 and tuple(table.column_names) == EVENT_COLUMNS
    assert table.schema.field("actor_names").type == pa.list_(pa.string())
    assert table.schema.field("intensity").type == pa.float64()
    rows = table.to_pylist()
    consult = next(r for r in rows if r["event"] == "CONSULT")
    assert consult["recipient_countries"] == ["UKR"]
    assert consult["place_geonameid"] == 2988507


def test_store_export_parquet_directory(filled: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    export(filled, "parquet", folder)
    assert sorted(p.name for p in folder.iterdir()) == ["events.parquet", "statements.parquet"]
    statements = pq.read_table(folder / "statements.parquet").to_pylist()
    assert len(statements) == 12
    peskov = next(s for s in statements if s["speaker"] == "Dmitry Peskov")
    assert (peskov["speaker_country"], peskov["kind"]) == ("RUS", "direct")


def test_store_export_parquet_stream_and_empty(store: Store) -> None:
    buf = io.BytesIO()
    assert export(store, "parquet", buf) == 0
    buf.seek(0)
    table = pq.read_table(buf)
    assert table.num_rows == 0 and tuple(table.column_names) == EVENT_COLUMNS


def test_store_export_geojson(filled: Store) -> None:
    buf = io.StringIO()
    assert export(filled, "geojson", buf) == 6  # only CONSULT events have a place
    data = json.loads(buf.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 6
    feature = data["features"][0]
    assert feature["geometry"]["coordinates"] == [2.3488, 48.85341]
    assert feature["properties"]["event"] == "CONSULT"


def test_store_export_gexf_escapes_names(store: Store, result_factory) -> None:
    store.write_results([result_factory(1, name='<b>"Putin" & co</b>')])
    buf = io.StringIO()
    assert export(store, "gexf", buf) == 2
    root = ET.fromstring(buf.getvalue())
    ns = {"g": "http://gexf.net/1.3"}
    labels = {n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert '<b>"Putin" & co</b>' in labels
    assert {e.get("label") for e in root.iterfind(".//g:edge", ns)} == {"THREATEN", "CONSULT"}


def test_store_export_rejects_unknown_format(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"\[E307\]"):
        export(filled, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(StoreError, match=r"\[E307\]"):
        export(filled, "csv", 42)  # type: ignore[arg-type]
    assert not (tmp_path / "x.xlsx").exists()


def test_store_export_from_readonly_store(filled: Store, db_path: Path) -> None:
    with Store(db_path, readonly=True) as ro:
        buf = io.StringIO()
        assert export(ro, "jsonl", buf) == 7
