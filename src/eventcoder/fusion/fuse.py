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
from eventcoder.fusion.overrides import Override, ReviewStatus, apply_field_overrides, pair_decisions, review_status
from eventcoder.model import Event

__all__ = ["FusedEvent", "fuse"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FusedEvent:
    """A merged event after human decisions: the event, its reports, its merge record, and its review status."""

    merged: MergedEvent
    event: Event
    status: ReviewStatus = ReviewStatus.UNREVIEWED

    @property
    def rejected(self) -> bool:
        return self.status is ReviewStatus.REJECTED

    @property
    def members(self) -> tuple[str, ...]:
        return self.merged.record.members


def fuse(events: Sequence[Event], *, overrides: Iterable[Override] = ()) -> list[FusedEvent]:
    """Merge the reports of the same real-world event; every input event lands in exactly one result."""
    decisions = list(overrides)
    by_id = {e.id: e for e in events}
    same, different = pair_decisions(decisions)
    out: list[FusedEvent] = []
    for group in group_events(list(by_id.values()), same=same, different=different):
        merged = merge_group(group, by_id)
        event = apply_field_overrides(merged.event, group.members, decisions)
        out.append(FusedEvent(merged=merged, event=event, status=review_status(group.members, decisions)))
    return out
