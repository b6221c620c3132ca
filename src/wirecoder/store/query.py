"""Reading the store: full-text search, event listing, statistics, stored records.

Every value reaches SQL as a parameter; sort keys and filter names come from whitelists; page
sizes are capped at MAX_LIMIT. User search text never reaches FTS5's query language: `fts_query`
turns it into quoted phrases, so quotes, `AND`, `NEAR(`, `*`, `-` and the like are plain words.
Error codes: E311 empty search query, E312 bad sort key, filter or page, E313 time limit.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import QueryError, short

if TYPE_CHECKING:
    from .db import Store

MAX_LIMIT = 1000
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
SNIPPET_MARK = ("[", "]")  # snippets are plain text: escape them before putting them in HTML
_ALNUM = re.compile(r"[^\W_]")
_PIECE = re.compile(r'"([^"]*)"|([^\s"]+)')


def fts_query(q: str) -> str | None:
    """Turn user text into a safe FTS5 query; None when nothing searchable is left.

    Words are ANDed; text in balanced double quotes is a phrase; a word ending in `*` is a
    prefix search. Everything else (operators, brackets, column filters) is literal text.
    """
    if not isinstance(q, str) or not q.strip():
        raise QueryError(f"search query {short(q)} is empty; give at least one word.", code="E311")
    # Control characters (NUL included) are never part of a word.
    text = "".join(ch for ch in q[:MAX_QUERY_CHARS] if not unicodedata.category(ch).startswith("C"))
    terms: list[str] = []
    for m in _PIECE.finditer(text):
        phrase, word = m.group(1), m.group(2)
        piece = phrase if phrase is not None else word.rstrip("*")
        if not _ALNUM.search(piece):
            continue
        term = '"' + piece.replace('"', '""') + '"'
        if word is not None and word.endswith("*"):
            term += " *"
        terms.append(term)
        if len(terms) == MAX_QUERY_TERMS:
            break
    return " ".join(terms) or None


def check_page(limit: int, offset: int) -> tuple[int, int]:
    """Validate paging; limit is capped at MAX_LIMIT."""
    for name, value in (("limit", limit), ("offset", offset)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise QueryError(f"{name} {short(value)} must be a whole number >= 0.", code="E312")
    return min(limit, MAX_LIMIT), offset


def _dicts(rows: Iterable[sqlite3.Row]) -> list[dict[str, Any]]:
    return [dict(r) for r in rows]


def _search(
    store: Store, sql: str, q: str, limit: int, offset: int, mark: tuple[str, str]
) -> list[dict[str, Any]]:
    limit, offset = check_page(limit, offset)
    match = fts_query(q)
    if match is None or limit == 0:
        return []
    try:
        rows = store.read(
            sql,
            {"match": match, "open": mark[0], "close": mark[1], "limit": limit, "offset": offset},
        )
    except QueryError as exc:
        if exc.code == "E312":  # FTS5 refused the query: the contract is "nothing found"
            return []
        raise
    return _dicts(rows)


STATEMENT_SEARCH_SQL = """
SELECT s.id, s.article_id, a.title, a.published, a.url, s.speaker_id,
       s.speaker_name AS speaker, s.speaker_text, s.kind, s.cue, s.content, s.start, s."end",
       s.addressee, s.place, s.date, s.pipeline,
       snippet(statements_fts, 0, :open, :close, '…', 24) AS snippet
FROM statements_fts
JOIN statements s ON s.n = statements_fts.rowid
JOIN articles a ON a.id = s.article_id
WHERE statements_fts MATCH :match
ORDER BY statements_fts.rank, s.id
LIMIT :limit OFFSET :offset
"""


def search_statements(
    store: Store, q: str, *, limit: int = 20, offset: int = 0, mark: tuple[str, str] = SNIPPET_MARK
) -> list[dict[str, Any]]:
    """Statements whose content, speaker name or cue match `q`, best first."""
    return _search(store, STATEMENT_SEARCH_SQL, q, limit, offset, mark)


SENTENCE_SEARCH_SQL = """
SELECT e.id, e.article_id, a.title, a.published, a.url, e.event, e.mode, e.modality,
       e.date, e.event_text, e.sentence_text AS sentence, e.sentence_start, e.sentence_end,
       e.actor, e.recipient, e.pipeline,
       snippet(sentences_fts, 0, :open, :close, '…', 24) AS snippet
FROM sentences_fts
JOIN events e ON e.n = sentences_fts.rowid
JOIN articles a ON a.id = e.article_id
WHERE sentences_fts MATCH :match
ORDER BY sentences_fts.rank, e.id
LIMIT :limit OFFSET :offset
"""


def search_sentences(
    store: Store, q: str, *, limit: int = 20, offset: int = 0, mark: tuple[str, str] = SNIPPET_MARK
) -> list[dict[str, Any]]:
    """Events whose sentence text or event type match `q`, best first (one hit per event)."""
    hits = _search(store, SENTENCE_SEARCH_SQL, q, limit, offset, mark)
    return attach_actors(store.conn, hits)


# -- events -----------------------------------------------------------------------------------

EVENT_SELECT = """
SELECT e.id, e.article_id, a.title, a.published, a.url, e.event, e.mode, e.modality,
       e.contexts, e.actor, e.recipient, e.event_text, e.sentence_text AS sentence,
       e.sentence_start, e.sentence_end, e.place_name, e.place_geonameid, e.place_lat,
       e.place_lon, e.place_country, e.place_precision, e.date, e.date_raw, e.cameo,
       e.intensity, e.statement_id, e.confidence, e.pipeline
FROM events e JOIN articles a ON a.id = e.article_id
"""

_HAS_ROLE = (
    "EXISTS (SELECT 1 FROM event_actors x JOIN actors y ON y.id = x.actor_id "
    "WHERE x.event_id = e.id AND {role} AND {cond})"
)
_ACTOR = _HAS_ROLE.format(role="x.role = 'actor'", cond="{cond}")
_RECIPIENT = _HAS_ROLE.format(role="x.role = 'recipient'", cond="{cond}")
_ANY = _HAS_ROLE.format(role="1", cond="{cond}")

# filter name -> (SQL template with {ph} for placeholders, takes a list of values?)
EVENT_FILTERS: dict[str, tuple[str, bool]] = {
    "event": ("e.event IN ({ph})", True),
    "mode": ("e.mode IN ({ph})", True),
    "modality": ("e.modality IN ({ph})", True),
    "article_id": ("e.article_id IN ({ph})", True),
    "pipeline": ("e.pipeline IN ({ph})", True),
    "place_country": ("e.place_country IN ({ph})", True),
    "actor": (_ACTOR.format(cond="y.name COLLATE NOCASE IN ({ph})"), True),
    "recipient": (_RECIPIENT.format(cond="y.name COLLATE NOCASE IN ({ph})"), True),
    "actor_country": (_ACTOR.format(cond="y.country IN ({ph})"), True),
    "recipient_country": (_RECIPIENT.format(cond="y.country IN ({ph})"), True),
    "country": (_ANY.format(cond="y.country IN ({ph})"), True),
    "date_from": ("e.date >= {ph}", False),
    "date_to": ("e.date <= {ph}", False),
    "min_confidence": ("e.confidence >= {ph}", False),
}

# sort key -> SQL expression; "-key" sorts descending. Ties break on article and position.
EVENT_SORTS: dict[str, str] = {
    "article": "e.article_id",
    "date": "e.date",
    "published": "a.published",
    "event": "e.event",
    "intensity": "e.intensity",
    "confidence": "e.confidence",
}


def event_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters from whitelisted filters; None values are ignored."""
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in filters.items():
        if name not in EVENT_FILTERS:
            raise QueryError(
                f"unknown event filter {short(name)}; use one of "
                f"{', '.join(sorted(EVENT_FILTERS))}.",
                code="E312",
            )
        if value is None:
            continue
        template, many = EVENT_FILTERS[name]
        values = list(value) if many and isinstance(value, list | tuple | set) else [value]
        if not many and len(values) != 1:
            raise QueryError(f"filter {name} takes one value, not {short(value)}.", code="E312")
        if not values:
            continue
        for v in values:
            if not isinstance(v, str | int | float) or isinstance(v, bool):
                raise QueryError(
                    f"filter {name} value {short(v)} must be text or a number.", code="E312"
                )
        clauses.append(template.format(ph=", ".join("?" * len(values))))
        params.extend(values)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def event_order(sort: str) -> str:
    key = sort[1:] if isinstance(sort, str) and sort.startswith("-") else sort
    if key not in EVENT_SORTS:
        raise QueryError(
            f"unknown sort key {short(sort)}; use one of "
            f"{', '.join(sorted(EVENT_SORTS))}, optionally prefixed with '-'.",
            code="E312",
        )
    expr = EVENT_SORTS[key]
    direction = "DESC" if sort.startswith("-") else "ASC"
    # Nulls last in both directions; then a total order, so pages never overlap.
    return f" ORDER BY {expr} IS NULL, {expr} {direction}, e.article_id, e.seq"


def attach_actors(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace the JSON `actor`/`recipient` id lists with actor dicts, in the record's order."""
    ids: set[str] = set()
    for e in events:
        for role in ("actor", "recipient"):
            e[role] = json.loads(e[role]) if isinstance(e.get(role), str) else e.get(role) or []
            ids.update(e[role])
    info: dict[str, dict[str, Any]] = {}
    id_list = sorted(ids)
    for i in range(0, len(id_list), 500):
        chunk = id_list[i : i + 500]
        rows = conn.execute(
            f"SELECT id, name, country, sector, role FROM actors WHERE id IN "
            f"({', '.join('?' * len(chunk))})",
            chunk,
        )
        info.update({r["id"]: dict(r) for r in rows})
    for e in events:
        e["actors"] = [info[x] for x in e.pop("actor") if x in info]
        e["recipients"] = [info[x] for x in e.pop("recipient") if x in info]
    return events


def _shape_event(row: dict[str, Any]) -> dict[str, Any]:
    row["contexts"] = json.loads(row["contexts"] or "[]")
    place = {
        k: row.pop(f"place_{k}")
        for k in ("name", "geonameid", "lat", "lon", "country", "precision")
    }
    row["place"] = place if place["name"] is not None else None
    return row


def list_events(
    store: Store, *, sort: str = "article", limit: int = 100, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Events with their actors, recipients and place; see EVENT_FILTERS and EVENT_SORTS."""
    limit, offset = check_page(limit, offset)
    where, params = event_where(filters)
    sql = EVENT_SELECT + where + event_order(sort) + " LIMIT ? OFFSET ?"
    rows = _dicts(store.read(sql, [*params, limit, offset]))
    return [_shape_event(r) for r in attach_actors(store.conn, rows)]


def count_events(store: Store, **filters: Any) -> int:
    where, params = event_where(filters)
    return int(
        store.read(
            "SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id" + where, params
        )[0][0]
    )


def iter_events(conn: sqlite3.Connection, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every event, shaped as by `list_events`, in (article id, position) order; for exports."""
    cur = conn.execute(EVENT_SELECT + event_order("article"))
    while rows := cur.fetchmany(chunk):
        yield from (_shape_event(r) for r in attach_actors(conn, _dicts(rows)))


def iter_statements(conn: sqlite3.Connection, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every statement with its article's date and URL and its speaker's codes; for exports."""
    cur = conn.execute("""
        SELECT s.id, s.article_id, a.published, s.speaker_id, s.speaker_name AS speaker,
               s.speaker_text, ac.country AS speaker_country, ac.sector AS speaker_sector,
               s.kind, s.cue, s.content, s.start, s."end", s.addressee, s.place, s.date,
               a.url, s.pipeline
        FROM statements s JOIN articles a ON a.id = s.article_id
        LEFT JOIN actors ac ON ac.id = s.speaker_id
        ORDER BY s.article_id, s.seq""")
    while rows := cur.fetchmany(chunk):
        yield from _dicts(rows)


# -- records and statistics -------------------------------------------------------------------


def get_result(store: Store, article_id: str) -> dict[str, Any] | None:
    rows = store.read("SELECT result_json FROM articles WHERE id = ?", (article_id,))
    return json.loads(rows[0][0]) if rows else None


def iter_result_json(conn: sqlite3.Connection, *, chunk: int = 100) -> Iterator[str]:
    """The stored JSON text of every record, ordered by article id."""
    cur = conn.execute("SELECT result_json FROM articles ORDER BY id")
    while rows := cur.fetchmany(chunk):
        yield from (r[0] for r in rows)


def iter_results(store: Store) -> Iterator[dict[str, Any]]:
    return (json.loads(text) for text in iter_result_json(store.conn))


def _count(store: Store, sql: str, params: Iterable[Any] = ()) -> int:
    return int(store.read(sql, params)[0][0])


def _tally(store: Store, sql: str) -> dict[str, int]:
    return {r[0]: r[1] for r in store.read(sql)}


def stats(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Counts of everything, events by type and modality, top actors and speakers."""
    top, _ = check_page(top, 0)
    by_status = _tally(store, "SELECT status, COUNT(*) FROM articles GROUP BY status")
    top_actors = store.read(
        """
        SELECT ac.name, ac.country, COUNT(DISTINCT ea.event_id) AS events,
               SUM(ea.role = 'actor') AS as_actor, SUM(ea.role = 'recipient') AS as_recipient
        FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
        GROUP BY ac.name, ac.country
        ORDER BY events DESC, ac.name, ac.country LIMIT ?""",
        (top,),
    )
    top_speakers = store.read(
        """
        SELECT s.speaker_name AS name, ac.country, COUNT(*) AS statements
        FROM statements s JOIN actors ac ON ac.id = s.speaker_id
        GROUP BY s.speaker_name, ac.country
        ORDER BY statements DESC, name, ac.country LIMIT ?""",
        (top,),
    )
    return {
        "articles": sum(by_status.values()),
        "coded": by_status.get("coded", 0),
        "not_coded": by_status.get("not_coded", 0),
        "rejected": _count(store, "SELECT COUNT(*) FROM rejected"),
        "duplicates": _count(store, "SELECT COUNT(*) FROM duplicates"),
        "actors": _count(store, "SELECT COUNT(*) FROM actors"),
        "statements": _count(store, "SELECT COUNT(*) FROM statements"),
        "events": _count(store, "SELECT COUNT(*) FROM events"),
        "places": _count(store, "SELECT COUNT(*) FROM places"),
        "events_by_type": _tally(
            store, "SELECT event, COUNT(*) AS n FROM events GROUP BY event ORDER BY n DESC, event"
        ),
        "events_by_modality": _tally(
            store,
            "SELECT modality, COUNT(*) AS n FROM events "
            "GROUP BY modality ORDER BY n DESC, modality",
        ),
        "rejected_by_code": _tally(
            store, "SELECT code, COUNT(*) AS n FROM rejected GROUP BY code ORDER BY n DESC, code"
        ),
        "pipelines": _tally(
            store,
            "SELECT pipeline, COUNT(*) AS n FROM articles "
            "GROUP BY pipeline ORDER BY n DESC, pipeline",
        ),
        "top_actors": _dicts(top_actors),
        "top_speakers": _dicts(top_speakers),
        "schema_version": store.version,
    }
