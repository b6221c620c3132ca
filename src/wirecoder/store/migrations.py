"""Schema versions: an ordered list of migrations, applied on open.

The database's version is `PRAGMA user_version` (0 for a new file); migration N moves it from
N-1 to N inside one transaction, and is logged in the `schema_version` table. To change the
schema, append a migration — never edit an applied one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


def _read_sql(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "create articles, coded tables, rejects, duplicates and FTS5 indexes",
        _read_sql("schema.sql"),
    ),
    Migration(
        2,
        "add story clusters, event clusters and feed state",
        _read_sql("clusters.sql"),
    ),
]


def schema_version() -> int:
    """The version this code writes: the number of the last migration."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def split_sql(script: str) -> Iterator[str]:
    """Split a script into statements; `complete_statement` knows trigger bodies hold `;`."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    # What is left is blank lines or comments.


def db_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(version: int, path: str) -> None:
    """Refuse a database made by a newer wirecoder: we cannot know what its rows mean."""
    if version > schema_version():
        raise StoreError(
            f"{path}: database schema version {version} is newer than this wirecoder "
            f"understands (version {schema_version()}); upgrade wirecoder to open it.",
            code="E302",
        )


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Apply pending migrations in order; returns the resulting version.

    Each migration runs in its own `BEGIN IMMEDIATE` transaction, and the version is re-read
    after the lock is taken, so two processes opening a new file at once do not both migrate.
    """
    check_version(db_version(conn), path)
    for mig in MIGRATIONS:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = db_version(conn)
            check_version(current, path)
            if current >= mig.version:
                conn.execute("COMMIT")
                continue
            if current != mig.version - 1:
                raise StoreError(
                    f"{path}: schema version {current} cannot be migrated to "
                    f"{mig.version}; migrations are missing.",
                    code="E303",
                )
            for statement in split_sql(mig.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            # PRAGMA takes no parameters; the value is an int from our own list.
            conn.execute(f"PRAGMA user_version = {int(mig.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return db_version(conn)
