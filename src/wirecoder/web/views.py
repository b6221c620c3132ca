"""The explorer's pages as context dicts: one function per page, shared by HTML and JSON.

A view takes a read-only Store and validated parameters and returns plain, JSON-ready data. The
HTML template and the `.json` twin of a page are rendered from the very same dict (Datasette's
rule), so whatever a page shows can be fetched as data. Views return None for "not found".
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from ..ontology import MODALITIES, PLOVER_EVENTS, SECTORS, contexts, event_types
from ..store import Store
from . import aggregates, queries
from .highlight import article_spans, evidence, marked, segments
from .params import Params
from .security import clip

LIST_TEXT = 400  # characters of a statement shown in a listing


def href(path: str, params: dict[str, Any] | None = None, **extra: Any) -> str:
    """A URL with the given query parameters; empty values are left out."""
    items: list[tuple[str, str]] = []
    for key, value in {**(params or {}), **extra}.items():
        values = value if isinstance(value, list | tuple) else [value]
        items.extend((key, str(v)) for v in values if v not in (None, ""))
    return path + ("?" + urlencode(items) if items else "")


def article_href(article_id: str, anchor: str | None = None) -> str:
    return "/articles/" + quote(article_id, safe="") + (f"#{anchor}" if anchor else "")


def given(p: Params) -> dict[str, Any]:
    """The parameters the client set (not defaults), for links that keep the current view."""
    return p.model_dump(exclude_defaults=True)


def listing(path: str, p: Params, rows: list[dict[str, Any]], nxt: str | None,
            total: int | None) -> dict[str, Any]:
    state = given(p)
    state.pop("cursor", None)
    return {
        "filters": p.filters(),
        "sort": getattr(p, "sort", None),
        "limit": getattr(p, "limit", None),
        "total": total,
        "rows": rows,
        "next": nxt,
        "next_url": href(path, state, cursor=nxt) if nxt else None,
        "first_url": href(path, state) if getattr(p, "cursor", None) else None,
    }


def choices() -> dict[str, Any]:
    """Fixed vocabularies for filter forms."""
    return {"events": list(PLOVER_EVENTS), "modalities": list(MODALITIES),
            "sectors": list(SECTORS), "contexts": sorted(contexts()),
            "intensity": {name: t.intensity for name, t in event_types().items()}}


def _with_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["evidence"] = evidence(row)
        row["href"] = article_href(row["article_id"], f"e-{row['local_id']}")
    return rows


# -- pages ------------------------------------------------------------------------------------


def overview(store: Store, p: Params) -> dict[str, Any]:
    stats = aggregates.store_stats(store, top=10)
    latest, _ = queries.list_events(store, {}, sort="-date", limit=10)
    actors, _ = aggregates.list_actors(store, {}, sort="-events", limit=10)
    dyads, _ = aggregates.list_dyads(store, {}, limit=10)
    counts = {k: stats[k] for k in ("articles", "coded", "not_coded", "actors", "statements",
                                    "events", "places", "rejected", "duplicates")}
    return {"title": "Overview", "counts": counts, "events_by_type": stats["events_by_type"],
            "events_by_modality": stats["events_by_modality"],
            "latest_events": _with_evidence(latest), "top_actors": actors, "top_dyads": dyads,
            "top_speakers": stats["top_speakers"]}


def events(store: Store, p: Any) -> dict[str, Any]:
    f = p.filters()
    rows, nxt = queries.list_events(store, f, sort=p.sort, limit=p.limit, cursor=p.cursor)
    ctx = listing("/events", p, _with_evidence(rows), nxt, queries.count_events(store, f))
    ctx["title"] = "Events"
    ctx["exports"] = {fmt: href("/api/events/export", f, format=fmt)
                      for fmt in ("csv", "jsonl", "parquet", "geojson", "gexf")}
    ctx["options"] = {**choices(), **aggregates.filter_options(store)}
    return ctx


def statements(store: Store, p: Any) -> dict[str, Any]:
    f = p.filters()
    rows, nxt = queries.list_statements(store, f, sort=p.sort, limit=p.limit, cursor=p.cursor)
    for row in rows:
        row["highlight"] = marked(row.pop("snippet", None))
        row["content_clipped"] = clip(row["content"], LIST_TEXT)
        row["href"] = article_href(row["article_id"], f"s-{row['local_id']}")
    ctx = listing("/statements", p, rows, nxt, queries.count_statements(store, f))
    ctx["title"] = "Statements"
    ctx["exports"] = {fmt: href("/api/statements/export", f, format=fmt)
                      for fmt in ("csv", "jsonl", "parquet")}
    ctx["options"] = aggregates.filter_options(store)
    return ctx


def actors(store: Store, p: Any) -> dict[str, Any]:
    rows, nxt = aggregates.list_actors(store, p.filters(), sort=p.sort, limit=p.limit,
                                       cursor=p.cursor)
    ctx = listing("/actors", p, rows, nxt, None)
    ctx["title"] = "Actors"
    ctx["exports"] = {fmt: href("/api/actors/export", p.filters(), format=fmt)
                      for fmt in ("csv", "jsonl")}
    ctx["options"] = {**choices(), **aggregates.filter_options(store)}
    return ctx


def actor(store: Store, key: str) -> dict[str, Any] | None:
    profile = aggregates.actor_profile(store, key)
    if profile is None:
        return None
    as_actor, _ = queries.list_events(store, {"actor_id": key}, sort="-date", limit=50)
    as_recipient, _ = queries.list_events(store, {"recipient_id": key}, sort="-date", limit=50)
    said, _ = queries.list_statements(store, {"speaker_id": key}, sort="-date", limit=50)
    for row in said:
        row["content_clipped"] = clip(row["content"], LIST_TEXT)
        row["href"] = article_href(row["article_id"], f"s-{row['local_id']}")
    return {
        "title": profile["name"],
        "actor": profile,
        "events_as_actor": _with_evidence(as_actor),
        "events_as_actor_total": queries.count_events(store, {"actor_id": key}),
        "events_as_recipient": _with_evidence(as_recipient),
        "events_as_recipient_total": queries.count_events(store, {"recipient_id": key}),
        "statements": said,
        "statements_total": queries.count_statements(store, {"speaker_id": key}),
        "links": {"events": href("/events", participant_id=key),
                  "statements": href("/statements", speaker_id=key),
                  "articles": href("/articles", actor_id=key),
                  "network": href("/network", participant_id=key)},
    }


def articles(store: Store, p: Any) -> dict[str, Any]:
    f = p.filters()
    rows, nxt = queries.list_articles(store, f, sort=p.sort, limit=p.limit, cursor=p.cursor)
    for row in rows:
        row["href"] = article_href(row["id"])
    ctx = listing("/articles", p, rows, nxt, queries.count_articles(store, f))
    ctx["title"] = "Articles"
    ctx["exports"] = {"jsonl": href("/api/articles/export", f, format="jsonl")}
    ctx["options"] = aggregates.filter_options(store)
    return ctx


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    record = store.get_result(article_id)
    if record is None:
        return None
    art = record["article"]
    local = {a["id"]: a for a in record.get("actors", [])}

    def people(ids: list[str]) -> list[dict[str, Any]]:
        return [{"id": i, "name": local[i]["name"], "country": local[i].get("country"),
                 "key": queries.actor_key(local[i]["name"], local[i].get("country"))}
                for i in ids if i in local]

    actor_rows = [{**{k: a.get(k) for k in ("id", "name", "kind", "country", "sector", "role",
                                            "wikidata")},
                   "mentions": len(a.get("mentions", [])),
                   "key": queries.actor_key(a["name"], a.get("country"))}
                  for a in record.get("actors", [])]
    statement_rows = []
    for s in record.get("statements", []):
        speaker = people([s["speaker"]]) if s.get("speaker") else []
        statement_rows.append({**s, "speaker_actor": speaker[0] if speaker else None,
                               "content_clipped": clip(s["content"], LIST_TEXT)})
    event_rows = []
    for e in record.get("events", []):
        row = {**e, "actors": people(e.get("actor", [])),
               "recipients": people(e.get("recipient", []))}
        event_rows.append(row)
    place_rows = [{"ref": f"p-{n}", **{k: p.get(k) for k in
                                      ("name", "geonameid", "lat", "lon", "country", "precision")},
                   "mentions": len(p.get("mentions", []))}
                  for n, p in enumerate(record.get("places", []), start=1)]
    return {
        "title": art.get("title") or art["id"],
        "article": {k: art.get(k) for k in ("id", "title", "url", "source", "published",
                                            "language")},
        "status": record.get("status", "coded"),
        "reason": record.get("reason"),
        "pipeline": record.get("pipeline"),
        "segments": segments(art["text"], article_spans(record)),
        "actors": actor_rows,
        "statements": statement_rows,
        "events": event_rows,
        "places": place_rows,
        "record_url": "/api/articles/" + quote(art["id"], safe=""),
    }


def places(store: Store, p: Any) -> dict[str, Any]:
    rows, nxt = aggregates.list_places(store, p.filters(), sort=p.sort, limit=p.limit,
                                       cursor=p.cursor)
    ctx = listing("/places", p, rows, nxt, None)
    ctx["title"] = "Places"
    ctx["exports"] = {fmt: href("/api/places/export", p.filters(), format=fmt)
                      for fmt in ("csv", "jsonl", "geojson")}
    return ctx


def timeline(store: Store, p: Any) -> dict[str, Any]:
    data = aggregates.timeline(store, p.filters(), bin=p.bin)
    return {"title": "Timeline", "filters": p.filters(), **data,
            "options": {**choices(), **aggregates.filter_options(store)}}


def network(store: Store, p: Any) -> dict[str, Any]:
    data = aggregates.network(store, p.filters(), limit=p.limit)
    return {"title": "Network", "filters": p.filters(), **data,
            "options": {**choices(), **aggregates.filter_options(store)}}


def map_view(store: Store, p: Any) -> dict[str, Any]:
    data = aggregates.map_points(store, p.filters())
    return {"title": "Map", "filters": p.filters(), **data,
            "options": {**choices(), **aggregates.filter_options(store)}}
