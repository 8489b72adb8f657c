"""The ACLED type and sub-type of an assembled event, from its triggers, actors, victims and the cue words of its
sentences.

- A crowd event (a protest or riot trigger) is a riot when the crowd turns violent (a riot trigger, or a violent act
  such as stones, burning tyres or clashes beside a protest trigger): a violent demonstration when the crowd states a
  demand, protests or blocks the streets (burning tyres, barricades: a demonstration in itself), mob violence
  otherwise. A protest is a protest with intervention when the authorities step in (dispersal, tear gas, arrests
  of the protesters).
- Riot words with no protest or mob word beside them whose doer is an armed organisation ("a youth militia torched
  the offices") are that group's deed, not a crowd's. A protest named only as the reason for arrests ("arrested
  for participating in protests") is no crowd event: the event is the arrests.
- Two sides firing at each other (small arms, exchanged fire, fired back) make a battle even when mortars, artillery,
  grenades or explosions are named, and an abduction told beside an exchange of fire is part of the fight; air
  strikes, suicide bombs and chemical weapons keep their type. Artillery or
  rockets in a fight named between two sides ("clashes erupted between X and Y after X fired RPGs") are used in an
  armed clash.
- A change of territory is the government's regaining when state forces take the ground and a non-state actor's
  overtaking when rebels do, whatever the verb ("took control of", "recaptured").
- A direct attack whose victims are armed (soldiers shot and killed by militants) is a battle, not violence against
  civilians, unless they were off duty (ACLED counts off-duty soldiers and police as civilians); a clash without
  any armed organisation between groups with sticks and machetes ("two groups of locals armed with knives") is
  mob violence.
- A coder's label ("Property destruction: ...", "Security measures: ... banned marches") or a decisive phrase
  ("leftover from the civil war") is never overruled, not even by the crowd it names; otherwise a
  strategic-development word does not type an event with deaths, and an abduction that kills is an attack.
- An event told only in generic words ("an attack", "killed") in a text whose other attacks are missiles, shelling
  or air strikes (at most one stray word of another kind in four, and no assault on the ground anywhere) is one
  more of them, before its sides are asked ("eleven fighters were killed in an Israeli attack in Palmyra"). A word
  that names the whole war in a war's toll ("Israel's 10-month-long offensive has so far killed 40,000") is no
  event of another kind.
- The cue words are read in the event's sentences and in the sentences around them that report no event of their own.
"""

from __future__ import annotations

import re

from eventcoder.mentions import TriggerMention
from eventcoder.model import Actor, ActorType, ClaimKind, EventType, Victims
from eventcoder.pipeline import Analysis
from eventcoder.stages._attachcues import attach_cues
from eventcoder.stages._draft import Draft
from eventcoder.stages.triggers import TriggerLexicon, lexicon

__all__ = ["off_duty", "type_of"]

_CROWD = (EventType.PROTESTS, EventType.RIOTS)
# sub-types that two-sided fire turns into an armed clash (fire from the ground, not from the air or a suicide bomber)
# (and an abduction told beside an armed clash: "police tried to stop the kidnappers' vans and an armed clash broke
# out")
_GROUND_FIRE = frozenset(
    {
        "Shelling/artillery/missile attack",
        "Grenade",
        "Remote explosive/landmine/IED",
        "Armed clash",
        "Attack",
        "Abduction/forced disappearance",
    }
)
_SHELLING = "Shelling/artillery/missile attack"
_UNARMED = frozenset({ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS})
_CLASH = (EventType.BATTLES, "Armed clash")
# ACLED: a change of territory is coded as such, whatever weapons won it (car bombs before the base fell)
_OVERTAKES = "Non-state actor overtakes territory"
_REGAINS = "Government regains territory"
_TERRITORY = frozenset({_OVERTAKES, _REGAINS})
_ATTACK = (EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack")
_MOB = (EventType.RIOTS, "Mob violence")
_STRUCK = frozenset({"Attack", "Armed clash"})  # what a crowd's blows at the police are taken for
_DECISIVE = 8  # trigger strength of a coder's label or a decisive phrase ("Property destruction:", "leftover from the
# war"): never overruled


def _in_heading(analysis: Analysis, trigger: TriggerMention) -> bool:
    return analysis.sentences[analysis.sentence_of(trigger.span.start)].heading


def _strongest(analysis: Analysis, triggers: list[TriggerMention]) -> TriggerMention:
    return max(triggers, key=lambda t: (t.strength, not _in_heading(analysis, t), -t.span.start))


def _sentence_text(analysis: Analysis, trigger: TriggerMention) -> str:
    return analysis.sentences[analysis.sentence_of(trigger.span.start)].span.text


def _scope(analysis: Analysis, event: Draft) -> list[int]:
    """The event's sentences and the sentences around each that report no event of their own (they elaborate it)."""
    reporting = {analysis.sentence_of(t.span.start) for t in analysis.triggers if not (t.negated or t.hypothetical)}
    scope: set[int] = set()
    for i in set(event.sentences):
        scope.add(i)
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(analysis.sentences) and j not in reporting:
                scope.add(j)
                j += step
    return sorted(scope)


def _outside(cue: re.Pattern[str], exclusion: re.Pattern[str], text: str) -> bool:
    """Whether `cue` matches the text outside every match of `exclusion`."""
    spans = [(m.start(), m.end()) for m in exclusion.finditer(text)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in spans) for m in cue.finditer(text))


def _armed_words(lex: TriggerLexicon, text: str) -> bool:
    """Whether the text names an armed organisation ("militiamen", "gunmen"); a crowd "armed with knives and
    machetes" is not one."""
    return _outside(lex.armed_cues, lex.crude_arms, text)


def _armed(actor: Actor | None) -> bool:
    return actor is not None and actor.type not in _UNARMED


def _crowd_type(
    analysis: Analysis, lex: TriggerLexicon, event: Draft, specific: list[TriggerMention], texts: list[str]
) -> tuple[EventType, str, TriggerMention]:
    crowd = [t for t in specific if t.event_type in _CROWD]
    best = _strongest(analysis, crowd)
    riot = [t for t in crowd if t.event_type is EventType.RIOTS]
    protest = [t for t in crowd if t.event_type is EventType.PROTESTS]
    if riot and not protest and any(t.sub_event_type == "Mob violence" for t in riot):
        return EventType.RIOTS, "Mob violence", best
    # "one of the protesters set herself on fire": self-immolation is a form of protest, not a riot
    violent = bool(riot) or any(_outside(lex.riot_acts, lex.self_harm, t) for t in texts)
    if violent:
        demand = bool(protest) or any(lex.demands.search(t) or lex.demo_acts.search(t) for t in texts)
        return EventType.RIOTS, "Violent demonstration" if demand else "Mob violence", best
    if best.sub_event_type == "Excessive force against protesters":
        return best.event_type, best.sub_event_type, best
    arrests = [t for t in event.specific if t.sub_event_type == "Arrests"]
    intervened = (
        any(t.sub_event_type == "Protest with intervention" for t in crowd)
        or any(lex.intervention.search(t) for t in texts)
        or any(lex.intervention_context.search(_sentence_text(analysis, t)) for t in arrests)
    )
    return EventType.PROTESTS, "Protest with intervention" if intervened else "Peaceful protest", best


_REASON_GAP = 2  # words between a reason cue and the protest word ("for participating in the protests")
_REASON_WINDOW = 60  # characters before a protest word searched for a reason cue


def _reason_only(analysis: Analysis, lex: TriggerLexicon, trigger: TriggerMention) -> bool:
    """A protest word that only gives the reason for an arrest ("arrested for participating in protests", "accused
    of having taken part in a protest"): the event is the arrests, not a protest."""
    if trigger.event_type not in _CROWD:
        return False
    sentence = analysis.sentences[analysis.sentence_of(trigger.span.start)].span
    start = max(sentence.start, trigger.span.start - _REASON_WINDOW)
    before = analysis.document.text[start : trigger.span.start]
    cues = list(lex.protest_reasons.finditer(before))
    return bool(cues) and len(before[cues[-1].end() :].split()) <= _REASON_GAP


def _armed_deed(lex: TriggerLexicon, specific: list[TriggerMention], actor1: Actor | None, texts: list[str]) -> bool:
    """Riot words ("torched", "vandalised") whose doer is an armed organisation ("a youth militia torched the
    party's offices"), with no protest or mob word beside them: the deed of that group, not a crowd's riot."""
    crowd = [t for t in specific if t.event_type in _CROWD]
    return (
        bool(crowd)
        and all(t.event_type is EventType.RIOTS and t.sub_event_type == "Violent demonstration" for t in crowd)
        and actor1 is not None
        and actor1.type not in _UNARMED
        and any(_armed_words(lex, t) for t in texts)
    )


def _victims_armed(event: Draft, actor2: Actor | None, *, off_duty: bool = False) -> bool:
    """Whether the event's victims are armed; soldiers or police "off duty" count as civilians (ACLED)."""
    if off_duty or any(c.claim.victims is Victims.CIVILIANS for c in event.claims):
        return False
    if actor2 is not None:
        return _armed(actor2)
    return any(c.victim_actor_type is not None and c.victim_actor_type not in _UNARMED for c in event.claims)


_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_DOMINANT = 4  # a text of remote weapons: at most one other event word for every four of them
_ASSAULT = 2  # generic words this strong tell a direct assault (stormed, raided, ambushed), not just a death


def _remote_context(analysis: Analysis, event: Draft) -> str | None:
    """The weapon of a text whose every other reported attack is an air strike or shelling ("Russian missiles hit
    Kyiv ... one person was killed in an attack on Kryvyi Rih"): an event told only in generic words ("an attack",
    "killed") is one more of them. None when the text also reports an assault on the ground, when other kinds of
    event words are more than a stray one in four, or when it names no such weapon outside the event."""
    active = [t for t in analysis.triggers if not (t.negated or t.hypothetical)]
    if event.ground or any(t.generic and t.strength >= _ASSAULT for t in active):
        # "stormed", "raided", "drove into the towns", "fighters attacked the crossing": an assault on the ground,
        # here or elsewhere
        return None
    own = {id(t) for t in event.triggers}
    war = [(m.start(), m.end()) for m in attach_cues(analysis.lang).cumulative.finditer(analysis.document.text)]
    # "Israel's 10-month-long offensive has so far killed ...": the war itself, not an event of another kind
    active = [t for t in active if id(t) not in own and not any(a < t.span.end and t.span.start < b for a, b in war)]
    others = [t for t in active if not t.generic and t.event_type is not EventType.STRATEGIC]
    remote = [t for t in others if t.sub_event_type in _REMOTE]
    # a stray word of another kind ("we fight for every life") does not outweigh a text of missiles
    if not remote or len(others) - len(remote) > len(remote) // _DOMINANT:
        return None
    counts: dict[str, int] = {}
    for t in remote:
        counts[t.sub_event_type] = counts.get(t.sub_event_type, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "Air/drone strike"))


def _territory_change(won: TriggerMention, actor1: Actor | None) -> str:
    """Who took the ground decides the sub-type, not the verb: state forces that "took control of" three areas
    regain territory, rebels that "recaptured" a town overtake it."""
    if actor1 is not None and actor1.type is ActorType.STATE_FORCES:
        return _REGAINS
    if actor1 is not None and actor1.type is ActorType.REBEL_GROUP:
        return _OVERTAKES
    return won.sub_event_type


def off_duty(analysis: Analysis, event: Draft) -> bool:
    """Whether the event's sentences (and those around them that report nothing else) say its victims were off
    duty ("an off-duty police officer", "a soldier on leave"): ACLED codes them as civilians."""
    lex = lexicon(analysis.lang)
    return any(lex.off_duty.search(analysis.sentences[i].span.text) for i in _scope(analysis, event))


def type_of(
    analysis: Analysis, event: Draft, actor1: Actor | None, actor2: Actor | None
) -> tuple[EventType, str, TriggerMention]:
    lex = lexicon(analysis.lang)
    texts = [analysis.sentences[i].span.text for i in _scope(analysis, event)]
    specific = [t for t in event.specific if not _reason_only(analysis, lex, t)]
    decisive = [t for t in specific if t.strength >= _DECISIVE]
    if decisive:
        # "Security measures: ... extended the ban on marches": the coder's label, not the protest it names
        best = _strongest(analysis, decisive)
        return best.event_type, best.sub_event_type, best
    if _armed_deed(lex, specific, actor1, texts):
        # "NAS rebels ... villages were torched during a two day battle": what an armed group burns is no riot
        specific = [t for t in specific if t.event_type not in _CROWD]
    if any(t.event_type in _CROWD for t in specific):
        return _crowd_type(analysis, lex, event, specific, texts)
    rioting = actor1 is not None and actor1.type is ActorType.RIOTERS and _armed(actor2)
    if rioting and all(
        t.generic or t.sub_event_type in _STRUCK or t.event_type is EventType.STRATEGIC for t in specific
    ):
        # "villagers attacked a team of police": a crowd that strikes armed forces is mob violence, not a battle (nor
        # the arrests that follow)
        blows = [t for t in event.triggers if t.event_type is not EventType.STRATEGIC]
        return (*_MOB, _strongest(analysis, blows or event.triggers))
    two_sided = any(lex.two_sided.search(t) for t in texts)
    unorganised = (
        not two_sided and any(lex.mob_cues.search(t) for t in texts) and not any(_armed_words(lex, t) for t in texts)
    )
    mob = unorganised and not _armed(actor1) and not _armed(actor2)
    # residents clashing with the police: one armed side and an unorganised crowd
    crowd_clash = unorganised and not (_armed(actor1) and _armed(actor2))
    # "shot and killed a soldier (off-duty)": the victim is no fighting side
    off_duty = any(lex.off_duty.search(t) for t in texts)
    # "several civilians were killed": a claim without a figure still says that people died
    deaths = any(c.claim.kind is ClaimKind.KILLED and c.claim.low != 0 for c in event.claims)
    if deaths:  # a strategic development does not kill: deaths make the event violent
        specific = [t for t in specific if t.event_type is not EventType.STRATEGIC or t.strength >= _DECISIVE]
    if specific:
        best = _strongest(analysis, specific)
        territory = [t for t in specific if t.sub_event_type in _TERRITORY]
        if territory:
            won = _strongest(analysis, territory)
            return won.event_type, _territory_change(won, actor1), won
        if best.sub_event_type in _GROUND_FIRE and two_sided:
            return (*_CLASH, best)
        if best.sub_event_type == "Abduction/forced disappearance" and deaths:
            # an abduction that ends in killing is an attack (a battle when the victims are armed)
            return (*(_CLASH if _victims_armed(event, actor2, off_duty=off_duty) else _ATTACK), best)
        if best.sub_event_type == _SHELLING and any(lex.clash_sides.search(t) for t in texts):
            # "a clash between GNA and LNA forces, involving heavy artillery fire": artillery used in a clash
            return (*_CLASH, best)
        if best.sub_event_type == "Attack" and _victims_armed(event, actor2, off_duty=off_duty):
            return (*_CLASH, best)
        if (best.sub_event_type == "Attack" and mob) or (
            (best.event_type, best.sub_event_type) == _CLASH and crowd_clash
        ):
            return (*_MOB, best)
        return best.event_type, best.sub_event_type, best
    trigger = event.triggers[0]
    remote = _remote_context(analysis, event)
    if remote is not None and not two_sided and not mob:
        return EventType.EXPLOSIONS, remote, trigger
    armed_sides = [a for a in (actor1, None if off_duty else actor2) if _armed(a)]
    if two_sided or len(armed_sides) >= 2 or _victims_armed(event, actor2, off_duty=off_duty):
        return (*_CLASH, trigger)
    if mob:
        return (*_MOB, trigger)
    # one armed side (or none) and no armed victim: a one-sided attack
    return EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack", trigger
