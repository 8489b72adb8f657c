"""Are two per-document events the same real-world event?  Hard gates, then a score with its reasons.

The gates (any failing one makes the pair incompatible, `compare` returns None):
- different documents (one document's events were already told apart by extraction);
- both have a place, with the same country, within a distance that depends on both precisions
  (`REACH_KM`: a site reaches 2 km, a town 10 km, a province 150 km ... the two reaches add up), and not
  two differently named sites;
- both have a date window of at most `MAX_WINDOW_DAYS` days, and the windows overlap (one day of slack: a
  report published the next morning says "yesterday");
- compatible types (`_TYPE_SCORES`), and no conflicting named targets (two strikes in one city on one day
  against different targets stay two events).

The score adds points for the same sub-event type, the same place, tight dates, shared actors and shared
casualty figures; a pair is a *link* when the score reaches `LINK_THRESHOLD`.  `compare(a, b)` equals
`compare(b, a)`: the pair is always looked at in id order.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.geo.gazetteer import distance_km
from eventcoder.model import Actor, ActorType, ClaimKind, Event, EventType, PlacePrecision

__all__ = [
    "LINK_THRESHOLD",
    "MAX_WINDOW_DAYS",
    "REACH_KM",
    "SLACK_DAYS",
    "PairScore",
    "compare",
    "documents_of",
    "generic_actor",
    "report_doc",
    "window_days",
]

REACH_KM: dict[PlacePrecision, float] = {
    PlacePrecision.SITE: 2.0,
    PlacePrecision.TOWN: 10.0,
    PlacePrecision.NEAR_TOWN: 25.0,
    PlacePrecision.ADMIN2: 50.0,
    PlacePrecision.ADMIN1: 150.0,
    PlacePrecision.REGION: 300.0,
    PlacePrecision.WATER: 100.0,
}
"""How far a place of each precision may lie from the event; country-precision places reach the whole country."""

MAX_WINDOW_DAYS = 31
"""A report dated no better than a month (or undated) cannot be joined to another one."""

SLACK_DAYS = 1
LINK_THRESHOLD = 5.0

_BOTH_TYPES = frozenset({EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.BATTLES})
_TYPE_SCORES = {"same_sub_event_type": 2.0, "same_event_type": 1.0, "related_violent_types": -1.0}


@dataclass(frozen=True, slots=True, kw_only=True)
class PairScore:
    """The comparison of two events (`a` < `b` by id): the total and the points each reason gave."""

    a: str
    b: str
    score: float
    reasons: tuple[tuple[str, float], ...]

    @property
    def linked(self) -> bool:
        return self.score >= LINK_THRESHOLD

    def to_json(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "score": self.score, "reasons": dict(self.reasons)}


def window_days(event: Event) -> int | None:
    return None if event.date is None else (event.date.end - event.date.start).days + 1


def generic_actor(actor: Actor | None) -> bool:
    """No name worth comparing: absent, an unidentified armed group, or unnamed civilians."""
    return actor is None or actor.name.startswith("Unidentified") or actor.type is ActorType.CIVILIANS


def documents_of(event: Event) -> frozenset[str]:
    """The documents that report `event` (its sources; its evidence when it lists no sources)."""
    return frozenset(s.doc for s in event.sources) or frozenset(s.doc for s in event.evidence)


def report_doc(event: Event) -> str:
    """The document of a per-document event (the first of its documents, "" when it cites none)."""
    return min(documents_of(event), default="")


def _reach(precision: PlacePrecision) -> float | None:
    return REACH_KM.get(precision)


def _place_points(a: Event, b: Event) -> float | None:
    pa, pb = a.location, b.location
    if pa is None or pb is None or pa.country is None or pa.country != pb.country:
        return None
    both_sites = pa.precision is PlacePrecision.SITE and pb.precision is PlacePrecision.SITE
    if both_sites and pa.name.casefold() != pb.name.casefold():
        return None  # two named sites (a market, a checkpoint): two targets
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return 2.0
    ra, rb = _reach(pa.precision), _reach(pb.precision)
    if ra is None or rb is None:  # a country-level place reaches anywhere in its country
        return 0.0
    if pa.lat is None or pa.lon is None or pb.lat is None or pb.lon is None:
        return None
    return 1.0 if distance_km(pa.lat, pa.lon, pb.lat, pb.lon) <= ra + rb else None


def _date_points(a: Event, b: Event) -> float | None:
    da, db = a.date, b.date
    wa, wb = window_days(a), window_days(b)
    if da is None or db is None or wa is None or wb is None or max(wa, wb) > MAX_WINDOW_DAYS:
        return None
    gap = max((db.start - da.end).days, (da.start - db.end).days)
    if gap > SLACK_DAYS:
        return None
    if max(wa, wb) <= 3:
        return 2.0
    return 1.0 if max(wa, wb) <= 7 else 0.0


def _type_points(a: Event, b: Event) -> float | None:
    if a.sub_event_type == b.sub_event_type and a.event_type is b.event_type:
        return _TYPE_SCORES["same_sub_event_type"]
    if a.event_type is b.event_type:
        return _TYPE_SCORES["same_event_type"]
    if a.event_type in _BOTH_TYPES and b.event_type in _BOTH_TYPES:
        return _TYPE_SCORES["related_violent_types"]
    return None


def _names(event: Event) -> set[str]:
    return {x.name.casefold() for x in (event.actor1, event.actor2) if x is not None and not generic_actor(x)}


def _actor_points(a: Event, b: Event) -> float | None:
    """+1 per named actor both report, -1 when both name actors and share none; None when the targets differ."""
    ta, tb = a.actor2, b.actor2
    if ta is not None and tb is not None and not generic_actor(ta) and not generic_actor(tb):
        all_a = {x.name.casefold() for x in (a.actor1, a.actor2) if x is not None}
        all_b = {x.name.casefold() for x in (b.actor1, b.actor2) if x is not None}
        if ta.name.casefold() not in all_b and tb.name.casefold() not in all_a:
            return None
    shared = _names(a) & _names(b)
    if _names(a) and _names(b) and not shared:
        return -1.0
    return float(len(shared))


def _figures(event: Event) -> set[int]:
    return {c.low for c in event.claims if c.kind is ClaimKind.KILLED and c.low > 0}


def _figure_points(a: Event, b: Event) -> float:
    """Reports of one event often repeat a casualty figure; the same figure counts (once)."""
    return 1.0 if _figures(a) & _figures(b) else 0.0


def compare(a: Event, b: Event) -> PairScore | None:
    """The score of the pair, or None when a gate fails (see the module docstring)."""
    if b.id < a.id:
        a, b = b, a
    if documents_of(a) & documents_of(b):
        return None
    reasons: list[tuple[str, float]] = []
    for name, points in (
        ("type", _type_points(a, b)),
        ("place", _place_points(a, b)),
        ("date", _date_points(a, b)),
        ("actors", _actor_points(a, b)),
    ):
        if points is None:
            return None
        reasons.append((name, points))
    reasons.append(("figures", _figure_points(a, b)))
    return PairScore(a=a.id, b=b.id, score=sum(p for _, p in reasons), reasons=tuple(reasons))
