"""A small grammar for cardinal number words, driven by word tables from the language YAML.

`read_number_words` takes the atoms of a phrase the regex found ("tre", "hundre", "og", "femti") and reads the
longest prefix that forms one number ("tre hundre og femti" = 350).  It knows only the arithmetic of words
below one hundred, hundreds, bigger scales (tusen, million) and scales that end a number (dusin): which words
exist is data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Atom", "AtomKind", "WordNumber", "read_number_words"]


class AtomKind(StrEnum):
    WORD = "word"  # a number word below 100
    SCALE = "scale"  # hundre, tusen, million, dusin
    JOINER = "joiner"  # og / and
    ARTICLE = "article"  # "a" in "a dozen"


@dataclass(frozen=True, slots=True, kw_only=True)
class Atom:
    kind: AtomKind
    value: int  # 0 for joiners and articles
    start: int
    end: int
    glued: bool  # attached to the atom before it without a space or hyphen ("tjue|fem")


@dataclass(frozen=True, slots=True, kw_only=True)
class WordNumber:
    value: int
    end: int  # end offset of the last atom read
    scale: int | None  # the scale the number ends with ("tre tusen" -> 1000), for ranges like "to-tre tusen"
    base: int  # the part before that scale ("tre tusen" -> 3)


class _Stop(Exception):
    """The next atom does not continue the number."""


@dataclass(slots=True)
class _State:
    total: int = 0
    current: int = 0
    last: str = ""  # "", "unit", "teen", "tens", "hundred", "big", "final", "joiner", "article"
    last_big: int = 0
    scale: int | None = None
    base: int = 0

    def add(self, atom: Atom, *, bare_ok: bool) -> None:
        if atom.kind is AtomKind.ARTICLE:
            if self.last:
                raise _Stop
            self.last = "article"
            return
        if atom.kind is AtomKind.JOINER:
            if self.last not in ("hundred", "big"):
                raise _Stop
            self.last = "joiner"
            return
        if atom.kind is AtomKind.WORD:
            self._word(atom.value)
        else:
            self._scale(atom.value, bare_ok=bare_ok)

    def _word(self, v: int) -> None:
        if self.last in ("unit", "teen", "final", "article"):
            raise _Stop
        if v < 10:
            if not (self.current % 100 == 0 or self.last == "tens"):
                raise _Stop
            kind = "unit"
        else:
            if self.last == "tens" or self.current % 100:
                raise _Stop
            kind = "teen" if v < 20 else "tens"
        self.current += v
        self.last = kind
        self.scale = None

    def _scale(self, s: int, *, bare_ok: bool) -> None:
        if self.last in ("final", "joiner"):
            raise _Stop
        after_big = self.last == "big" and s == 100  # "to tusen hundre" = 2100
        if self.current == 0 and self.last not in ("", "article") and not after_big:
            raise _Stop
        if self.current == 0 and self.last == "" and not bare_ok:
            raise _Stop
        mult = self.current or 1
        if s < 100:  # dusin / dozen: ends the number
            self.current = mult * s
            self.last = "final"
        elif s == 100:
            if self.current >= 100 or self.last == "hundred":
                raise _Stop
            self.current = mult * 100
            self.last = "hundred"
        else:
            if self.last_big and s >= self.last_big:
                raise _Stop
            self.total += mult * s
            self.current = 0
            self.last_big = s
            self.last = "big"
        self.scale = s
        self.base = mult

    @property
    def value(self) -> int:
        return self.total + self.current


def read_number_words(atoms: Sequence[Atom], *, bare_scales: Mapping[int, bool]) -> WordNumber | None:
    """Read the longest prefix of `atoms` that is one number, never stopping inside a glued word.

    `bare_scales` maps the index of each scale atom to whether it may stand alone ("hundre" yes, "million" no).
    Returns None when not even the first word forms a number.
    """
    state = _State()
    best: tuple[int, int, int | None, int] | None = None  # value, end, scale, base
    for i, atom in enumerate(atoms):
        try:
            state.add(atom, bare_ok=bare_scales.get(i, False))
        except _Stop:
            break
        complete = state.last not in ("joiner", "article")
        next_glued = i + 1 < len(atoms) and atoms[i + 1].glued
        if complete and not next_glued:
            best = (state.value, atom.end, state.scale, state.base)
    if best is None or best[0] <= 0:
        return None
    value, end, scale, base = best
    return WordNumber(value=value, end=end, scale=scale, base=base)
