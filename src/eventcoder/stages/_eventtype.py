"""The ACLED type and sub-type of an assembled event, from its triggers, actors and victims."""

from __future__ import annotations

from eventcoder.mentions import TriggerMention
from eventcoder.model import Actor, ActorType, EventType, Victims
from eventcoder.pipeline import Analysis
from eventcoder.stages._draft import Draft

__all__ = ["type_of"]


def _in_heading(analysis: Analysis, trigger: TriggerMention) -> bool:
    return analysis.sentences[analysis.sentence_of(trigger.span.start)].heading


def type_of(
    analysis: Analysis, event: Draft, actor1: Actor | None, actor2: Actor | None
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
