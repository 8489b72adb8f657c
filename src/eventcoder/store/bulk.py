"""Fast inserts of many rows through DuckDB's Python API.

Binding parameters is what costs: DuckDB's Python binding tries `import pandas` twice for every value it converts
(a full search of sys.path each time when pandas is not installed), and `executemany` runs one statement per row.
`insert_rows` sends a whole batch as ONE JSON text parameter that DuckDB unpacks in C++ (`from_json`), casting
each field to its column's type: about 15 times faster than binding each value. `skip_absent_pandas` makes the
remaining import attempts (one per statement) instant.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections.abc import Sequence
from typing import Any

import duckdb

__all__ = ["insert_rows", "skip_absent_pandas"]

_TYPES: dict[tuple[int, str], dict[str, str]] = {}


def skip_absent_pandas() -> None:
    """When pandas is not installed, record that in sys.modules so that each import attempt fails at once."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # the documented way to block an import


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    key = (id(con), table)
    if key not in _TYPES:
        rows = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
        _TYPES[key] = {str(name): str(kind) for name, kind in rows}
    return _TYPES[key]


def _plain(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store a value of type {type(value).__name__}")


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    or_replace: bool = False,
) -> None:
    """Insert `rows` (one value per column, in order) into `table` in one statement."""
    if not rows:
        return
    columns = [c.strip() for c in columns]
    types = _column_types(con, table)
    if any(c not in types for c in columns):  # a cache entry of an earlier connection with the same id
        del _TYPES[(id(con), table)]
        types = _column_types(con, table)
    missing = [c for c in columns if c not in types]
    if missing:
        raise duckdb.CatalogException(f"table {table} has no columns {missing}")
    fields = ", ".join(f"(r->>{i})::{types[c]}" for i, c in enumerate(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    verb = "INSERT OR REPLACE" if or_replace else "INSERT"
    payload = json.dumps([list(r) for r in rows], ensure_ascii=False, default=_plain, allow_nan=False)
    con.execute(
        f"{verb} INTO {table} ({names}) SELECT {fields} FROM (SELECT unnest(from_json(?, '[\"json\"]')) AS r)",
        [payload],
    )
