"""Filtered, paginated listings of the store for the REST API and the explorer.

Every value reaches SQL as a parameter; sort keys come from whitelists; pages are capped. Lists of
rows (articles, statements, events) page with keyset cursors, so a page never repeats or skips a
row however deep it is; aggregate lists (actors, places, dyads) page by offset. Cursors are opaque
base64url strings and are checked before use.

An actor across articles is its (name, country) pair; its stable id is `actor_key(name, country)`.
An event's day is its own date, else its article's publication date (`DAY`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import Any

from ..errors import QueryError, short
from ..store import Store
from ..store.query import attach_actors, event_where, fts_query
from .cache import memo

MAX_PAGE = 200
DAY = "COALESCE(e.date, a.published)"
STATEMENT_DAY = "COALESCE(s.date, a.published)"
MARK = ("\ue000", "\ue001")  # private-use marks for FTS snippets; never shown as they are


def actor_key(name: str, country: str | None) -> str:
    """The stable id of an actor across articles: a hash of its name and country."""
    return hashlib.sha1(f"{name}\x1f{country or ''}".encode()).hexdigest()[:16]


@memo
def actor_index(store: Store) -> MappingProxyType[str, tuple[str, str | None]]:
    """Every actor id in the store, mapped to its (name, country)."""
    rows = store.read("SELECT DISTINCT name, country FROM actors")
    return MappingProxyType({actor_key(name, country): (name, country) for name, country in rows})


def find_actor(store: Store, key: str) -> tuple[str, str | None] | None:
    """The (name, country) pair behind an actor id, or None."""
    return actor_index(store).get(key)


class Where:
    """A WHERE clause built from parameterised pieces."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def any_of(self, expr: str, values: Iterable[Any] | None) -> None:
        values = list(values or [])
        if values:
            self.add(f"{expr} IN ({', '.join('?' * len(values))})", *values)

    def date_range(self, expr: str, date_from: str | None, date_to: str | None) -> None:
        # Dates may be partial (YYYY or YYYY-MM): "to 2025-09" includes every day of September.
        if date_from:
            self.add(f"{expr} >= ?", date_from)
        if date_to:
            self.add(f"substr({expr}, 1, {len(date_to)}) <= ?", date_to)

    def sql(self, extra: Iterable[str] = ()) -> str:
        clauses = [*self.clauses, *extra]
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def match(q: str) -> str:
    """The FTS5 query for user text.

    QueryError E312 for an unbalanced double quote or bracket (so `"ceasefire` or `NEAR(` get
    an explanation rather than a silent guess), E311 when nothing searchable is left.
    """
    problems = [what for what, bad in (("double quote (\")", q.count('"') % 2 == 1),
                                       ("bracket", q.count("(") != q.count(")"))) if bad]
    if problems:
        raise QueryError(
            f"search {short(q)} has an unbalanced {' and an unbalanced '.join(problems)}; "
            'search takes words, "quoted phrases" and prefix* — close it or drop it.',
            code="E312",
        )
    sanitised = fts_query(q)
    if sanitised is None:
        raise QueryError(f"search {short(q)} has no words to look for.", code="E311")
    return sanitised


# -- cursors ----------------------------------------------------------------------------------


def encode_cursor(payload: list[Any]) -> str:
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """A cursor's payload, checked to be `size` plain values; QueryError E312 otherwise."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        payload = None
    if (
        not isinstance(payload, list)
        or len(payload) != size
        or not all(isinstance(v, str | int | float) or v is None for v in payload)
        or any(isinstance(v, bool) for v in payload)
    ):
        raise QueryError(
            f"cursor {short(cursor)} is not valid here; use the `next` value of a page "
            "of the same listing.",
            code="E312",
        )
    return payload


def parse_sort(sort: str, allowed: dict[str, str]) -> tuple[str, str, bool]:
    """(key, SQL expression, descending) for a whitelisted sort; QueryError E312 otherwise."""
    desc = sort.startswith("-")
    key = sort[1:] if desc else sort
    if key not in allowed:
        raise QueryError(
            f"unknown sort {short(sort)}; use one of {', '.join(sorted(allowed))}, "
            "optionally prefixed with '-'.",
            code="E312",
        )
    return key, allowed[key], desc


def keyset_page(
    store: Store,
    select: str,
    where: Where,
    *,
    sort: str,
    sorts: dict[str, str],
    ties: tuple[str, ...],
    limit: int,
    cursor: str | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of `select` ordered by a whitelisted sort, then `ties`; returns rows, next cursor.

    Nulls sort last in both directions. The cursor holds the sort, whether the last value was
    null, the value and the tie-breakers of the last row.
    """
    key, expr, desc = parse_sort(sort, sorts)
    limit = max(1, min(limit, MAX_PAGE))
    extra: list[str] = []
    params = list(where.params)
    if cursor:
        given = decode_cursor(cursor, 3 + len(ties))
        if given[0] != sort:
            raise QueryError(
                f"cursor was made for sort {short(given[0])}, not {sort!r}.", code="E312"
            )
        was_null, value, *tie_values = given[1:]
        ties_sql = f"({', '.join(ties)}) > ({', '.join('?' * len(ties))})"
        if was_null:
            extra.append(f"({expr} IS NULL AND {ties_sql})")
            params.extend(tie_values)
        else:
            op = "<" if desc else ">"
            extra.append(f"({expr} IS NULL OR {expr} {op} ? OR ({expr} = ? AND {ties_sql}))")
            params.extend([value, value, *tie_values])
    direction = "DESC" if desc else "ASC"
    order = f" ORDER BY {expr} IS NULL, {expr} {direction}, {', '.join(ties)}"
    sql = select + where.sql(extra) + order + " LIMIT ?"
    rows = [dict(r) for r in store.read(sql, [*params, limit + 1])]
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        value = last["_sort"]
        next_cursor = encode_cursor(
            [sort, int(value is None), value, *(last[f"_tie{i}"] for i in range(len(ties)))]
        )
    for row in rows:
        row.pop("_sort", None)
        for i in range(len(ties)):
            row.pop(f"_tie{i}", None)
    return rows, next_cursor


def page_columns(expr: str, ties: tuple[str, ...]) -> str:
    """The hidden columns a keyset page needs: its sort value and tie-breakers."""
    return ", ".join([f"{expr} AS _sort", *(f"{t} AS _tie{i}" for i, t in enumerate(ties))])


def offset_page(cursor: str | None) -> int:
    if not cursor:
        return 0
    (offset,) = decode_cursor(cursor, 1)
    if not isinstance(offset, int) or offset < 0:
        raise QueryError(f"cursor {short(cursor)} is not valid here.", code="E312")
    return offset


# -- events -----------------------------------------------------------------------------------

EVENT_COLUMNS = f"""
e.id, e.article_id, e.local_id, a.title, a.published, a.url, a.source, e.event, e.mode,
e.modality, e.contexts, e.actor, e.recipient, e.event_text, e.sentence_text AS sentence,
e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.place_name,
e.place_geonameid, e.place_lat, e.place_lon, e.place_country, e.place_precision, e.date,
e.date_raw, {DAY} AS day, e.cameo, e.intensity, e.statement_id, e.confidence, e.pipeline"""
EVENT_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
EVENT_SORTS = {
    "date": DAY,
    "published": "a.published",
    "event": "e.event",
    "intensity": "e.intensity",
    "confidence": "e.confidence",
    "article": "e.article_id",
}
EVENT_TIES = ("e.article_id", "e.seq")
# Filters handled by the store's own whitelist (wirecoder.store.query.EVENT_FILTERS).
_STORE_FILTERS = (
    "event",
    "mode",
    "modality",
    "article_id",
    "place_country",
    "actor",
    "recipient",
    "actor_country",
    "recipient_country",
    "country",
    "min_confidence",
)
_ROLE = (
    "EXISTS (SELECT 1 FROM event_actors x JOIN actors y ON y.id = x.actor_id "
    "WHERE x.event_id = e.id AND x.role = '{role}' AND y.name = ? AND y.country IS ?)"
)


def event_filter(store: Store, f: dict[str, Any]) -> Where:
    """The WHERE clause for the event filters in `f` (see docs/rest-api.md)."""
    where = Where()
    given = {k: (f.get(k) or None) for k in _STORE_FILTERS if f.get(k) not in (None, [], "")}
    sql, params = event_where(given)
    if sql:
        where.add(sql.removeprefix(" WHERE "), *params)
    if f.get("context"):
        ph = ", ".join("?" * len(f["context"]))
        where.add(f"EXISTS (SELECT 1 FROM json_each(e.contexts) j WHERE j.value IN ({ph}))",
                  *f["context"])
    where.any_of("e.place_name", f.get("place"))
    where.any_of("a.source", f.get("publisher"))
    where.any_of("a.language", f.get("language"))
    where.date_range(DAY, f.get("date_from"), f.get("date_to"))
    roles = [("actor", f.get("actor_id")), ("recipient", f.get("recipient_id"))]
    if f.get("dyad"):
        source, _, target = f["dyad"].partition("-")
        roles += [("actor", source), ("recipient", target)]
    for role, key in roles:
        if key:
            found = find_actor(store, key)
            where.add(_ROLE.format(role=role), *(found or ("", "\x00")))
    if f.get("participant_id"):
        found = find_actor(store, f["participant_id"]) or ("", "\x00")
        where.add(f"({_ROLE.format(role='actor')} OR {_ROLE.format(role='recipient')})",
                  *found, *found)
    if f.get("q"):
        where.add("e.n IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)",
                  match(f["q"]))
    return where


def shape_events(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decode JSON columns, nest the place, attach actor dicts (each with its `key`)."""
    attach_actors(conn, rows)
    for row in rows:
        row["contexts"] = json.loads(row["contexts"] or "[]")
        place = {k: row.pop(f"place_{k}") for k in
                 ("name", "geonameid", "lat", "lon", "country", "precision")}
        row["place"] = place if place["name"] is not None else None
        for actor in (*row["actors"], *row["recipients"]):
            actor["key"] = actor_key(actor["name"], actor["country"])
    return rows


def list_events(
    store: Store, f: dict[str, Any], *, sort: str = "-date", limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of events matching the filters in `f`, and the cursor of the next page."""
    _, expr, _ = parse_sort(sort, EVENT_SORTS)
    select = f"SELECT {EVENT_COLUMNS}, {page_columns(expr, EVENT_TIES)}{EVENT_FROM}"
    rows, nxt = keyset_page(store, select, event_filter(store, f), sort=sort, sorts=EVENT_SORTS,
                            ties=EVENT_TIES, limit=limit, cursor=cursor)
    return shape_events(store.conn, rows), nxt


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event by its id, shaped as in `list_events`."""
    rows = [dict(r) for r in store.read(f"SELECT {EVENT_COLUMNS}{EVENT_FROM} WHERE e.id = ?",
                                        (event_id,))]
    return shape_events(store.conn, rows)[0] if rows else None


@memo
def count_events(store: Store, f: dict[str, Any]) -> int:
    where = event_filter(store, f)
    return int(store.read("SELECT COUNT(*)" + EVENT_FROM + where.sql(), where.params)[0][0])


def iter_events(store: Store, f: dict[str, Any], *, chunk: int = MAX_PAGE) -> Iterator[dict]:
    """Every event matching `f`, in article order, page by page (for exports)."""
    cursor: str | None = None
    while True:
        rows, cursor = list_events(store, f, sort="article", limit=chunk, cursor=cursor)
        yield from rows
        if cursor is None:
            return


# -- statements -------------------------------------------------------------------------------

STATEMENT_COLUMNS = f"""
s.id, s.article_id, s.local_id, a.title, a.published, a.url, a.source, s.speaker_id,
s.speaker_name AS speaker, s.speaker_text, y.name AS speaker_actor,
y.country AS speaker_country, y.sector AS speaker_sector, s.kind, s.cue, s.content, s.start,
s."end", s.addressee, s.place, s.date, {STATEMENT_DAY} AS day, s.pipeline"""
STATEMENT_SORTS = {
    "date": STATEMENT_DAY,
    "published": "a.published",
    "speaker": "s.speaker_name",
    "article": "s.article_id",
}
STATEMENT_TIES = ("s.article_id", "s.seq")


def statement_filter(store: Store, f: dict[str, Any]) -> Where:
    where = Where()
    where.any_of("s.speaker_name COLLATE NOCASE", f.get("speaker"))
    where.any_of("y.country", f.get("speaker_country"))
    where.any_of("s.kind", f.get("kind"))
    where.any_of("s.article_id", f.get("article_id"))
    where.any_of("a.source", f.get("publisher"))
    where.any_of("a.language", f.get("language"))
    where.date_range(STATEMENT_DAY, f.get("date_from"), f.get("date_to"))
    if f.get("speaker_id"):
        name, country = find_actor(store, f["speaker_id"]) or ("", "\x00")
        where.add("y.name = ? AND y.country IS ?", name, country)
    if f.get("q"):
        where.add("statements_fts MATCH ?", match(f["q"]))
    return where


def _statement_from(q: str | None) -> str:
    if q:  # snippet() needs the FTS table itself in FROM
        return (" FROM statements_fts JOIN statements s ON s.n = statements_fts.rowid"
                " JOIN articles a ON a.id = s.article_id LEFT JOIN actors y ON y.id = s.speaker_id")
    return (" FROM statements s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN actors y ON y.id = s.speaker_id")


def list_statements(
    store: Store, f: dict[str, Any], *, sort: str = "-date", limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of statements; with `q`, each row has a `snippet` marked with MARK."""
    _, expr, _ = parse_sort(sort, STATEMENT_SORTS)
    snippet = ""
    params: list[Any] = []
    if f.get("q"):
        snippet = ", snippet(statements_fts, 0, ?, ?, '…', 32) AS snippet"
        params = list(MARK)
    where = statement_filter(store, f)
    where.params = params + where.params
    select = (f"SELECT {STATEMENT_COLUMNS}{snippet}, {page_columns(expr, STATEMENT_TIES)}"
              + _statement_from(f.get("q")))
    rows, nxt = keyset_page(store, select, where, sort=sort, sorts=STATEMENT_SORTS,
                            ties=STATEMENT_TIES, limit=limit, cursor=cursor)
    for row in rows:
        name = row.pop("speaker_actor")
        row["speaker_key"] = actor_key(name, row["speaker_country"]) if name is not None else None
    return rows, nxt


@memo
def count_statements(store: Store, f: dict[str, Any]) -> int:
    where = statement_filter(store, f)
    sql = "SELECT COUNT(*)" + _statement_from(f.get("q")) + where.sql()
    return int(store.read(sql, where.params)[0][0])


def iter_statements(store: Store, f: dict[str, Any]) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    while True:
        rows, cursor = list_statements(store, f, sort="article", limit=MAX_PAGE, cursor=cursor)
        yield from rows
        if cursor is None:
            return


# -- articles ---------------------------------------------------------------------------------

ARTICLE_COLUMNS = """
a.id, a.title, a.url, a.source, a.published, a.language, a.status, a.reason, a.pipeline,
(SELECT COUNT(*) FROM actors WHERE article_id = a.id) AS actors,
(SELECT COUNT(*) FROM statements WHERE article_id = a.id) AS statements,
(SELECT COUNT(*) FROM events WHERE article_id = a.id) AS events"""
ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "id": "a.id"}
ARTICLE_TIES = ("a.id",)


def article_filter(store: Store, f: dict[str, Any]) -> Where:
    where = Where()
    where.any_of("a.source", f.get("publisher"))
    where.any_of("a.language", f.get("language"))
    where.any_of("a.status", f.get("status"))
    where.date_range("a.published", f.get("date_from"), f.get("date_to"))
    if f.get("country"):
        ph = ", ".join("?" * len(f["country"]))
        where.add(f"a.id IN (SELECT article_id FROM actors WHERE country IN ({ph}))",
                  *f["country"])
    if f.get("actor_id"):
        name, country = find_actor(store, f["actor_id"]) or ("", "\x00")
        where.add("a.id IN (SELECT article_id FROM actors WHERE name = ? AND country IS ?)",
                  name, country)
    if f.get("q"):
        q = match(f["q"])
        where.add(
            "(a.id IN (SELECT s.article_id FROM statements_fts JOIN statements s "
            "ON s.n = statements_fts.rowid WHERE statements_fts MATCH ?) OR a.id IN "
            "(SELECT e.article_id FROM sentences_fts JOIN events e ON e.n = sentences_fts.rowid "
            "WHERE sentences_fts MATCH ?))",
            q, q,
        )
    return where


def list_articles(
    store: Store, f: dict[str, Any], *, sort: str = "-published", limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    _, expr, _ = parse_sort(sort, ARTICLE_SORTS)
    select = f"SELECT {ARTICLE_COLUMNS}, {page_columns(expr, ARTICLE_TIES)} FROM articles a"
    return keyset_page(store, select, article_filter(store, f), sort=sort, sorts=ARTICLE_SORTS,
                       ties=ARTICLE_TIES, limit=limit, cursor=cursor)


@memo
def count_articles(store: Store, f: dict[str, Any]) -> int:
    where = article_filter(store, f)
    return int(store.read("SELECT COUNT(*) FROM articles a" + where.sql(), where.params)[0][0])


def iter_article_json(store: Store, f: dict[str, Any]) -> Iterator[str]:
    """The stored record JSON of every article matching `f`, by id."""
    cursor: str | None = None
    while True:
        rows, cursor = list_articles(store, f, sort="id", limit=MAX_PAGE, cursor=cursor)
        ids = [r["id"] for r in rows]
        if ids:
            found = store.read(
                f"SELECT result_json FROM articles WHERE id IN ({', '.join('?' * len(ids))}) "
                "ORDER BY id", ids)
            yield from (r[0] for r in found)
        if cursor is None:
            return
