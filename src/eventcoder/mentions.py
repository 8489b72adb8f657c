"""Records that the pipeline stages add to an `Analysis`: typed mentions, each with the span that gave it."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    DateWindow,
    EventType,
    Place,
    Qualifier,
    Span,
)

__all__ = [
    "ActorMention",
    "ClaimMention",
    "DateMention",
    "NumberMention",
    "PlaceMention",
    "Sentence",
    "TriggerMention",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    span: Span
    heading: bool = False
    index: int = 0  # position in the document
    paragraph: int = 0  # sentences of one paragraph share this number


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberMention:
    """A cardinal in the text: "1 200", "sju", "tre hundre", "dusinvis" (vague=True), "minst 39" (qualifier)."""

    span: Span  # the number itself, qualifier included when there is one
    value: int
    high: int | None = None  # ranges: "1-2 policemen", "20 til 30"
    qualifier: Qualifier = Qualifier.EXACT
    vague: bool = False  # dozens/dusinvis/hundreds: ACLED conventional values
    unspecified: bool = False  # "flere"/"several": a count without a number (value is 0 then)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    span: Span
    window: DateWindow
    background: bool = False  # "i fjor", "last year", "i 2019" before the publication year
    statement: bool = False  # when something was said ("told AFP on Sunday"), not when the event happened


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMention:
    span: Span  # the place name as written ("Hasakeh", "Ghwayran-fengselet", "nord for Bagdad")
    place: Place | None  # resolved place, or None when no candidate fits
    dateline: bool = False  # where the report was filed ("KABUL (Reuters) -"), not where the event happened


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    span: Span
    actor: Actor  # for country-templated actors without a demonym, name holds "{country}" until assembly
    template: str | None = None  # "Military Forces of {country}" when the country comes from the event
    armed: bool = True
    named: bool = False  # a named organisation (IS, Taliban), not a generic noun ("soldiers", "gunmen")


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerMention:
    """A word or phrase that reports an event ("angrep", "luftangrep", "clashes", "suicide bomber")."""

    span: Span
    event_type: EventType
    sub_event_type: str
    strength: int = 1  # more specific triggers outrank generic ones ("luftangrep" > "angrep")
    generic: bool = False  # "attack"/"angrep": the type is decided at assembly from actors and victims
    negated: bool = False
    hypothetical: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimMention:
    claim: Claim
    sentence: int  # index of the sentence that holds it
    victim_actor_type: ActorType | None = None  # "sivile" -> civilians, "soldater" -> state forces
    victim_actor: Actor | None = None  # a named party ("IS-krigere", "kurdiske soldater")
