"""Two events in one sentence: an attack in one country and another in a second country, joined by "and".

"Jihadists massacred 51 civilians in northern Mali and killed 12 troops in an ambush in neighbouring Burkina Faso"
reports two events. The sentence is cut before the first event word that follows a place of one country, when a
coordinator ("and", "og") lies between that place and the word and a place of another country follows. Places in
one country are not cut apart (splitting per town makes one event of "X and Y" into two far more often than not).
The actors named before the first event word (the sentence's subject) take part in both halves.
"""

from __future__ import annotations

import itertools
import re

from eventcoder.mentions import PlaceMention
from eventcoder.stages._draft import Draft, misreading

__all__ = ["split_across_countries"]


def _firm(draft: Draft) -> list[PlaceMention]:
    """The draft's places with a country, in text order, without likely misreadings."""
    return sorted(
        (
            p
            for p in draft.places
            if p.place is not None
            and p.place.country
            and not misreading(p, doc_countries=draft.doc_countries, stray_countries=draft.stray_countries)
        ),
        key=lambda p: p.span.start,
    )


def _cut(draft: Draft, *, text: str, coordinators: re.Pattern[str]) -> int | None:
    """The offset where the second event's clause begins, if the sentence reports events in two countries."""
    places = _firm(draft)
    for here, there in itertools.pairwise(places):
        if here.place is None or there.place is None or here.place.country == there.place.country:
            continue
        between = sorted(
            (t for t in draft.triggers if here.span.end <= t.span.start < there.span.start), key=lambda t: t.span.start
        )
        if not between:
            continue
        first = between[0]
        if not coordinators.search(text[here.span.end : first.span.start]):
            continue
        if any(t.span.start < here.span.end for t in draft.triggers):
            return first.span.start
    return None


def split_across_countries(draft: Draft, *, text: str, coordinators: re.Pattern[str]) -> list[Draft]:
    """The draft, or its two halves when its sentence reports an event in each of two countries."""
    cut = _cut(draft, text=text, coordinators=coordinators)
    if cut is None:
        return [draft]
    first_word = min(t.span.start for t in draft.triggers)
    subject = [a for a in draft.actors if a.span.end <= first_word]

    def half(before: bool) -> Draft:
        def keep(start: int) -> bool:
            return (start < cut) is before

        return Draft(
            sentences=list(draft.sentences),
            triggers=[t for t in draft.triggers if keep(t.span.start)],
            places=[p for p in draft.places if keep(p.span.start)],
            dates=list(draft.dates),
            actors=[a for a in draft.actors if keep(a.span.start)]
            if before
            else [*subject, *(a for a in draft.actors if keep(a.span.start))],
            background=draft.background,
            refers_back=draft.refers_back,
            doc_countries=draft.doc_countries,
            stray_countries=draft.stray_countries,
        )

    return [half(True), half(False)]
