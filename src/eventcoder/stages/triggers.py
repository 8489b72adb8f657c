"""Event triggers: words that report an event, typed by `lang/<code>/triggers.yaml`.

Overlapping matches keep the stronger (then longer) trigger. A trigger right after a negation or a modal/future cue
is marked `negated` / `hypothetical`; assembly ignores those. A word inside a date phrase ("On 2 March 2021") is a
date, not an event word ("march").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.mentions import TriggerMention
from eventcoder.model import EventType
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._patterns import compile_alternation

__all__ = ["TriggerLexicon", "lexicon"]

_LOOKBACK = 40  # characters before a trigger searched for negation and modal cues
_CROWD_CLASH_STRENGTH = 3  # clash words up to this strength beside a crowd are the crowd's riot


@dataclass(frozen=True, slots=True)
class _Entry:
    event_type: EventType
    sub_event_type: str
    strength: int
    generic: bool
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    entries: tuple[_Entry, ...]
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    background: re.Pattern[str]
    responsibility: re.Pattern[str]
    target_markers: frozenset[str]
    two_sided: re.Pattern[str]
    clash_sides: re.Pattern[str]
    off_duty: re.Pattern[str]
    riot_acts: re.Pattern[str]
    self_harm: re.Pattern[str]
    demands: re.Pattern[str]
    demo_acts: re.Pattern[str]
    protest_reasons: re.Pattern[str]
    intervention: re.Pattern[str]
    intervention_context: re.Pattern[str]
    mob_cues: re.Pattern[str]
    armed_cues: re.Pattern[str]
    crude_arms: re.Pattern[str]
    not_reports: re.Pattern[str]
    coordinators: re.Pattern[str]
    plural_events: re.Pattern[str]
    assaults: re.Pattern[str]
    plural_targets: re.Pattern[str]


def _cue(patterns: list[str]) -> re.Pattern[str]:
    return compile_alternation(patterns)


@cache
def lexicon(lang: str) -> TriggerLexicon:
    data = load_section(lang, "triggers")
    entries = tuple(
        _Entry(
            event_type=EventType(item["event_type"]),
            sub_event_type=item["sub_event_type"],
            strength=int(item.get("strength", 1)),
            generic=bool(item.get("generic", False)),
            regex=compile_alternation(item["patterns"]),
        )
        for item in data["triggers"]
    )
    return TriggerLexicon(
        entries=entries,
        negation=_cue(data.get("negation", [])),
        hypothetical=_cue(data.get("hypothetical", [])),
        background=_cue(data.get("background", [])),
        responsibility=_cue(data.get("responsibility", [])),
        target_markers=frozenset(str(w).casefold() for w in data.get("target_markers", [])),
        two_sided=_cue(data.get("two_sided", [])),
        clash_sides=_cue(data.get("clash_sides", [])),
        off_duty=_cue(data.get("off_duty", [])),
        riot_acts=_cue(data.get("riot_acts", [])),
        self_harm=_cue(data.get("self_harm", [])),
        demands=_cue(data.get("demands", [])),
        demo_acts=_cue(data.get("demo_acts", [])),
        protest_reasons=_cue(data.get("protest_reasons", [])),
        intervention=_cue(data.get("intervention", [])),
        intervention_context=_cue(data.get("intervention_context", [])),
        mob_cues=_cue(data.get("mob_cues", [])),
        armed_cues=_cue(data.get("armed_cues", [])),
        crude_arms=_cue(data.get("crude_arms", [])),
        not_reports=_cue(data.get("not_reports", [])),
        coordinators=_cue(data.get("coordinators", [])),
        plural_events=_cue(data.get("plural_events", [])),
        assaults=_cue(data.get("assaults", [])),
        plural_targets=_cue(data.get("plural_targets", [])),
    )


def _window_before(text: str, start: int, floor: int) -> str:
    a = max(floor, start - _LOOKBACK)
    return text[a:start]


@stage(name="triggers", reads=("sentences", "dates"), adds=("triggers",))
def triggers(analysis: Analysis) -> Analysis:
    doc = analysis.document
    text = doc.text
    lex = lexicon(analysis.lang)
    found: list[tuple[int, int, _Entry]] = []
    for entry in lex.entries:
        for m in entry.regex.finditer(text):
            found.append((m.start(), m.end(), entry))
    found.sort(key=lambda f: (-f[2].strength, -(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int]] = []
    described = [(m.start(), m.end()) for m in lex.not_reports.finditer(text)]
    described += [(d.span.start, d.span.end) for d in analysis.dates]  # "2 March 2021": a date, not a march
    out: list[TriggerMention] = []
    for start, end, entry in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        sentence = analysis.sentences[analysis.sentence_of(start)] if analysis.sentences else None
        floor = sentence.span.start if sentence else 0
        before = _window_before(text, start, floor)
        if any(a <= start and end <= b for a, b in described):
            continue  # "the arrested president": a description, not a report; "2 March": a date
        # the cue must be within the last few words before the trigger
        tail = " ".join(before.split()[-4:])
        out.append(
            TriggerMention(
                span=doc.span(start, end),
                event_type=entry.event_type,
                sub_event_type=entry.sub_event_type,
                strength=entry.strength,
                generic=entry.generic,
                negated=bool(lex.negation.search(tail)),
                hypothetical=bool(lex.hypothetical.search(tail)),
            )
        )
    out.sort(key=lambda t: t.span.start)
    return analysis.with_layer(triggers=_crowd_clashes(analysis, lex, out))


def _crowd_clashes(analysis: Analysis, lex: TriggerLexicon, found: list[TriggerMention]) -> tuple[TriggerMention, ...]:
    """A clash reported in a crowd's sentence or the one after it ("They clashed with police") is the crowd's riot."""
    if not analysis.sentences:
        return tuple(found)
    crowd_sentences = {
        analysis.sentence_of(t.span.start)
        for t in found
        if t.event_type in (EventType.PROTESTS, EventType.RIOTS) and not (t.negated or t.hypothetical)
    }
    out: list[TriggerMention] = []
    for t in found:
        index = analysis.sentence_of(t.span.start)
        if (
            t.event_type is EventType.BATTLES
            and t.sub_event_type == "Armed clash"
            and not t.generic
            and t.strength <= _CROWD_CLASH_STRENGTH
            and lex.riot_acts.fullmatch(t.span.text) is not None
            and (index in crowd_sentences or index - 1 in crowd_sentences)
        ):
            t = dataclasses.replace(
                t,
                event_type=EventType.RIOTS,
                sub_event_type="Violent demonstration",
                strength=_CROWD_CLASH_STRENGTH + 1,
            )
        out.append(t)
    return tuple(out)
