"""Human decisions that fusion respects (written by the coming review UI, kept in their own store table).

Decisions name per-document events, whose ids never change (the extracted layer is never edited), so a decision
survives re-fusion even when the merged event it was made on gets a new id:
- `same_event(a, b)`: a and b are one event, whatever the scores say;
- `different_events(a, b)`: a and b are never joined (a split);
- `reject(a)`: the merged event holding a is not an event (kept, flagged, left out of exports);
- `confirm(a)`: a human checked report a against its sources (the merged event is confirmed when every member is);
- `field(a, field, value)`: the merged event holding a takes `value` for `field` (see `EDITABLE_FIELDS`).

Later decisions win: a report's last `confirm` or `reject` is its verdict, and a pair's last `same_event` or
`different_events` decides the pair (so a split undoes an earlier merge of the same reports).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from eventcoder.model import (
    SUB_EVENT_TYPES,
    Actor,
    ActorType,
    DatePrecision,
    DateWindow,
    Event,
    EventType,
    ModelError,
    Place,
    PlacePrecision,
)

__all__ = [
    "EDITABLE_FIELDS",
    "Decision",
    "Override",
    "OverrideError",
    "ReviewStatus",
    "apply_field_overrides",
    "check_value",
    "pair_decisions",
    "review_status",
    "verdicts",
]


class OverrideError(ValueError):
    """An override names an unknown kind or field, or has a value the field cannot take."""


class Decision(StrEnum):
    SAME_EVENT = "same_event"
    DIFFERENT_EVENTS = "different_events"
    REJECT = "reject"
    CONFIRM = "confirm"
    FIELD = "field"


class ReviewStatus(StrEnum):
    """Where a merged event stands in review: nobody looked, a human confirmed or edited it, or rejected it."""

    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    EDITED = "edited"
    REJECTED = "rejected"


EDITABLE_FIELDS = (
    "event_type",
    "sub_event_type",
    "fatalities.low",
    "fatalities.best",
    "fatalities.high",
    "injured.low",
    "background",
    "date",
    "location",
    "actor1",
    "actor2",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Override:
    decision: Decision
    event: str  # a per-document event id
    other: str | None = None  # the second event of same_event / different_events
    field: str | None = None
    value: Any = None
    author: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        pair = self.decision in (Decision.SAME_EVENT, Decision.DIFFERENT_EVENTS)
        if pair != (self.other is not None):
            raise OverrideError(f"{self.decision.value} needs {'two events' if pair else 'one event'}")
        if self.decision is Decision.FIELD and self.field not in EDITABLE_FIELDS:
            raise OverrideError(f"field {self.field!r} cannot be edited (editable: {', '.join(EDITABLE_FIELDS)})")

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision.value,
            "event": self.event,
            "other": self.other,
            "field": self.field,
            "value": self.value,
            "author": self.author,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Override:
        try:
            decision = Decision(obj["decision"])
        except (KeyError, ValueError) as exc:
            raise OverrideError(f"unknown override decision in {dict(obj)!r}") from exc
        if not obj.get("event"):
            raise OverrideError(f"an override names no event: {dict(obj)!r}")
        return cls(
            decision=decision,
            event=str(obj["event"]),
            other=obj.get("other"),
            field=obj.get("field"),
            value=obj.get("value"),
            author=obj.get("author"),
            note=obj.get("note"),
        )


def _int_or_none(field: str, value: Any) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise OverrideError(f"{field} must be a whole number >= 0 or null, not {value!r}")


def _mapping(field: str, value: Any, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise OverrideError(f"{field} must be an object with {', '.join(sorted(keys))}, not {value!r}")
    unknown = set(value) - keys
    if unknown:
        raise OverrideError(f"{field} has unknown keys {sorted(unknown)} (known: {', '.join(sorted(keys))})")
    return value


def _text(field: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise OverrideError(f"{field} must be text, not {value!r}")
    return value.strip()


def _date(value: Any) -> DateWindow:
    obj = _mapping("date", value, frozenset({"start", "end", "precision"}))
    try:
        start = dt.date.fromisoformat(str(obj["start"]))
        end = dt.date.fromisoformat(str(obj.get("end") or obj["start"]))
        precision = DatePrecision(obj.get("precision") or ("day" if start == end else "days"))
        return DateWindow(start=start, end=end, precision=precision)
    except (KeyError, ValueError) as exc:
        raise OverrideError(f"date needs start (YYYY-MM-DD), end and a precision: {exc}") from exc


def _place(value: Any) -> Place:
    keys = frozenset({"name", "country", "admin1", "admin2", "lat", "lon", "precision"})
    obj = _mapping("location", value, keys)
    name = _text("location.name", obj.get("name"))
    if name is None:
        raise OverrideError("location needs a name")
    country = _text("location.country", obj.get("country"))
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise OverrideError(f"location.country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    lat, lon = obj.get("lat"), obj.get("lon")
    for part, number in (("lat", lat), ("lon", lon)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            raise OverrideError(f"location.{part} must be a number, not {number!r}")
    try:
        return Place(
            name=name,
            country=country.upper() if country else None,
            admin1=_text("location.admin1", obj.get("admin1")),
            admin2=_text("location.admin2", obj.get("admin2")),
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            precision=PlacePrecision(obj.get("precision") or "town"),
        )
    except ValueError as exc:
        raise OverrideError(f"bad location: {exc}") from exc


def _actor(field: str, value: Any) -> Actor | None:
    if value is None:
        return None
    obj = _mapping(field, value, frozenset({"name", "type", "country"}))
    name = _text(f"{field}.name", obj.get("name"))
    if name is None:
        return None
    try:
        kind = ActorType(str(obj.get("type")))
    except ValueError as exc:
        known = ", ".join(t.value for t in ActorType)
        raise OverrideError(f"{field}.type must be one of {known}, not {obj.get('type')!r}") from exc
    country = _text(f"{field}.country", obj.get("country"))
    return Actor(name=name, type=kind, country=country.upper() if country else None)


def check_value(field: str, value: Any) -> None:
    """Raise OverrideError unless `value` can be set on `field` (without an event at hand)."""
    if field == "date":
        _date(value)
    elif field == "location":
        _place(value)
    elif field in ("actor1", "actor2"):
        _actor(field, value)
    elif field == "event_type":
        try:
            EventType(value)
        except ValueError as exc:
            raise OverrideError(f"unknown event type {value!r}") from exc
    elif field == "background":
        if not isinstance(value, bool):
            raise OverrideError(f"background must be true or false, not {value!r}")
    elif field in EDITABLE_FIELDS and "." in field:
        _int_or_none(field, value)


def _apply(event: Event, override: Override) -> Event:
    field, value = override.field, override.value
    try:
        if field == "date":
            return replace(event, date=_date(value))
        if field == "location":
            return replace(event, location=_place(value))
        if field == "actor1":
            return replace(event, actor1=_actor(field, value))
        if field == "actor2":
            return replace(event, actor2=_actor(field, value))
        if field == "injured.low":
            return replace(event, injured=replace(event.injured, low=_int_or_none(field, value)))
        if field == "event_type":
            new_type = EventType(value)
            sub = event.sub_event_type if event.sub_event_type in SUB_EVENT_TYPES[new_type] else "Other"
            if sub not in SUB_EVENT_TYPES[new_type]:
                sub = SUB_EVENT_TYPES[new_type][0]
            return replace(event, event_type=new_type, sub_event_type=sub)
        if field == "sub_event_type":
            return replace(event, sub_event_type=str(value))
        if field == "background":
            if not isinstance(value, bool):
                raise OverrideError(f"background must be true or false, not {value!r}")
            return replace(event, background=value)
        part = field.split(".", 1)[1] if field else ""
        return replace(event, fatalities=replace(event.fatalities, **{part: _int_or_none(field or "", value)}))
    except (ModelError, ValueError) as exc:
        if isinstance(exc, OverrideError):
            raise
        raise OverrideError(f"cannot set {field} to {value!r} on {event.id}: {exc}") from exc


def apply_field_overrides(event: Event, members: Iterable[str], overrides: Iterable[Override]) -> Event:
    """`event` with the field decisions made on any of its members, applied in the order given."""
    mine = set(members)
    for override in overrides:
        if override.decision is Decision.FIELD and override.event in mine:
            event = _apply(event, override)
    return event


def verdicts(overrides: Iterable[Override]) -> dict[str, Decision]:
    """Each report's last `confirm` or `reject` decision."""
    out: dict[str, Decision] = {}
    for o in overrides:
        if o.decision in (Decision.CONFIRM, Decision.REJECT):
            out[o.event] = o.decision
    return out


def pair_decisions(overrides: Iterable[Override]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(same, different) pairs, each pair decided by its last `same_event` or `different_events` decision."""
    last: dict[tuple[str, str], Decision] = {}
    for o in overrides:
        if o.decision in (Decision.SAME_EVENT, Decision.DIFFERENT_EVENTS) and o.other is not None:
            a, b = sorted((o.event, o.other))
            last[(a, b)] = o.decision
    same = [p for p, d in sorted(last.items()) if d is Decision.SAME_EVENT]
    different = [p for p, d in sorted(last.items()) if d is Decision.DIFFERENT_EVENTS]
    return same, different


def review_status(members: Sequence[str], overrides: Iterable[Override]) -> ReviewStatus:
    """Rejected when a member's verdict is reject; confirmed when every member's is confirm; edited when a human
    decision names a member; else unreviewed (a new report joining a confirmed event makes it unreviewed)."""
    decisions = list(overrides)
    verdict = verdicts(decisions)
    mine = set(members)
    if any(verdict.get(m) is Decision.REJECT for m in mine):
        return ReviewStatus.REJECTED
    if mine and all(verdict.get(m) is Decision.CONFIRM for m in mine):
        return ReviewStatus.CONFIRMED
    touched = any(
        o.event in mine or o.other in mine
        for o in decisions
        if o.decision in (Decision.FIELD, Decision.SAME_EVENT, Decision.DIFFERENT_EVENTS)
    )
    return ReviewStatus.EDITED if touched else ReviewStatus.UNREVIEWED
