"""Human decisions that fusion respects (written by the coming review UI, kept in their own store table).

Decisions name per-document events, whose ids never change (the extracted layer is never edited), so a decision
survives re-fusion even when the merged event it was made on gets a new id:
- `same_event(a, b)`: a and b are one event, whatever the scores say;
- `different_events(a, b)`: a and b are never joined (a split);
- `reject(a)`: the merged event holding a is not an event (kept, flagged, left out of exports);
- `field(a, field, value)`: the merged event holding a takes `value` for `field` (see `EDITABLE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from eventcoder.model import SUB_EVENT_TYPES, Event, EventType, ModelError

__all__ = ["EDITABLE_FIELDS", "Decision", "Override", "OverrideError", "apply_field_overrides"]


class OverrideError(ValueError):
    """An override names an unknown kind or field, or has a value the field cannot take."""


class Decision(StrEnum):
    SAME_EVENT = "same_event"
    DIFFERENT_EVENTS = "different_events"
    REJECT = "reject"
    FIELD = "field"


EDITABLE_FIELDS = (
    "event_type",
    "sub_event_type",
    "fatalities.low",
    "fatalities.best",
    "fatalities.high",
    "background",
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


def _apply(event: Event, override: Override) -> Event:
    field, value = override.field, override.value
    try:
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
