"""Keeping the store's fused layer up to date: fuse new reports into it, or rebuild it from scratch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventcoder.fusion.fuse import fuse
from eventcoder.fusion.incremental import Nearby, affected
from eventcoder.fusion.overrides import Override
from eventcoder.model import Event

if TYPE_CHECKING:
    from eventcoder.store import Store

__all__ = ["FusionSummary", "fuse_new", "refuse_all"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FusionSummary:
    reports: int  # per-document events fused (new ones and the stored ones they touched)
    merged: int  # merged events written
    replaced: int  # merged events deleted because their groups changed
    multi_source: int  # merged events written with more than one document


def _partners(events: Sequence[Event], decisions: Sequence[Override], store: Store) -> list[Event]:
    """Events named together with `events` in human same/different decisions (they must be fused together)."""
    ids = {e.id for e in events}
    wanted = {o.other for o in decisions if o.event in ids and o.other} | {o.event for o in decisions if o.other in ids}
    return [e for i in sorted(wanted - ids) if (e := store.event(i)) is not None]


def fuse_new(store: Store, events: Sequence[Event] | None = None, *, nearby: Nearby | None = None) -> FusionSummary:
    """Fuse `events` (default: every stored event not yet fused) into the stored merged events, re-fusing only
    the groups they touch. `nearby` may replace the store's `events_near` (a cache must give the same events)."""
    new = list(events) if events is not None else store.unfused_events()
    decisions = store.overrides()
    todo = list(new)
    near: Nearby = nearby or (lambda country, start, end: store.events_near(country=country, start=start, end=end))
    while True:
        todo = affected(todo, nearby=near)
        extra = _partners(todo, decisions, store)
        if not extra:
            break
        todo += extra
    fused = fuse(todo, overrides=decisions)
    replaced = store.replace_merged(fused)
    return FusionSummary(
        reports=len(todo),
        merged=len(fused),
        replaced=replaced,
        multi_source=sum(1 for f in fused if len(f.merged.record.docs) > 1),
    )


def refuse_all(store: Store) -> FusionSummary:
    """Rebuild the whole fused layer from the per-document events and the human decisions."""
    events = store.events()
    fused = fuse(events, overrides=store.overrides())
    replaced = store.replace_merged(fused, everything=True)
    return FusionSummary(
        reports=len(events),
        merged=len(fused),
        replaced=replaced,
        multi_source=sum(1 for f in fused if len(f.merged.record.docs) > 1),
    )
