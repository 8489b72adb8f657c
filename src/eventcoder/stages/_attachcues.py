"""Cue words that tell which event of an article a casualty figure belongs to (`lang/<code>/attach.yaml`), and
where a cue must stand to speak about a figure: in its clause (no comma, colon or dash between them, at most a few
words apart) or, for a recalled event, right before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.model import Span
from eventcoder.stages._patterns import compile_alternation, pattern_regex

__all__ = ["AttachCues", "attach_cues", "in_clause", "located", "right_before"]

_CLAUSE_BREAK = re.compile(r"[,;:()\"«»“”–—]|\s-\s")
_NEAR = 40  # characters between a cue and the figure it speaks about
_WORDS = re.compile(r"[\w'’]+")
_LOCATIVE_REACH = 2  # the preposition, or the preposition and one word ("in neighbouring Burkina Faso")


@dataclass(frozen=True, slots=True)
class AttachCues:
    cumulative: re.Pattern[str]  # a whole war's or year's toll ("the war that has killed", "so far this year")
    period: re.Pattern[str]  # a period's sum over several events ("in the past 24 hours")
    recalled: re.Pattern[str]  # an earlier event ("two days after ... were killed")
    locatives: frozenset[str]  # prepositions of place ("in", "i")


def _any(words: list[str]) -> str:
    return "(?:" + "|".join(sorted((pattern_regex(w) for w in words), key=len, reverse=True)) + ")"


@cache
def attach_cues(lang: str) -> AttachCues:
    data = load_section(lang, "attach")
    slots = {slot: _any(data[key]) for slot, key in (("war", "wars"), ("campaign", "campaigns"))}
    return AttachCues(
        cumulative=compile_alternation(data["cumulative"], slots=slots),
        period=compile_alternation(data["period"]),
        recalled=compile_alternation(data["recalled"]),
        locatives=frozenset(str(w).casefold() for w in data["locatives"]),
    )


def _joined(text: str) -> bool:
    return len(text) <= _NEAR and not _CLAUSE_BREAK.search(text)


def in_clause(cue: re.Pattern[str], *, text: str, sentence: Span, figure: Span) -> bool:
    """Whether a cue of `sentence` overlaps `figure` or stands in its clause, before or after it."""
    for m in cue.finditer(text, sentence.start, sentence.end):
        if m.start() < figure.end and figure.start < m.end():
            return True
        if m.end() <= figure.start and _joined(text[m.end() : figure.start]):
            return True
        if figure.end <= m.start() and _joined(text[figure.end : m.start()]):
            return True
    return False


def right_before(cue: re.Pattern[str], *, text: str, sentence: Span, figure: Span) -> bool:
    """Whether a cue of `sentence` ends in the clause just before `figure` ("two days after | two soldiers were
    killed")."""
    return any(
        m.end() <= figure.start and _joined(text[m.end() : figure.start])
        for m in cue.finditer(text, sentence.start, figure.start)
    )


def located(cues: AttachCues, *, text: str, sentence: Span, place: Span) -> bool:
    """Whether a preposition of place stands right before `place` ("in neighbouring Burkina Faso", not "from Chad")."""
    before = [w.casefold() for w in _WORDS.findall(text[sentence.start : place.start])][-_LOCATIVE_REACH:]
    return any(w in cues.locatives for w in before)
