"""Searching the merged events: filters, sorting and paging for the API and the web page (SQL of `Store.search`).

`EventQuery` is a plain record, so every interface builds the same query; the SQL stays here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from eventcoder.model import Event
from eventcoder.store.errors import StoreQueryError

__all__ = ["REVIEW_STATUSES", "SORT_KEYS", "EventPage", "EventQuery", "ListedEvent", "search", "timeline"]

REVIEW_STATUSES = ("unreviewed", "confirmed", "edited", "rejected")

SORT_KEYS: dict[str, str] = {
    "date": "date_start",
    "fatalities": "fatalities_best",
    "confidence": "confidence",
    "country": "country",
    "type": "event_type",
    "sources": "n_sources",
}

MAX_LIMIT = 10_000


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Which merged events to list.  Every filter is optional; they combine with AND.

    `date_from`/`date_to`: events whose date window meets that range.  `event_type`: an ACLED type or sub-type
    (case-insensitive).  `actor`: part of either actor's name.  `bbox`: (west, south, east, north) in degrees.
    `status`: a review status; rejected events are listed only when asked for by status or `include_rejected`.
    `text`: words that must occur in one of the event's evidence spans (case-insensitive).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    status: str | None = None
    text: str | None = None
    include_background: bool = True
    include_rejected: bool = False
    sort: str = "date"
    descending: bool = False
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in REVIEW_STATUSES:
            raise StoreQueryError(f"unknown review status {self.status!r} (one of {', '.join(REVIEW_STATUSES)})")
        if self.sort not in SORT_KEYS:
            raise StoreQueryError(f"cannot sort by {self.sort!r} (one of {', '.join(SORT_KEYS)})")
        if not 0 <= self.limit <= MAX_LIMIT or self.offset < 0:
            raise StoreQueryError(f"limit must lie in 0..{MAX_LIMIT} and offset be >= 0")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise StoreQueryError(f"date range starts after it ends: {self.date_from} > {self.date_to}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise StoreQueryError(f"bad bounding box {self.bbox} (west, south, east, north in degrees)")


@dataclass(frozen=True, slots=True, kw_only=True)
class ListedEvent:
    event: Event
    status: str
    n_sources: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPage:
    total: int  # events matching the filters, before paging
    events: tuple[ListedEvent, ...]


def _where(query: EventQuery, type_condition: Any) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.date_from is not None:
        where.append("date_end >= ?")
        params.append(query.date_from)
    if query.date_to is not None:
        where.append("date_start <= ?")
        params.append(query.date_to)
    if query.country:
        where.append("upper(country) = ?")
        params.append(query.country.strip().upper())
    if query.admin1:
        where.append("lower(admin1) = ?")
        params.append(query.admin1.strip().lower())
    if query.event_type:
        column, value = type_condition(query.event_type)
        where.append(f"{column} = ?")
        params.append(value)
    if query.actor:
        where.append("(contains(lower(actor1), ?) OR contains(lower(actor2), ?))")
        params += [query.actor.strip().lower()] * 2
    if query.bbox is not None:
        west, south, east, north = query.bbox
        where.append("lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append("lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # the box crosses the antimeridian
            where.append("(lon >= ? OR lon <= ?)")
            params += [west, east]
    if query.status is not None:
        where.append("review_status = ?")
        params.append(query.status)
    elif not query.include_rejected:
        where.append("NOT rejected")
    if query.text and query.text.strip():
        where.append(
            "EXISTS (SELECT 1 FROM merged_members mm JOIN evidence ev ON ev.event_id = mm.event_id "
            "WHERE mm.merged_id = m.id AND contains(lower(ev.text), ?))"
        )
        params.append(query.text.strip().lower())
    if not query.include_background:
        where.append("NOT background")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def search(con: duckdb.DuckDBPyConnection, query: EventQuery, *, type_condition: Any) -> EventPage:
    where, params = _where(query, type_condition)
    row = con.execute(f"SELECT count(*) FROM merged_events m{where}", params).fetchone()
    order = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT record, review_status, n_sources FROM merged_events m{where} "
        f"ORDER BY {SORT_KEYS[query.sort]} {order} NULLS LAST, id LIMIT ? OFFSET ?"
    )
    rows = con.execute(sql, [*params, query.limit, query.offset]).fetchall()
    events = tuple(
        ListedEvent(event=Event.from_json(json.loads(r[0])), status=str(r[1] or "unreviewed"), n_sources=int(r[2]))
        for r in rows
    )
    return EventPage(total=int(row[0]) if row else 0, events=events)


def timeline(con: duckdb.DuckDBPyConnection, query: EventQuery, *, type_condition: Any) -> list[tuple[str, str, int]]:
    """(day, event type, count) of the matching dated events, by the first day of their window."""
    where, params = _where(query, type_condition)
    sql = (
        f"SELECT strftime(date_start, '%Y-%m-%d'), event_type, count(*) FROM merged_events m{where}"
        f"{' AND' if where else ' WHERE'} date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return [(str(r[0]), str(r[1]), int(r[2])) for r in con.execute(sql, params).fetchall()]


def listed(con: duckdb.DuckDBPyConnection, merged_id: str) -> ListedEvent | None:
    rows = con.execute(
        "SELECT record, review_status, n_sources FROM merged_events WHERE id = ?", [merged_id]
    ).fetchall()
    if not rows:
        return None
    r = rows[0]
    return ListedEvent(event=Event.from_json(json.loads(r[0])), status=str(r[1] or "unreviewed"), n_sources=int(r[2]))


def members(con: duckdb.DuckDBPyConnection, merged_id: str) -> list[str]:
    rows = con.execute("SELECT event_id FROM merged_members WHERE merged_id = ? ORDER BY event_id", [merged_id])
    return [str(r[0]) for r in rows.fetchall()]


def merged_of(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> list[str]:
    """The merged events now holding any of `event_ids` (per-document events), sorted."""
    if not event_ids:
        return []
    rows = con.execute(
        "SELECT DISTINCT merged_id FROM merged_members WHERE list_contains(?, event_id) ORDER BY merged_id",
        [list(event_ids)],
    ).fetchall()
    return [str(r[0]) for r in rows]
