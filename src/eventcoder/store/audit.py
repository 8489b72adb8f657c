"""SQL of the review audit log (`review_log`, migrations 0002 and 0004): who did what, when, before and after."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

__all__ = ["LogEntry", "add_entry", "entries"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LogEntry:
    """One review action: `target` is the merged event it was made on, `members` its per-document events."""

    author: str
    action: str  # confirm, reject, edit, merge, split
    target: str
    members: tuple[str, ...]
    before: Any = None
    after: Any = None
    note: str | None = None
    logged_at: dt.datetime | None = None  # set by the store
    id: int | None = None  # set by the store

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "logged_at": self.logged_at.isoformat() if self.logged_at else None,
            "author": self.author,
            "action": self.action,
            "target": self.target,
            "members": list(self.members),
            "before": self.before,
            "after": self.after,
            "note": self.note,
        }


def add_entry(con: duckdb.DuckDBPyConnection, entry: LogEntry) -> None:
    con.execute(
        'INSERT INTO review_log (author, action, target, "before", "after", members, note)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            entry.author,
            entry.action,
            entry.target,
            json.dumps(entry.before, ensure_ascii=False),
            json.dumps(entry.after, ensure_ascii=False),
            list(entry.members),
            entry.note,
        ],
    )


def entries(
    con: duckdb.DuckDBPyConnection,
    *,
    members: Sequence[str] | None = None,
    target: str | None = None,
    limit: int = 200,
) -> list[LogEntry]:
    """Log entries, newest first: all of them, those made on any of `members` (per-document event ids), or those
    made on the merged event `target`."""
    sql = 'SELECT id, logged_at, author, action, target, members, "before", "after", note FROM review_log'
    params: list[Any] = []
    if members is not None:
        sql += " WHERE list_has_any(members, ?)"
        params.append(list(members))
    elif target is not None:
        sql += " WHERE target = ?"
        params.append(target)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [
        LogEntry(
            id=int(r[0]),
            logged_at=r[1],
            author=str(r[2] or ""),
            action=str(r[3]),
            target=str(r[4]),
            members=tuple(r[5] or ()),
            before=json.loads(r[6]) if r[6] is not None else None,
            after=json.loads(r[7]) if r[7] is not None else None,
            note=r[8],
        )
        for r in con.execute(sql, params).fetchall()
    ]
