"""Exports of filtered views: the store's formats, limited to the rows a filter selects.

Rows are shaped exactly as `wirecoder export` shapes them (wirecoder.store.export), so a file
downloaded from the explorer and one written by the CLI have the same columns. An export is
refused (QueryError E312) when the filter selects more than MAX_EXPORT rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import QueryError
from ..store import Store
from ..store.export import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    STATEMENT_SCHEMA,
    csv_cell,
    event_row,
    statement_row,
)
from . import aggregates, queries

MAX_EXPORT = 50_000
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json",
    "gexf": "application/xml; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def check_size(count: int, what: str) -> None:
    if count > MAX_EXPORT:
        raise QueryError(
            f"{count} {what} match; exports from the API stop at {MAX_EXPORT}. Add filters, "
            "or use `wirecoder export` on the store file.",
            code="E312",
        )


def _csv(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(columns))
    for row in rows:
        writer.writerow([csv_cell(v) for v in row.values()])
    return buf.getvalue().encode()


def _parquet(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> bytes:
    buf = io.BytesIO()
    with pq.ParquetWriter(buf, schema) as writer:
        writer.write_table(pa.Table.from_pylist(list(rows), schema=schema))
    return buf.getvalue()


def _jsonl(rows: Iterable[Any]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def _geojson(events: Iterable[dict[str, Any]]) -> bytes:
    features = []
    for e in events:
        row = event_row(e)
        if row["place_lat"] is None or row["place_lon"] is None:
            continue
        features.append({"type": "Feature", "id": row["event_id"], "properties": row,
                         "geometry": {"type": "Point",
                                      "coordinates": [row["place_lon"], row["place_lat"]]}})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False).encode()


def _gexf(events: Iterable[dict[str, Any]]) -> bytes:
    """Actors are nodes (id = actor id); an edge per actor, recipient and event type."""
    nodes: dict[str, tuple[str, str | None]] = {}
    edges: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        for src in e["actors"]:
            for dst in e["recipients"]:
                nodes[src["key"]] = (src["name"], src["country"])
                nodes[dst["key"]] = (dst["name"], dst["country"])
                edges[(src["key"], dst["key"], e["event"])] += 1
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" '
        'version="1.3">\n<graph defaultedgetype="directed" mode="static">\n'
        '<attributes class="node"><attribute id="country" title="country" type="string"/>'
        '</attributes>\n<attributes class="edge"><attribute id="event" title="event" '
        'type="string"/></attributes>\n<nodes>\n'
    ]
    for key, (name, country) in sorted(nodes.items()):
        out.append(f"<node id={quoteattr(key)} label={quoteattr(name)}><attvalues>"
                   f'<attvalue for="country" value={quoteattr(country or "")}/>'
                   "</attvalues></node>\n")
    out.append("</nodes>\n<edges>\n")
    for n, ((src, dst, event), weight) in enumerate(sorted(edges.items())):
        out.append(f'<edge id="{n}" source={quoteattr(src)} target={quoteattr(dst)} '
                   f'weight="{weight}" label={quoteattr(event)}><attvalues><attvalue '
                   f'for="event" value={quoteattr(event)}/></attvalues></edge>\n')
    out.append("</edges>\n</graph>\n</gexf>\n")
    return "".join(out).encode()


EVENT_WRITERS: dict[str, Callable[[Iterable[dict[str, Any]]], bytes]] = {
    "jsonl": _jsonl,
    "csv": lambda ev: _csv((event_row(e) for e in ev), EVENT_COLUMNS),
    "parquet": lambda ev: _parquet((event_row(e) for e in ev), EVENT_SCHEMA),
    "geojson": _geojson,
    "gexf": _gexf,
}


def export_events(store: Store, f: dict[str, Any], fmt: str) -> bytes:
    check_size(queries.count_events(store, f), "events")
    return EVENT_WRITERS[fmt](queries.iter_events(store, f))


def export_statements(store: Store, f: dict[str, Any], fmt: str) -> bytes:
    check_size(queries.count_statements(store, f), "statements")
    rows = queries.iter_statements(store, f)
    if fmt == "jsonl":
        return _jsonl(rows)
    shaped = (statement_row(r) for r in rows)
    if fmt == "csv":
        return _csv(shaped, STATEMENT_SCHEMA.names)
    return _parquet(shaped, STATEMENT_SCHEMA)


def export_articles(store: Store, f: dict[str, Any]) -> bytes:
    """The stored wirecoder/1 records of the filtered articles, one per line."""
    check_size(queries.count_articles(store, f), "articles")
    return "".join(text + "\n" for text in queries.iter_article_json(store, f)).encode()


ACTOR_COLUMNS = ("key", "name", "country", "sectors", "kinds", "roles", "articles", "events",
                 "as_actor", "as_recipient", "statements")
PLACE_COLUMNS = ("name", "geonameid", "lat", "lon", "country", "precision", "mentions",
                 "articles", "events")


def _all_pages(fn: Callable[..., tuple[list[dict[str, Any]], str | None]], store: Store,
               f: dict[str, Any], what: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page, cursor = fn(store, f, sort="name", limit=queries.MAX_PAGE, cursor=cursor)
        rows.extend(page)
        check_size(len(rows), what)
        if cursor is None:
            return rows


def export_actors(store: Store, f: dict[str, Any], fmt: str) -> bytes:
    """Actors across articles (as /api/actors), sorted by name."""
    rows = [{c: r[c] for c in ACTOR_COLUMNS}
            for r in _all_pages(aggregates.list_actors, store, f, "actors")]
    return _jsonl(rows) if fmt == "jsonl" else _csv(rows, ACTOR_COLUMNS)


def export_places(store: Store, f: dict[str, Any], fmt: str) -> bytes:
    """Places (as /api/places), sorted by name; GeoJSON keeps those with coordinates."""
    rows = [{c: r[c] for c in PLACE_COLUMNS}
            for r in _all_pages(aggregates.list_places, store, f, "places")]
    if fmt == "jsonl":
        return _jsonl(rows)
    if fmt == "csv":
        return _csv(rows, PLACE_COLUMNS)
    features = [{"type": "Feature", "properties": r,
                 "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}}
                for r in rows if r["lat"] is not None and r["lon"] is not None]
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False).encode()
