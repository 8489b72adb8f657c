"""Assembly: event records from the layers, with evidence for every field.

1. Each sentence with an active trigger (not negated, not hypothetical) is a draft: its strongest trigger, the
   most specific resolved place, the date and the actors of that sentence.
2. Drafts merge into one event when their types agree (a generic "attack" joins any type), their places are the
   same or one is missing, their dates overlap and their background flags agree.
3. The event takes its type from its strongest trigger (generic only: Battles when two armed sides are named,
   Violence against civilians when one armed side hits civilians), its place and date from its sentences (else
   the nearest earlier mention, else the publication date), its actors (perpetrator first), and the claims of its
   sentences (claims in sentences without a trigger go to the nearest earlier event); tolls follow `tolls.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field

from eventcoder.geo.gazetteer import distance_km
from eventcoder.mentions import ActorMention, ClaimMention, DateMention, PlaceMention, TriggerMention
from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    DatePrecision,
    DateWindow,
    Event,
    EventType,
    Place,
    PlacePrecision,
    Source,
    Span,
    Victims,
    event_id,
)
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages import attribution as attribution_stage
from eventcoder.stages import triggers as trigger_stage
from eventcoder.stages.actors import country_name
from eventcoder.stages.actors import lexicon as actor_lexicon
from eventcoder.stages.tolls import fatalities_from_claims, injured_from_claims

__all__ = ["assemble"]

_SAME_PLACE_KM = 50.0
_SUPPORT_KM = 250.0
PRECISION_RANK = {p: i for i, p in enumerate(PlacePrecision)}  # site first, water last
PRECISION_RANK_ADMIN1 = PRECISION_RANK[PlacePrecision.ADMIN1]
_DEFAULT_WINDOW_DAYS = 3


@dataclass(slots=True)
class _Draft:
    sentences: list[int]
    triggers: list[TriggerMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    background: bool
    claims: list[ClaimMention] = field(default_factory=list)

    @property
    def specific(self) -> list[TriggerMention]:
        return [t for t in self.triggers if not t.generic]

    @property
    def event_type(self) -> EventType | None:
        spec = self.specific
        if not spec:
            return None
        crowd = [t for t in spec if t.event_type in (EventType.PROTESTS, EventType.RIOTS)]
        return max(crowd or spec, key=lambda t: t.strength).event_type

    @property
    def place(self) -> Place | None:
        """The most specific place that the event's other place mentions agree with.

        A candidate gains one point for each other resolved mention of the event that lies in its country and
        within _SUPPORT_KM ("Imam Sahib district, Kunduz" supports a town in Kunduz, not a namesake elsewhere)."""
        resolved = [p.place for p in self.places if p.place is not None]
        if not resolved:
            return None

        def support(place: Place) -> int:
            return sum(
                1
                for other in resolved
                if other is not place
                and other.country == place.country
                and (other.precision is PlacePrecision.COUNTRY or _km(other, place) <= _SUPPORT_KM)
            )

        return min(resolved, key=lambda p: (-support(p), PRECISION_RANK[p.precision]))

    @property
    def window(self) -> DateWindow | None:
        return self.dates[0].window if self.dates else None


def _km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.0 if a.name == b.name else math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    coarse = {"admin1", "admin2", "region", "country", "water"}
    if a.precision.value in coarse or b.precision.value in coarse:
        return True
    return _km(a, b) <= _SAME_PLACE_KM


def _crowd_and_arrests(a: _Draft, b: _Draft) -> bool:
    """Arrests or a dispersal reported beside a protest or riot are the intervention, not an event of their own."""
    crowd = {EventType.PROTESTS, EventType.RIOTS}
    types = {a.event_type, b.event_type}
    arrests = any(t.sub_event_type == "Arrests" for t in (*a.specific, *b.specific))
    return bool(types & crowd) and arrests and EventType.STRATEGIC in types


def _compatible(event: _Draft, draft: _Draft) -> bool:
    if event.background != draft.background:
        return False
    t1, t2 = event.event_type, draft.event_type
    if t1 is not None and t2 is not None and t1 is not t2 and not _crowd_and_arrests(event, draft):
        return False
    if not _places_compatible(event.place, draft.place):
        return False
    w1, w2 = event.window, draft.window
    return w1 is None or w2 is None or w1.overlaps(w2)


def _merge(into: _Draft, draft: _Draft) -> None:
    into.sentences.extend(draft.sentences)
    into.triggers.extend(draft.triggers)
    into.places.extend(draft.places)
    into.dates.extend(draft.dates)
    into.actors.extend(draft.actors)


def _in_sentence(analysis: Analysis, index: int, start: int) -> bool:
    s = analysis.sentences[index].span
    return s.start <= start < s.end


def _drafts(analysis: Analysis) -> list[_Draft]:
    lex = trigger_stage.lexicon(analysis.lang)
    by_sentence: dict[int, list[TriggerMention]] = {}
    for t in analysis.triggers:
        if t.negated or t.hypothetical:
            continue
        by_sentence.setdefault(analysis.sentence_of(t.span.start), []).append(t)
    claimant_spans = [
        (c.claim.claimant_span.start, c.claim.claimant_span.end)
        for c in analysis.claims
        if c.claim.claimant_span is not None
    ]
    sources = attribution_stage.lexicon(analysis.lang)
    drafts: list[_Draft] = []
    for index in sorted(by_sentence):
        sentence = analysis.sentences[index]
        # who reports the event ("police said") is not a party to it
        claimant_spans.extend(
            (src.span.start, src.span.end) for src in attribution_stage.sentence_sources(analysis, sentence, sources)
        )
        text = sentence.span.text
        dates = [d for d in analysis.dates if _in_sentence(analysis, index, d.span.start)]
        background = any(d.background for d in dates) or bool(lex.background.search(text))
        if background and any(not d.background for d in dates):
            background = False
        drafts.append(
            _Draft(
                sentences=[index],
                triggers=by_sentence[index],
                places=[
                    p
                    for p in analysis.places
                    if _in_sentence(analysis, index, p.span.start)
                    and not any(s <= p.span.start < e for s, e in claimant_spans)
                    and not any(a.span.start <= p.span.start < a.span.end for a in analysis.actors)
                ],
                dates=[d for d in dates if not d.background] or dates,
                actors=[
                    a
                    for a in analysis.actors
                    if _in_sentence(analysis, index, a.span.start)
                    and not any(s <= a.span.start < e for s, e in claimant_spans)
                ],
                background=background,
            )
        )
    return drafts


def _group(drafts: list[_Draft]) -> list[_Draft]:
    events: list[_Draft] = []
    for draft in drafts:
        target = None
        candidates = [e for e in reversed(events) if _compatible(e, draft)]
        if candidates:
            target = candidates[0]
        if target is None:
            events.append(draft)
        else:
            _merge(target, draft)
    return events


def _attach_claims(analysis: Analysis, events: list[_Draft]) -> None:
    if not events:
        return
    for cm in analysis.claims:
        owner = next((e for e in events if cm.sentence in e.sentences), None)
        if owner is None:
            earlier = [e for e in events if min(e.sentences) < cm.sentence and not e.background]
            if earlier:
                owner = max(earlier, key=lambda e: max(s for s in e.sentences if s < cm.sentence))
            else:
                owner = next((e for e in events if not e.background), None)
        if owner is not None:
            owner.claims.append(cm)


def _doc_place(analysis: Analysis, before: int) -> Place | None:
    """The nearest resolved place mentioned before offset `before`, else the first one of the document."""
    resolved = [p for p in analysis.places if p.place is not None]
    earlier = [p for p in resolved if p.span.start < before]
    if earlier:
        fine = [
            p for p in earlier if p.place is not None and PRECISION_RANK[p.place.precision] <= PRECISION_RANK_ADMIN1
        ]
        return (fine or earlier)[-1].place
    return resolved[0].place if resolved else None


def _default_window(analysis: Analysis) -> DateWindow | None:
    lead = [d for d in analysis.dates if not d.background]
    if lead:
        return lead[0].window
    published = analysis.document.published_window()
    if published is None:
        return None
    first, last, precision = published
    if precision is DatePrecision.DAY:
        return DateWindow(start=last - dt.timedelta(days=_DEFAULT_WINDOW_DAYS - 1), end=last,
                          precision=DatePrecision.DAYS)
    return DateWindow(start=first, end=last, precision=precision)


def _fill_country(actor: ActorMention, country: str | None) -> Actor:
    return _fill_template(actor.actor, country)


def _is_target(analysis: Analysis, mention: ActorMention) -> bool:
    before = analysis.document.text[max(0, mention.span.start - 12) : mention.span.start].casefold().split()
    return bool(before) and before[-1] in trigger_stage.lexicon(analysis.lang).target_markers


def _generic_armed(actor: Actor) -> bool:
    return actor.name.startswith("Unidentified Armed Group")


def _named_non_state(actor: Actor | None) -> bool:
    return actor is not None and actor.type in _NON_STATE and not _generic_armed(actor)


_NON_STATE = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA})


def _choose_actors(analysis: Analysis, event: _Draft, country: str | None) -> tuple[Actor | None, Actor | None]:
    mentions = sorted(event.actors, key=lambda m: m.span.start)
    perpetrators = [m for m in mentions if m.armed and not _is_target(analysis, m)]
    named = [m for m in perpetrators if m.named]
    chosen = named or perpetrators
    actor1 = _fill_country(chosen[0], country) if chosen else None
    others = [_fill_country(m, country) for m in mentions]
    others = [a for a in others if actor1 is None or a.name != actor1.name]
    if _named_non_state(actor1):
        # "opprørere", "militants" beside a named group are that group, not a second side
        others = [a for a in others if not _generic_armed(a)]
    armed = [a for a in others if a.type is not ActorType.CIVILIANS]
    actor2 = armed[0] if armed else (others[0] if others else None)
    if actor2 is None:
        for cm in event.claims:
            v = cm.victim_actor
            if v is None:
                continue
            filled = _fill_template(v, country)
            if actor1 is None or filled.name != actor1.name:
                actor2 = filled
                break
    return actor1, actor2


def _fill_template(actor: Actor, country: str | None) -> Actor:
    if "{country}" not in actor.name:
        return actor
    name = actor.name.format(country=country_name(country)) if country else actor.name.replace(" ({country})", "")
    name = name.replace(" of {country}", "")
    return Actor(name=name, type=actor.type, country=country, text=actor.text, span=actor.span)


def _demonym_actor(analysis: Analysis, trigger: TriggerMention) -> Actor | None:
    """ "israelsk luftangrep", "Russian drones": a demonym right before the trigger names the state's forces."""
    doc = analysis.document
    start = trigger.span.start
    floor = max(0, start - 25)
    found = actor_lexicon(analysis.lang).find_demonym(doc.text, floor, start)
    if found is None or len(doc.text[found[2] : start].split()) > 1:
        return None
    iso, a, b = found
    span = doc.span(a, b)
    return Actor(name=f"Military Forces of {country_name(iso)}", type=ActorType.STATE_FORCES, country=iso,
                 text=span.text, span=span)


def _crowd_actor(event_type: EventType, trigger: TriggerMention, country: str | None) -> Actor | None:
    """Protests and riots have a crowd as first actor even when the text names it only by the trigger."""
    kinds = {EventType.PROTESTS: ("Protesters", ActorType.PROTESTERS), EventType.RIOTS: ("Rioters", ActorType.RIOTERS)}
    if event_type not in kinds:
        return None
    label, kind = kinds[event_type]
    name = f"{label} ({country_name(country)})" if country else label
    return Actor(name=name, type=kind, country=country, text=trigger.span.text, span=trigger.span)


def _victim_side(claim: ClaimMention, actor1: Actor | None, actor2: Actor | None, country: str | None) -> Victims:
    c = claim.claim
    if c.victims is not Victims.UNKNOWN or claim.victim_actor is None:
        return c.victims
    v = _fill_template(claim.victim_actor, country)
    for side, actor in ((Victims.ACTOR1, actor1), (Victims.ACTOR2, actor2)):
        if actor is not None and v.name == actor.name:
            return side
    for side, actor in ((Victims.ACTOR1, actor1), (Victims.ACTOR2, actor2)):
        if actor is None:
            continue
        if _generic_armed(v) and _named_non_state(actor):
            return side  # "sju opprørere" of the Taliban
        if v.type is ActorType.STATE_FORCES and actor.type is ActorType.STATE_FORCES and v.country == actor.country:
            return side
    return Victims.UNKNOWN


def _in_heading(analysis: Analysis, trigger: TriggerMention) -> bool:
    return analysis.sentences[analysis.sentence_of(trigger.span.start)].heading


def _type_of(
    analysis: Analysis, event: _Draft, actor1: Actor | None, actor2: Actor | None
) -> tuple[EventType, str, TriggerMention]:
    specific = event.specific
    if specific:
        crowd = [t for t in specific if t.event_type in (EventType.PROTESTS, EventType.RIOTS)]
        best = max(crowd or specific, key=lambda t: (t.strength, not _in_heading(analysis, t), -t.span.start))
        if best.sub_event_type == "Peaceful protest" and any(t.sub_event_type == "Arrests" for t in specific):
            return best.event_type, "Protest with intervention", best
        return best.event_type, best.sub_event_type, best
    trigger = event.triggers[0]
    civilians_hit = any(c.claim.victims is Victims.CIVILIANS for c in event.claims) or (
        actor2 is not None and actor2.type is ActorType.CIVILIANS
    )
    armed_sides = [a for a in (actor1, actor2) if a is not None and a.type is not ActorType.CIVILIANS]
    if civilians_hit and len(armed_sides) <= 1:
        return EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack", trigger
    return EventType.BATTLES, "Armed clash", trigger


def _claimed_by(analysis: Analysis) -> ActorMention | None:
    """The named actor of a claim of responsibility ("IS tar på seg ansvaret"), if the article has one."""
    cue = trigger_stage.lexicon(analysis.lang).responsibility
    for sentence in analysis.sentences:
        if not cue.search(sentence.span.text):
            continue
        for index in (sentence.index, sentence.index - 1):
            if index < 0:
                continue
            span = analysis.sentences[index].span
            named = [a for a in analysis.actors if a.named and a.armed and span.start <= a.span.start < span.end]
            if named:
                return named[0]
    return None


def _build(analysis: Analysis, event: _Draft, *, claimed_by: ActorMention | None = None) -> Event:
    doc = analysis.document
    first_sentence = analysis.sentences[min(event.sentences)]
    place = event.place or _doc_place(analysis, first_sentence.span.start)
    country = place.country if place else None
    window = event.window or _default_window(analysis)
    actor1, actor2 = _choose_actors(analysis, event, country)
    if claimed_by is not None and (actor1 is None or actor1.type is not claimed_by.actor.type
                                   or actor1.name.startswith("Unidentified")):
        if actor1 is not None and actor2 is None and actor1.name != claimed_by.actor.name:
            actor2 = actor1
        actor1 = claimed_by.actor
    event_type, sub_type, trigger = _type_of(analysis, event, actor1, actor2)
    if actor1 is None or (actor1.type is ActorType.CIVILIANS):
        from_demonym = _demonym_actor(analysis, trigger)
        if from_demonym is not None:
            actor1, actor2 = from_demonym, actor2 or actor1
    crowd = _crowd_actor(event_type, trigger, country)
    if crowd is not None and not any(a is not None and a.type is crowd.type for a in (actor1, actor2)):
        keep_other = sub_type != "Peaceful protest" and actor1 is not None and actor1.type is ActorType.STATE_FORCES
        actor1, actor2 = crowd, (actor1 if keep_other else None)
    hits_civilians = actor2 is not None and actor2.type is ActorType.CIVILIANS
    if event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and not hits_civilians:
        civ = next(
            (c.victim_actor for c in event.claims if c.victim_actor and c.victim_actor.type is ActorType.CIVILIANS),
            None,
        )
        if civ is not None:
            actor2 = Actor(name=civ.name.replace("{country}", country_name(country) if country else "?"),
                           type=civ.type, country=country, text=civ.text, span=civ.span)
    claims: list[Claim] = []
    for cm in sorted(event.claims, key=lambda c: c.claim.evidence.start):
        side = _victim_side(cm, actor1, actor2, country)
        claim = cm.claim
        if side is not claim.victims:
            claim = dataclasses.replace(claim, victims=side)
        claims.append(claim)
    evidence: list[Span] = [analysis.sentences[i].span for i in sorted(set(event.sentences))]
    strength = max(t.strength for t in event.triggers)
    confidence = min(1.0, 0.3 + 0.08 * strength + 0.15 * (place is not None) + 0.1 * (actor1 is not None)
                     + 0.1 * bool(claims))
    return Event(
        id=event_id(docs=[doc.id], event_type=event_type, place=place.name if place else None,
                    date=window.start.isoformat() if window else None, key=str(trigger.span.start)),
        event_type=event_type,
        sub_event_type=sub_type,
        date=window,
        location=place,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities_from_claims(claims),
        injured=injured_from_claims(claims),
        claims=tuple(claims),
        evidence=tuple(evidence),
        sources=(Source(doc=doc.id, url=doc.url, outlet=doc.outlet, published=doc.published),),
        background=event.background,
        confidence=round(confidence, 3),
        trigger=trigger.span,
    )


@stage(name="assemble", reads=("sentences", "dates", "places", "actors", "triggers", "claims"), adds=("events",))
def assemble(analysis: Analysis) -> Analysis:
    events = _group(_drafts(analysis))
    _attach_claims(analysis, events)
    claimed_by = _claimed_by(analysis)
    main = next((e for e in events if not e.background), None)
    return analysis.with_layer(
        events=tuple(_build(analysis, e, claimed_by=claimed_by if e is main else None) for e in events)
    )
