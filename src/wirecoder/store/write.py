"""Writing Result records, quarantined inputs and duplicates into the store.

A record becomes rows in pure Python first (`result_rows`), so a malformed record is found before
any SQL runs. Each batch is one transaction: for every record the article's old rows are deleted
and the new ones inserted, so rewriting an article never changes the counts, and a crash
mid-batch leaves the previous batches committed and this one absent — rerunning the same input
ends in exactly the state of a clean run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ConfigError, StoreError, short
from ..model import SCHEMA

if TYPE_CHECKING:
    from .db import Store

log = logging.getLogger(__name__)

STATUSES = ("coded", "not_coded")
SCALARS = (str, int, float)  # what a column may hold, besides NULL

# Column lists, in insert order; `result_rows` builds tuples in exactly this order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "title",
        "url",
        "source",
        "published",
        "language",
        "text",
        "status",
        "reason",
        "pipeline",
        "result_json",
        "ingested_at",
    ),
    "actors": (
        "id",
        "article_id",
        "seq",
        "local_id",
        "name",
        "kind",
        "country",
        "sector",
        "role",
        "wikidata",
        "pipeline",
    ),
    "mentions": ("actor_id", "seq", "article_id", "start", "end", "text", "pipeline"),
    "statements": (
        "id",
        "article_id",
        "seq",
        "local_id",
        "speaker_id",
        "speaker_name",
        "speaker_text",
        "kind",
        "cue",
        "content",
        "start",
        "end",
        "addressee",
        "place",
        "date",
        "speaker_start",
        "speaker_end",
        "cue_start",
        "cue_end",
        "pipeline",
    ),
    "events": (
        "id",
        "article_id",
        "seq",
        "local_id",
        "event",
        "mode",
        "modality",
        "contexts",
        "actor",
        "recipient",
        "event_text",
        "sentence_start",
        "sentence_end",
        "sentence_text",
        "place_name",
        "place_geonameid",
        "place_lat",
        "place_lon",
        "place_country",
        "place_precision",
        "date",
        "date_raw",
        "cameo",
        "intensity",
        "statement_id",
        "confidence",
        "trigger_start",
        "trigger_end",
        "pipeline",
    ),
    "event_actors": ("event_id", "actor_id", "role", "pipeline"),
    "places": (
        "id",
        "article_id",
        "seq",
        "name",
        "geonameid",
        "lat",
        "lon",
        "country",
        "precision",
        "pipeline",
    ),
    "place_mentions": ("place_id", "seq", "article_id", "start", "end", "text", "pipeline"),
}
# Parents before children, so foreign keys hold at every insert.
INSERT_ORDER = (
    "articles",
    "actors",
    "mentions",
    "statements",
    "events",
    "event_actors",
    "places",
    "place_mentions",
)
# Children before parents.
DELETE_SQL = (
    "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)",
    "DELETE FROM events WHERE article_id = ?",
    "DELETE FROM statements WHERE article_id = ?",
    "DELETE FROM mentions WHERE article_id = ?",
    "DELETE FROM actors WHERE article_id = ?",
    "DELETE FROM place_mentions WHERE article_id = ?",
    "DELETE FROM places WHERE article_id = ?",
)


def _insert_sql(table: str) -> str:
    cols = COLUMNS[table]
    names = ", ".join(f'"{c}"' for c in cols)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"


INSERT_SQL = {table: _insert_sql(table) for table in INSERT_ORDER}


@dataclass
class WriteSummary:
    """What one `write_results` call did."""

    articles: int = 0  # records written, new or replacing a stored one
    replaced: int = 0  # of those, how many replaced an article already stored
    rejected: int = 0  # malformed records quarantined (on_error="reject")
    batches: int = 0  # transactions committed
    rows: dict[str, int] = field(default_factory=dict)  # rows inserted per table

    def add_rows(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, items in rows.items():
            self.rows[table] = self.rows.get(table, 0) + len(items)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _bad(record_id: object, what: str) -> StoreError:
    return StoreError(
        f"Result {short(record_id)}: {what}; expected a wirecoder/1 record as "
        "made by Result.to_dict().",
        code="E306",
    )


def _as_dict(record: Any) -> dict[str, Any]:
    if hasattr(record, "to_dict"):
        record = record.to_dict()
    if not isinstance(record, Mapping):
        raise _bad(record, f"not a mapping but {type(record).__name__}")
    return dict(record)


def _unique_ids(items: list[dict[str, Any]], kind: str, art_id: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        local = item["id"]
        if not isinstance(local, str) or not local:
            raise _bad(art_id, f"{kind} id {short(local)} is not a non-empty string")
        if local in out:
            raise _bad(art_id, f"{kind} id {short(local)} occurs twice")
        out[local] = item
    return out


def result_rows(record: Any) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one Result record becomes, per table; raises StoreError E306 if malformed."""
    data = _as_dict(record)
    try:
        rows = _rows(data)
        for table, items in rows.items():
            for row in items:
                for col, value in zip(COLUMNS[table], row, strict=True):
                    if value is not None and not isinstance(value, SCALARS):
                        raise TypeError(f"{table}.{col} is a {type(value).__name__}")
        return rows
    except StoreError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        art = data.get("article")
        art_id = art.get("id") if isinstance(art, Mapping) else None
        raise _bad(art_id, f"{type(exc).__name__}: {short(str(exc))}") from exc


def _row(table: str, source: Mapping[str, Any], **fixed: Any) -> tuple[Any, ...]:
    """A row for `table`: each column from `fixed` if given, else from the record's same key."""
    return tuple(fixed[c] if c in fixed else source.get(c) for c in COLUMNS[table])


def _rows(data: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    if data.get("schema") != SCHEMA:
        raise _bad(None, f"schema is {short(data.get('schema'))}, not {SCHEMA!r}")
    art = data["article"]
    art_id, text = art["id"], art["text"]
    if not isinstance(art_id, str) or not art_id:
        raise _bad(art_id, "article id is not a non-empty string")
    if not isinstance(text, str):
        raise _bad(art_id, "article text is not a string")
    status = data.get("status", "coded")
    if status not in STATUSES:
        raise _bad(art_id, f"status {short(status)} is not one of {', '.join(STATUSES)}")
    pipe = data.get("pipeline")
    # allow_nan=False: NaN is not JSON, and would not compare equal when read back.
    result_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    common = {"article_id": art_id, "pipeline": pipe}

    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in INSERT_ORDER}
    rows["articles"].append(
        _row(
            "articles",
            art,
            status=status,
            reason=data.get("reason"),
            pipeline=pipe,
            result_json=result_json,
            ingested_at=now(),
        )
    )

    actors = _unique_ids(data.get("actors", []), "actor", art_id)
    for seq, (local, a) in enumerate(actors.items()):
        row_id = f"{art_id}:{local}"
        rows["actors"].append(
            _row("actors", a, **common, id=row_id, seq=seq, local_id=local, name=a["name"])
        )
        for m_seq, m in enumerate(a.get("mentions", [])):
            rows["mentions"].append(_mention("mentions", m, common, actor_id=row_id, seq=m_seq))

    statements = _unique_ids(data.get("statements", []), "statement", art_id)
    for seq, (local, s) in enumerate(statements.items()):
        speaker = actors.get(s["speaker"]) if s.get("speaker") is not None else None
        if s.get("speaker") is not None and speaker is None:
            log.warning("article %s statement %s: unknown speaker %r", art_id, local, s["speaker"])
        rows["statements"].append(
            _row(
                "statements",
                s,
                **common,
                id=f"{art_id}:{local}",
                seq=seq,
                local_id=local,
                speaker_id=f"{art_id}:{s['speaker']}" if speaker else None,
                speaker_name=speaker["name"] if speaker else s.get("speaker_text"),
                content=s["content"],
            )
        )

    events = _unique_ids(data.get("events", []), "event", art_id)
    for seq, (local, e) in enumerate(events.items()):
        row_id = f"{art_id}:{local}"
        resolved: dict[str, list[str]] = {}
        for role in ("actor", "recipient"):
            ids = e.get(role) or []
            unknown = [x for x in ids if x not in actors]
            if unknown:
                log.warning("article %s event %s: unknown %s ids %r", art_id, local, role, unknown)
            # dict.fromkeys: keep order, drop repeats (the join table's key is unique).
            resolved[role] = [f"{art_id}:{x}" for x in dict.fromkeys(ids) if x in actors]
            rows["event_actors"].extend((row_id, aid, role, pipe) for aid in resolved[role])
        sent = e.get("sentence") or {}
        s_start, s_end = sent.get("start"), sent.get("end")
        sentence = None
        if isinstance(s_start, int) and isinstance(s_end, int):
            sentence = text[s_start:s_end]
        place = e.get("place") or {}
        stmt = e.get("statement")
        rows["events"].append(
            _row(
                "events",
                e,
                **common,
                id=row_id,
                seq=seq,
                local_id=local,
                event=e["event"],
                contexts=json.dumps(list(e.get("contexts") or []), ensure_ascii=False),
                actor=json.dumps(resolved["actor"], ensure_ascii=False),
                recipient=json.dumps(resolved["recipient"], ensure_ascii=False),
                sentence_start=s_start,
                sentence_end=s_end,
                sentence_text=sentence,
                statement_id=f"{art_id}:{stmt}" if stmt in statements else None,
                **{
                    f"place_{k}": place.get(k)
                    for k in ("name", "geonameid", "lat", "lon", "country", "precision")
                },
            )
        )

    for seq, p in enumerate(data.get("places", []), start=1):
        place_id = f"{art_id}:p{seq}"
        rows["places"].append(_row("places", p, **common, id=place_id, seq=seq, name=p["name"]))
        for m_seq, m in enumerate(p.get("mentions", [])):
            rows["place_mentions"].append(
                _mention("place_mentions", m, common, place_id=place_id, seq=m_seq)
            )
    return rows


def _mention(
    table: str, m: Mapping[str, Any], common: dict[str, Any], **fixed: Any
) -> tuple[Any, ...]:
    # Offsets and text are required: a mention without them is no evidence.
    return _row(table, m, **common, **fixed, start=m["start"], end=m["end"], text=m["text"])


def delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Delete an article's rows (inside the caller's transaction); True if it existed."""
    for sql in DELETE_SQL:
        conn.execute(sql, (article_id,))
    return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


def insert_rows(conn: sqlite3.Connection, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    for table in INSERT_ORDER:
        if rows[table]:
            conn.executemany(INSERT_SQL[table], rows[table])


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _origin(record: Any) -> str:
    """A stable origin for a malformed record: its article id, else a hash of its repr."""
    art = record.get("article") if isinstance(record, Mapping) else None
    if isinstance(art, Mapping) and isinstance(art.get("id"), str) and art["id"]:
        return f"result:{art['id']}"
    return "result:" + hashlib.sha1(repr(record).encode("utf-8")).hexdigest()


def write_results(
    store: Store,
    results: Iterable[Any],
    *,
    batch_size: int = 50,
    on_error: Literal["raise", "reject"] = "raise",
) -> WriteSummary:
    """Write records in batches, one transaction each (see the module docstring).

    A batch is read from `results` before its transaction opens, so slow producers (the NLP
    pipeline) never hold the write lock. on_error="raise" stops at a malformed record with
    StoreError E306 (earlier batches stay committed); "reject" quarantines it in `rejected`
    with code E212 and writes the rest.
    """
    store.require_writable()
    if batch_size < 1:
        raise ConfigError(f"batch_size {batch_size!r} must be at least 1.", code="E401")
    if on_error not in ("raise", "reject"):
        raise ConfigError(f"on_error {short(on_error)} must be 'raise' or 'reject'.", code="E401")
    summary = WriteSummary()
    for batch in _batches(results, batch_size):
        prepared: list[dict[str, list[tuple[Any, ...]]]] = []
        rejects: list[tuple[str, str]] = []
        for record in batch:
            try:
                prepared.append(result_rows(record))
            except StoreError as exc:
                if on_error == "raise":
                    raise
                rejects.append((_origin(record), exc.detail))
        replaced = 0
        with store.transaction() as conn:
            for rows in prepared:
                art_id = rows["articles"][0][0]
                # Child rows exist only under a stored article, so new ones skip the deletes.
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (art_id,)).fetchone():
                    replaced += delete_article(conn, art_id)
                insert_rows(conn, rows)
            stamp = now()
            for origin, reason in rejects:
                _upsert_rejected(conn, origin, "E212", reason, stamp)
        # Counted only after COMMIT, so the summary never reports rows that were rolled back.
        summary.batches += 1
        summary.articles += len(prepared)
        summary.replaced += replaced
        summary.rejected += len(rejects)
        for rows in prepared:
            summary.add_rows(rows)
    return summary


def has_article(store: Store, article_id: str, pipeline: str | None = None) -> bool:
    if pipeline is None:
        rows = store.read("SELECT 1 FROM articles WHERE id = ?", (article_id,))
    else:
        rows = store.read(
            "SELECT 1 FROM articles WHERE id = ? AND pipeline = ?", (article_id, pipeline)
        )
    return bool(rows)


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str) or not value:
        raise StoreError(f"{name} {short(value)} must be a non-empty string.", code="E306")


def _upsert_rejected(
    conn: sqlite3.Connection, origin: str, code: str, reason: str, stamp: str
) -> None:
    conn.execute(
        "INSERT INTO rejected (origin, code, reason, seen_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, reason = excluded.reason, "
        "seen_at = excluded.seen_at",
        (origin, code, reason, stamp),
    )


def write_rejected(store: Store, origin: str, code: str, reason: str) -> None:
    for name, value in (("origin", origin), ("code", code), ("reason", reason)):
        _check_text(name, value)
    with store.transaction() as conn:
        _upsert_rejected(conn, origin, code, reason, now())


def write_duplicate(
    store: Store, article_id: str, origin: str, original_id: str, *, similarity: float | None = None
) -> None:
    for name, value in (
        ("article_id", article_id),
        ("origin", origin),
        ("original_id", original_id),
    ):
        _check_text(name, value)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO duplicates (article_id, origin, original_id, similarity, seen_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, origin) DO UPDATE SET "
            "original_id = excluded.original_id, similarity = excluded.similarity, "
            "seen_at = excluded.seen_at",
            (article_id, origin, original_id, similarity, now()),
        )
