"""SQL of the fused layer (`migrations/0002_fusion.sql`): merged events, membership, merge records, overrides.

Functions take the open connection; `Store` wraps them in its public methods and transactions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from eventcoder.fusion.similarity import report_doc
from eventcoder.model import Event
from eventcoder.store.bulk import insert_rows
from eventcoder.store.columns import FLAT_COLUMNS, flat_values

if TYPE_CHECKING:
    from eventcoder.fusion import FusedEvent, Override

__all__ = [
    "add_override",
    "delete_merged_of",
    "events_near",
    "events_near_any",
    "insert_fused",
    "merge_record",
    "merge_records",
    "overrides",
    "unfused_events",
]

_MERGED_COLUMNS = f"id, {FLAT_COLUMNS}, n_sources, rejected, review_status, record"


def _flat(event: Event) -> list[Any]:
    return [event.id, *flat_values(event)]


def events_near(con: duckdb.DuckDBPyConnection, *, country: str, start: dt.date, end: dt.date) -> list[Event]:
    rows = con.execute(
        "SELECT record FROM events WHERE country = ? AND date_start <= ? AND date_end >= ? ORDER BY id",
        [country, end, start],
    ).fetchall()
    return [Event.from_json(json.loads(r[0])) for r in rows]


def events_near_any(con: duckdb.DuckDBPyConnection, windows: Sequence[tuple[str, dt.date, dt.date]]) -> list[Event]:
    """Per-document events that `events_near` gives for any of the (country, start, end) windows, in one query."""
    if not windows:
        return []
    payload = json.dumps([[c, s.isoformat(), e.isoformat()] for c, s, e in windows])
    rows = con.execute(
        "WITH w AS (SELECT r->>0 AS country, (r->>1)::DATE AS s, (r->>2)::DATE AS e "
        "FROM (SELECT unnest(from_json(?, '[\"json\"]')) AS r)) "
        "SELECT DISTINCT ev.id, ev.record FROM events ev JOIN w "
        "ON ev.country = w.country AND ev.date_start <= w.e AND ev.date_end >= w.s ORDER BY ev.id",
        [payload],
    ).fetchall()
    return [Event.from_json(json.loads(r[1])) for r in rows]


def unfused_events(con: duckdb.DuckDBPyConnection) -> list[Event]:
    rows = con.execute(
        "SELECT record FROM events WHERE id NOT IN (SELECT event_id FROM merged_members) ORDER BY id"
    ).fetchall()
    return [Event.from_json(json.loads(r[0])) for r in rows]


def delete_merged_of(con: duckdb.DuckDBPyConnection, *, members: Sequence[str]) -> int:
    """Delete the merged events holding any of `members` (with their membership and records); how many."""
    if not members:
        return 0
    con.execute("CREATE OR REPLACE TEMP TABLE _touched (event_id TEXT)")
    insert_rows(con, "_touched", ("event_id",), [[m] for m in members])
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _gone AS SELECT DISTINCT merged_id FROM merged_members "
        "WHERE event_id IN (SELECT event_id FROM _touched)"
    )
    row = con.execute("SELECT count(*) FROM _gone").fetchone()
    for table, column in (("merged_events", "id"), ("merge_records", "merged_id"), ("merged_members", "merged_id")):
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT merged_id FROM _gone)")
    con.execute("DROP TABLE _touched")
    con.execute("DROP TABLE _gone")
    return int(row[0]) if row else 0


def insert_fused(con: duckdb.DuckDBPyConnection, fused: Sequence[FusedEvent]) -> None:
    merged_rows, member_rows, record_rows = [], [], []
    for f in fused:
        record = f.merged.record
        merged_rows.append(
            [
                *_flat(f.event),
                len(record.docs),
                f.rejected,
                f.status.value,
                json.dumps(f.event.to_json(), ensure_ascii=False),
            ]
        )
        for member in f.merged.members:
            member_rows.append([member.id, f.event.id, report_doc(member)])
        record_rows.append([f.event.id, record.rule, json.dumps(record.to_json(), ensure_ascii=False)])
    if merged_rows:
        insert_rows(con, "merged_events", _MERGED_COLUMNS.split(","), merged_rows)
        insert_rows(con, "merged_members", ("event_id", "merged_id", "doc_id"), member_rows)
        insert_rows(con, "merge_records", ("merged_id", "rule", "record"), record_rows)


def merge_records(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    rows = con.execute("SELECT merged_id, record FROM merge_records ORDER BY merged_id").fetchall()
    return {str(r[0]): json.loads(r[1]) for r in rows}


def merge_record(con: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    rows = con.execute("SELECT record FROM merge_records WHERE merged_id = ?", [merged_id]).fetchall()
    return dict(json.loads(rows[0][0])) if rows else None


def overrides(con: duckdb.DuckDBPyConnection) -> list[Override]:
    from eventcoder.fusion import Override

    rows = con.execute(
        "SELECT decision, event_id, other_id, field, value, author, note FROM fusion_overrides ORDER BY id"
    ).fetchall()
    return [
        Override.from_json(
            {
                "decision": r[0],
                "event": r[1],
                "other": r[2],
                "field": r[3],
                "value": json.loads(r[4]) if r[4] is not None else None,
                "author": r[5],
                "note": r[6],
            }
        )
        for r in rows
    ]


def add_override(con: duckdb.DuckDBPyConnection, override: Override) -> None:
    con.execute(
        "INSERT INTO fusion_overrides (decision, event_id, other_id, field, value, author, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            override.decision.value,
            override.event,
            override.other,
            override.field,
            json.dumps(override.value) if override.value is not None else None,
            override.author,
            override.note,
        ],
    )
