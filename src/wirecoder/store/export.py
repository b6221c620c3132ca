"""Exporting the store: JSONL records, CSV/Parquet event tables, GeoJSON points, a GEXF network.

    export(store, "jsonl", "out.jsonl")    one Result record per line, ordered by article id
    export(store, "csv", "events.csv")     one row per event (EVENT_COLUMNS)
    export(store, "parquet", "ev.parquet") the same event table, typed (EVENT_SCHEMA)
    export(store, "parquet", "outdir/")    outdir/events.parquet and outdir/statements.parquet
    export(store, "geojson", "ev.geojson") events with a resolved place, as Point features
    export(store, "gexf", "net.gexf")      actor -> recipient network (Gephi), edge per event type

`out` is a path or an open stream (text for jsonl/csv/geojson/gexf, binary for parquet). A path is
written to a temporary file and renamed, so a failed export never leaves half a file. Parquet is a
directory export when `out` is an existing directory or ends with a path separator. In CSV the
multi-valued columns are joined with ";" (positions line up: the n-th name, country and sector
belong to the same actor, an unknown value is empty); in Parquet they are lists. CSV text cells
that start with =, +, -, @, tab or carriage return get a leading ' so spreadsheets do not run
them as formulas. Error code: E307 bad format, output or value.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError, short
from .query import iter_events, iter_result_json, iter_statements

if TYPE_CHECKING:
    from .db import Store

EXPORT_FORMATS = ("csv", "geojson", "gexf", "jsonl", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BATCH_ROWS = 5000

_S, _F, _I, _L = pa.string(), pa.float64(), pa.int64(), pa.list_(pa.string())
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", _S),
        ("article_id", _S),
        ("published", _S),
        ("date", _S),
        ("date_raw", _S),
        ("event", _S),
        ("mode", _S),
        ("modality", _S),
        ("contexts", _L),
        ("actor_names", _L),
        ("actor_countries", _L),
        ("actor_sectors", _L),
        ("recipient_names", _L),
        ("recipient_countries", _L),
        ("recipient_sectors", _L),
        ("place_name", _S),
        ("place_lat", _F),
        ("place_lon", _F),
        ("place_country", _S),
        ("place_geonameid", _I),
        ("cameo", _S),
        ("intensity", _F),
        ("confidence", _F),
        ("sentence", _S),
        ("event_text", _S),
        ("statement_id", _S),
        ("url", _S),
        ("pipeline", _S),
    ]
)
EVENT_COLUMNS = tuple(EVENT_SCHEMA.names)
STATEMENT_SCHEMA = pa.schema(
    [
        ("statement_id", _S),
        ("article_id", _S),
        ("published", _S),
        ("date", _S),
        ("speaker", _S),
        ("speaker_id", _S),
        ("speaker_text", _S),
        ("speaker_country", _S),
        ("speaker_sector", _S),
        ("kind", _S),
        ("cue", _S),
        ("content", _S),
        ("start", _I),
        ("end", _I),
        ("addressee", _S),
        ("place", _S),
        ("url", _S),
        ("pipeline", _S),
    ]
)


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event (as from query.iter_events) as a flat row; multi-valued columns are lists."""
    place = e.get("place") or {}
    row = {
        "event_id": e["id"],
        "article_id": e["article_id"],
        "published": e["published"],
        "date": e["date"],
        "date_raw": e["date_raw"],
        "event": e["event"],
        "mode": e["mode"],
        "modality": e["modality"],
        "contexts": e["contexts"],
        "place_name": place.get("name"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "place_country": place.get("country"),
        "place_geonameid": place.get("geonameid"),
        "cameo": e["cameo"],
        "intensity": e["intensity"],
        "confidence": e["confidence"],
        "sentence": e["sentence"],
        "event_text": e["event_text"],
        "statement_id": e["statement_id"],
        "url": e["url"],
        "pipeline": e["pipeline"],
    }
    for role, people in (("actor", e["actors"]), ("recipient", e["recipients"])):
        row[f"{role}_names"] = [a["name"] for a in people]
        row[f"{role}_countries"] = [a["country"] for a in people]
        row[f"{role}_sectors"] = [a["sector"] for a in people]
    return {c: row[c] for c in EVENT_COLUMNS}


def statement_row(s: dict[str, Any]) -> dict[str, Any]:
    row = dict(s)
    row["statement_id"] = row.pop("id")
    return {c: row[c] for c in STATEMENT_SCHEMA.names}


def csv_cell(value: Any) -> Any:
    """A CSV cell: lists joined with ';', formula-like text defused with a leading quote."""
    if isinstance(value, list):
        value = ";".join("" if v is None else str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# -- output plumbing --------------------------------------------------------------------------


@contextmanager
def _open(out: str | Path | IO[Any], *, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream for `out`; a path is written via a temporary file renamed on success."""
    if not isinstance(out, str | Path):
        if not hasattr(out, "write"):
            raise StoreError(
                f"export output {short(out)} is neither a path nor a stream.", code="E307"
            )
        yield out
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        if binary:
            with open(tmp, "wb") as fh:
                yield fh
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                yield fh
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_parquet(
    rows: Iterator[dict[str, Any]], schema: pa.Schema, out: str | Path | IO[Any]
) -> int:
    count = 0
    with _open(out, binary=True) as fh, pq.ParquetWriter(fh, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == _BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        # Always write, so an empty store still gives a file with the schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count


# -- formats ----------------------------------------------------------------------------------


def export_jsonl(store: Store, out: str | Path | IO[str]) -> int:
    count = 0
    with _open(out) as fh:
        for text in iter_result_json(store.conn):
            fh.write(text + "\n")
            count += 1
    return count


def export_csv(store: Store, out: str | Path | IO[str]) -> int:
    count = 0
    with _open(out) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(EVENT_COLUMNS)
        for e in iter_events(store.conn):
            writer.writerow([csv_cell(v) for v in event_row(e).values()])
            count += 1
    return count


def export_parquet(store: Store, out: str | Path | IO[bytes]) -> int:
    conn = store.conn
    if isinstance(out, str | Path) and (Path(out).is_dir() or str(out).endswith(("/", os.sep))):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        count = _write_parquet(
            (event_row(e) for e in iter_events(conn)), EVENT_SCHEMA, folder / "events.parquet"
        )
        _write_parquet(
            (statement_row(s) for s in iter_statements(conn)),
            STATEMENT_SCHEMA,
            folder / "statements.parquet",
        )
        return count
    return _write_parquet((event_row(e) for e in iter_events(conn)), EVENT_SCHEMA, out)


def export_geojson(store: Store, out: str | Path | IO[str]) -> int:
    count = 0
    with _open(out) as fh:
        fh.write('{"type":"FeatureCollection","features":[')
        for e in iter_events(store.conn):
            row = event_row(e)
            if row["place_lat"] is None or row["place_lon"] is None:
                continue
            feature = {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [row["place_lon"], row["place_lat"]]},
                "properties": row,
            }
            fh.write(("," if count else "\n") + json.dumps(feature, ensure_ascii=False) + "\n")
            count += 1
        fh.write("]}\n")
    return count


def export_gexf(store: Store, out: str | Path | IO[str]) -> int:
    """Actors are nodes (one per name and country); an edge per actor, recipient, event type."""
    nodes: dict[str, tuple[str, str | None]] = {}
    edges: Counter[tuple[str, str, str]] = Counter()

    def node(a: dict[str, Any]) -> str:
        key = f"{a['name']}|{a['country'] or ''}"
        nodes.setdefault(key, (a["name"], a["country"]))
        return key

    for e in iter_events(store.conn):
        for src in e["actors"]:
            for dst in e["recipients"]:
                edges[(node(src), node(dst), e["event"])] += 1
    with _open(out) as fh:
        fh.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
            '<graph defaultedgetype="directed" mode="static">\n'
            '<attributes class="node"><attribute id="country" title="country" '
            'type="string"/></attributes>\n'
            '<attributes class="edge"><attribute id="event" title="event" '
            'type="string"/></attributes>\n<nodes>\n'
        )
        for key in sorted(nodes):
            name, country = nodes[key]
            fh.write(
                f"<node id={quoteattr(key)} label={quoteattr(name)}><attvalues>"
                f'<attvalue for="country" value={quoteattr(country or "")}/>'
                "</attvalues></node>\n"
            )
        fh.write("</nodes>\n<edges>\n")
        for n, ((src, dst, event), weight) in enumerate(sorted(edges.items())):
            fh.write(
                f'<edge id="{n}" source={quoteattr(src)} target={quoteattr(dst)} '
                f'weight="{weight}" label={quoteattr(event)}><attvalues>'
                f'<attvalue for="event" value={quoteattr(event)}/></attvalues></edge>\n'
            )
        fh.write("</edges>\n</graph>\n</gexf>\n")
    return len(edges)


EXPORTERS: dict[str, Callable[[Store, Any], int]] = {
    "csv": export_csv,
    "geojson": export_geojson,
    "gexf": export_gexf,
    "jsonl": export_jsonl,
    "parquet": export_parquet,
}


def export(store: Store, fmt: str, out: str | Path | IO[Any]) -> int:
    """Write the store in `fmt` to `out`; returns the rows written (records, events or edges)."""
    if fmt not in EXPORTERS:
        raise StoreError(
            f"unknown export format {short(fmt)}; use one of {', '.join(EXPORT_FORMATS)}.",
            code="E307",
        )
    try:
        return EXPORTERS[fmt](store, out)
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeEncodeError) as exc:
        raise StoreError(
            f"{fmt} export failed: {type(exc).__name__}: {short(str(exc), 200)}", code="E307"
        ) from exc
