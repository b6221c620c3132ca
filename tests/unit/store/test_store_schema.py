"""Schema creation, migration versioning, connection settings, read-only mode."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirecoder.errors import StoreError
from wirecoder.store import Store, migrations
from wirecoder.store.migrations import Migration, split_sql

TABLES = {
    "schema_version",
    "articles",
    "actors",
    "mentions",
    "statements",
    "events",
    "event_actors",
    "places",
    "place_mentions",
    "rejected",
    "duplicates",
    "statements_fts",
    "sentences_fts",
}


def test_store_creates_schema(store: Store) -> None:
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert names >= TABLES
    assert store.version == migrations.schema_version() == len(migrations.MIGRATIONS)
    logged = store.conn.execute("SELECT version, description FROM schema_version").fetchall()
    assert [r[0] for r in logged] == list(range(1, len(migrations.MIGRATIONS) + 1))


def test_store_connection_settings(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_store_every_coded_table_records_pipeline(store: Store) -> None:
    for table in (
        "articles",
        "actors",
        "mentions",
        "statements",
        "events",
        "event_actors",
        "places",
        "place_mentions",
    ):
        cols = {r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")}
        assert "pipeline" in cols, table


def test_store_reopen_does_not_migrate_again(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path) as store:
        count = store.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0]
        assert count == migrations.schema_version()


def test_store_applies_new_migrations_in_order(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, result_factory
) -> None:
    with Store(db_path) as store:
        store.write_results([result_factory(1)])
    latest = migrations.schema_version()
    extra = Migration(
        latest + 1,
        "add a note column",
        "ALTER TABLE articles ADD COLUMN note TEXT;\n"
        "CREATE INDEX articles_note ON articles (note);",
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    with Store(db_path) as store:
        assert store.version == latest + 1
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(articles)")}
        assert "note" in cols
        assert store.stats()["articles"] == 1  # data survives the migration
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_version")]
        assert versions == list(range(1, latest + 2))


def test_store_failed_migration_rolls_back(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    latest = migrations.schema_version()
    broken = Migration(latest + 1, "broken", "ALTER TABLE articles ADD COLUMN note TEXT;\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store(db_path)
    monkeypatch.undo()
    with Store(db_path) as store:
        assert store.version == latest
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(articles)")}
        assert "note" not in cols


def test_store_refuses_newer_database(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match=r"\[E302\].*version 99 is newer"):
        Store(db_path)
    with pytest.raises(StoreError, match=r"\[E302\]"):
        Store(db_path, readonly=True)


def test_store_readonly_refuses_writes(db_path: Path, result_factory) -> None:
    Store(db_path).close()
    with Store(db_path, readonly=True) as ro:
        with pytest.raises(StoreError, match=r"\[E304\]"):
            ro.write_results([result_factory(1)])
        with pytest.raises(StoreError, match=r"\[E304\]"):
            ro.write_rejected("file.txt", "E202", "binary content")
        with pytest.raises(StoreError, match=r"\[E304\]"):
            ro.write_duplicate("x", "file.txt", "y")
        with pytest.raises(StoreError, match=r"\[E304\]"):
            ro.delete_article("x")
        # Even SQL that bypasses our checks cannot write through a ?mode=ro connection.
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.conn.execute("DELETE FROM articles")
        assert ro.stats()["articles"] == 0


def test_store_readonly_needs_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_store_readonly_refuses_unmigrated_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(db_path).close()
    extra = Migration(migrations.schema_version() + 1, "later", "CREATE TABLE later (x);")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    with pytest.raises(StoreError, match=r"\[E305\]"):
        Store(db_path, readonly=True)


def test_store_rejects_a_non_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store(path)


def test_store_closed_raises(db_path: Path) -> None:
    with Store(db_path) as store:
        pass
    with pytest.raises(StoreError, match=r"\[E308\]"):
        store.stats()


def test_store_split_sql_keeps_trigger_bodies() -> None:
    script = (
        "-- comment\nCREATE TABLE t (x);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
        "  INSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (2);\nEND;\n-- tail\n"
    )
    parts = list(split_sql(script))
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")
