"""Columnar files written through DuckDB (so Parquet needs no extra dependency); SQL stays in the store package."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from eventcoder.store.errors import StoreWriteError

__all__ = ["write_parquet"]

_TYPES = frozenset({"TEXT", "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "JSON"})


def write_parquet(path: Path, *, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> None:
    """Write `rows` (one value per column, in order) to a Parquet file with the given (name, SQL type) columns."""
    for name, sql_type in columns:
        if not name.isidentifier() or sql_type not in _TYPES:
            raise StoreWriteError(f"bad Parquet column {name!r} {sql_type!r}")
    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE out (" + ", ".join(f'"{n}" {t}' for n, t in columns) + ")")
        if rows:
            con.executemany(f"INSERT INTO out VALUES ({', '.join('?' * len(columns))})", [list(r) for r in rows])
        target = str(path).replace("'", "''")
        con.execute(f"COPY out TO '{target}' (FORMAT parquet)")
    except duckdb.Error as exc:
        raise StoreWriteError(f"could not write Parquet file {path}: {exc}") from exc
    finally:
        con.close()
