"""Field checks over one paired (gold, predicted) event (EVENTS.md section 5).

`check_pair` returns one `Check` per thing checked: one per measure for most measures, one per gold actor for
`actors`, one per per-party figure for `deaths_by_party`, one per gold claim with a claimant for
`claims_claimant`.  A measure that does not apply to the pair (no gold country, gold low unknown, ...) yields no
check at all, so it counts in neither the numerator nor the denominator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.evaluate.gold import GoldEvent
from eventcoder.evaluate.match import actor_found, dates_overlap, predicted_actor_strings
from eventcoder.evaluate.report import TYPE_MEASURES, Measure
from eventcoder.evaluate.text import haversine_km, name_matches
from eventcoder.model import Actor, Claim, Event, PlacePrecision

__all__ = ["RADIUS_KM", "Check", "check_pair"]

RADIUS_KM: dict[PlacePrecision, float] = {
    PlacePrecision.SITE: 50.0,
    PlacePrecision.TOWN: 50.0,
    PlacePrecision.NEAR_TOWN: 50.0,
    PlacePrecision.ADMIN2: 150.0,
    PlacePrecision.ADMIN1: 150.0,
    PlacePrecision.REGION: 300.0,
    PlacePrecision.WATER: 300.0,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    measure: Measure
    ok: bool
    expected: str
    got: str


def check_pair(
    gold: GoldEvent, predicted: Event, *, type_only: bool = False, deaths_scored: bool = True
) -> list[Check]:
    """Every field check of one pair; with `type_only` (scope "type" files) only the type measures; without
    `deaths_scored` (files whose annotator marked the figures as not scored) no death measure."""
    checks = [_event_type(gold, predicted), _sub_event_type(gold, predicted)]
    if type_only:
        return [c for c in checks if c.measure in TYPE_MEASURES]
    for one in (_country(gold, predicted), _place(gold, predicted), _date(gold, predicted)):
        if one is not None:
            checks.append(one)
    checks.extend(_actors(gold, predicted))
    if deaths_scored:
        checks.extend(_deaths(gold, predicted))
        checks.extend(_deaths_by_party(gold, predicted))
    checks.extend(_claims(gold, predicted))
    return checks


def _event_type(gold: GoldEvent, pred: Event) -> Check:
    return Check(
        measure=Measure.EVENT_TYPE,
        ok=gold.event_type is pred.event_type,
        expected=gold.event_type.value,
        got=pred.event_type.value,
    )


def _sub_event_type(gold: GoldEvent, pred: Event) -> Check:
    expected = " | ".join((gold.sub_event_type, *gold.alt_sub_event_types))
    return Check(
        measure=Measure.SUB_EVENT_TYPE,
        ok=gold.accepts_sub_event_type(pred.sub_event_type),
        expected=expected,
        got=pred.sub_event_type,
    )


def _pred_country(pred: Event) -> str | None:
    return pred.location.country if pred.location is not None else None


def _same_country(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.upper() == b.upper()


def _country(gold: GoldEvent, pred: Event) -> Check | None:
    if gold.location is None or not gold.location.country:
        return None
    got = _pred_country(pred)
    return Check(
        measure=Measure.COUNTRY,
        ok=_same_country(gold.location.country, got),
        expected=gold.location.country,
        got=str(got),
    )


def _place(gold: GoldEvent, pred: Event) -> Check | None:
    loc = gold.location
    if loc is None:
        return None
    if loc.precision is PlacePrecision.COUNTRY:
        if not loc.country:
            return None
        got = _pred_country(pred)
        return Check(
            measure=Measure.PLACE,
            ok=_same_country(loc.country, got),
            expected=f"{loc.name} (country {loc.country})",
            got=f"country {got}",
        )
    if loc.lat is None or loc.lon is None:
        return None
    radius = RADIUS_KM[loc.precision]
    expected = f"{loc.name} ({loc.lat:.3f}, {loc.lon:.3f}) within {radius:.0f} km"
    p = pred.location
    if p is None or p.lat is None or p.lon is None:
        return Check(measure=Measure.PLACE, ok=False, expected=expected, got=p.name if p else "no place")
    km = haversine_km(loc.lat, loc.lon, p.lat, p.lon)
    return Check(
        measure=Measure.PLACE,
        ok=km <= radius,
        expected=expected,
        got=f"{p.name} ({p.lat:.3f}, {p.lon:.3f}) at {km:.0f} km",
    )


def _date(gold: GoldEvent, pred: Event) -> Check | None:
    if gold.date is None:
        return None
    got = f"{pred.date.start}..{pred.date.end}" if pred.date is not None else "no date"
    return Check(
        measure=Measure.DATE,
        ok=dates_overlap(gold, pred),
        expected=f"{gold.date.earliest}..{gold.date.latest}",
        got=got,
    )


def _actors(gold: GoldEvent, pred: Event) -> list[Check]:
    found = predicted_actor_strings(pred)
    got = "; ".join(found) or "no actors"
    return [
        Check(measure=Measure.ACTORS, ok=actor_found(actor, found), expected=actor.name, got=got)
        for actor in gold.actors
    ]


def _deaths(gold: GoldEvent, pred: Event) -> list[Check]:
    g, p = gold.fatalities, pred.fatalities
    out: list[Check] = []
    if g.low is not None:
        ok = p.low == g.low or (g.low == 0 and p.low is None)
        out.append(Check(measure=Measure.DEATHS_LOW, ok=ok, expected=str(g.low), got=str(p.low)))
        if g.low > 0:
            near = p.low is not None and abs(p.low - g.low) <= 0.1 * g.low
            out.append(Check(measure=Measure.DEATHS_LOW_10PCT, ok=near, expected=f"{g.low} ±10%", got=str(p.low)))
    if g.low in (None, 0):
        # no deaths reported (null) or none died (0, also ACLED's "coded as 0"): any figure is a phantom
        expected = "no deaths reported" if g.low is None else "0 deaths"
        out.append(Check(measure=Measure.NO_PHANTOM_DEATHS, ok=p.low in (None, 0), expected=expected, got=str(p.low)))
    if g.high is not None and g.high != g.low:
        out.append(Check(measure=Measure.DEATHS_HIGH, ok=p.high == g.high, expected=str(g.high), got=str(p.high)))
    return out


def _deaths_by_party(gold: GoldEvent, pred: Event) -> list[Check]:
    g, p = gold.fatalities, pred.fatalities
    wanted = [(party, value) for party, value in (("actor1", g.actor1), ("actor2", g.actor2)) if value is not None]
    straight = {"actor1": p.actor1, "actor2": p.actor2}
    swapped = {"actor1": p.actor2, "actor2": p.actor1}
    orientation = straight
    align_straight, align_swapped = _alignment(gold, pred)
    if align_swapped > align_straight:
        orientation = swapped
    elif align_swapped == align_straight:
        # Nothing tells the order apart: take the reading that agrees with more figures (straight on a tie).
        right_straight = sum(straight[party] == value for party, value in wanted)
        right_swapped = sum(swapped[party] == value for party, value in wanted)
        orientation = swapped if right_swapped > right_straight else straight
    checks = [
        Check(
            measure=Measure.DEATHS_BY_PARTY,
            ok=orientation[party] == value,
            expected=f"{party} ({_gold_actor_name(gold, party)}) {value}",
            got=str(orientation[party]),
        )
        for party, value in wanted
    ]
    if g.civilians is not None:
        checks.append(
            Check(
                measure=Measure.DEATHS_BY_PARTY,
                ok=p.civilians == g.civilians,
                expected=f"civilians {g.civilians}",
                got=str(p.civilians),
            )
        )
    return checks


def _gold_actor_name(gold: GoldEvent, party: str) -> str:
    index = 0 if party == "actor1" else 1
    return gold.actors[index].name if index < len(gold.actors) else "?"


def _strings(actor: Actor | None) -> list[str]:
    if actor is None:
        return []
    return [s for s in (actor.name, actor.text, actor.span.text if actor.span else None) if s]


def _alignment(gold: GoldEvent, pred: Event) -> tuple[int, int]:
    """How many gold actors match the predicted actors in the straight order and in the swapped order."""
    p1, p2 = _strings(pred.actor1), _strings(pred.actor2)
    g = gold.actors

    def hit(i: int, found: Sequence[str]) -> int:
        return int(i < len(g) and actor_found(g[i], found))

    return hit(0, p1) + hit(1, p2), hit(0, p2) + hit(1, p1)


def _claims(gold: GoldEvent, pred: Event) -> list[Check]:
    out: list[Check] = []
    for claim in gold.claims:
        if claim.claimant is None:
            continue
        # A gold claim without a figure ("many were killed, the ministry said") needs the kind and claimant only.
        same = [
            c for c in pred.claims if c.kind is claim.kind and (claim.count is None or claim.count in (c.low, c.high))
        ]
        ok = any(name_matches(claim.claimant.names, _claimant_strings(c)) for c in same)
        got = "; ".join(_describe(c) for c in (same or pred.claims)) or "no claims"
        out.append(
            Check(
                measure=Measure.CLAIMS_CLAIMANT,
                ok=ok,
                expected=f"{claim.kind.value} {_figure(claim.count)} according to {claim.claimant.name}",
                got=got,
            )
        )
    return out


def _claimant_strings(claim: Claim) -> list[str]:
    return [s for s in (claim.claimant, claim.claimant_span.text if claim.claimant_span else None) if s]


def _describe(claim: Claim) -> str:
    if claim.low is None:
        figure = "(no figure)"
    else:
        figure = str(claim.low) if claim.high is None else f"{claim.low}-{claim.high}"
    return f"{claim.kind.value} {figure} according to {claim.claimant or 'nobody'}"


def _figure(count: int | None) -> str:
    return "(no figure)" if count is None else str(count)
