"""The `Store`: one SQLite file holding coded articles, with search and analytic queries.

    with Store("wirecoder.db") as store:
        store.write_results(result.to_dict() for result in results)
        store.search_statements("ceasefire")

One writer at a time (SQLite's rule); any number of readers, which should open with
`readonly=True` (a `?mode=ro` URI connection that cannot write, whatever the SQL says).
Error codes: E301 cannot open or SQLite failed, E302 database newer than this code, E303
migrations missing, E304 write on a read-only store, E305 read-only store needs migrating,
E306 malformed Result record, E308 store closed; QueryError E311–E313 (see query.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from ..errors import QueryError, StoreError
from . import query as _query
from . import write as _write
from .migrations import check_version, db_version, migrate, schema_version
from .query import SNIPPET_MARK
from .write import WriteSummary

# How many SQLite VM steps between checks of the query time limit.
_PROGRESS_STEPS = 1000


class Store:
    """A wirecoder SQLite store.

    path (str | Path): the database file (created and migrated if missing, unless read-only),
        or ":memory:".
    readonly (bool): open with `?mode=ro`; every write raises StoreError E304.
    timeout (float): seconds to wait for another writer's lock before failing.
    time_limit (float | None): seconds a single search, listing or stats query may run before
        it is interrupted with QueryError E313 — set it for stores served over the network.
        Streaming reads (iter_results, exports) are not limited.
    check_same_thread (bool): passed to sqlite3. Prefer one read-only Store per thread or
        request (opening is cheap); set False only if you guard a shared Store with a lock.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        readonly: bool = False,
        timeout: float = 10.0,
        time_limit: float | None = None,
        check_same_thread: bool = True,
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.time_limit = time_limit
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._connect(timeout, check_same_thread)
            self._prepare(timeout)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(
                f"{self.path}: cannot open the store: {exc}; check the path "
                "and that it is a wirecoder SQLite file.",
                code="E301",
            ) from exc
        except BaseException:
            self.close()
            raise

    def _connect(self, timeout: float, check_same_thread: bool) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per batch.
        kwargs: dict[str, Any] = {
            "timeout": timeout,
            "isolation_level": None,
            "check_same_thread": check_same_thread,
        }
        if self.readonly:
            if self.path == ":memory:" or not Path(self.path).is_file():
                raise StoreError(
                    f"{self.path}: no such store to open read-only; create it "
                    "first by opening it for writing.",
                    code="E301",
                )
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            return sqlite3.connect(uri, uri=True, **kwargs)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(self.path, **kwargs)

    def _prepare(self, timeout: float) -> None:
        conn = self.conn
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            version = db_version(conn)
            check_version(version, self.path)
            if version < schema_version():
                raise StoreError(
                    f"{self.path}: schema version {version} is older than "
                    f"{schema_version()}; open it once without readonly to "
                    "migrate it.",
                    code="E305",
                )
            return
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL keeps the database consistent through a crash; only the last
            # transactions can be lost on power failure, and a rerun rewrites them.
            conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, self.path)

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed.", code="E308")
        return self._conn

    @property
    def version(self) -> int:
        """The schema version of the open database."""
        return db_version(self.conn)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self.readonly else "readwrite"
        return f"Store({self.path!r}, {mode})"

    # -- plumbing shared by write.py and query.py -------------------------------------------

    def require_writable(self) -> None:
        if self.readonly:
            raise StoreError(
                f"{self.path}: the store is open read-only; open it without "
                "readonly=True to write.",
                code="E304",
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any exception."""
        self.require_writable()
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot start a write: {exc}", code="E301") from exc
        try:
            yield conn
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: write failed and was rolled back: {exc}", code="E301"
            ) from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: commit failed: {exc}", code="E301") from exc

    @contextmanager
    def _limited(self) -> Iterator[None]:
        """Interrupt a read that runs past `time_limit` (Datasette's `sqlite_timelimit`)."""
        if self.time_limit is None:
            yield
            return
        deadline = time.monotonic() + self.time_limit
        self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)
        try:
            yield
        finally:
            self.conn.set_progress_handler(None, _PROGRESS_STEPS)

    def read(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run one parameterised read query under the time limit."""
        with self._limited():
            try:
                return self.conn.execute(
                    sql, params if isinstance(params, dict) else tuple(params)
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise QueryError(
                        f"query stopped after {self.time_limit}s; narrow the "
                        "search or add filters.",
                        code="E313",
                    ) from exc
                if "fts5" in str(exc):
                    raise QueryError(
                        f"full-text query rejected by SQLite: {exc}", code="E312"
                    ) from exc
                raise StoreError(f"{self.path}: query failed: {exc}", code="E301") from exc

    # -- writes (write.py) ------------------------------------------------------------------

    def write_results(
        self,
        results: Iterable[dict[str, Any]],
        *,
        batch_size: int = 50,
        on_error: Literal["raise", "reject"] = "raise",
    ) -> WriteSummary:
        """Write Result dicts, one transaction per batch; rewriting an article replaces it."""
        return _write.write_results(self, results, batch_size=batch_size, on_error=on_error)

    def has_article(self, article_id: str, pipeline: str | None = None) -> bool:
        """True if the article is stored (and, if given, was made by `pipeline`)."""
        return _write.has_article(self, article_id, pipeline)

    def write_rejected(self, origin: str, code: str, reason: str) -> None:
        """Record a quarantined input; the latest verdict for an origin wins."""
        _write.write_rejected(self, origin, code, reason)

    def write_duplicate(
        self, article_id: str, origin: str, original_id: str, *, similarity: float | None = None
    ) -> None:
        """Record an input skipped as a duplicate of `original_id`."""
        _write.write_duplicate(self, article_id, origin, original_id, similarity=similarity)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and all its coded rows; returns whether it existed."""
        with self.transaction() as conn:
            return _write.delete_article(conn, article_id)

    # -- reads (query.py) -------------------------------------------------------------------

    def get_result(self, article_id: str) -> dict[str, Any] | None:
        """The stored Result dict for an article, exactly as written; None if absent."""
        return _query.get_result(self, article_id)

    def iter_results(self) -> Iterator[dict[str, Any]]:
        """Every stored Result dict, ordered by article id."""
        return _query.iter_results(self)

    def search_statements(
        self, q: str, *, limit: int = 20, offset: int = 0, mark: tuple[str, str] = SNIPPET_MARK
    ) -> list[dict[str, Any]]:
        """Full-text search over statement content, speaker name and cue.

        Each hit carries a plain-text `snippet` with matches between the two `mark` strings;
        escape it before it goes into HTML, then swap the marks for tags.
        """
        return _query.search_statements(self, q, limit=limit, offset=offset, mark=mark)

    def search_sentences(
        self, q: str, *, limit: int = 20, offset: int = 0, mark: tuple[str, str] = SNIPPET_MARK
    ) -> list[dict[str, Any]]:
        """Full-text search over event sentences and event types; one hit per event."""
        return _query.search_sentences(self, q, limit=limit, offset=offset, mark=mark)

    def list_events(
        self, *, sort: str = "article", limit: int = 100, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """Events matching `filters` (see query.EVENT_FILTERS), sorted by a whitelisted key."""
        return _query.list_events(self, sort=sort, limit=limit, offset=offset, **filters)

    def count_events(self, **filters: Any) -> int:
        """How many events match `filters` (for paging `list_events`)."""
        return _query.count_events(self, **filters)

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts, events per type, top actors and speakers."""
        return _query.stats(self, top=top)
