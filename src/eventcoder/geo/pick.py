"""Choose the place of one event among a document's place mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from eventcoder.mentions import PlaceMention, Sentence
from eventcoder.model import PlacePrecision

__all__ = ["SPECIFICITY", "main_country", "pick_event_place"]

# Lower is more specific.
SPECIFICITY: dict[PlacePrecision, int] = {
    PlacePrecision.SITE: 0,
    PlacePrecision.TOWN: 1,
    PlacePrecision.NEAR_TOWN: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.ADMIN1: 4,
    PlacePrecision.REGION: 5,
    PlacePrecision.WATER: 6,
    PlacePrecision.COUNTRY: 7,
}
_WINDOW = 600  # characters searched before and after the anchor's sentence


def main_country(mentions: Sequence[PlaceMention]) -> str | None:
    """The country most of the resolved mentions lie in (earliest mention breaks ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.place is not None and m.place.country:
            counts[m.place.country] += 1
            first.setdefault(m.place.country, m.span.start)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _bounds(anchor: int, sentences: Sequence[Sentence]) -> tuple[int, int] | None:
    for s in sentences:
        if s.span.start <= anchor < s.span.end:
            return s.span.start, s.span.end
    return None


def pick_event_place(
    mentions: Sequence[PlaceMention], *, anchor: int, sentences: Sequence[Sentence] = ()
) -> PlaceMention | None:
    """The place of an event whose trigger starts at `anchor`.

    Prefers the most specific resolved mention in the anchor's sentence (the nearest one on ties; without
    `sentences`, the text from the previous to the next sentence end stands in), then the nearest finer-than-
    country mention before the anchor, then after it, and finally a mention of the document's main country.
    """
    resolved = [m for m in mentions if m.place is not None]
    if not resolved:
        return None
    bounds = _bounds(anchor, sentences)
    if bounds is None:
        bounds = (anchor - 200, anchor + 200)
    lo, hi = bounds
    inside = [m for m in resolved if m.span.start < hi and m.span.end > lo]
    if inside:
        return min(inside, key=lambda m: (_rank(m), abs(m.span.start - anchor)))
    finer = [m for m in resolved if m.place is not None and m.place.precision is not PlacePrecision.COUNTRY]
    before = [m for m in finer if anchor - _WINDOW <= m.span.end <= anchor]
    if before:
        return max(before, key=lambda m: m.span.end)
    after = [m for m in finer if anchor <= m.span.start <= anchor + _WINDOW]
    if after:
        return min(after, key=lambda m: m.span.start)
    country = main_country(resolved)
    of_country = [m for m in resolved if m.place is not None and m.place.country == country]
    return min(
        of_country,
        key=lambda m: (m.place is not None and m.place.precision is not PlacePrecision.COUNTRY, m.span.start),
    )


def _rank(m: PlaceMention) -> int:
    return SPECIFICITY[m.place.precision] if m.place is not None else 99
