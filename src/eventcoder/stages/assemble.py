"""Assembly: event records from the layers, with evidence for every field.

1. Each sentence with an active trigger (not negated, not hypothetical) is a draft: its strongest trigger, the
   most specific resolved place, the date and the actors of that sentence.
2. Drafts merge into one event when their types agree (a generic "attack" joins any type), their places are the
   same or one is missing, their dates overlap and their background flags agree. A summary lead (generic words
   only, then a subheading, over a body with events of several kinds or in several sections) stays an event of its
   own: it sums up a whole operation rather than opening the body's first report.
3. The event takes its type from its strongest trigger (generic only: Battles when two armed sides are named,
   Violence against civilians when one armed side hits civilians), its place and date from its sentences (else
   the nearest earlier mention, else the publication date), its actors (perpetrator first), and the claims of its
   sentences (which event a claim belongs to: `_claimattach.py`); tolls follow `tolls.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from eventcoder.mentions import ActorMention, PlaceMention, TriggerMention
from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    ClaimKind,
    DatePrecision,
    DateWindow,
    Event,
    EventType,
    Place,
    PlacePrecision,
    Source,
    Span,
    event_id,
)
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages import attribution as attribution_stage
from eventcoder.stages import triggers as trigger_stage
from eventcoder.stages._actorchoice import (
    choose_actors,
    claimed_by,
    crowd_actor,
    demonym_actor,
    disrupting_sides,
    front_line,
    ground_assault,
    named_as_victim,
    organised_crime_side,
    strikers,
    struck,
    unnamed_perpetrator,
    usual_perpetrator,
    victim_side,
)
from eventcoder.stages._anaphora import cues as anaphora_cues
from eventcoder.stages._anaphora import opens_separately, refers_back
from eventcoder.stages._attachcues import attach_cues, in_clause
from eventcoder.stages._claimattach import attach_claims, heading_sentences
from eventcoder.stages._draft import (
    PRECISION_RANK,
    PRECISION_RANK_ADMIN1,
    Draft,
    days_compatible,
    misreading,
    places_compatible,
)
from eventcoder.stages._eventtype import off_duty, type_of
from eventcoder.stages._split import split_across_countries, split_over_towns
from eventcoder.stages._weekdays import weekdays_in
from eventcoder.stages.actors import actor_name
from eventcoder.stages.tolls import fatalities_from_claims, injured_from_claims

__all__ = ["assemble"]

_DEFAULT_WINDOW_DAYS = 3  # a report without a date: the publication day and the two days before
_AFTERMATH_STRENGTH = 2  # arrests, deployments: the aftermath of an event the sentence points back to
_UNDATED_FLOOR = dt.date(1989, 1, 1)  # an undated article naming no year: from UCDP GED's first year


def _crowd_and_arrests(a: Draft, b: Draft) -> bool:
    """Arrests or a dispersal reported beside a protest or riot are the intervention, not an event of their own."""
    crowd = {EventType.PROTESTS, EventType.RIOTS}
    types = {a.event_type, b.event_type}
    arrests = any(t.sub_event_type == "Arrests" for t in (*a.specific, *b.specific))
    return bool(types & crowd) and arrests and EventType.STRATEGIC in types


def _grouping_type(draft: Draft) -> EventType | None:
    """The draft's type for grouping: none when its only specific words are weak words of violence against
    civilians ("shot", "skutt"), as the victims decide the type ("two terrorists were shot" is part of the fight)."""
    spec = draft.specific
    if spec and all(
        t.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and t.strength <= _AFTERMATH_STRENGTH for t in spec
    ):
        return None
    return draft.event_type


def _compatible(event: Draft, draft: Draft) -> bool:
    if event.background != draft.background:
        return False
    t1, t2 = _grouping_type(event), _grouping_type(draft)
    # a protest that turns violent is one riot event
    crowd = {EventType.PROTESTS, EventType.RIOTS}
    if t1 is not None and t2 is not None and t1 is not t2 and not _crowd_and_arrests(event, draft) and {t1, t2} - crowd:
        return False
    if not places_compatible(event.firm_place, draft.firm_place):
        return False
    if not days_compatible(event, draft):
        return False
    if _apart(event, draft):
        return False
    w1, w2 = event.event_window, draft.event_window
    return w1 is None or w2 is None or w1.overlaps(w2)


def _opposite_strikes(a: Draft, b: Draft) -> bool:
    """Two strikes from a distance where the side that strikes in one is hit in the other ("Turkish forces
    responded and destroyed 21 Syrian targets" / "two Turkish soldiers were killed in an air strike"): a strike and
    the one it answers, two events. One-sided remote violence never hits its own author; a battle may, so only two
    drafts of remote violence are kept apart."""
    remote = EventType.EXPLOSIONS
    if _grouping_type(a) is not remote or _grouping_type(b) is not remote:
        return False
    return bool(a.strikers & b.struck or a.struck & b.strikers)


def _apart(event: Draft, draft: Draft) -> bool:
    """Two drafts that are never one event, whatever their places and dates: opposite strikes, or an assault on
    the ground by combatants on foot after rocket fire or air strikes ("Under cover of the rockets, hundreds of
    fighters crossed the fence. They attacked the crossings ...")."""
    ground_after_strikes = draft.ground and _grouping_type(event) is EventType.EXPLOSIONS
    return ground_after_strikes or _opposite_strikes(event, draft)


def _merge(into: Draft, draft: Draft) -> None:
    into.sentences.extend(draft.sentences)
    into.weekdays |= draft.weekdays
    into.triggers.extend(draft.triggers)
    # a name said again in a later sentence is no new evidence for where the event was: kept once, it cannot
    # outvote the other places ("Barire" three times, misread as a town abroad, against "near Mogadishu")
    seen = {_place_key(p) for p in into.places}
    into.places.extend(p for p in draft.places if _place_key(p) not in seen)
    into.dates.extend(draft.dates)
    into.actors.extend(draft.actors)
    into.strikers |= draft.strikers
    into.struck |= draft.struck


def _place_key(mention: PlaceMention) -> tuple[str, str | None, PlacePrecision | None]:
    place = mention.place
    return (mention.span.text.casefold(), place.name if place else None, place.precision if place else None)


def _in_sentence(analysis: Analysis, index: int, start: int) -> bool:
    s = analysis.sentences[index].span
    return s.start <= start < s.end


def _in_actor_name(analysis: Analysis, place: PlaceMention) -> bool:
    """A place word inside an actor's name ("Kabul police", "Boko Haram"), not a place phrase that only begins
    with an actor's word ("military base near Mogadishu")."""
    return any(a.span.start <= place.span.start and place.span.end <= a.span.end for a in analysis.actors)


def _doc_countries(analysis: Analysis) -> dict[str, int]:
    """The countries the text is about: its resolved places and its actors' countries ("Egyptian soldiers")."""
    counts = Counter(p.place.country for p in analysis.places if p.place is not None and p.place.country)
    counts.update(a.actor.country for a in analysis.actors if a.actor.country)
    return dict(counts)


def _stray_countries(analysis: Analysis) -> frozenset[str]:
    """Countries the text names through one written place name only (a town, not the country itself) and through
    no actor, while it names another country through several places: "Barire" read as Bariri (Brazil) in an
    article about Mogadishu, Lower Shabelle and Somalia. A text naming one town of its own country and one
    country besides ("in Caracas ... the United States government") has no stray country."""
    written: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}
    for p in analysis.places:
        if p.place is not None and p.place.country:
            written.setdefault(p.place.country, set()).add(p.span.text.casefold())
            places.setdefault(p.place.country, set()).add(p.place.name)
    firm = {
        p.place.country for p in analysis.places if p.place is not None and p.place.precision is PlacePrecision.COUNTRY
    }
    firm.update(a.actor.country for a in analysis.actors if a.actor.country)
    return frozenset(
        c
        for c, names in written.items()
        if len(names) == 1 and c not in firm and any(len(p) > 1 for o, p in places.items() if o != c)
    )


def _drafts(analysis: Analysis) -> list[Draft]:
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
    anaphora = anaphora_cues(analysis.lang)
    # the countries the text is about: its resolved places and its actors' countries ("Egyptian soldiers")
    doc_countries = _doc_countries(analysis)
    stray = _stray_countries(analysis)
    doc_text = analysis.document.text
    drafts: list[Draft] = []
    for index in sorted(by_sentence):
        sentence = analysis.sentences[index]
        # who reports the event ("police said") is not a party to it
        found = attribution_stage.sentence_sources(analysis, sentence, sources)
        claimant_spans.extend((src.span.start, src.span.end) for src in found)
        # ... but a "source" that holds the trigger ("coalition air raids were reported") is the event itself
        reporters = [(s, e) for s, e in claimant_spans if not any(s <= t.span.start < e for t in by_sentence[index])]
        text = sentence.span.text
        dates = [d for d in analysis.dates if _in_sentence(analysis, index, d.span.start)]
        background = any(d.background for d in dates) or bool(lex.background.search(text))
        # a date of its own that is not history makes it news; a whole year ("earlier this year") says too little
        if background and any(not d.background and d.window.precision is not DatePrecision.YEAR for d in dates):
            background = False
        back = [
            refers_back(doc_text[sentence.span.start : t.span.start], t.span.text, anaphora) for t in by_sentence[index]
        ]
        # "seven rebels were killed in the attack", "reinforcements arrived at the scene of the attack": only
        # generic or weak words (arrests, deployments) beside the reference
        pointing_back = any(back) and all(
            b or t.generic or t.strength <= _AFTERMATH_STRENGTH for b, t in zip(back, by_sentence[index], strict=True)
        )
        # a period's sum ("25 killed in the past 24 hours") is no event of the day: set aside with its figure
        summary = _period_sum(analysis, index, by_sentence[index])
        background = background or summary
        draft = Draft(
            sentences=[index],
            triggers=by_sentence[index],
            places=[
                p
                for p in analysis.places
                if _in_sentence(analysis, index, p.span.start)
                and not any(s <= p.span.start < e for s, e in claimant_spans)
                and not _in_actor_name(analysis, p)
            ],
            # the event's own date before the date of what was said about it
            dates=sorted([d for d in dates if d.background == background] or dates, key=lambda d: d.statement),
            actors=[
                a
                for a in analysis.actors
                if _in_sentence(analysis, index, a.span.start) and not any(s <= a.span.start < e for s, e in reporters)
            ],
            background=background,
            refers_back=pointing_back,
            doc_countries=doc_countries,
            stray_countries=stray,
            weekdays=frozenset() if dates else weekdays_in(text, lang=analysis.lang),
            summary=summary,
            separate=opens_separately(text, anaphora),
        )
        hit = struck(analysis, sentence=index)
        for part in split_across_countries(draft, text=doc_text, coordinators=lex.coordinators):
            for one in split_over_towns(
                part,
                text=doc_text,
                coordinators=lex.coordinators,
                plural=lex.plural_events,
                targets=lex.plural_targets,
            ):
                one.strikers = strikers(analysis, triggers=one.triggers, actors=one.actors)
                one.struck = hit
                one.ground = ground_assault(analysis, index=index, triggers=one.triggers, actors=one.actors)
                drafts.append(one)
    return drafts


def _period_sum(analysis: Analysis, index: int, triggers: list[TriggerMention]) -> bool:
    """A sentence that only sums a period's events ("At least 25 Palestinians were killed in the past 24 hours",
    "23 drepte det siste døgnet"): generic event words only, and a death or injury figure with a period cue in its
    clause (`period` in `attach.yaml`). It sums the incidents the text goes on to report (EVENTS.md: the incidents
    are the events, the total an optional summary), so it is set aside as background and joins none of them."""
    if any(not t.generic for t in triggers):
        return False
    cues = attach_cues(analysis.lang)
    text, sentence = analysis.document.text, analysis.sentences[index].span
    return any(
        c.sentence == index
        and c.claim.kind in (ClaimKind.KILLED, ClaimKind.INJURED)
        and in_clause(cues.period, text=text, sentence=sentence, figure=c.claim.evidence)
        for c in analysis.claims
    )


def _follows_on(analysis: Analysis, event: Draft, draft: Draft) -> bool:
    """A sentence that goes on about the event just before it, in its paragraph, with no date or place of its own
    ("Police later arrested two men.", "Two civilians were shot and injured."): part of that event, whatever its
    trigger's type."""
    if event.background != draft.background or draft.dates or not days_compatible(event, draft):
        return False
    last, first = analysis.sentences[max(event.sentences)], analysis.sentences[min(draft.sentences)]
    if last.heading or last.paragraph != first.paragraph:
        return False
    # the place of the follow-on may be one the event named without choosing it ("near Shyrokyne, Donetsk")
    return any(places_compatible(place, draft.place) for place in (event.place, *_resolved(event)))


def _resolved(event: Draft) -> list[Place]:
    """The towns and sites the event named (a country or province would agree with any place in it)."""
    return [
        p.place
        for p in event.places
        if p.place is not None and PRECISION_RANK[p.place.precision] < PRECISION_RANK[PlacePrecision.ADMIN2]
    ]


def _points_back(event: Draft, draft: Draft) -> bool:
    """ "Seven rebels were killed in the attack": the sentence is about the event before it, wherever its other
    (often misread) place words point, unless its own date or its background flag says otherwise."""
    if not draft.refers_back or event.background != draft.background or not days_compatible(event, draft):
        return False
    w1, w2 = event.window, draft.window
    return w1 is None or w2 is None or w1.overlaps(w2)


def _absorb(into: Draft, draft: Draft) -> None:
    """A follow-on sentence joins the event's evidence (and so its claims); its triggers do not retype it."""
    into.sentences.extend(draft.sentences)


def _summary_lead(analysis: Analysis, drafts: list[Draft]) -> int:
    """How many opening drafts are a summary lead that stays an event of its own: drafts with only generic event
    words ("the Hamas attack ... at least 600 Israelis killed") before a subheading, when the body reports events
    of two or more kinds (rockets, then battles at the crossings) or in two or more sections under subheadings
    ("05.30", "06.40"): the lead sums up a whole operation, so it is none of the body's events in particular.
    0 when there is no such lead."""
    lead = 0
    while lead < len(drafts) and not drafts[lead].specific and not drafts[lead].background:
        lead += 1
    if lead == 0 or lead == len(drafts):
        return 0
    last, first = max(drafts[lead - 1].sentences), min(drafts[lead].sentences)
    headings = sorted(i for i in heading_sentences(analysis) if i > last)
    if not headings or headings[0] > first:
        return 0
    body = drafts[lead:]
    sections = {sum(1 for h in headings if h < min(d.sentences)) for d in body if not d.background}
    # an event of generic words only is typed later from its sides: a kind of its own here
    # a trial grouping: on copies, as grouping merges drafts into the first of each event
    trial = _group_all(analysis, [_copy(d) for d in body])
    kinds = {e.event_type for e in trial if not e.background}
    return lead if len(sections) >= 2 or len(kinds) >= 2 else 0


def _copy(draft: Draft) -> Draft:
    """A draft whose lists can be merged into without touching `draft`."""
    return dataclasses.replace(
        draft,
        sentences=list(draft.sentences),
        triggers=list(draft.triggers),
        places=list(draft.places),
        dates=list(draft.dates),
        actors=list(draft.actors),
        claims=list(draft.claims),
    )


def _group(analysis: Analysis, drafts: list[Draft]) -> list[Draft]:
    lead = _summary_lead(analysis, drafts)
    if lead:
        return [*_group_all(analysis, drafts[:lead]), *_group_all(analysis, drafts[lead:])]
    return _group_all(analysis, drafts)


def _group_all(analysis: Analysis, drafts: list[Draft]) -> list[Draft]:
    events: list[Draft] = []
    for draft in drafts:
        # a period's sum stays apart: it is none of the incidents in particular; "In another incident" opens one more
        if draft.summary or draft.separate:
            events.append(draft)
            continue
        own = [e for e in events if not e.summary]
        target = next((e for e in reversed(own) if _compatible(e, draft)), None)
        # a recalled event in between ("... still carries out frequent attacks") does not cut a report short
        previous = next((e for e in reversed(own) if e.background == draft.background), None)
        if target is not None:
            _merge(target, draft)
        elif (
            previous is not None
            and not _apart(previous, draft)
            and (_follows_on(analysis, previous, draft) or _points_back(previous, draft))
        ):
            _absorb(previous, draft)
        else:
            events.append(draft)
    return events


def _doc_place(analysis: Analysis, before: int) -> Place | None:
    """The place of the nearest sentence before offset `before` that names one: its most specific place, else
    the first one of the document. A dateline is used only when nothing else is named; a likely misreading
    ("Kossi province" -> Cusy, France) or a place word inside an actor's name ("Boko Haram") is not lent to a
    sentence that names no place."""
    countries, stray = _doc_countries(analysis), _stray_countries(analysis)
    named = [p for p in analysis.places if p.place is not None and not _in_actor_name(analysis, p)]
    filed = [p for p in named if not p.dateline] or named
    # ... unless the text names nothing better ("in Tegucigalpa", its only place)
    resolved = [p for p in filed if not misreading(p, doc_countries=countries, stray_countries=stray)] or filed
    earlier = [p for p in resolved if p.span.start < before]
    if earlier:
        fine = [
            p for p in earlier if p.place is not None and PRECISION_RANK[p.place.precision] <= PRECISION_RANK_ADMIN1
        ]
        if fine:
            last = analysis.sentence_of(fine[-1].span.start)
            same = [p for p in fine if analysis.sentence_of(p.span.start) == last]
            # chosen as an event's own places are: the most specific one the others agree with ("in Omealca
            # municipality, Veracruz, ... near Puente de la Quebradora": not a namesake "El Puente" far away)
            sentence = Draft(
                sentences=[last],
                triggers=[],
                places=same,
                dates=[],
                actors=[],
                background=False,
                doc_countries=countries,
                stray_countries=stray,
            )
            return sentence.place
        # only countries or regions named so far: the one the text is about rather than the last one named
        # ("in Burkina Faso, near the border with Mali")
        main = max(countries, key=lambda c: countries[c], default=None)
        return next((p.place for p in reversed(earlier) if p.place is not None and p.place.country == main), None) or (
            earlier[-1].place
        )
    return resolved[0].place if resolved else None


def _actor_country(analysis: Analysis, event: Draft) -> Place | None:
    """A text that names no place the gazetteer knows still tells the country through its actors ("Imbonerakure
    and CNL clashed in Buhomba", "dahalo looted a village"): the country of the event's own actors (else the
    text's), at country precision, read from the first actor of that country."""
    mentions = [a for a in event.actors if a.actor.country] or [a for a in analysis.actors if a.actor.country]
    counts = Counter(a.actor.country for a in mentions)
    if not counts:
        return None
    top = max(counts.values())
    mention = next(a for a in mentions if counts[a.actor.country] == top)
    from eventcoder.geo.build import load_gazetteer  # the places stage has loaded it already

    gazetteer = load_gazetteer()
    ids = gazetteer.lookup_country(mention.actor.country or "")
    if not ids:
        return None
    entry = gazetteer.entry(ids[0])
    return Place(
        name=entry.name,
        country=entry.country,
        precision=PlacePrecision.COUNTRY,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        geonameid=entry.geonameid,
        text=mention.span.text,
        span=mention.span,
    )


def _default_window(analysis: Analysis, before: int) -> DateWindow | None:
    """The nearest date before offset `before` (not history, not a whole year: "since 1991" dates no later
    sentence), else the publication window."""
    earlier = [
        d
        for d in analysis.dates
        if not d.background and d.span.start < before and d.window.precision is not DatePrecision.YEAR
    ]
    if earlier:
        return earlier[-1].window
    published = analysis.document.published_window()
    if published is None:
        return _undated_window(analysis)
    first, last, precision = published
    if precision is DatePrecision.DAY:
        return DateWindow(
            start=last - dt.timedelta(days=_DEFAULT_WINDOW_DAYS - 1), end=last, precision=DatePrecision.DAYS
        )
    return DateWindow(start=first, end=last, precision=precision)


def _undated_window(analysis: Analysis) -> DateWindow:
    """No publication date and no date for the event: the report lies between the latest year the text names
    (it reports what came after) and today."""
    today = dt.date.today()
    starts = [d.window.start for d in analysis.dates if d.window.start <= today]
    start = dt.date(max(starts).year, 1, 1) if starts else _UNDATED_FLOOR
    return DateWindow(start=start, end=today, precision=DatePrecision.YEAR)


def _build(
    analysis: Analysis, event: Draft, *, claimed_by: ActorMention | None = None, usual: Actor | None = None
) -> Event:
    doc = analysis.document
    first_sentence = analysis.sentences[min(event.sentences)]
    place = event.place or _doc_place(analysis, first_sentence.span.start) or _actor_country(analysis, event)
    country = place.country if place else None
    window = event.event_window or _default_window(analysis, first_sentence.span.start)
    actor1, actor2 = choose_actors(analysis, event, country)
    if claimed_by is not None and (
        actor1 is None or actor1.type is not claimed_by.actor.type or actor1.name.startswith("Unidentified")
    ):
        if (
            actor1 is not None
            and actor1.name != claimed_by.actor.name
            and (actor2 is None or actor2.name == claimed_by.actor.name)
        ):
            actor2 = actor1  # the side chosen first was hit by the group that claimed the deed
        actor1 = claimed_by.actor
    event_type, sub_type, trigger = type_of(analysis, event, actor1, actor2)
    from_demonym = next(
        (a for t in sorted(event.triggers, key=lambda t: t.span.start) if (a := demonym_actor(analysis, t))), None
    )
    if from_demonym is not None and (
        actor1 is None or actor1.type is ActorType.CIVILIANS or named_as_victim(event, actor1)
    ):
        # "Israeli airstrikes ... killing four Syrian soldiers": the trigger's demonym names who struck
        if actor1 is not None and actor1.type is not ActorType.CIVILIANS:
            actor2 = actor1
        actor1, actor2 = from_demonym, actor2 or actor1
    crowd = crowd_actor(event_type, trigger, country)
    if crowd is not None and not any(a is not None and a.type is crowd.type for a in (actor1, actor2)):
        # the police or troops named in a protest or riot are the side that faced the crowd, else a named armed
        # group the crowd fought ("Imbonerakure and CNL members fought one another")
        forces = [a for a in (actor1, actor2) if a is not None and a.type is ActorType.STATE_FORCES]
        named = [a for a in (actor1, actor2) if a is not None and a.type in _NAMED_FOES and not _unidentified(a)]
        actor1, actor2 = crowd, (forces[0] if forces else named[0] if named else None)
    if (
        event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
        and actor2 is not None
        and actor2.type is ActorType.STATE_FORCES
        and off_duty(analysis, event)
    ):
        # "gunmen shot dead an off-duty police officer": ACLED codes the off-duty victim as a civilian
        actor2 = Actor(
            name=actor_name("Civilians ({country})", country),
            type=ActorType.CIVILIANS,
            country=country,
            text=actor2.text,
            span=actor2.span,
        )
    hits_civilians = actor2 is not None and actor2.type is ActorType.CIVILIANS
    if event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and not hits_civilians:
        civ = next(
            (c.victim_actor for c in event.claims if c.victim_actor and c.victim_actor.type is ActorType.CIVILIANS),
            None,
        )
        if civ is not None:
            actor2 = Actor(
                name=actor_name(civ.name, country),
                type=civ.type,
                country=country,
                text=civ.text,
                span=civ.span,
            )
    actor1, actor2 = unnamed_perpetrator(
        event, event_type, actor1, actor2, country=country, sub_type=sub_type, usual=usual
    )
    if sub_type == "Disrupted weapons use":
        actor1, actor2 = disrupting_sides(analysis, event, actor1, actor2, country=country, usual=usual)
    own_text = " ".join(analysis.sentences[i].span.text for i in sorted(set(event.sentences)))
    paragraphs = {analysis.sentences[i].paragraph for i in event.sentences}
    paragraph_text = " ".join(s.span.text for s in analysis.sentences if s.paragraph in paragraphs)
    actor1, actor2 = organised_crime_side(
        event_type, actor1, actor2, country=country, sub_type=sub_type, text=paragraph_text, lang=analysis.lang
    )
    actor1, actor2 = front_line(event_type, actor1, actor2, place=place, window=window, text=own_text)
    claims: list[Claim] = []
    for cm in sorted(event.claims, key=lambda c: c.claim.evidence.start):
        side = victim_side(cm, actor1, actor2, country)
        claim = cm.claim
        if side is not claim.victims:
            claim = dataclasses.replace(claim, victims=side)
        claims.append(claim)
    evidence: list[Span] = [analysis.sentences[i].span for i in sorted(set(event.sentences))]
    strength = max(t.strength for t in event.triggers)
    confidence = min(
        1.0, 0.3 + 0.08 * strength + 0.15 * (place is not None) + 0.1 * (actor1 is not None) + 0.1 * bool(claims)
    )
    return Event(
        id=event_id(
            docs=[doc.id],
            event_type=event_type,
            place=place.name if place else None,
            date=window.start.isoformat() if window else None,
            key=str(trigger.span.start),
        ),
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


_NAMED_FOES = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_FORCES}
)


def _unidentified(actor: Actor) -> bool:
    return actor.name.startswith("Unidentified")


@stage(name="assemble", reads=("sentences", "dates", "places", "actors", "triggers", "claims"), adds=("events",))
def assemble(analysis: Analysis) -> Analysis:
    events = _group(analysis, _drafts(analysis))
    attach_claims(analysis=analysis, events=events)
    who_claimed = claimed_by(analysis)
    usual = usual_perpetrator(analysis) if events else None
    main = next((e for e in events if not e.background), None)
    return analysis.with_layer(
        events=tuple(_build(analysis, e, claimed_by=who_claimed if e is main else None, usual=usual) for e in events)
    )
