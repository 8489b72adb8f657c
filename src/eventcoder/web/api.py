"""The JSON API beside the pages: GeoJSON, timeline, downloads (the CLI's exporters) and the review writes.

Writes need `Authorization: Bearer TOKEN`: without it 401, with an unknown token 403, and nothing is stored.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from eventcoder import review
from eventcoder.export import FORMATS, export_events, render_export
from eventcoder.store import EventQuery
from eventcoder.store.search import MAX_LIMIT
from eventcoder.web.params import event_query
from eventcoder.web.state import web_state

__all__ = ["router"]

router = APIRouter()

FILTERS = (
    "Filters (all optional): date_from, date_to (YYYY-MM-DD), country (ISO alpha-2), admin1, type (ACLED type or "
    "sub-type), actor, bbox (west,south,east,north), status (unreviewed, confirmed, edited, rejected), q (words in "
    "the evidence), background (true/false), rejected (true lists rejected events too)."
)

_MEDIA = {
    "acled": ("text/csv; charset=utf-8", "csv"),
    "ucdp": ("text/csv; charset=utf-8", "csv"),
    "plover": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def _all(request: Request) -> EventQuery:
    query = event_query(dict(request.query_params))
    return replace(query, limit=MAX_LIMIT, offset=0)


def _events(request: Request) -> list[Any]:
    with web_state(request).db.store() as store:
        return [e.event for e in store.search(_all(request)).events]


@router.get(
    "/events.geojson",
    summary="The filtered events as GeoJSON (the `export --format geojson` exporter)",
    description=FILTERS,
)
def events_geojson(request: Request) -> Response:
    text, _ = render_export(_events(request), fmt="geojson")
    return Response(text, media_type="application/geo+json")


@router.get("/timeline.json", summary="Events per day and type (first day of each event's window)", description=FILTERS)
def timeline(request: Request) -> Response:
    with web_state(request).db.store() as store:
        rows = store.timeline(_all(request))
    return JSONResponse({"days": [{"day": d, "event_type": t, "count": n} for d, t, n in rows]})


@router.get(
    "/export/{fmt}",
    summary="Download the filtered events: acled or ucdp (CSV), plover (JSON lines), geojson, parquet",
    description=FILTERS + " The same exporters as `eventcoder export`; the fields that lost something are in the "
    "X-Export-Losses header.",
)
def download(request: Request, fmt: str) -> Response:
    if fmt not in FORMATS:
        return JSONResponse({"error": f"unknown format {fmt!r} (one of {', '.join(FORMATS)})", "status": 404}, 404)
    events = _events(request)
    media, ext = _MEDIA[fmt]
    headers = {"Content-Disposition": f'attachment; filename="events-{fmt}.{ext}"'}
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events.parquet"
            loss = export_events(events, fmt="parquet", out=out)
            body = out.read_bytes()
    else:
        text, loss = render_export(events, fmt=fmt)
        body = text.encode("utf-8")
    lost = sorted({str(e["field"]) for e in loss.entries()})
    headers["X-Export-Written"] = f"{loss.written} of {loss.events}"
    headers["X-Export-Losses"] = ", ".join(lost).encode("ascii", "replace").decode("ascii") or "none"
    return Response(body, media_type=media, headers=headers)


class Note(BaseModel):
    note: str | None = Field(default=None, max_length=2000, description="the analyst's comment, kept in the log")


class Edit(Note):
    changes: dict[str, Any] = Field(
        description="field -> new value; fields: event_type, sub_event_type, fatalities.low/best/high, injured.low, "
        "background, date {start,end,precision}, location {name,country,admin1,lat,lon,precision}, "
        "actor1/actor2 {name,type,country} or null"
    )


class Merge(Note):
    other: str = Field(description="the merged event to join with this one")


class Split(Note):
    members: list[str] = Field(description="the per-document events that move into an event of their own")


def _writer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return web_state(request).tokens.user(token.strip() if scheme.lower() == "bearer" else None)


def _result(result: review.ReviewResult) -> JSONResponse:
    return JSONResponse({"action": result.entry.action, "events": list(result.events), "entry": result.entry.to_json()})


@router.post("/api/events/{event_id}/confirm", summary="Confirm an event (token needed)")
def api_confirm(request: Request, event_id: str, body: Note | None = None) -> Response:
    author = _writer(request)
    with web_state(request).db.store() as store:
        return _result(review.confirm(store, event_id, author=author, note=body.note if body else None))


@router.post("/api/events/{event_id}/reject", summary="Reject an event: kept, flagged, left out of lists and exports")
def api_reject(request: Request, event_id: str, body: Note | None = None) -> Response:
    author = _writer(request)
    with web_state(request).db.store() as store:
        return _result(review.reject(store, event_id, author=author, note=body.note if body else None))


@router.post("/api/events/{event_id}/edit", summary="Edit fields of an event (token needed)")
def api_edit(request: Request, event_id: str, body: Edit) -> Response:
    author = _writer(request)
    with web_state(request).db.store() as store:
        return _result(review.edit(store, event_id, author=author, changes=body.changes, note=body.note))


@router.post("/api/events/{event_id}/merge", summary="Merge another event into this one (token needed)")
def api_merge(request: Request, event_id: str, body: Merge) -> Response:
    author = _writer(request)
    with web_state(request).db.store() as store:
        return _result(review.merge(store, event_id, body.other, author=author, note=body.note))


@router.post("/api/events/{event_id}/split", summary="Split reports off an event (token needed)")
def api_split(request: Request, event_id: str, body: Split) -> Response:
    author = _writer(request)
    with web_state(request).db.store() as store:
        return _result(review.split(store, event_id, members=body.members, author=author, note=body.note))


@router.get("/api/log", summary="The review audit log, newest first")
def audit_log(request: Request) -> Response:
    with web_state(request).db.store() as store:
        entries = store.review_log()
    return JSONResponse({"entries": [e.to_json() for e in entries]})
