"""Aggregate queries for the explorer: actors, dyads, network, timeline, places, map points.

Each takes the same filter dicts as `queries.py` and returns plain JSON-ready dicts and lists.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from ..store import Store
from .cache import memo
from .queries import (
    DAY,
    EVENT_FROM,
    MAX_PAGE,
    Where,
    actor_key,
    encode_cursor,
    event_filter,
    find_actor,
    offset_page,
    parse_sort,
)

MAX_EDGES = 400
MAX_POINTS = 2000
BINS = {"day": 10, "month": 7, "year": 4}


def _dicts(rows: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in rows]


def _next(offset: int, limit: int, got: int) -> str | None:
    return encode_cursor([offset + limit]) if got > limit else None


# -- actors -----------------------------------------------------------------------------------

ACTOR_SORTS = {
    "events": "events",
    "statements": "statements",
    "articles": "articles",
    "name": "base.name COLLATE NOCASE",
}


@memo
def list_actors(
    store: Store, f: dict[str, Any], *, sort: str = "-events", limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Actors across articles, one row per (name, country), with their activity counts."""
    _, expr, desc = parse_sort(sort, ACTOR_SORTS)
    limit, offset = max(1, min(limit, MAX_PAGE)), offset_page(cursor)
    where = Where()
    where.any_of("country", f.get("country"))
    where.any_of("sector", f.get("sector"))
    where.any_of("kind", f.get("kind"))
    if f.get("q"):
        escaped = f["q"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.add("name LIKE ? ESCAPE '\\'", f"%{escaped}%")
    direction = "DESC" if desc else "ASC"
    rows = store.read(
        f"""
        WITH base AS (
            SELECT name, country, COUNT(DISTINCT article_id) AS articles,
                   json_group_array(DISTINCT sector) AS sectors,
                   json_group_array(DISTINCT kind) AS kinds,
                   json_group_array(DISTINCT role) AS roles
            FROM actors {where.sql()} GROUP BY name, country),
        ev AS (
            SELECT y.name, y.country, COUNT(DISTINCT x.event_id) AS events,
                   SUM(x.role = 'actor') AS as_actor, SUM(x.role = 'recipient') AS as_recipient
            FROM event_actors x JOIN actors y ON y.id = x.actor_id GROUP BY y.name, y.country),
        st AS (
            SELECT y.name, y.country, COUNT(*) AS statements
            FROM statements s JOIN actors y ON y.id = s.speaker_id GROUP BY y.name, y.country)
        SELECT base.name, base.country, base.articles, base.sectors, base.kinds, base.roles,
               COALESCE(ev.events, 0) AS events, COALESCE(ev.as_actor, 0) AS as_actor,
               COALESCE(ev.as_recipient, 0) AS as_recipient,
               COALESCE(st.statements, 0) AS statements
        FROM base
        LEFT JOIN ev ON ev.name = base.name AND ev.country IS base.country
        LEFT JOIN st ON st.name = base.name AND st.country IS base.country
        ORDER BY {expr} {direction}, base.name, base.country
        LIMIT ? OFFSET ?""",
        [*where.params, limit + 1, offset],
    )
    out = []
    for row in _dicts(rows)[:limit]:
        for col in ("sectors", "kinds", "roles"):
            row[col] = sorted(v for v in json.loads(row[col]) if v is not None)
        out.append({"key": actor_key(row["name"], row["country"]), **row})
    return out, _next(offset, limit, len(rows))


@memo
def actor_profile(store: Store, key: str) -> dict[str, Any] | None:
    """One actor across articles: codes, counts, statements per day, partners."""
    found = find_actor(store, key)
    if found is None:
        return None
    name, country = found
    same = "y.name = ? AND y.country IS ?"
    codes = store.read(
        "SELECT kind, sector, role, wikidata, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a, "
        "MIN(a.published) AS first, MAX(a.published) AS last FROM actors y "
        "JOIN articles a ON a.id = y.article_id "
        f"WHERE {same} GROUP BY kind, sector, role, wikidata ORDER BY n DESC",
        (name, country),
    )
    over_time = store.read(
        f"SELECT COALESCE(s.date, a.published) AS day, COUNT(*) AS statements "
        f"FROM statements s JOIN actors y ON y.id = s.speaker_id "
        f"JOIN articles a ON a.id = s.article_id "
        f"WHERE {same} AND COALESCE(s.date, a.published) IS NOT NULL "
        "GROUP BY day ORDER BY day",
        (name, country),
    )
    partners = store.read(
        f"""
        SELECT o.name, o.country, x.role AS role, COUNT(DISTINCT x.event_id) AS events
        FROM event_actors x JOIN actors y ON y.id = x.actor_id
        JOIN event_actors xo ON xo.event_id = x.event_id AND xo.role != x.role
        JOIN actors o ON o.id = xo.actor_id
        WHERE {same} GROUP BY o.name, o.country, x.role ORDER BY events DESC, o.name LIMIT 20""",
        (name, country),
    )
    rows = _dicts(codes)
    return {
        "key": key,
        "name": name,
        "country": country,
        "kinds": sorted({r["kind"] for r in rows if r["kind"]}),
        "sectors": sorted({r["sector"] for r in rows if r["sector"]}),
        "roles": sorted({r["role"] for r in rows if r["role"]}),
        "wikidata": next((r["wikidata"] for r in rows if r["wikidata"]), None),
        "mentioned_in": sum(r["a"] for r in rows),
        "first_seen": min((r["first"] for r in rows if r["first"]), default=None),
        "last_seen": max((r["last"] for r in rows if r["last"]), default=None),
        "statements_over_time": _dicts(over_time),
        "partners": [
            {"key": actor_key(p["name"], p["country"]), "name": p["name"],
             "country": p["country"], "events": p["events"],
             # this actor's role in those events; the partner had the other one
             "as": p["role"]}
            for p in _dicts(partners)
        ],
    }


# -- dyads and network ------------------------------------------------------------------------

_DYADS = """
SELECT ya.name AS actor, ya.country AS actor_country, yr.name AS recipient,
       yr.country AS recipient_country, COUNT(DISTINCT e.id) AS events,
       AVG(e.intensity) AS intensity, json_group_array(DISTINCT e.event) AS types
""" + EVENT_FROM + """
JOIN event_actors xa ON xa.event_id = e.id AND xa.role = 'actor'
JOIN actors ya ON ya.id = xa.actor_id
JOIN event_actors xr ON xr.event_id = e.id AND xr.role = 'recipient'
JOIN actors yr ON yr.id = xr.actor_id"""


@memo
def list_dyads(
    store: Store, f: dict[str, Any], *, limit: int = 50, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Actor -> recipient pairs of the filtered events, most events first."""
    limit, offset = max(1, min(limit, MAX_EDGES)), offset_page(cursor)
    where = event_filter(store, f)
    rows = store.read(
        _DYADS + where.sql() + " GROUP BY ya.name, ya.country, yr.name, yr.country "
        "ORDER BY events DESC, ya.name, yr.name LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    out = []
    for row in _dicts(rows)[:limit]:
        src, dst = (actor_key(row["actor"], row["actor_country"]),
                    actor_key(row["recipient"], row["recipient_country"]))
        row["types"] = sorted(json.loads(row["types"]))
        row["intensity"] = round(row["intensity"], 2) if row["intensity"] is not None else None
        out.append({"dyad": f"{src}-{dst}", "actor_key": src, "recipient_key": dst, **row})
    return out, _next(offset, limit, len(rows))


@memo
def network(store: Store, f: dict[str, Any], *, limit: int = 150) -> dict[str, Any]:
    """Nodes (actors) and edges (dyads weighted by events, with mean PLOVER intensity)."""
    edges, more = list_dyads(store, f, limit=limit)
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for role in ("actor", "recipient"):
            key = e[f"{role}_key"]
            node = nodes.setdefault(key, {"id": key, "name": e[role],
                                          "country": e[f"{role}_country"], "events": 0})
            node["events"] += e["events"]
    return {
        "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["name"])),
        "edges": [{"source": e["actor_key"], "target": e["recipient_key"], "dyad": e["dyad"],
                   "events": e["events"], "intensity": e["intensity"], "types": e["types"]}
                  for e in edges],
        "truncated": more is not None,
    }


# -- timeline ---------------------------------------------------------------------------------


@memo
def pick_bin(store: Store, f: dict[str, Any]) -> str:
    """day for spans up to ~4 months, month up to ~8 years, else year."""
    where = event_filter(store, f)
    lo, hi = store.read(f"SELECT MIN({DAY}), MAX({DAY})" + EVENT_FROM + where.sql(),
                        where.params)[0]
    if not lo or not hi or len(lo) < 4 or len(hi) < 4:
        return "day"
    years = int(hi[:4]) - int(lo[:4])
    months = years * 12 + (int(hi[5:7] or 0) if len(hi) >= 7 else 0) - (
        int(lo[5:7] or 0) if len(lo) >= 7 else 0)
    return "day" if months <= 4 else "month" if years <= 8 else "year"


@memo
def timeline(store: Store, f: dict[str, Any], *, bin: str = "auto") -> dict[str, Any]:
    """Events per bin by type and by modality, articles per bin, and events per article."""
    if bin == "auto":
        bin = pick_bin(store, f)
    width = BINS[bin]
    where = event_filter(store, f)
    # One pass: undated events fall in the NULL bucket.
    bucket = f"CASE WHEN length({DAY}) >= {width} THEN substr({DAY}, 1, {width}) END"
    rows = store.read(
        f"SELECT {bucket} AS bucket, e.event, e.modality, COUNT(*) AS n, "
        "SUM(e.date IS NULL AND a.published IS NOT NULL) AS by_publication" + EVENT_FROM
        + where.sql() + " GROUP BY bucket, e.event, e.modality",
        where.params,
    )
    undated = sum(r[3] for r in rows if r[0] is None)
    from_publication = sum(r[4] for r in rows)
    art_where = Where()
    art_where.any_of("source", f.get("publisher"))
    art_where.any_of("language", f.get("language"))
    articles = {r[0]: r[1] for r in store.read(
        f"SELECT substr(published, 1, {width}) AS b, COUNT(*) FROM articles"
        + art_where.sql([f"length(published) >= {width}"]) + " GROUP BY b",
        art_where.params)}
    buckets: dict[str, dict[str, Any]] = {}
    for bucket_id, event, modality, n, _ in rows:
        if bucket_id is None:
            continue
        b = buckets.setdefault(bucket_id, {"bucket": bucket_id, "events": 0, "by_type": {},
                                           "by_modality": {}})
        b["events"] += n
        b["by_type"][event] = b["by_type"].get(event, 0) + n
        b["by_modality"][modality or "unknown"] = b["by_modality"].get(modality or "unknown",
                                                                       0) + n
    series = []
    for bucket_id in fill_gaps(sorted(set(buckets) | set(articles)), bin):
        b = buckets.get(bucket_id, {"bucket": bucket_id, "events": 0, "by_type": {},
                                    "by_modality": {}})
        b["articles"] = articles.get(bucket_id, 0)
        b["per_article"] = round(b["events"] / b["articles"], 3) if b["articles"] else None
        series.append(b)
    return {"bin": bin, "series": series, "undated": undated,
            "dated_by_publication": from_publication}


def fill_gaps(ids: list[str], bin: str, *, most: int = 1500) -> list[str]:
    """Every bucket from the first to the last id (so quiet periods show as gaps in the bars),
    unless that would make more than `most` buckets or the ids are not plain dates."""
    if len(ids) < 2:
        return ids
    try:
        if bin == "year":
            lo, hi = int(ids[0]), int(ids[-1])
            full = [f"{y:04d}" for y in range(lo, hi + 1)]
        elif bin == "month":
            (y0, m0), (y1, m1) = (map(int, ids[0].split("-")), map(int, ids[-1].split("-")))
            full = [f"{(y0 * 12 + m0 - 1 + k) // 12:04d}-{(m0 - 1 + k) % 12 + 1:02d}"
                    for k in range((y1 * 12 + m1) - (y0 * 12 + m0) + 1)]
        else:
            first, last = date.fromisoformat(ids[0]), date.fromisoformat(ids[-1])
            full = [(first + timedelta(days=k)).isoformat()
                    for k in range((last - first).days + 1)]
    except ValueError:
        return ids
    if len(full) > most or not set(ids) <= set(full):
        return ids
    return full


# -- places and map ---------------------------------------------------------------------------

PLACE_SORTS = {"events": "events", "mentions": "mentions", "articles": "articles",
               "name": "name COLLATE NOCASE"}


@memo
def list_places(
    store: Store, f: dict[str, Any], *, sort: str = "-mentions", limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Resolved and unresolved places, one row per GeoNames id (else per name)."""
    _, expr, desc = parse_sort(sort, PLACE_SORTS)
    limit, offset = max(1, min(limit, MAX_PAGE)), offset_page(cursor)
    where = Where()
    where.any_of("p.country", f.get("country"))
    where.any_of("p.article_id", f.get("article_id"))
    if f.get("q"):
        escaped = f["q"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.add("p.name LIKE ? ESCAPE '\\'", f"%{escaped}%")
    direction = "DESC" if desc else "ASC"
    group = "COALESCE(CAST(p.geonameid AS TEXT), 'name:' || p.name)"
    rows = store.read(
        f"""
        WITH pl AS (
            SELECT {group} AS k, MIN(p.name) AS name, p.geonameid, AVG(p.lat) AS lat,
                   AVG(p.lon) AS lon, MIN(p.country) AS country, MIN(p.precision) AS precision,
                   COUNT(DISTINCT p.article_id) AS articles,
                   SUM((SELECT COUNT(*) FROM place_mentions m WHERE m.place_id = p.id))
                       AS mentions
            FROM places p {where.sql()} GROUP BY k),
        ev AS (
            SELECT COALESCE(CAST(place_geonameid AS TEXT), 'name:' || place_name) AS k,
                   COUNT(*) AS events
            FROM events WHERE place_name IS NOT NULL GROUP BY k)
        SELECT pl.*, COALESCE(ev.events, 0) AS events FROM pl LEFT JOIN ev ON ev.k = pl.k
        ORDER BY {expr} {direction}, name LIMIT ? OFFSET ?""",
        [*where.params, limit + 1, offset],
    )
    out = [{k: v for k, v in r.items() if k != "k"} for r in _dicts(rows)[:limit]]
    return out, _next(offset, limit, len(rows))


@memo
def map_points(store: Store, f: dict[str, Any]) -> dict[str, Any]:
    """Filtered events with coordinates, grouped by place, with counts by type."""
    where = event_filter(store, f)
    rows = store.read(
        "SELECT e.place_name AS name, e.place_geonameid AS geonameid, e.place_lat AS lat, "
        "e.place_lon AS lon, e.place_country AS country, e.event, COUNT(*) AS n" + EVENT_FROM
        + where.sql(["e.place_lat IS NOT NULL", "e.place_lon IS NOT NULL"])
        + " GROUP BY e.place_name, e.place_lat, e.place_lon, e.event",
        where.params,
    )
    points: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in _dicts(rows):
        key = (r["name"], r["lat"], r["lon"])
        p = points.setdefault(key, {"name": r["name"], "geonameid": r["geonameid"],
                                    "lat": r["lat"], "lon": r["lon"], "country": r["country"],
                                    "events": 0, "by_type": {}})
        p["events"] += r["n"]
        p["by_type"][r["event"]] = r["n"]
    ordered = sorted(points.values(), key=lambda p: (-p["events"], p["name"] or ""))
    total = store.read("SELECT COUNT(*)" + EVENT_FROM + where.sql(), where.params)[0][0]
    return {"points": ordered[:MAX_POINTS], "truncated": len(ordered) > MAX_POINTS,
            "events_total": total, "events_placed": sum(p["events"] for p in ordered)}


# -- filter choices ---------------------------------------------------------------------------


@memo
def store_stats(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Store.stats, cached."""
    return store.stats(top=top)


@memo
def filter_options(store: Store) -> dict[str, list[str]]:
    """The values present in the store for the explorer's drop-down filters."""

    def values(sql: str) -> list[str]:
        return [r[0] for r in store.read(sql) if r[0] is not None]

    return {
        "publishers": values("SELECT DISTINCT source FROM articles ORDER BY source LIMIT 200"),
        "languages": values("SELECT DISTINCT language FROM articles ORDER BY language LIMIT 50"),
        "countries": values(
            "SELECT country FROM actors WHERE country IS NOT NULL GROUP BY country "
            "ORDER BY COUNT(*) DESC LIMIT 80"),
    }
