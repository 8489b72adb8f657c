"""Are two per-document events the same real-world event?  Hard gates, then a score with its reasons.

The gates (any failing one makes the pair incompatible, `compare` returns None):
- different documents (one document's events were already told apart by extraction);
- both have a place, with the same country, within a distance that depends on both precisions
  (`REACH_KM`: a site reaches 2 km, a town 10 km, a province 150 km ... the two reaches add up), and not
  two differently named sites, two places near two different towns ("near Zaitseve", "near Pivdenne": ACLED and
  the OSCE name the nearest village as the event's place), two differently named districts, or two different
  provinces (`admin1`);
- both have a date window of at most `MAX_WINDOW_DAYS` days, and the windows overlap (one day of slack: a
  report published the next morning says "yesterday"); two reports that each state a different day are two
  events, slack or not;
- compatible types (`_TYPE_SCORES`);
- no conflicting actors: both name actors (not generic ones) and share none, their named targets differ
  (two strikes in one city on one day against different targets stay two events), or, in one-sided violence
  (anything but a battle, where the order of the two sides means nothing), their named attackers differ;
- no casualty figures that conflict in kind: one report's dead are only civilians, the other's only fighters.

The score adds points for the same sub-event type, the same place, tight dates, shared actors and a shared
casualty figure.  A pair is a *link* when the score reaches `LINK_THRESHOLD` and it is corroborated: type,
place and date only say that two reports *could* be one event (one city sees several protests a day, one
front several shellings), so a link also needs positive evidence, a shared casualty figure (at least
`MIN_FIGURE`) or a shared specific actor (`specific_actor`: not the two sides of a front where either report
lies, `front_sides_at`); two pieces of it unless both places name one place (`SPECIFIC`), since a district,
province or country holds many distinct events, and one piece more when the dead contradict: each report's dead
are one side's, and not the same side ("3 soldiers killed" beside "14 militants killed").  Two differently named
towns (a neighbourhood and its city, or two villages) get no place points.  `compare(a, b)` equals
`compare(b, a)`: the pair is always looked at in id order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.geo.fronts import front_lines
from eventcoder.geo.gazetteer import distance_km
from eventcoder.model import Actor, ActorType, ClaimKind, Event, EventType, PlacePrecision, Victims

__all__ = [
    "LINK_THRESHOLD",
    "MAX_WINDOW_DAYS",
    "MIN_FIGURE",
    "REACH_KM",
    "SLACK_DAYS",
    "SPECIFIC",
    "PairScore",
    "compare",
    "documents_of",
    "front_sides_at",
    "generic_actor",
    "report_doc",
    "specific_actor",
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

SPECIFIC = frozenset({PlacePrecision.SITE, PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN})
"""Precisions that name one place (a site, a town or village, near a town); coarser places cover many events."""

MAX_WINDOW_DAYS = 31
"""A report dated no better than a month (or undated) cannot be joined to another one."""

SLACK_DAYS = 1
LINK_THRESHOLD = 5.0
MIN_FIGURE = 2
"""A shared casualty figure corroborates from 2 on: one dead or wounded is too common to tell events apart."""

_BOTH_TYPES = frozenset({EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.BATTLES})
_TYPE_SCORES = {"same_sub_event_type": 2.0, "same_event_type": 1.0, "related_violent_types": -2.0}
_CROWDS = frozenset({ActorType.PROTESTERS, ActorType.RIOTERS})
_FIGURE_KINDS = (ClaimKind.KILLED, ClaimKind.INJURED)


@dataclass(frozen=True, slots=True, kw_only=True)
class PairScore:
    """The comparison of two events (`a` < `b` by id): the total, the points each reason gave, the positive
    evidence (shared figures and specific actors) and how much of it the places ask for."""

    a: str
    b: str
    score: float
    reasons: tuple[tuple[str, float], ...]
    evidence: tuple[str, ...] = ()
    needed: int = 0

    @property
    def linked(self) -> bool:
        return self.score >= LINK_THRESHOLD and len(self.evidence) >= self.needed

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "reasons": dict(self.reasons),
            "evidence": list(self.evidence),
            "needed": self.needed,
        }


def window_days(event: Event) -> int | None:
    return None if event.date is None else (event.date.end - event.date.start).days + 1


def generic_actor(actor: Actor | None) -> bool:
    """No name worth comparing: absent, an unidentified armed group, or unnamed civilians."""
    return actor is None or actor.name.startswith("Unidentified") or actor.type is ActorType.CIVILIANS


def specific_actor(actor: Actor | None, country: str | None, *, sides: frozenset[str] = frozenset()) -> bool:
    """A name that points at few events of `country`: not generic, not a crowd of protesters or rioters, not
    the forces of the state where the event happens (they take part in most of its events), and not one of
    `sides` (casefolded names), the two sides of a front where the event lies: along the Donbas line of contact
    the OSCE reports fire between the Ukrainian army and the NAF near dozens of villages every day."""
    if actor is None or generic_actor(actor) or actor.type in _CROWDS or actor.name.casefold() in sides:
        return False
    return not (actor.type is ActorType.STATE_FORCES and actor.country in (None, country))


def front_sides_at(event: Event) -> frozenset[str]:
    """The casefolded names of the two sides of a front (geo/hotspots.yaml) that `event` lies on while the line
    held: its place is inside one of the front's areas, or is the front itself (a village the geocoder placed at
    the front's middle).  Empty off every front."""
    p, d = event.location, event.date
    if p is None or d is None:
        return frozenset()
    return _sides_at(p.country, p.name, p.lat, p.lon, d.start, d.end)


@lru_cache(maxsize=65536)
def _sides_at(
    country: str | None, name: str, lat: float | None, lon: float | None, start: dt.date, end: dt.date
) -> frozenset[str]:
    for front in front_lines():
        if front.sides is None or front.country != country or not front.during(start, end):
            continue
        on_line = name.casefold() == front.name.casefold() or (
            lat is not None and lon is not None and front.contains(lat, lon)
        )
        if on_line:
            return frozenset(side.name.casefold() for side in front.sides)
    return frozenset()


def documents_of(event: Event) -> frozenset[str]:
    """The documents that report `event` (its sources; its evidence when it lists no sources)."""
    return frozenset(s.doc for s in event.sources) or frozenset(s.doc for s in event.evidence)


def report_doc(event: Event) -> str:
    """The document of a per-document event (the first of its documents, "" when it cites none)."""
    return min(documents_of(event), default="")


def _reach(precision: PlacePrecision) -> float | None:
    return REACH_KM.get(precision)


@dataclass(frozen=True, slots=True)
class _Place:
    points: float
    specific: bool  # both places name one place
    same: bool  # ... and it is the same one


def _place(a: Event, b: Event) -> _Place | None:
    pa, pb = a.location, b.location
    if pa is None or pb is None or pa.country is None or pa.country != pb.country:
        return None
    specific = pa.precision in SPECIFIC and pb.precision in SPECIFIC
    both_sites = pa.precision is PlacePrecision.SITE and pb.precision is PlacePrecision.SITE
    same_name = pa.name.casefold() == pb.name.casefold()
    if both_sites and not same_name:
        return None  # two named sites (a market, a checkpoint): two targets
    both_near = pa.precision is PlacePrecision.NEAR_TOWN and pb.precision is PlacePrecision.NEAR_TOWN
    if both_near and not same_name and (pa.geonameid is None or pa.geonameid != pb.geonameid):
        return None  # near two different towns or villages: two places, however close
    if pa.admin1 is not None and pb.admin1 is not None and pa.admin1.casefold() != pb.admin1.casefold():
        return None  # an event lies in one province
    both_districts = pa.precision is PlacePrecision.ADMIN2 and pb.precision is PlacePrecision.ADMIN2
    if both_districts and not same_name:
        return None  # two named districts
    if same_name or (pa.geonameid is not None and pa.geonameid == pb.geonameid):
        return _Place(2.0 if specific else 1.0, specific, same=True)
    ra, rb = _reach(pa.precision), _reach(pb.precision)
    if ra is None or rb is None:  # a country-level place reaches anywhere in its country
        return _Place(0.0, specific=False, same=False)
    if pa.lat is None or pa.lon is None or pb.lat is None or pb.lon is None:
        return None
    if distance_km(pa.lat, pa.lon, pb.lat, pb.lon) > ra + rb:
        return None
    return _Place(0.0, specific, same=False)


def _stated_day(event: Event) -> bool:
    d = event.date
    return d is not None and d.start == d.end and d.text is not None


def _date_points(a: Event, b: Event) -> float | None:
    da, db = a.date, b.date
    wa, wb = window_days(a), window_days(b)
    if da is None or db is None or wa is None or wb is None or max(wa, wb) > MAX_WINDOW_DAYS:
        return None
    gap = max((db.start - da.end).days, (da.start - db.end).days)
    if gap > SLACK_DAYS or (gap > 0 and _stated_day(a) and _stated_day(b)):
        return None
    if gap > 0:  # the windows only meet through the slack
        return 0.0
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


def _named(event: Event) -> dict[str, Actor]:
    return {x.name.casefold(): x for x in (event.actor1, event.actor2) if x is not None and not generic_actor(x)}


def _actors(a: Event, b: Event) -> tuple[float, tuple[str, ...]] | None:
    """+2 per shared specific actor (the evidence), +1 per other shared named actor; None when the actors
    conflict (see the module docstring)."""
    ta, tb = a.actor2, b.actor2
    if ta is not None and tb is not None and not generic_actor(ta) and not generic_actor(tb):
        all_a = {x.name.casefold() for x in (a.actor1, a.actor2) if x is not None}
        all_b = {x.name.casefold() for x in (b.actor1, b.actor2) if x is not None}
        if ta.name.casefold() not in all_b and tb.name.casefold() not in all_a:
            return None
    ra, rb = a.actor1, b.actor1
    one_sided = a.event_type is not EventType.BATTLES and b.event_type is not EventType.BATTLES
    named_attackers = ra is not None and rb is not None and not generic_actor(ra) and not generic_actor(rb)
    if one_sided and named_attackers and ra.name.casefold() != rb.name.casefold():  # type: ignore[union-attr]
        return None  # two attackers
    na, nb = _named(a), _named(b)
    shared = sorted(na.keys() & nb.keys())
    if na and nb and not shared:
        return None
    country = a.location.country if a.location is not None else None
    sides = front_sides_at(a) | front_sides_at(b) if shared else frozenset()
    specific = tuple(na[k].name for k in shared if specific_actor(na[k], country, sides=sides))
    return 2.0 * len(specific) + (len(shared) - len(specific)), specific


def _figures(event: Event) -> set[tuple[ClaimKind, int]]:
    return {
        (c.kind, c.low) for c in event.claims if c.kind in _FIGURE_KINDS and c.low is not None and c.low >= MIN_FIGURE
    }


def _dead_kinds(event: Event) -> set[str]:
    """Who the killed claims say died: "civilians" and/or "fighters" (totals and unknown victims say neither)."""
    out: set[str] = set()
    for c in event.claims:
        if c.kind is not ClaimKind.KILLED or c.subgroup or not c.low:  # a figure-less claim says nothing here
            continue
        actor = {Victims.ACTOR1: event.actor1, Victims.ACTOR2: event.actor2}.get(c.victims)
        if c.victims is Victims.CIVILIANS or (actor is not None and actor.type is ActorType.CIVILIANS):
            out.add("civilians")
        elif actor is not None:
            out.add("fighters")
    return out


def _dead_sides(event: Event) -> set[str]:
    """Whose dead the killed claims with a figure name: the casefolded actor names ("civilians" for civilian
    victims); "" for a total or unknown victims, which could be anyone's."""
    actors = {Victims.ACTOR1: event.actor1, Victims.ACTOR2: event.actor2}
    out: set[str] = set()
    for c in event.claims:
        if c.kind is not ClaimKind.KILLED or c.subgroup or not c.low:
            continue
        actor = actors.get(c.victims)
        if c.victims is Victims.CIVILIANS or (actor is not None and actor.type is ActorType.CIVILIANS):
            out.add("civilians")
        else:
            out.add(actor.name.casefold() if actor is not None else "")
    return out


def _contradicting_dead(a: Event, b: Event) -> bool:
    """Each report's dead are one named side's, and not the same side: "Al Shabaab killed 3 soldiers" beside
    "14 Al Shabaab militants were killed" (two reports of one clash may do this, each side counting the other's
    losses, so it asks for more evidence rather than keeping the two apart)."""
    da, db = _dead_sides(a), _dead_sides(b)
    return len(da) == 1 and len(db) == 1 and "" not in da | db and da != db


def _shared_figures(a: Event, b: Event) -> tuple[str, ...] | None:
    """The casualty figures both report (kind and number); None when their dead differ in kind."""
    ka, kb = _dead_kinds(a), _dead_kinds(b)
    if len(ka) == 1 and len(kb) == 1 and ka != kb:
        return None
    return tuple(f"{kind.value} {n}" for kind, n in sorted(_figures(a) & _figures(b)))


def compare(a: Event, b: Event) -> PairScore | None:
    """The score of the pair, or None when a gate fails (see the module docstring)."""
    if b.id < a.id:
        a, b = b, a
    if documents_of(a) & documents_of(b):
        return None
    type_points = _type_points(a, b)
    place = _place(a, b)
    date_points = _date_points(a, b)
    actors = _actors(a, b)
    figures = _shared_figures(a, b)
    if type_points is None or place is None or date_points is None or actors is None or figures is None:
        return None
    actor_points, specific = actors
    evidence = tuple(f"figure {f}" for f in figures[:1]) + tuple(f"actor {x}" for x in specific)
    reasons = (
        ("type", type_points),
        ("place", place.points),
        ("date", date_points),
        ("actors", actor_points),
        ("figures", 2.0 if figures else 0.0),
    )
    return PairScore(
        a=a.id,
        b=b.id,
        score=sum(p for _, p in reasons),
        reasons=reasons,
        evidence=evidence,
        needed=(1 if place.specific else 2) + (1 if _contradicting_dead(a, b) else 0),
    )
