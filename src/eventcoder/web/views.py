"""What the pages and their JSON twins show: plain dicts built from the library's records (no HTTP here)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.model import Document, Event, Span
from eventcoder.store import ListedEvent, LogEntry, Store

__all__ = ["Piece", "document_view", "event_detail", "event_summary", "highlight", "roles_of"]

ROLES = ("evidence", "trigger", "actor1", "actor2", "place", "date", "claim", "claimant")


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    """A run of document text and the roles of the spans that cover it (empty: plain text)."""

    text: str
    roles: tuple[str, ...]
    start: int


def roles_of(event: Event) -> list[tuple[str, Span]]:
    """Every span of a per-document event with the role it plays."""
    out: list[tuple[str, Span]] = [("evidence", s) for s in event.evidence]
    if event.trigger is not None:
        out.append(("trigger", event.trigger))
    parts = (("date", event.date), ("place", event.location), ("actor1", event.actor1), ("actor2", event.actor2))
    for role, part in parts:
        if part is not None and part.span is not None:
            out.append((role, part.span))
    for claim in event.claims:
        out.append(("claim", claim.evidence))
        if claim.claimant_span is not None:
            out.append(("claimant", claim.claimant_span))
    return out


def highlight(document: Document, spans: Sequence[tuple[str, Span]]) -> list[Piece]:
    """The document's text cut at every span boundary, each piece with the roles covering it."""
    mine = [(role, s) for role, s in spans if s.doc == document.id and s.end <= len(document.text)]
    cuts = sorted({0, len(document.text), *(s.start for _, s in mine), *(s.end for _, s in mine)})
    pieces: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        roles = tuple(r for r in ROLES if any(role == r and s.start <= start and end <= s.end for role, s in mine))
        pieces.append(Piece(text=document.text[start:end], roles=roles, start=start))
    return pieces


def event_summary(listed: ListedEvent) -> dict[str, Any]:
    e = listed.event
    return {
        "id": e.id,
        "event_type": e.event_type.value,
        "sub_event_type": e.sub_event_type,
        "date_start": e.date.start.isoformat() if e.date else None,
        "date_end": e.date.end.isoformat() if e.date else None,
        "country": e.location.country if e.location else None,
        "admin1": e.location.admin1 if e.location else None,
        "location": e.location.name if e.location else None,
        "lat": e.location.lat if e.location else None,
        "lon": e.location.lon if e.location else None,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "fatalities": e.fatalities.to_json(),
        "background": e.background,
        "confidence": e.confidence,
        "n_sources": listed.n_sources,
        "review_status": listed.status,
    }


def document_view(document: Document, spans: Sequence[tuple[str, Span]]) -> dict[str, Any]:
    return {
        **document.to_json(),
        "pieces": [{"text": p.text, "roles": list(p.roles), "start": p.start} for p in highlight(document, spans)],
    }


def event_detail(store: Store, listed: ListedEvent) -> dict[str, Any]:
    """The event page's content: the merged record, its reports, sources with highlighted text, merge record and
    audit log."""
    members = store.members(listed.event.id)
    reports = [e for m in members if (e := store.event(m)) is not None]
    spans = [rs for r in reports for rs in roles_of(r)]
    docs = sorted({s.doc for s in listed.event.sources} | {s.doc for _, s in spans})
    documents = [document_view(d, spans) for doc in docs if (d := store.document(doc)) is not None]
    log: list[LogEntry] = store.review_log(members=members)
    return {
        "event": listed.event.to_json(),
        "summary": event_summary(listed),
        "members": members,
        "reports": [r.to_json() for r in reports],
        "documents": documents,
        "merge_record": store.merge_records_of(listed.event.id),
        "review_log": [entry.to_json() for entry in log],
    }
