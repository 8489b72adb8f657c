"""`fuse`: per-document events in, merged events (with merge records) out.

A pure function of the SET of events and human decisions: the same reports in any order give the same merged
events, and fusing the members of a fusion again gives the same result (the merged layer is always recomputed
from the per-document events, never from merged events).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventcoder.fusion.cluster import group_events
from eventcoder.fusion.merge import MergedEvent, merge_group
from eventcoder.fusion.overrides import Decision, Override, apply_field_overrides
from eventcoder.model import Event

__all__ = ["FusedEvent", "fuse"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FusedEvent:
    """A merged event after human decisions: the event, its reports, its merge record, and a reject flag."""

    merged: MergedEvent
    event: Event
    rejected: bool = False

    @property
    def members(self) -> tuple[str, ...]:
        return self.merged.record.members


def fuse(events: Sequence[Event], *, overrides: Iterable[Override] = ()) -> list[FusedEvent]:
    """Merge the reports of the same real-world event; every input event lands in exactly one result."""
    decisions = list(overrides)
    by_id = {e.id: e for e in events}
    same = [(o.event, o.other) for o in decisions if o.decision is Decision.SAME_EVENT and o.other is not None]
    different = [
        (o.event, o.other) for o in decisions if o.decision is Decision.DIFFERENT_EVENTS and o.other is not None
    ]
    rejected = {o.event for o in decisions if o.decision is Decision.REJECT}
    out: list[FusedEvent] = []
    for group in group_events(list(by_id.values()), same=same, different=different):
        merged = merge_group(group, by_id)
        event = apply_field_overrides(merged.event, group.members, decisions)
        out.append(FusedEvent(merged=merged, event=event, rejected=bool(rejected & set(group.members))))
    return out
