"""Fast inserts of many rows through DuckDB's Python API.

Two costs dominate writing rows with parameters: DuckDB's Python binding tries `import pandas` twice for every
parameter value it converts (a full search of sys.path each time when pandas is not installed), and
`executemany` runs one statement per row. `skip_absent_pandas` makes the failed import instant; `insert_rows`
sends many rows per statement.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from typing import Any

import duckdb

__all__ = ["insert_rows", "skip_absent_pandas"]

_ROWS_PER_STATEMENT = 256


def skip_absent_pandas() -> None:
    """When pandas is not installed, record that in sys.modules so that each import attempt fails at once."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # the documented way to block an import


def insert_rows(con: duckdb.DuckDBPyConnection, insert: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run `insert` ("INSERT INTO t (a, b)" or "INSERT OR REPLACE INTO t (a, b)") for `rows`, many per statement."""
    if not rows:
        return
    width = len(rows[0])
    one = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start : start + _ROWS_PER_STATEMENT]
        con.execute(f"{insert} VALUES " + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])
