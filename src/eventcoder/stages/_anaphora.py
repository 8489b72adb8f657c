"""Event words that point back to an event already reported: "the attack", "today's bombing", "i angrepet".

The cues are language data (`anaphora` in `lang/<code>/segment.yaml`):
- `determiners`: the word right before the event word makes it definite ("the", "this", "denne");
- `definite_endings` with `prepositions`: an event word ending in a definite suffix ("angrep-et", "kamp-ene")
  right after a preposition or at the start of its sentence ("i angrepet", "Angrepet skjedde"), so that a verb
  with the same ending ("ble angrepet", "Israel bombet") does not count.

The opposite cue, `separate` (top level of `segment.yaml`), opens a sentence about another incident ("Elsewhere in
the strip", "In another incident", "I en annen hendelse"): such a sentence starts an event of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.stages._patterns import compile_alternation

__all__ = ["AnaphoraCues", "cues", "opens_separately", "refers_back"]

_WORD = re.compile(r"[\w'’]+")
_LEAD = re.compile(r"[\s\"'«“”‘’(–—-]*")  # quotes, brackets and dashes before a sentence's first word


@dataclass(frozen=True, slots=True)
class AnaphoraCues:
    determiners: frozenset[str]
    prepositions: frozenset[str]
    definite_endings: tuple[str, ...]
    separate: re.Pattern[str]


@cache
def cues(lang: str) -> AnaphoraCues:
    section = load_section(lang, "segment")
    data = section.get("anaphora", {})
    return AnaphoraCues(
        determiners=frozenset(str(w).casefold().replace("’", "'") for w in data.get("determiners", [])),
        prepositions=frozenset(str(w).casefold() for w in data.get("prepositions", [])),
        definite_endings=tuple(str(e).casefold() for e in data.get("definite_endings", [])),
        separate=compile_alternation(section.get("separate", [])),
    )


def opens_separately(sentence: str, cue: AnaphoraCues) -> bool:
    """Whether `sentence` opens with a cue of a separate incident ("Elsewhere in the strip", "In another incident")."""
    lead = _LEAD.match(sentence)
    return cue.separate.match(sentence, lead.end() if lead else 0) is not None


def refers_back(before: str, word: str, cue: AnaphoraCues) -> bool:
    """Whether event word `word`, preceded by `before` (its sentence up to the word), is a definite reference."""
    previous = [w.casefold().replace("’", "'") for w in _WORD.findall(before)[-1:]]
    if previous and previous[-1] in cue.determiners:
        return True
    last = word.split()[-1].casefold() if word.split() else ""
    if not any(last.endswith(e) and len(last) > len(e) + 2 for e in cue.definite_endings):
        return False
    return not previous or previous[-1] in cue.prepositions
