"""`oracle_events`: the predictions a perfect extractor would make for a gold file.

Used to check the scorer itself (a perfect prediction must score P = R = F1 = 1 and every field rate 1) and as a
template for hand-built predictions in tests.  Values the gold does not carry are filled with fixed
placeholders: actor types are `rebel_group`, claims name `unknown` victims.
"""

from __future__ import annotations

from eventcoder.evaluate.gold import GoldActor, GoldEvent, GoldFile
from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    DatePrecision,
    DateWindow,
    Document,
    Event,
    Fatalities,
    Injured,
    Place,
    Qualifier,
    Victims,
)

__all__ = ["oracle_event", "oracle_events"]


def oracle_events(gold: GoldFile) -> list[Event]:
    """One prediction per gold event (required and optional), in gold order, with the gold event id as id."""
    return [oracle_event(event, gold.doc) for event in gold.events]


def oracle_event(gold: GoldEvent, doc: Document) -> Event:
    evidence = doc.span(*gold.evidence_span) if gold.evidence_span is not None else None
    claim_span = evidence if evidence is not None else doc.span(0, 0)
    return Event(
        id=gold.id,
        event_type=gold.event_type,
        sub_event_type=gold.sub_event_type,
        date=_window(gold),
        location=None
        if gold.location is None
        else Place(
            name=gold.location.name,
            country=gold.location.country,
            precision=gold.location.precision,
            lat=gold.location.lat,
            lon=gold.location.lon,
        ),
        actor1=_actor(gold.actors[0]) if len(gold.actors) > 0 else None,
        actor2=_actor(gold.actors[1]) if len(gold.actors) > 1 else None,
        fatalities=Fatalities(
            low=gold.fatalities.low,
            best=gold.fatalities.low,
            high=gold.fatalities.high,
            actor1=gold.fatalities.actor1,
            actor2=gold.fatalities.actor2,
            civilians=gold.fatalities.civilians,
        ),
        injured=Injured(low=gold.injured.low, best=gold.injured.low, high=gold.injured.high),
        claims=tuple(
            Claim(
                kind=c.kind,
                low=c.count,  # None: a claim without a figure ("many were killed")
                high=None,
                qualifier=c.qualifier if c.count is not None else Qualifier.VAGUE,
                victims=Victims.UNKNOWN,
                evidence=claim_span,
                claimant=c.claimant.name if c.claimant is not None else None,
            )
            for c in gold.claims
        ),
        evidence=(evidence,) if evidence is not None else (),
    )


def _actor(gold: GoldActor) -> Actor:
    return Actor(name=gold.name, type=ActorType.REBEL_GROUP)


def _window(gold: GoldEvent) -> DateWindow | None:
    if gold.date is None:
        return None
    days = (gold.date.latest - gold.date.earliest).days
    if days == 0:
        precision = DatePrecision.DAY
    elif days <= 6:
        precision = DatePrecision.DAYS
    elif days <= 7:
        precision = DatePrecision.WEEK
    elif days <= 31:
        precision = DatePrecision.MONTH
    else:
        precision = DatePrecision.YEAR
    return DateWindow(start=gold.date.earliest, end=gold.date.latest, precision=precision)
