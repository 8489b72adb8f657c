"""Numbered schema migrations: `migrations/NNNN_name.sql`, applied in order, each in its own transaction.

Applied migrations are recorded in `schema_migrations(version, name, applied_at)`; re-opening a database
applies only the migrations it has not recorded.  A database whose recorded version is newer than the newest
migration this code knows raises `StoreVersionError` (old code must not write to a newer schema).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import duckdb

from eventcoder.store.errors import StoreMigrationError, StoreVersionError

__all__ = ["Migration", "applied_versions", "load_migrations", "migrate", "pending_migrations"]

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int
    name: str
    sql: str


def _default_dir() -> Traversable:
    return resources.files("eventcoder.store").joinpath("migrations")


def load_migrations(directory: Traversable | Path | None = None) -> tuple[Migration, ...]:
    """The migrations of `directory` (default: the packaged ones), sorted by version."""
    root = _default_dir() if directory is None else directory
    if not root.is_dir():
        raise StoreMigrationError(f"migrations directory not found: {root}")
    found: dict[int, Migration] = {}
    for entry in root.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        m = _FILE_NAME.match(entry.name)
        if not m:
            raise StoreMigrationError(f"migration file {entry.name!r} in {root} is not named NNNN_name.sql")
        version = int(m.group(1))
        if version in found:
            raise StoreMigrationError(f"two migrations with version {version} in {root}")
        found[version] = Migration(version=version, name=m.group(2), sql=entry.read_text(encoding="utf-8"))
    if not found:
        raise StoreMigrationError(f"no migrations in {root}")
    return tuple(found[v] for v in sorted(found))


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    return bool(row and row[0])


def applied_versions(con: duckdb.DuckDBPyConnection) -> tuple[int, ...]:
    """The versions recorded in `schema_migrations`, ascending (empty for a new database)."""
    if not _has_table(con):
        return ()
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return tuple(int(r[0]) for r in rows)


def pending_migrations(
    con: duckdb.DuckDBPyConnection, *, migrations: Sequence[Migration], label: str
) -> tuple[Migration, ...]:
    """The migrations not yet applied; StoreVersionError if the database is newer than `migrations`."""
    done = applied_versions(con)
    newest_known = max((m.version for m in migrations), default=0)
    if done and done[-1] > newest_known:
        raise StoreVersionError(
            f"database {label} has schema version {done[-1]}, newer than this code knows ({newest_known}); "
            "upgrade eventcoder to open it"
        )
    applied = set(done)
    return tuple(m for m in migrations if m.version not in applied)


def migrate(con: duckdb.DuckDBPyConnection, *, migrations: Sequence[Migration], label: str) -> tuple[Migration, ...]:
    """Apply the pending migrations in order, one transaction each; return the ones applied."""
    con.execute(_CREATE_TABLE)
    todo = pending_migrations(con, migrations=migrations, label=label)
    for migration in todo:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [migration.version, migration.name]
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreMigrationError(
                f"migration {migration.version:04d}_{migration.name} failed on {label}: {exc}"
            ) from exc
    if todo:
        # Write the new schema into the database file now. Left in the write-ahead log, DuckDB 1.4.4 cannot replay
        # it after a crash (a column added with a DEFAULT fails with "GetDefaultDatabase with no default database
        # set"), and a killed ingest could not be resumed.
        con.execute("CHECKPOINT")
    return todo
