"""Query parameters of the event lists -> `EventQuery` (a bad value is a 400 with a message)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode

from eventcoder.store import EventQuery
from eventcoder.store.errors import StoreQueryError

__all__ = ["FILTER_KEYS", "ParamError", "event_query", "query_string"]

FILTER_KEYS = (
    "date_from",
    "date_to",
    "country",
    "admin1",
    "type",
    "actor",
    "bbox",
    "status",
    "q",
    "background",
    "rejected",
)


class ParamError(ValueError):
    """A query parameter has a value that cannot be read."""


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ParamError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from exc


def _int(name: str, value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ParamError(f"{name} must be a whole number, not {value!r}") from exc


def _flag(name: str, value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ParamError(f"{name} must be true or false, not {value!r}")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError as exc:
        raise ParamError(f"bbox must be west,south,east,north in degrees, not {value!r}") from exc
    return west, south, east, north


def event_query(params: Mapping[str, str], *, limit: int = 50, max_limit: int = 500) -> EventQuery:
    """The query of `params` (the filters, `sort` (`-` in front for descending), `limit`, `offset`)."""
    sort = (params.get("sort") or "date").strip()
    page_size = _int("limit", params.get("limit"), limit)
    if not 1 <= page_size <= max_limit:
        raise ParamError(f"limit must lie in 1..{max_limit}, not {page_size}")
    try:
        return EventQuery(
            date_from=_date("date_from", params.get("date_from")),
            date_to=_date("date_to", params.get("date_to")),
            country=params.get("country") or None,
            admin1=params.get("admin1") or None,
            event_type=params.get("type") or None,
            actor=params.get("actor") or None,
            bbox=_bbox(params.get("bbox")),
            status=params.get("status") or None,
            text=params.get("q") or None,
            include_background=_flag("background", params.get("background"), True),
            include_rejected=_flag("rejected", params.get("rejected"), False),
            sort=sort.lstrip("-"),
            descending=sort.startswith("-"),
            limit=page_size,
            offset=_int("offset", params.get("offset"), 0),
        )
    except StoreQueryError as exc:
        raise ParamError(str(exc)) from exc


def query_string(params: Mapping[str, str], **changes: str | int | None) -> str:
    """The filter, sort and paging parameters of `params` with `changes`, as a query string (no `?`)."""
    kept = {k: v for k, v in params.items() if k in (*FILTER_KEYS, "sort", "limit", "offset") and v}
    for key, value in changes.items():
        if value is None or value == "":
            kept.pop(key, None)
        else:
            kept[key] = str(value)
    return urlencode(kept)
