"""Group per-document events into real-world events, independently of the order they come in.

1. Every pair of events is compared (`similarity.compare`); pairs whose score reaches the threshold are links.
   Events are bucketed by country and swept by date, so only pairs that could pass the gates are compared.
2. Human `same_event` decisions join their events first; `different_events` decisions forbid a join.
3. Links are taken best first (score, then ids), and join two groups only when the join keeps every pair of
   the new group compatible (complete linkage on the gates), no document twice, and no forbidden pair.

The result depends only on the set of events and decisions, never on their order; groups are formed inside
connected components of the link graph, which is what lets `incremental` re-fuse only the components that new
reports touch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventcoder.fusion.similarity import MAX_WINDOW_DAYS, SLACK_DAYS, PairScore, compare, documents_of
from eventcoder.model import Event

__all__ = ["Group", "candidate_pairs", "group_events", "links"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """Member event ids (sorted) and the links or decisions that joined them."""

    members: tuple[str, ...]
    joins: tuple[PairScore, ...] = ()
    forced: tuple[tuple[str, str], ...] = ()  # pairs joined by a human `same_event` decision


def _fusable(event: Event) -> bool:
    d = event.date
    return (
        event.location is not None
        and event.location.country is not None
        and d is not None
        and (d.end - d.start).days + 1 <= MAX_WINDOW_DAYS
    )


def candidate_pairs(events: Sequence[Event]) -> Iterable[tuple[Event, Event]]:
    """Pairs that could pass the gates: same country, date windows within the slack of each other."""
    by_country: dict[str, list[Event]] = {}
    for e in events:
        if _fusable(e) and e.location is not None and e.location.country is not None:
            by_country.setdefault(e.location.country, []).append(e)
    slack = dt.timedelta(days=SLACK_DAYS)
    for country in sorted(by_country):
        bucket = sorted(by_country[country], key=lambda e: (e.date.start if e.date else dt.date.min, e.id))
        for i, a in enumerate(bucket):
            assert a.date is not None
            for b in bucket[i + 1 :]:
                assert b.date is not None
                if b.date.start > a.date.end + slack:
                    break
                yield a, b


def links(events: Sequence[Event]) -> list[PairScore]:
    """Every compatible pair with its score (links and sub-threshold pairs), sorted by ids."""
    out = [s for a, b in candidate_pairs(events) if (s := compare(a, b)) is not None]
    return sorted(out, key=lambda s: (s.a, s.b))


def group_events(
    events: Sequence[Event],
    *,
    same: Iterable[tuple[str, str]] = (),
    different: Iterable[tuple[str, str]] = (),
) -> list[Group]:
    """Groups of the events (every event in exactly one), sorted by their first member id."""
    unique = {e.id: e for e in events}
    ids = sorted(unique)
    pairs = links(list(unique.values()))
    compatible = {(s.a, s.b) for s in pairs}
    forbidden = {tuple(sorted(p)) for p in different}
    group_of: dict[str, int] = {i: n for n, i in enumerate(ids)}
    members: dict[int, set[str]] = {n: {i} for n, i in enumerate(ids)}
    docs: dict[int, set[str]] = {n: set(documents_of(unique[i])) for n, i in enumerate(ids)}
    joins: dict[int, list[PairScore]] = {n: [] for n in members}
    forced: dict[int, list[tuple[str, str]]] = {n: [] for n in members}

    def union(x: int, y: int) -> int:
        keep, gone = min(x, y), max(x, y)
        for m in members.pop(gone):
            group_of[m] = keep
            members[keep].add(m)
        docs[keep] |= docs.pop(gone)
        joins[keep] += joins.pop(gone)
        forced[keep] += forced.pop(gone)
        return keep

    for a, b in sorted(tuple(sorted(p)) for p in same):
        if a in group_of and b in group_of and group_of[a] != group_of[b]:
            keep = union(group_of[a], group_of[b])
            forced[keep].append((a, b))

    def may_join(x: int, y: int) -> bool:
        if docs[x] & docs[y]:
            return False
        for m in members[x]:
            for n in members[y]:
                pair = (m, n) if m < n else (n, m)
                if pair in forbidden or pair not in compatible:
                    return False
        return True

    for s in sorted((s for s in pairs if s.linked), key=lambda s: (-s.score, s.a, s.b)):
        x, y = group_of[s.a], group_of[s.b]
        if x != y and may_join(x, y):
            keep = union(x, y)
            joins[keep].append(s)
    return sorted(
        (
            Group(
                members=tuple(sorted(members[n])),
                joins=tuple(sorted(joins[n], key=lambda s: (s.a, s.b))),
                forced=tuple(sorted(forced[n])),
            )
            for n in members
        ),
        key=lambda g: g.members[0],
    )
