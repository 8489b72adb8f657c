"""Fusing new reports into stored events without re-reading the whole store.

Groups never cross the connected components of the compatibility graph (pairs that pass the gates of
`similarity.compare`), so re-fusing every component that a new report touches gives the same merged events as
fusing everything again.  `affected` finds those components: starting from the new reports, it asks `nearby`
for the stored reports that could pass the gates with the frontier (same country, overlapping dates), keeps
the compatible ones, and repeats until nothing new joins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from eventcoder.fusion.similarity import MAX_WINDOW_DAYS, SLACK_DAYS, compare
from eventcoder.model import Event

__all__ = ["Nearby", "affected"]

Nearby = Callable[[str, dt.date, dt.date], Sequence[Event]]
"""(country, first day, last day) -> stored per-document events of that country whose window meets the range."""


def _fusable(event: Event) -> bool:
    d, p = event.date, event.location
    return p is not None and p.country is not None and d is not None and (d.end - d.start).days < MAX_WINDOW_DAYS


def affected(new: Sequence[Event], *, nearby: Nearby) -> list[Event]:
    """The new events and every stored event connected to them by compatible pairs, sorted by id."""
    found: dict[str, Event] = {e.id: e for e in new}
    frontier = [e for e in new if _fusable(e)]
    slack = dt.timedelta(days=SLACK_DAYS)
    while frontier:
        nxt: list[Event] = []
        for event in frontier:
            assert event.date is not None and event.location is not None and event.location.country is not None
            for other in nearby(event.location.country, event.date.start - slack, event.date.end + slack):
                if other.id in found or compare(event, other) is None:
                    continue
                found[other.id] = other
                nxt.append(other)
        frontier = nxt
    return sorted(found.values(), key=lambda e: e.id)
