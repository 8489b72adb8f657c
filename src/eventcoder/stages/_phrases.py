"""Generic helpers that turn word lists from the language YAML into regular-expression source.

No language knowledge lives here: only how a list of phrases becomes one alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation", "candidate_starts", "first_prefixes", "normalise_phrase", "phrase_source"]

_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_PREFIX = 3


def normalise_phrase(text: str) -> str:
    """The lookup key of a matched phrase: case-folded, runs of whitespace collapsed to one space."""
    return _SPACES.sub(" ", text.strip()).casefold()


def phrase_source(phrase: str) -> str:
    """Regex source for one phrase: the words escaped, any whitespace between them matching `\\s+`."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def alternation(phrases: Iterable[str], *, case_sensitive: bool = False) -> str:
    """A non-capturing alternation of `phrases`, longest first (so "i forrige uke" wins over "i").

    An empty list gives a pattern that never matches.  With `case_sensitive`, the alternation is wrapped in
    `(?-i:...)` so it keeps its case inside a pattern compiled with IGNORECASE.
    """
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not unique:
        return r"(?!x)x"
    body = "|".join(phrase_source(p) for p in unique)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def first_prefixes(phrases: Iterable[str], *, glue: Iterable[str] = ()) -> frozenset[str]:
    """Where a phrase may start: the first three word characters of its first word (case-folded).

    A shorter first word stands for itself, and also for the words it may be glued to (`glue`: "to" + "tusen"
    = "totusen" gives "tot").  `candidate_starts` compares the first three characters of each word with these.
    """
    glued = [g.casefold() for g in glue]
    out: set[str] = set()
    for phrase in phrases:
        m = _TOKEN.match(phrase.strip().casefold())
        if m is None:
            continue
        word = m.group()
        out.add(word[:_PREFIX])
        if len(word) < _PREFIX:
            out.update((word + g)[:_PREFIX] for g in glued)
    return frozenset(out)


def candidate_starts(text: str, prefixes: frozenset[str]) -> list[int]:
    """Offsets of the words in `text` that start with a digit or with one of `prefixes` (see `first_prefixes`).

    Scanning regexes are then tried only there (`pattern.match(text, offset)`): trying a large alternation at
    every character is several times slower than this one pass over the words.
    """
    return [
        m.start()
        for m in _TOKEN.finditer(text)
        if (word := m.group())[0].isdigit() or word[:_PREFIX].casefold() in prefixes
    ]
