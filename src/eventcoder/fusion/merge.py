"""One merged event from a group of reports, and the merge record that says why and how.

Fields of the merged event, each chosen by a rule that does not depend on the order of the reports:
- type: the (type, sub-type) most reports give; ties go to the higher summed confidence, then the name;
- place: the most precise place; ties go to the place most reports share, then the report id;
- date: the narrowest window (the report that pins the day down); ties go to the earliest start, then the id;
- actors: the pair of the report whose named actors most other reports also name;
- claims, evidence and sources: all of them, in document order, each keeping its claimant and span;
- tolls: `tolls.reconcile_*` (UCDP rules across reports);
- background only when every report only recalls the event; confidence the highest.
The id is a hash of the member ids, so the same group always gets the same id.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventcoder.fusion.cluster import Group
from eventcoder.fusion.similarity import PairScore, documents_of, generic_actor, report_doc
from eventcoder.fusion.tolls import TollChoice, reconcile_fatalities, reconcile_injured
from eventcoder.model import Event, PlacePrecision

__all__ = ["MergeRecord", "MergedEvent", "merge_group", "merged_id"]

_PRECISION_RANK = {p: i for i, p in enumerate(PlacePrecision)}


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeRecord:
    """Which reports were joined, by which links (scores and reasons) or human decisions, and how the tolls
    were chosen."""

    merged_id: str
    members: tuple[str, ...]
    docs: tuple[str, ...]
    rule: str  # "single report", "linked reports", "human decision"
    links: tuple[PairScore, ...]
    forced: tuple[tuple[str, str], ...]
    tolls: tuple[TollChoice, ...]
    claimants: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "merged_id": self.merged_id,
            "members": list(self.members),
            "docs": list(self.docs),
            "rule": self.rule,
            "links": [link.to_json() for link in self.links],
            "forced": [list(p) for p in self.forced],
            "tolls": [t.to_json() for t in self.tolls],
            "claimants": list(self.claimants),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedEvent:
    event: Event
    members: tuple[Event, ...]
    record: MergeRecord

    @property
    def docs(self) -> tuple[str, ...]:
        return self.record.docs


def merged_id(members: Sequence[str]) -> str:
    raw = "|".join(sorted(members))
    return "mv-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _type_of(members: Sequence[Event]) -> Event:
    votes = Counter((m.event_type.value, m.sub_event_type) for m in members)
    weight: dict[tuple[str, str], float] = {}
    for m in members:
        key = (m.event_type.value, m.sub_event_type)
        weight[key] = weight.get(key, 0.0) + m.confidence
    best = min(votes, key=lambda k: (-votes[k], -weight[k], k))
    return min((m for m in members if (m.event_type.value, m.sub_event_type) == best), key=lambda m: m.id)


def _place_of(members: Sequence[Event]) -> Event | None:
    placed = [m for m in members if m.location is not None]
    if not placed:
        return None
    shared = Counter((m.location.geonameid, m.location.name) for m in placed if m.location is not None)

    def key(m: Event) -> tuple[int, int, str]:
        assert m.location is not None
        return (_PRECISION_RANK[m.location.precision], -shared[(m.location.geonameid, m.location.name)], m.id)

    return min(placed, key=key)


def _date_of(members: Sequence[Event]) -> Event | None:
    dated = [m for m in members if m.date is not None]
    if not dated:
        return None

    def key(m: Event) -> tuple[int, str, str]:
        assert m.date is not None
        return ((m.date.end - m.date.start).days, m.date.start.isoformat(), m.id)

    return min(dated, key=key)


def _actors_of(members: Sequence[Event]) -> Event:
    named = Counter(
        a.name for m in members for a in {x for x in (m.actor1, m.actor2) if x is not None and not generic_actor(x)}
    )

    def support(m: Event) -> tuple[int, int, str]:
        names = {a.name for a in (m.actor1, m.actor2) if a is not None and not generic_actor(a)}
        present = sum(1 for a in (m.actor1, m.actor2) if a is not None)
        return (-sum(named[n] for n in names), -present, m.id)

    return min(members, key=support)


def merge_group(group: Group, events: dict[str, Event]) -> MergedEvent:
    """The merged event of `group` (whose members are keys of `events`)."""
    members = tuple(events[i] for i in group.members)
    new_id = merged_id(group.members)
    typed = _type_of(members)
    placed, dated, acted = _place_of(members), _date_of(members), _actors_of(members)
    ordered = sorted(members, key=lambda m: (report_doc(m), m.id))
    claims = tuple(sorted((c for m in ordered for c in m.claims), key=lambda c: (c.evidence.doc, c.evidence.start)))
    evidence = tuple(sorted({s for m in ordered for s in m.evidence}, key=lambda s: (s.doc, s.start, s.end)))
    sources = tuple(sorted({s for m in ordered for s in m.sources}, key=lambda s: (s.doc, s.url or "")))
    base = replace(
        typed,
        id=new_id,
        date=dated.date if dated else None,
        location=placed.location if placed else None,
        actor1=acted.actor1,
        actor2=acted.actor2,
        claims=claims,
        evidence=evidence,
        sources=sources,
        background=all(m.background for m in members),
        confidence=max(m.confidence for m in members),
    )
    fatalities, fatality_choices = reconcile_fatalities(members, merged=base)
    injured, injury_choices = reconcile_injured(members)
    event = replace(base, fatalities=fatalities, injured=injured)
    rule = "human decision" if group.forced else ("linked reports" if group.joins else "single report")
    record = MergeRecord(
        merged_id=new_id,
        members=group.members,
        docs=tuple(sorted({d for m in members for d in documents_of(m)})),
        rule=rule,
        links=group.joins,
        forced=group.forced,
        tolls=fatality_choices + injury_choices,
        claimants=tuple(sorted({c.claimant for c in claims if c.claimant})),
    )
    return MergedEvent(event=event, members=members, record=record)
