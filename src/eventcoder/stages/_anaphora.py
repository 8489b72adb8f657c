"""Event words that point back to an event already reported: "the attack", "today's bombing", "i angrepet".

The cues are language data (`anaphora` in `lang/<code>/segment.yaml`):
- `determiners`: the word right before the event word makes it definite ("the", "this", "denne");
- `definite_endings` with `prepositions`: an event word ending in a definite suffix ("angrep-et", "kamp-ene")
  right after a preposition or at the start of its sentence ("i angrepet", "Angrepet skjedde"), so that a verb
  with the same ending ("ble angrepet", "Israel bombet") does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section

__all__ = ["AnaphoraCues", "cues", "refers_back"]

_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True, slots=True)
class AnaphoraCues:
    determiners: frozenset[str]
    prepositions: frozenset[str]
    definite_endings: tuple[str, ...]


@cache
def cues(lang: str) -> AnaphoraCues:
    data = load_section(lang, "segment").get("anaphora", {})
    return AnaphoraCues(
        determiners=frozenset(str(w).casefold().replace("’", "'") for w in data.get("determiners", [])),
        prepositions=frozenset(str(w).casefold() for w in data.get("prepositions", [])),
        definite_endings=tuple(str(e).casefold() for e in data.get("definite_endings", [])),
    )


def refers_back(before: str, word: str, cue: AnaphoraCues) -> bool:
    """Whether event word `word`, preceded by `before` (its sentence up to the word), is a definite reference."""
    previous = [w.casefold().replace("’", "'") for w in _WORD.findall(before)[-1:]]
    if previous and previous[-1] in cue.determiners:
        return True
    last = word.split()[-1].casefold() if word.split() else ""
    if not any(last.endswith(e) and len(last) > len(e) + 2 for e in cue.definite_endings):
        return False
    return not previous or previous[-1] in cue.prepositions
