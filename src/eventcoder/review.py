"""An analyst's review of merged events: confirm, reject, edit, merge, split.

Every action becomes human decisions in `fusion_overrides` (keyed by per-document events, so they survive
re-extraction and re-fusion) plus one audit log entry (who, what, before, after), stored in one transaction;
then the touched events are re-fused so the merged layer shows the decision at once.

    result = review.confirm(store, "mv-...", author="kari")
    result = review.edit(store, "mv-...", author="kari", changes={"fatalities.low": 12})
    result.events            # the merged events the reports now belong to
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.fusion.overrides import (
    EDITABLE_FIELDS,
    Decision,
    Override,
    OverrideError,
    ReviewStatus,
    check_value,
)
from eventcoder.fusion.sync import fuse_new
from eventcoder.model import SUB_EVENT_TYPES, Event, EventType
from eventcoder.store import ListedEvent, LogEntry, Store

__all__ = [
    "ACTIONS",
    "ReviewConflictError",
    "ReviewError",
    "ReviewResult",
    "UnknownEventError",
    "confirm",
    "edit",
    "field_value",
    "merge",
    "reject",
    "split",
]

ACTIONS = ("confirm", "reject", "edit", "merge", "split")


class ReviewError(ValueError):
    """A review action cannot be done as asked (bad values, nothing to change, ...); nothing was stored."""


class UnknownEventError(ReviewError):
    """No merged event has this id (it may have been merged or split since: see the review log)."""


class ReviewConflictError(ReviewError):
    """The action contradicts the event's state (merging an event with itself, splitting a single report)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewResult:
    entry: LogEntry
    events: tuple[str, ...]  # the merged events holding the reviewed reports after re-fusion


def field_value(event: Event, field: str) -> Any:
    """The JSON value of an editable field of `event` (the form an edit gives it)."""
    if field == "date":
        d = event.date
        return {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": d.precision.value} if d else None
    if field == "location":
        p = event.location
        keys = ("name", "country", "admin1", "lat", "lon", "precision")
        return {k: v for k, v in p.to_json().items() if k in keys} if p else None
    if field in ("actor1", "actor2"):
        a = event.actor1 if field == "actor1" else event.actor2
        return {"name": a.name, "type": a.type.value, "country": a.country} if a else None
    if field == "event_type":
        return event.event_type.value
    if field == "sub_event_type":
        return event.sub_event_type
    if field == "background":
        return event.background
    group, part = field.split(".", 1)
    return getattr(event.fatalities if group == "fatalities" else event.injured, part)


def _current(store: Store, merged_id: str) -> tuple[ListedEvent, list[str]]:
    listed = store.listed_event(merged_id)
    if listed is None:
        raise UnknownEventError(f"no merged event {merged_id!r} (it may have been merged or split since)")
    return listed, store.members(merged_id)


def _commit(store: Store, decisions: Sequence[Override], entry: LogEntry) -> ReviewResult:
    store.record_review(decisions, entry)
    reports = [e for m in entry.members if (e := store.event(m)) is not None]
    fuse_new(store, reports)
    return ReviewResult(entry=entry, events=tuple(store.merged_of(entry.members)))


def _verdict(store: Store, merged_id: str, *, decision: Decision, author: str, note: str | None) -> ReviewResult:
    listed, members = _current(store, merged_id)
    status = ReviewStatus.CONFIRMED if decision is Decision.CONFIRM else ReviewStatus.REJECTED
    decisions = [Override(decision=decision, event=m, author=author, note=note) for m in members]
    entry = LogEntry(
        author=author,
        action=decision.value,
        target=merged_id,
        members=tuple(members),
        before={"status": listed.status},
        after={"status": status.value},
        note=note,
    )
    return _commit(store, decisions, entry)


def confirm(store: Store, merged_id: str, *, author: str, note: str | None = None) -> ReviewResult:
    """The analyst checked the event against its sources: every report of it is confirmed."""
    return _verdict(store, merged_id, decision=Decision.CONFIRM, author=author, note=note)


def reject(store: Store, merged_id: str, *, author: str, note: str | None = None) -> ReviewResult:
    """The event is not an event: kept and flagged, left out of lists and exports (confirm undoes it)."""
    return _verdict(store, merged_id, decision=Decision.REJECT, author=author, note=note)


def _check_types(event: Event, changes: Mapping[str, Any]) -> None:
    if "sub_event_type" not in changes:
        return
    try:
        new_type = EventType(changes.get("event_type", event.event_type.value))
    except ValueError as exc:
        raise ReviewError(f"unknown event type {changes.get('event_type')!r}") from exc
    if changes["sub_event_type"] not in SUB_EVENT_TYPES[new_type]:
        raise ReviewError(
            f"{changes['sub_event_type']!r} is not a sub-event type of {new_type.value!r} "
            f"(one of {', '.join(SUB_EVENT_TYPES[new_type])})"
        )


def edit(
    store: Store, merged_id: str, *, author: str, changes: Mapping[str, Any], note: str | None = None
) -> ReviewResult:
    """Set fields of the event (type, sub-type, date, place, actors, tolls); the human value wins over every
    later extraction and fusion.  Only the fields whose value changes are recorded."""
    listed, members = _current(store, merged_id)
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(f"cannot edit {', '.join(unknown)} (editable: {', '.join(EDITABLE_FIELDS)})")
    try:
        for field, value in changes.items():
            check_value(field, value)
    except OverrideError as exc:
        raise ReviewError(str(exc)) from exc
    _check_types(listed.event, changes)
    ordered = [f for f in EDITABLE_FIELDS if f in changes and changes[f] != field_value(listed.event, f)]
    if not ordered:
        raise ReviewError("nothing to change: every value given equals the event's")
    decisions = [
        Override(decision=Decision.FIELD, event=m, field=f, value=changes[f], author=author, note=note)
        for f in ordered
        for m in members
    ]
    entry = LogEntry(
        author=author,
        action="edit",
        target=merged_id,
        members=tuple(members),
        before={f: field_value(listed.event, f) for f in ordered},
        after={f: changes[f] for f in ordered},
        note=note,
    )
    return _commit(store, decisions, entry)


def merge(store: Store, merged_id: str, other_id: str, *, author: str, note: str | None = None) -> ReviewResult:
    """The two merged events are one real-world event: their reports are joined whatever the scores say."""
    if merged_id == other_id:
        raise ReviewConflictError("an event cannot be merged with itself")
    _, members = _current(store, merged_id)
    _, others = _current(store, other_id)
    decisions = [Override(decision=Decision.SAME_EVENT, event=members[0], other=o, author=author) for o in others]
    decisions += [Override(decision=Decision.SAME_EVENT, event=members[0], other=m, author=author) for m in members[1:]]
    entry = LogEntry(
        author=author,
        action="merge",
        target=merged_id,
        members=tuple(sorted({*members, *others})),
        before={"events": {merged_id: members, other_id: others}},
        after={"members": sorted({*members, *others})},
        note=note,
    )
    return _commit(store, decisions, entry)


def split(
    store: Store, merged_id: str, *, members: Sequence[str], author: str, note: str | None = None
) -> ReviewResult:
    """Move `members` (some of the event's reports) into an event of their own; the rest stay together."""
    _, current = _current(store, merged_id)
    moved = sorted(set(members))
    if len(current) < 2:
        raise ReviewConflictError(f"{merged_id} has one report: there is nothing to split")
    stray = sorted(set(moved) - set(current))
    if stray:
        raise ReviewError(f"{', '.join(stray)} are not reports of {merged_id} (its reports: {', '.join(current)})")
    rest = [m for m in current if m not in moved]
    if not moved or not rest:
        raise ReviewConflictError("a split needs some of the event's reports, not none or all of them")

    def pair(decision: Decision, a: str, b: str) -> Override:
        return Override(decision=decision, event=a, other=b, author=author, note=note)

    decisions = [pair(Decision.DIFFERENT_EVENTS, a, b) for a in moved for b in rest]
    decisions += [pair(Decision.SAME_EVENT, moved[0], m) for m in moved[1:]]
    decisions += [pair(Decision.SAME_EVENT, rest[0], m) for m in rest[1:]]
    entry = LogEntry(
        author=author,
        action="split",
        target=merged_id,
        members=tuple(current),
        before={"members": current},
        after={"events": [moved, rest]},
        note=note,
    )
    return _commit(store, decisions, entry)
