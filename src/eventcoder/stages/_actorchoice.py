"""Who did it to whom: the two sides of an assembled event, and the side each casualty figure belongs to.

ACLED's two-party logic: actor1 is the initiator, actor2 the target.
- actor1: an armed mention after an agent marker ("killed by X", "drept av X") first, then armed mentions that do
  not name the victims of a casualty figure (nor those listed with them: "18 policemen and militiamen were
  killed"), named before generic. When the event's own sentences name no one who did it, a named group that
  "claimed" the deed, and the actors of neighbouring sentences that report no event of their own, are candidates.
- actor2: armed before civilians, the event's own mentions before the context ones, never those listed with
  actor1 ("X and Y clashed with Z"); civilians when every casualty figure names civilians.
- At assembly (`unnamed_perpetrator`): an attack without a named attacker is the state a demonym names on the
  article's first attack ("Russian missile attacks ..."), else "Unidentified Armed Group (Country)"; violence
  against civilians, arrests and looting get "Civilians (Country)" as the second side when no one else is named.
- Organised crime (`organised_crime_side`): where ACLED codes gangs, an unnamed side of a killing, shoot-out or
  seizure that bears the marks of organised crime ("drive-by shooting", "hands tied") is the unidentified gang.
- On a front line of geo/hotspots.yaml (`front_line`): unattributed fire is between the front's two sides.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Collection

from eventcoder.geo.fronts import front_sides
from eventcoder.mentions import ActorMention, ClaimMention, PlaceMention, Sentence, TriggerMention
from eventcoder.model import Actor, ActorType, DateWindow, EventType, Place, PlacePrecision, Span, Victims
from eventcoder.pipeline import Analysis
from eventcoder.stages import attribution as attribution_stage
from eventcoder.stages import triggers as trigger_stage
from eventcoder.stages._draft import Draft
from eventcoder.stages.actors import actor_name, country_name, organised_crime
from eventcoder.stages.actors import lexicon as actor_lexicon
from eventcoder.stages.claims import lexicon as claim_lexicon

__all__ = [
    "choose_actors",
    "claimed_by",
    "crowd_actor",
    "demonym_actor",
    "disrupting_sides",
    "fill_template",
    "front_line",
    "ground_assault",
    "named_as_victim",
    "opens_with_pronoun",
    "organised_crime_side",
    "strikers",
    "struck",
    "unnamed_perpetrator",
    "usual_perpetrator",
    "victim_side",
]


def _fill_country(actor: ActorMention, country: str | None) -> Actor:
    return fill_template(actor.actor, country)


def _is_target(analysis: Analysis, mention: ActorMention) -> bool:
    """ "attacks on police", "against the Palestinian group Islamic Jihad": the mention is who was hit."""
    return _marked_by(analysis, mention, trigger_stage.lexicon(analysis.lang).target_markers)


_UNIDENTIFIED = "Unidentified Armed Group"
_CIVILIANS = "Civilians"


def _generic_armed(actor: Actor) -> bool:
    return actor.name.startswith(_UNIDENTIFIED)


def _named_non_state(actor: Actor | None) -> bool:
    return actor is not None and actor.type in _NON_STATE and not _generic_armed(actor)


_NON_STATE = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA})


def _victim_spans(analysis: Analysis, event: Draft, mentions: list[ActorMention]) -> set[tuple[int, int]]:
    """The mentions that name the victims of a casualty figure, and those listed with them ("18 policemen and
    pro-government militiamen were killed")."""
    spans: set[tuple[int, int]] = set()
    for cm in event.claims:
        v = cm.victim_actor
        if v is not None and v.span is not None:
            spans.add((v.span.start, v.span.end))
    joiners = actor_lexicon(analysis.lang).list_joiners
    text = analysis.document.text
    for prev, m in itertools.pairwise(mentions):
        if (prev.span.start, prev.span.end) in spans and joiners.fullmatch(text[prev.span.end : m.span.start]):
            spans.add((m.span.start, m.span.end))
    return spans


_MARK_GAP = 4  # words from "by"/"against" to the actor ("by about three armed men", "against the Palestinian group")


def named_as_victim(event: Draft, actor: Actor) -> bool:
    """The actor's mention names the victims of one of the event's casualty figures ("four Syrian soldiers")."""
    span = actor.span
    return span is not None and any(cm.victim_actor is not None and cm.victim_actor.span == span for cm in event.claims)


def _is_agent(analysis: Analysis, mention: ActorMention) -> bool:
    """ "killed by Taliban militants", "by two armed men", "drept av IS": the mention is who did it."""
    return _marked_by(analysis, mention, actor_lexicon(analysis.lang).agent_markers)


def _on_trigger(analysis: Analysis, event: Draft, mention: ActorMention) -> bool:
    """ "a Saudi-led coalition air strike", "Taliban attack", "IS-angrepet": the actor names the event word that
    follows it (at most a hyphen or a space between), so it did it."""
    text = analysis.document.text
    for trigger in event.specific:
        gap = text[mention.span.end : trigger.span.start]
        if 0 <= trigger.span.start - mention.span.end <= 1 and gap in ("", " ", "-"):
            return True
    return False


def _marked_by(analysis: Analysis, mention: ActorMention, markers: Collection[str]) -> bool:
    """One of `markers` stands at most `_MARK_GAP` words before the mention, in the same clause."""
    text = analysis.document.text
    sentence = analysis.sentences[analysis.sentence_of(mention.span.start)].span
    before = text[max(sentence.start, mention.span.start - 40) : mention.span.start]
    words = before.casefold().split()[-_MARK_GAP:]
    for word in reversed(words):
        if not word.replace("-", "").isalnum():
            return False  # a comma or a clause boundary in between
        if word in markers:
            return True
    return False


_SUBJECT_GAP = 3  # words between a side and its event word ("Israel launched pre-dawn air strikes")
_OBJECT_GAP = 12  # characters between an event word and its object ("attacked the")
_OBJECT_WORDS = 6  # words between an event word and the one struck ("clashed with a member of the Imbonerakure")


def _plain(gap: str) -> bool:
    """Only words between (no comma or clause boundary)."""
    return all(w.replace("-", "").isalpha() for w in gap.split())


_POSSESSIVE = ("'s", "’s")


def _is_subject(analysis: Analysis, event: Draft, span: Span) -> bool:
    return _verb_of(analysis, event, span) is not None


def _verb_of(analysis: Analysis, event: Draft, span: Span) -> TriggerMention | None:
    """ "militants attacked a CRPF patrol", "Israel launched air strikes", "Russland sendte droner mot Kyiv": the
    name stands before one of the event's words in the same clause, at most `_SUBJECT_GAP` words apart, with no
    preposition or "and" before it ("against Israel", "mot Israel"), not right after an event word ("killed an SDF
    fighter"), no passive or reporting verb between ("were killed", "Israel said air strikes ...") and no "by"
    right after it ("soldiers killed by ..."), so it did it: that event word, or None."""
    lex = actor_lexicon(analysis.lang)
    text = analysis.document.text
    triggers = event.triggers
    sentence = analysis.sentences[analysis.sentence_of(span.start)].span
    if text[span.end : span.end + 2] in _POSSESSIVE:
        return None  # "Israel's military said": the country only owns what follows
    before = text[max(sentence.start, span.start - 30) : span.start].split()
    if before and before[-1].casefold() in lex.subject_breakers | lex.agent_markers:
        return None
    if any(0 <= span.start - t.span.end <= _OBJECT_GAP and _plain(text[t.span.end : span.start]) for t in triggers):
        return None  # "destroying military equipment": the object of an event word
    for trigger in triggers:
        if not span.end <= trigger.span.start < sentence.end:
            continue
        words = text[span.end : trigger.span.start].split()
        if len(words) > _SUBJECT_GAP or "\n" in text[span.end : trigger.span.start]:
            continue
        if not all(w.replace("-", "").isalpha() and w.casefold() not in lex.subject_breakers for w in words):
            continue
        after = text[trigger.span.end : trigger.span.end + 20].split()[:1]
        participle = not words and len(trigger.span.text.split()) == 1
        if participle and after and after[0].casefold() in lex.agent_markers:
            continue  # "soldiers killed by a roadside bomb": a participle, not a verb of theirs
        return trigger
    return None


def _country_names(analysis: Analysis, event: Draft) -> list[PlaceMention]:
    """The country names of the event's sentences that are not part of an actor's name ("Israel", "Russland")."""
    sentences = set(event.sentences)
    return [
        p
        for p in analysis.places
        if p.place is not None
        and p.place.precision is PlacePrecision.COUNTRY
        and p.place.country
        and analysis.sentence_of(p.span.start) in sentences
    ]


def _country_forces(place: PlaceMention) -> ActorMention:
    """A country's name as the one who struck ("Israel launched air strikes"): its armed forces."""
    iso = place.place.country if place.place is not None else None
    actor = Actor(
        name=actor_name("Military Forces of {country}", iso),
        type=ActorType.STATE_FORCES,
        country=iso,
        text=place.span.text,
        span=place.span,
    )
    return ActorMention(span=place.span, actor=actor, armed=True, named=True)


def _subjects(
    analysis: Analysis, event: Draft, mentions: list[ActorMention], victims: set[tuple[int, int]]
) -> list[ActorMention]:
    """The sides that stand as the subject of one of the event's words: armed mentions that name no victims, and
    country names, which stand for the country's armed forces."""
    taken = [(m.span.start, m.span.end) for m in analysis.actors]
    found = [
        m
        for m in mentions
        if m.armed and (m.span.start, m.span.end) not in victims and _is_subject(analysis, event, m.span)
    ]
    found.extend(
        _country_forces(p)
        for p in _country_names(analysis, event)
        if not any(a < p.span.end and p.span.start < b for a, b in taken) and _is_subject(analysis, event, p.span)
    )
    return sorted(found, key=lambda m: m.span.start)


_CLOSERS = (".", "!", "?", '"', "”", "»", ")")


def _lead_sentences(analysis: Analysis, event: Draft) -> set[int]:
    """The sentences whose armed side is the one hit when the casualty figures name only civilians: those of the
    figures, and the event's first sentence unless it is a title (which may sum up another event)."""
    first = analysis.sentences[min(event.sentences)]
    return {c.sentence for c in event.claims} | (set() if _titled(first) else {first.index})


def _titled(sentence: Sentence) -> bool:
    """A heading, or a line without a closing full stop (a title)."""
    return sentence.heading or not sentence.span.text.rstrip().endswith(_CLOSERS)


def _in_title(analysis: Analysis, mention: ActorMention) -> bool:
    """The mention stands in a heading, or in a line without a closing full stop (a title)."""
    return _titled(analysis.sentences[analysis.sentence_of(mention.span.start)])


_NAME_JOINS = ("-", "'", "’")


def _start(mention: ActorMention) -> int:
    return mention.span.start


def _demonyms_on_trigger(analysis: Analysis, event: Draft) -> list[ActorMention]:
    """ "Israeli airstrikes", "russiske droner": a demonym on one of the event's own words names the state whose
    forces did it, as "Taliban attack" names the group."""
    taken = [(m.span.start, m.span.end) for m in analysis.actors]
    out: list[ActorMention] = []
    for trigger in event.specific:
        found = demonym_actor(analysis, trigger)
        if found is None or found.span is None:
            continue
        if any(a < found.span.end and found.span.start < b for a, b in taken):
            continue
        if analysis.document.text[found.span.start - 1 : found.span.start] in _NAME_JOINS:
            continue  # "Abu Hamza al-Iraqi detonated": part of a person's name
        out.append(ActorMention(span=found.span, actor=found, armed=True, named=True))
    return out


def _whole_list(analysis: Analysis, found: list[ActorMention], mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Amajid Brigade and Southern Resistance fighters clashed", "JNIM or ISGS militants killed": the list of the
    first one found, from its first member, did it."""
    if not found:
        return found
    first = found[0]
    listed = _listed_with(analysis, first, mentions) | {(first.span.start, first.span.end)}
    members = sorted([m for m in mentions if (m.span.start, m.span.end) in listed], key=lambda m: m.span.start)
    return members or found


def _object_of(
    analysis: Analysis, event: Draft, subject: ActorMention, mentions: list[ActorMention]
) -> ActorMention | None:
    """ "militants attacked a CRPF patrol", "gunmen killed a taxi driver", "Israel launched air strikes against
    Islamic Jihad": the first mention after the subject's event word, in its sentence, that stands after
    "against"/"mot" or after an event word in the same clause (at most `_OBJECT_WORDS` words on, not after "by"):
    the one struck."""
    verb = _verb_of(analysis, event, subject.span)
    if verb is None:
        return None
    text = analysis.document.text
    sentence = analysis.sentences[analysis.sentence_of(subject.span.start)].span
    for m in sorted(mentions, key=lambda m: m.span.start):
        if not verb.span.end <= m.span.start < sentence.end or _is_agent(analysis, m):
            continue
        if _is_target(analysis, m) or any(
            verb.span.start <= t.span.start
            and t.span.end <= m.span.start
            and _plain(gap := text[t.span.end : m.span.start])
            and len(gap.split()) <= _OBJECT_WORDS
            for t in event.triggers
        ):
            return m
    return None


def _crowd_on_forces(
    analysis: Analysis, event: Draft, mentions: list[ActorMention], victims: set[tuple[int, int]]
) -> tuple[ActorMention, ActorMention] | None:
    """ "villagers attacked a team of police", "youths assaulted a police patrol", "landsbyboere angrep politiet":
    an unarmed crowd as the subject of the event word and state forces as its object."""
    for m in mentions:
        if m.armed or m.actor.type is not ActorType.CIVILIANS or (m.span.start, m.span.end) in victims:
            continue
        if not _is_subject(analysis, event, m.span):
            continue
        target = _object_of(analysis, event, m, mentions)
        if target is not None and target.armed and target.actor.type is ActorType.STATE_FORCES:
            return m, target
        return None
    return None


def _rioters(crowd: ActorMention, country: str | None) -> Actor:
    """The crowd as ACLED's rioters, of its own country when a demonym names it ("Indian nationals")."""
    iso = crowd.actor.country or country
    name = actor_name("Rioters ({country})", iso)
    return Actor(name=name, type=ActorType.RIOTERS, country=iso, text=crowd.span.text, span=crowd.span)


def _country_named(analysis: Analysis, event: Draft, mentions: list[ActorMention]) -> set[tuple[int, int]]:
    """Mentions that are a country's bare name ("Russland"): a side only as subject or after "by", not as an object
    or a place ("en avtale med Russland", "mot Israel")."""
    names = {(p.span.start, p.span.end) for p in _country_names(analysis, event)}
    return {
        (m.span.start, m.span.end)
        for m in mentions
        if (m.span.start, m.span.end) in names
        and not _is_subject(analysis, event, m.span)
        and not _is_agent(analysis, m)
    }


def _listed_with(analysis: Analysis, first: ActorMention, mentions: list[ActorMention]) -> set[tuple[int, int]]:
    """The mentions listed together with `first` ("X and Y", "X, Y og Z"): one side of the event."""
    joiners = actor_lexicon(analysis.lang).list_joiners
    text = analysis.document.text
    ordered = sorted(mentions, key=lambda m: m.span.start)
    at = next((i for i, m in enumerate(ordered) if m.span == first.span), None)
    out: set[tuple[int, int]] = set()
    if at is None:
        return out
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(ordered):
            a, b = (ordered[i], ordered[i + step]) if step == 1 else (ordered[i + step], ordered[i])
            if not joiners.fullmatch(text[a.span.end : b.span.start]):
                break
            i += step
            out.add((ordered[i].span.start, ordered[i].span.end))
    return out


def _context_actors(analysis: Analysis, event: Draft) -> list[ActorMention]:
    """Actors of the sentences right before or after the event's sentences that report no event of their own
    ("The NAF fired mortars at government positions. One soldier was killed.")."""
    active = {analysis.sentence_of(t.span.start) for t in analysis.triggers if not t.negated and not t.hypothetical}
    own = set(event.sentences)
    near: set[int] = set()
    for index in own:
        for other in (index - 1, index + 1):
            if (
                0 <= other < len(analysis.sentences)
                and other not in active
                and other not in own
                and analysis.sentences[other].paragraph == analysis.sentences[index].paragraph
            ):
                near.add(other)
    first = min(own)
    if first > 0 and ((not event.actors and not near) or opens_with_pronoun(analysis, first)):
        # "He was arrested along with ...": an event that names no one continues the sentence before it; so does
        # one whose subject is a pronoun ("They attacked the crossing")
        near.add(first - 1)
    if not near:
        return []
    claimant = [
        (c.claim.claimant_span.start, c.claim.claimant_span.end)
        for c in analysis.claims
        if c.claim.claimant_span is not None
    ]
    return [
        a
        for a in analysis.actors
        if analysis.sentence_of(a.span.start) in near and not any(s <= a.span.start < e for s, e in claimant)
    ]


def _claimant_actors(analysis: Analysis, event: Draft) -> list[ActorMention]:
    """ "Al Shabaab militants claimed to have killed 10 soldiers": an armed group that claims the toll did it."""
    out: list[ActorMention] = []
    for cm in event.claims:
        span = cm.claim.claimant_span
        if span is None:
            continue
        out.extend(a for a in analysis.actors if a.named and a.armed and span.start <= a.span.start < span.end)
    return out


def _claiming_groups(analysis: Analysis, event: Draft) -> list[ActorMention]:
    """Named armed groups of the event's sentences that were set aside as the source of a report: a group that
    "claimed to have shelled" or "says it killed" reports its own deed. A group that only qualifies the source
    ("Houthi health sources said", "the health ministry of the Hamas-controlled territory") ends no source's
    words and claims nothing."""
    sentences = set(event.sentences)
    kept = {(m.span.start, m.span.end) for m in event.actors}
    found = [
        a
        for a in analysis.actors
        if a.named
        and a.armed
        and a.actor.type in _NON_STATE
        and (a.span.start, a.span.end) not in kept
        and analysis.sentence_of(a.span.start) in sentences
    ]
    if not found:
        return found
    text = analysis.document.text
    spans = _source_spans(analysis, sentences)
    return [
        a
        for a in found
        if not any(s <= a.span.start and a.span.end < e and _QUALIFIER.match(text, a.span.end, e) for s, e in spans)
    ]


_QUALIFIER = re.compile(r"-?\s?\w")  # "Houthi health sources", "Hamas-controlled": more words of the source's name


def _source_spans(analysis: Analysis, sentences: set[int]) -> set[tuple[int, int]]:
    """The words that name the sources of `sentences` ("Houthi health sources", "the police")."""
    spans = {
        (c.claim.claimant_span.start, c.claim.claimant_span.end)
        for c in analysis.claims
        if c.claim.claimant_span is not None and c.sentence in sentences
    }
    lex = attribution_stage.lexicon(analysis.lang)
    for index in sentences:
        found = attribution_stage.sentence_sources(analysis, analysis.sentences[index], lex)
        spans.update((src.span.start, src.span.end) for src in found)
    return spans


def choose_actors(analysis: Analysis, event: Draft, country: str | None) -> tuple[Actor | None, Actor | None]:
    own = sorted([*event.actors, *_claiming_groups(analysis, event)], key=lambda m: m.span.start)
    bare = _country_named(analysis, event, own)
    own = [m for m in own if (m.span.start, m.span.end) not in bare]
    mentions = own
    victims = _victim_spans(analysis, event, own)
    pronoun = opens_with_pronoun(analysis, min(event.sentences))
    if pronoun or not any(m.armed and (m.span.start, m.span.end) not in victims for m in own):
        # no one in the event's sentences did it, or a pronoun names who did ("They attacked the crossings"): a
        # claimant group, or the sentence next to them
        mentions = sorted(
            [*own, *_claimant_actors(analysis, event), *_context_actors(analysis, event)],
            key=lambda m: m.span.start,
        )
        victims = _victim_spans(analysis, event, mentions)
    armed = [m for m in mentions if m.armed and not _is_target(analysis, m)]
    agents = [m for m in armed if _is_agent(analysis, m)]
    perpetrators = [m for m in armed if (m.span.start, m.span.end) not in victims]
    on_trigger = [m for m in mentions if m.armed and m.named and _on_trigger(analysis, event, m)]
    on_trigger = sorted([*on_trigger, *_demonyms_on_trigger(analysis, event)], key=_start)
    named_agents = [m for m in agents if m.named]
    # "Houthi Missile Attack Foiled" over "an airstrike by the coalition killed 13": a title sums up the article and
    # may name another of its events; the text's own "by" phrase tells who did this one
    body_agent = any(not _in_title(analysis, m) for m in named_agents)
    titled = {m.span for m in on_trigger if body_agent and _in_title(analysis, m)}
    on_trigger = _whole_list(analysis, [m for m in on_trigger if m.span not in titled], mentions)
    subjects = [] if on_trigger else _subjects(analysis, event, mentions, victims)
    subjects = [m for m in subjects if m.span not in titled]
    named_subjects = [m for m in subjects if m.named]
    # a named subject, then a named agent ("the attack was carried out by IS" over "a suicide bomber blew himself
    # up"), then an unnamed subject: the whole list it begins
    subjects = _whole_list(analysis, named_subjects or ([] if named_agents else subjects), mentions)
    crowd = None if on_trigger or named_agents else _crowd_on_forces(analysis, event, mentions, victims)
    if crowd is not None and (not subjects or crowd[0].span.start < subjects[0].span.start):
        # "villagers attacked a team of police": a crowd that struck the police or troops riots against them
        return _rioters(crowd[0], country), _fill_country(crowd[1], country)
    chosen = (
        on_trigger
        or subjects
        or named_agents
        or agents
        or [m for m in perpetrators if m.named]
        or perpetrators
        or [m for m in mentions if m.armed and m.named]
        or [m for m in mentions if m.armed]
    )
    actor1 = _fill_country(chosen[0], country) if chosen else None
    allies = _listed_with(analysis, chosen[0], mentions) if chosen else set()
    # the other side: armed before civilians, the event's own mentions before the context ones, and not those
    # listed with the first actor ("Amajid Brigade and Southern Resistance took ... from pro-Houthi forces")
    actor2 = None
    target = _object_of(analysis, event, subjects[0], mentions) if subjects else None
    if target is not None and actor1 is not None and (m := _fill_country(target, country)).name != actor1.name:
        actor2 = m  # "militants attacked a CRPF patrol": who the subject struck
    apart = [m for m in mentions if (m.span.start, m.span.end) not in allies]
    for group in (
        [m for m in own if m in apart],
        [m for m in apart if m not in own],
        [m for m in mentions if m not in apart],
    ):
        if actor2 is not None:
            break
        others = [_fill_country(m, country) for m in group]
        others = [a for a in others if actor1 is None or a.name != actor1.name]
        if _named_non_state(actor1):
            # "opprørere", "militants" beside a named group are that group, not a second side
            others = [a for a in others if not _generic_armed(a)]
        armed_others = [a for a in others if a.type is not ActorType.CIVILIANS]
        actor2 = armed_others[0] if armed_others else (others[0] if others else None)
        if actor2 is not None:
            break
    hit = [cm.victim_actor for cm in event.claims if cm.victim_actor is not None]
    if (
        actor1 is not None
        and actor2 is not None
        and actor2.type is not ActorType.CIVILIANS
        and actor2.span is not None
        and analysis.sentence_of(actor2.span.start) not in _lead_sentences(analysis, event)
        and hit
        and all(v.type is ActorType.CIVILIANS for v in hit)
    ):
        # the casualty figures name only civilians: they, not an armed group mentioned in passing, were hit
        actor2 = fill_template(hit[0], country)
    if actor2 is None:
        for cm in event.claims:
            v = cm.victim_actor
            if v is None:
                continue
            filled = fill_template(v, country)
            if actor1 is None or filled.name != actor1.name:
                actor2 = filled
                break
    return actor1, actor2


def fill_template(actor: Actor, country: str | None) -> Actor:
    if "{country}" not in actor.name:
        return actor
    name = actor_name(actor.name, country)
    return Actor(name=name, type=actor.type, country=country, text=actor.text, span=actor.span)


def demonym_actor(analysis: Analysis, trigger: TriggerMention) -> Actor | None:
    """ "israelsk luftangrep", "Russian drones": a demonym right before the trigger names the state's forces."""
    doc = analysis.document
    start = trigger.span.start
    floor = max(0, start - 25)
    found = actor_lexicon(analysis.lang).find_demonym(doc.text, floor, start)
    if found is None or doc.text[found[2] : start].strip(" -"):
        return None
    iso, a, b = found
    span = doc.span(a, b)
    return Actor(
        name=f"Military Forces of {country_name(iso)}",
        type=ActorType.STATE_FORCES,
        country=iso,
        text=span.text,
        span=span,
    )


def crowd_actor(event_type: EventType, trigger: TriggerMention, country: str | None) -> Actor | None:
    """Protests and riots have a crowd as first actor even when the text names it only by the trigger."""
    kinds = {EventType.PROTESTS: ("Protesters", ActorType.PROTESTERS), EventType.RIOTS: ("Rioters", ActorType.RIOTERS)}
    if event_type not in kinds:
        return None
    label, kind = kinds[event_type]
    name = actor_name(f"{label} ({{country}})", country)
    return Actor(name=name, type=kind, country=country, text=trigger.span.text, span=trigger.span)


def victim_side(claim: ClaimMention, actor1: Actor | None, actor2: Actor | None, country: str | None) -> Victims:
    c = claim.claim
    if c.victims is not Victims.UNKNOWN or claim.victim_actor is None:
        return c.victims
    v = fill_template(claim.victim_actor, country)
    for side, actor in ((Victims.ACTOR1, actor1), (Victims.ACTOR2, actor2)):
        if actor is not None and v.name == actor.name:
            return side
    if _generic_armed(v) and _named_non_state(actor1) and _named_non_state(actor2):
        return Victims.ACTOR2  # "IS shot dead six fighters of the SDF": the generic dead are the target's
    for side, actor in ((Victims.ACTOR1, actor1), (Victims.ACTOR2, actor2)):
        if actor is None:
            continue
        if _generic_armed(v) and _named_non_state(actor):
            return side  # "sju opprørere" of the Taliban
        if v.type is ActorType.STATE_FORCES and actor.type is ActorType.STATE_FORCES and v.country == actor.country:
            return side
    return Victims.UNKNOWN


def claimed_by(analysis: Analysis) -> ActorMention | None:
    """The named actor of a claim of responsibility ("IS tar på seg ansvaret"), if the article has one: the last
    named armed actor before the claim in its sentence ("the coalition, which was behind the strike"), else the
    first after it ("responsibility was claimed by IS"), else the first of the sentence before ("IS stormed the
    prison. The group claimed responsibility."). A denied claim ("No group immediately took responsibility") names
    no one."""
    lex = trigger_stage.lexicon(analysis.lang)
    text = analysis.document.text
    for sentence in analysis.sentences:
        span = sentence.span
        for cue in lex.responsibility.finditer(text, span.start, span.end):
            if lex.negation.search(text[max(span.start, cue.start() - _LOOKBACK) : cue.start()]):
                continue
            named = [a for a in analysis.actors if a.named and a.armed and span.start <= a.span.start < span.end]
            before = [a for a in named if a.span.end <= cue.start()]
            if named:
                return before[-1] if before else named[0]  # "... was claimed by IS"
            if sentence.index > 0:
                previous = analysis.sentences[sentence.index - 1].span
                named = [
                    a for a in analysis.actors if a.named and a.armed and previous.start <= a.span.start < previous.end
                ]
                if named:
                    return named[0]
    return None


_LOOKBACK = 40  # characters before a claim of responsibility searched for a denial ("No group has claimed")


_ONE_SIDED = frozenset({EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS})
_VIOLENT = frozenset({*_ONE_SIDED, EventType.BATTLES})
_AGAINST_PEOPLE = frozenset({"Arrests", "Looting/property destruction"})  # strategic developments with victims
_MOB = "Mob violence"  # a crowd that beats, lynches or vandalises: its victims are civilians unless named


def usual_perpetrator(analysis: Analysis) -> Actor | None:
    """The state named by a demonym on the article's first such trigger ("Russian missile attacks on Kharkiv"):
    who struck in the article's events that do not name an attacker."""
    for t in sorted(analysis.triggers, key=lambda t: t.span.start):
        if t.negated or t.hypothetical:
            continue
        found = demonym_actor(analysis, t)
        if found is not None:
            return found
    return None


def disrupting_sides(
    analysis: Analysis,
    event: Draft,
    actor1: Actor | None,
    actor2: Actor | None,
    *,
    country: str | None,
    usual: Actor | None,
) -> tuple[Actor | None, Actor | None]:
    """ACLED's sides of a disrupted weapon: the force that shot it down or defused it, then the side whose weapon it
    was. The force may be the very source of the report ("Ukraine's air force said it had shot down 19 drones"), so
    state forces in the event's sentences count even where they only speak; the weapon's side is the article's
    usual attacker ("Russian drones struck ..."). Civilians are neither."""
    spans = [analysis.sentences[i].span for i in sorted(set(event.sentences))]
    forces = [
        _fill_country(m, country)
        for m in analysis.actors
        if m.actor.type is ActorType.STATE_FORCES and any(s.start <= m.span.start < s.end for s in spans)
    ]
    owner = usual.name if usual is not None else None
    defender = next((f for f in forces if f.name != owner), None)
    armed = [a for a in (actor1, actor2) if a is not None and a.type is not ActorType.CIVILIANS]
    if defender is not None and (not armed or armed[0].name == owner):
        # the weapons' owner was read as the one who acted: the force in the sentences shot them down
        armed = [defender, *(a for a in armed if a.name != defender.name)]
    first = armed[0] if armed else None
    second = next((a for a in armed[1:] if first is None or a.name != first.name), None)
    if second is None and usual is not None and (first is None or usual.name != first.name):
        second = usual
    return first, second


def unnamed_perpetrator(
    event: Draft,
    event_type: EventType,
    actor1: Actor | None,
    actor2: Actor | None,
    *,
    country: str | None,
    sub_type: str = "",
    usual: Actor | None = None,
) -> tuple[Actor | None, Actor | None]:
    """An attack whose perpetrator the text does not name: the article's usual attacker if a demonym names one,
    else ACLED's unidentified armed group of the country; the civilians, or the armed side that only suffered
    casualties ("11 Algerian soldiers were killed in an ambush"), are the second side. Violence against civilians,
    arrests, looting and mob violence ("villagers beat up a ration dealer") have civilians as the second side
    when no one else is named."""
    against_people = (
        event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
        or (event_type is EventType.STRATEGIC and sub_type in _AGAINST_PEOPLE)
        or (event_type is EventType.RIOTS and sub_type == _MOB)
    )
    # "abducted the village head": the victims are civilians even when no listed noun names them
    civilians = Actor(
        name=actor_name(f"{_CIVILIANS} ({{country}})", country), type=ActorType.CIVILIANS, country=country
    )
    if against_people and actor1 is not None and actor2 is None:
        return actor1, civilians
    if event_type not in _VIOLENT:
        return actor1, actor2
    sides = [a for a in (actor1, actor2) if a is not None]
    if len(sides) > 1:
        return actor1, actor2
    victim = sides[0] if sides else (civilians if against_people else None)
    if victim is not None and victim.type is not ActorType.CIVILIANS and not named_as_victim(event, victim):
        return actor1, actor2
    if usual is not None and (victim is None or victim.country != usual.country):
        return usual, victim
    name = actor_name(f"{_UNIDENTIFIED} ({{country}})", country)
    return Actor(name=name, type=ActorType.REBEL_GROUP, country=country), victim


_FRONT_TYPES = frozenset({EventType.BATTLES, EventType.EXPLOSIONS})


def front_line(
    event_type: EventType,
    actor1: Actor | None,
    actor2: Actor | None,
    *,
    place: Place | None,
    window: DateWindow | None,
    text: str,
) -> tuple[Actor | None, Actor | None]:
    """Fire along a front line that the text attributes to no one ("the OSCE SMM observed 12 explosions near
    Vodyane", Donbas 2014-2022) is fighting between the front's two sides (geo/hotspots.yaml), not an
    unidentified armed group's: actor1 and actor2 are the two sides; when the text names one side as the one hit
    ("one Ukrainian soldier was wounded"), the other side fired. Civilian victims leave the attacker unknown.
    `text`: the event's sentences, where a front's monitor may be cited."""
    if event_type not in _FRONT_TYPES or actor1 is None or not _generic_armed(actor1) or window is None:
        return actor1, actor2
    point = (place.lat, place.lon) if place is not None and place.lat is not None and place.lon is not None else None
    country = place.country if place is not None else None
    sides = front_sides(start=window.start, end=window.end, point=point, country=country, text=text)
    if sides is None:
        return actor1, actor2
    first, second = sides
    if actor2 is None:
        return first, second
    for hit, other in ((first, second), (second, first)):
        if actor2.name == hit.name or (
            actor2.type is hit.type is ActorType.STATE_FORCES and actor2.country == hit.country
        ):
            return other, actor2
    return actor1, actor2


_SEIZURE = "Looting/property destruction"


def _as_gang(actor: Actor, name: str) -> Actor:
    return dataclasses.replace(actor, name=name, type=ActorType.POLITICAL_MILITIA)


def organised_crime_side(
    event_type: EventType,
    actor1: Actor | None,
    actor2: Actor | None,
    *,
    country: str | None,
    sub_type: str,
    text: str,
    lang: str,
) -> tuple[Actor | None, Actor | None]:
    """Where ACLED codes gangs (Mexico, Brazil, Central America, the Caribbean), a deed whose text carries a mark of
    organised crime ("a drive-by shooting", "the body was found with hands tied", "seized 3 tons of marijuana")
    has the unidentified gang as its unnamed side: the unidentified armed group that killed or fired becomes the
    gang ("Unidentified Gang (Mexico)"; in Brazil "Unidentified Gang and/or Police Militia"), so does the man
    "killed after exchanging fire with police" in an armed clash, and the goods that state forces seize were the
    gang's. `text`: the paragraphs of the event's sentences ("The body of a man was found. His hands were tied.")."""
    crime = organised_crime()
    if country is None or country not in crime.countries or not actor_lexicon(lang).crime_hallmarks.search(text):
        return actor1, actor2
    armed = crime.name(country, armed=True)
    if actor1 is not None and _generic_armed(actor1):
        actor1 = _as_gang(actor1, armed)
    if actor2 is not None and _generic_armed(actor2):
        actor2 = _as_gang(actor2, armed)
    state = actor1 is not None and actor1.type is ActorType.STATE_FORCES
    if state and event_type is EventType.BATTLES and actor2 is not None and actor2.type is ActorType.CIVILIANS:
        actor2 = _as_gang(actor2, armed)
    if state and sub_type == _SEIZURE and (actor2 is None or actor2.type is ActorType.CIVILIANS):
        gang = crime.name(country, armed=False)
        actor2 = (
            _as_gang(actor2, gang)
            if actor2 is not None
            else Actor(name=gang, type=ActorType.POLITICAL_MILITIA, country=country)
        )
    return actor1, actor2


def strikers(analysis: Analysis, *, triggers: list[TriggerMention], actors: list[ActorMention]) -> frozenset[str]:
    """The armed sides that strike in one sentence ("Turkish forces responded and destroyed 21 Syrian targets"):
    actors of a known country named in the clause before its first specific event word, when that word is one of
    remote violence; not marked as the target ("attacks on police"), not the victims of a casualty figure and not
    followed by a casualty word ("Syrian soldiers have been killed in Israeli airstrikes"). A demonym on that word
    names the striker alone ("Syrian air defences downed some of the Israeli missiles": Israel). Empty when the
    sentence has no specific event word of remote violence first."""
    specific = sorted((t for t in triggers if not t.generic), key=lambda t: t.span.start)
    if not specific or specific[0].event_type is not EventType.EXPLOSIONS:
        return frozenset()
    own = demonym_actor(analysis, specific[0])
    if own is not None:
        return frozenset({own.name})
    first = specific[0].span.start
    text = analysis.document.text
    casualty = [regex for _kind, regex in claim_lexicon(analysis.lang).kinds]
    victims = {
        (cm.victim_actor.span.start, cm.victim_actor.span.end)
        for cm in analysis.claims
        if cm.victim_actor is not None and cm.victim_actor.span is not None
    }
    return frozenset(
        m.actor.name
        for m in actors
        if m.armed
        and m.template is None
        and m.actor.type is not ActorType.CIVILIANS
        and m.span.end <= first
        and (m.span.start, m.span.end) not in victims
        and not _is_target(analysis, m)
        and not any(regex.search(text, m.span.end, first) for regex in casualty)
        and not _CLAUSE_BREAK.search(text, m.span.end, first)
    )


_CLAUSE_BREAK = re.compile(r"[,;:()]")


def struck(analysis: Analysis, *, sentence: int) -> frozenset[str]:
    """The armed sides a casualty figure of the sentence names as its victims ("two Turkish soldiers were killed"),
    not one named as its agent ("killed by a Houthi missile")."""
    victims = [
        v
        for cm in analysis.claims
        if cm.sentence == sentence
        and (v := cm.victim_actor) is not None
        and v.type is not ActorType.CIVILIANS
        and "{country}" not in v.name
    ]
    if not victims:
        return frozenset()
    spans = {v.span for v in victims if v.span is not None}
    agents = {m.span for m in analysis.actors if m.span in spans and _is_agent(analysis, m)}
    return frozenset(v.name for v in victims if v.span is None or v.span not in agents)


_LEAD_PUNCT = "\"'«“”‘’(–—- "


def opens_with_pronoun(analysis: Analysis, index: int) -> bool:
    """Whether sentence `index` opens with a subject pronoun ("De angriper først ...", "They then stormed ...")."""
    words = analysis.sentences[index].span.text.lstrip(_LEAD_PUNCT).split(maxsplit=1)
    pronouns = actor_lexicon(analysis.lang).subject_pronouns
    return bool(words) and words[0].strip(",;:").casefold() in pronouns


def _assault_subjects(analysis: Analysis, *, index: int, before: int, actors: list[ActorMention]) -> list[ActorMention]:
    """The armed actors that may be the subject of an event word at offset `before`: those named before it and not
    marked as the target, else, when the sentence opens with a subject pronoun, the armed actors of the sentence
    before ("Hamas fighters crossed the fence. They attacked the crossing.")."""
    own = [m for m in actors if m.armed and m.span.end <= before and not _is_target(analysis, m)]
    if own or index == 0 or not opens_with_pronoun(analysis, index):
        return own
    previous = analysis.sentences[index - 1].span
    return [
        m
        for m in analysis.actors
        if m.armed and previous.start <= m.span.start < previous.end and not _is_target(analysis, m)
    ]


def ground_assault(
    analysis: Analysis, *, index: int, triggers: list[TriggerMention], actors: list[ActorMention]
) -> bool:
    """Whether a sentence reports an assault on the ground: generic event words only, the first an attack word
    (`assaults` in `triggers.yaml`) whose subject names combatants on foot (`ground_fighters` in `actors.yaml`):
    "Hamas fighters attacked the crossings", "De angriper først grenseovergangene" after "flere hundre
    Hamas-krigere ...". Such an assault is not the rocket fire or air strikes reported before it."""
    if not triggers or any(not t.generic for t in triggers):
        return False
    first = min(triggers, key=lambda t: t.span.start)
    if not trigger_stage.lexicon(analysis.lang).assaults.fullmatch(first.span.text):
        return False
    fighters = actor_lexicon(analysis.lang).ground_fighters
    subjects = _assault_subjects(analysis, index=index, before=first.span.start, actors=actors)
    return any(fighters.search(m.span.text) for m in subjects)
