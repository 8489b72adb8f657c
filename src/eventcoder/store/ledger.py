"""SQL of the ledger (`migrations/0003_ledger.sql`): every input read, its outcome, and the resume checkpoint.

Functions take the open connection; `Store` wraps them in its public methods and transactions.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from eventcoder.ledger import RETRIED, LedgerEntry, LedgerSummary, Outcome
from eventcoder.store.bulk import insert_rows

__all__ = ["done_sources", "entries", "summary", "write_entries"]

_COLUMNS = "source, doc_id, path, line, outcome, n_events, detail"


def write_entries(con: duckdb.DuckDBPyConnection, entries: Sequence[LedgerEntry]) -> None:
    """Insert `entries`; an input already in the ledger gets its new outcome (a retried failure, a re-read error)."""
    if not entries:
        return
    insert_rows(
        con,
        "ledger",
        _COLUMNS.split(","),
        or_replace=True,
        rows=[[e.source, e.doc_id, e.path, e.line, e.outcome.value, e.events, e.detail] for e in entries],
    )


def done_sources(con: duckdb.DuckDBPyConnection, sources: Sequence[str]) -> set[str]:
    """Those of `sources` that the ledger holds with a final outcome (not one of the retried errors)."""
    if not sources:
        return set()
    rows = con.execute(
        "SELECT source FROM ledger WHERE source IN (SELECT unnest(?)) AND NOT list_contains(?, outcome)",
        [list(sources), sorted(o.value for o in RETRIED)],
    ).fetchall()
    return {r[0] for r in rows}


def summary(con: duckdb.DuckDBPyConnection) -> LedgerSummary:
    found = dict(con.execute("SELECT outcome, count(*) FROM ledger GROUP BY outcome").fetchall())
    return LedgerSummary(counts=tuple((o, int(found.get(o.value, 0))) for o in Outcome))


def entries(
    con: duckdb.DuckDBPyConnection, *, outcome: Outcome | None = None, limit: int | None = None
) -> list[LedgerEntry]:
    """Ledger rows in the order they were read (then by source), optionally of one outcome."""
    sql = f"SELECT {_COLUMNS} FROM ledger"
    params: list[object] = []
    if outcome is not None:
        sql += " WHERE outcome = ?"
        params.append(outcome.value)
    sql += " ORDER BY read_at, source"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        LedgerEntry(
            source=r[0], doc_id=r[1], path=r[2], line=r[3], outcome=Outcome(r[4]), events=int(r[5]), detail=r[6]
        )
        for r in con.execute(sql, params).fetchall()
    ]
