"""The HTML pages and their JSON twins: events (map, timeline, filters, table), one event, documents, the
review queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from eventcoder.model import SUB_EVENT_TYPES, ActorType, DatePrecision, PlacePrecision
from eventcoder.store import EventQuery
from eventcoder.store.search import REVIEW_STATUSES, SORT_KEYS
from eventcoder.web.params import event_query, query_string
from eventcoder.web.respond import error_response, page, wants_json
from eventcoder.web.state import session_of, web_state
from eventcoder.web.views import document_view, event_detail, event_summary, roles_of

__all__ = ["router"]

router = APIRouter()

JSON_TWIN = "The HTML page; its JSON twin is the same URL with `.json` or `Accept: application/json`."


def _strip(name: str) -> tuple[str, bool]:
    return (name[:-5], True) if name.endswith(".json") else (name, False)


def _choices() -> dict[str, Any]:
    return {
        "types": {t.value: list(subs) for t, subs in SUB_EVENT_TYPES.items()},
        "statuses": list(REVIEW_STATUSES),
        "sorts": list(SORT_KEYS),
        "actor_types": [t.value for t in ActorType],
        "date_precisions": [p.value for p in DatePrecision],
        "place_precisions": [p.value for p in PlacePrecision],
    }


@router.get("/", include_in_schema=False)
def home() -> Response:
    return RedirectResponse("/events", status_code=307)


def _event_list(request: Request, *, json_twin: bool, queue: bool) -> Response:
    params = dict(request.query_params)
    if queue:
        params.setdefault("status", "unreviewed")
        params.setdefault("sort", "confidence")
    query: EventQuery = event_query(params)
    with web_state(request).db.store() as store:
        result = store.search(query)
    data = {
        "total": result.total,
        "limit": query.limit,
        "offset": query.offset,
        "sort": ("-" if query.descending else "") + query.sort,
        "filters": {k: v for k, v in params.items() if k not in ("sort", "limit", "offset")},
        "events": [event_summary(e) for e in result.events],
    }
    template = "review.html" if queue else "events.html"
    return page(
        request,
        template,
        data,
        json_twin=json_twin,
        session=session_of(request),
        params=params,
        qs=lambda **changes: query_string(params, **changes),
        choices=_choices(),
    )


@router.get("/events", summary="Merged events: map, timeline, filters and table", description=JSON_TWIN)
def events_page(request: Request) -> Response:
    return _event_list(request, json_twin=wants_json(request), queue=False)


@router.get("/events.json", summary="Merged events (JSON), filtered, sorted and paged")
def events_json(request: Request) -> Response:
    return _event_list(request, json_twin=True, queue=False)


@router.get("/review", summary="Review queue: unreviewed events, lowest confidence first", description=JSON_TWIN)
def review_page(request: Request) -> Response:
    return _event_list(request, json_twin=wants_json(request), queue=True)


@router.get("/review.json", summary="Review queue (JSON)")
def review_json(request: Request) -> Response:
    return _event_list(request, json_twin=True, queue=True)


@router.get(
    "/events/{event_id}",
    summary="One merged event: claims, evidence spans highlighted in each source text, merge record, audit log",
    description=JSON_TWIN + " (`/events/ID.json`)",
)
def event_page(request: Request, event_id: str) -> Response:
    event_id, json_twin = _strip(event_id)
    json_twin = json_twin or wants_json(request)
    with web_state(request).db.store() as store:
        listed = store.listed_event(event_id)
        if listed is None:
            now = store.merged_of([m for e in store.review_log(target=event_id, limit=1) for m in e.members])
            if now and not json_twin:  # merged or split since: its reports are here now
                return RedirectResponse(f"/events/{quote(now[0])}", status_code=307)
            moved = f"; its reports now belong to {', '.join(now)}" if now else ""
            return error_response(request, status=404, message=f"no event {event_id!r}{moved}", json_twin=json_twin)
        data = event_detail(store, listed)
    return page(
        request,
        "event.html",
        data,
        json_twin=json_twin,
        session=session_of(request),
        choices=_choices(),
        done=request.query_params.get("done"),
    )


@router.get("/documents", summary="Stored documents", description=JSON_TWIN)
def documents_page(request: Request) -> Response:
    return _documents(request, json_twin=wants_json(request))


@router.get("/documents.json", summary="Stored documents (JSON)")
def documents_json(request: Request) -> Response:
    return _documents(request, json_twin=True)


def _documents(request: Request, *, json_twin: bool) -> Response:
    with web_state(request).db.store() as store:
        docs = store.documents()
    data = {
        "documents": [{k: v for k, v in d.to_json().items() if k != "text"} | {"characters": len(d.text)} for d in docs]
    }
    return page(request, "documents.html", data, json_twin=json_twin, session=session_of(request))


@router.get(
    "/documents/{doc_id}",
    summary="One document with its text and the evidence of its events highlighted",
    description=JSON_TWIN + " (`/documents/ID.json`)",
)
def document_page(request: Request, doc_id: str) -> Response:
    doc_id, json_twin = _strip(doc_id)
    json_twin = json_twin or wants_json(request)
    with web_state(request).db.store() as store:
        document = store.document(doc_id)
        if document is None:
            return error_response(request, status=404, message=f"no document {doc_id!r}", json_twin=json_twin)
        events = store.events(doc_id=doc_id)
        merged = {e.id: store.merged_of([e.id]) for e in events}
    data = {
        "document": document_view(document, [rs for e in events for rs in roles_of(e)]),
        "events": [
            {"id": e.id, "event_type": e.event_type.value, "sub_event_type": e.sub_event_type, "merged": merged[e.id]}
            for e in events
        ],
    }
    return page(request, "document.html", data, json_twin=json_twin, session=session_of(request))
