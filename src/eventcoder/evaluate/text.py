"""Text helpers of the scorer: finding a quoted sentence, comparing names, distances."""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventcoder.geo.gazetteer import distance_km as haversine_km  # great-circle km, one implementation

__all__ = ["find_quote", "haversine_km", "name_matches", "names_match", "normalise_name"]

# "(2014-)", "(2000-2010)", "(1999)": ACLED's year parts of actor names.
_YEAR_PART = re.compile(r"\(\s*\d{4}\s*(?:[-–—]\s*(?:\d{4})?\s*)?\)")
_YEAR_TOKEN = re.compile(r"^(?:1[89]|20)\d\d$")
_NON_WORD = re.compile(r"[\W_]+")


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The character range of `quote` in `text`: exact first, then with whitespace runs treated as equal."""
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    wanted = " ".join(quote.split())
    if not wanted:
        return None
    squashed: list[str] = []
    origin: list[int] = []  # origin[i] = index in `text` of squashed[i]
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                squashed.append(" ")
                origin.append(i)
            in_space = True
        else:
            squashed.append(ch)
            origin.append(i)
            in_space = False
    at = "".join(squashed).find(wanted)
    if at < 0:
        return None
    return origin[at], origin[at + len(wanted) - 1] + 1


def normalise_name(name: str) -> str:
    """Casefold, drop year parts ("(2014-)", bare years) and punctuation; words joined by single spaces."""
    folded = _YEAR_PART.sub(" ", name.casefold())
    words = _NON_WORD.sub(" ", folded).split()
    return " ".join(w for w in words if not _YEAR_TOKEN.match(w))


def names_match(a: str, b: str) -> bool:
    """Whole-word containment either way of the normalised names; an empty name matches nothing."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    return f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def name_matches(accepted: Iterable[str], found: Iterable[str]) -> bool:
    """True when any accepted form (a gold name or alias) matches any found string (predicted names, mentions)."""
    found_list = [f for f in found if f]
    return any(names_match(a, f) for a in accepted for f in found_list)
