"""Several events in one sentence.

Two countries: an attack in one country and another in a second country, joined by "and".

"Jihadists massacred 51 civilians in northern Mali and killed 12 troops in an ambush in neighbouring Burkina Faso"
reports two events. The sentence is cut before the first event word that follows a place of one country, when a
coordinator ("and", "og") lies between that place and the word and a place of another country follows. Places in
one country are not cut apart (splitting per town makes one event of "X and Y" into two far more often than not).
The actors named before the first event word (the sentence's subject) take part in both halves.

Two towns under a plural event word: "the attacks targeted Odesa and Kharkiv", "angrepene rammet Odesa og Kharkiv"
report an attack at each town, as ACLED codes one event per location. Only a plural event word (`plural_events` in
`triggers.yaml`) before towns joined by a coordinator or a comma splits them: "gunmen attacked a village near Kaduna
and killed five farmers near Zaria" stays one event. So does a place noun in the plural right after an event word
(`plural_targets`): "attacked the villages of X and Y", "angriper grenseovergangene Kerem Shalom i sør og Erez i
nord".
"""

from __future__ import annotations

import itertools
import re

from eventcoder.mentions import PlaceMention
from eventcoder.model import Place, PlacePrecision
from eventcoder.stages._draft import Draft, km, misreading

__all__ = ["split_across_countries", "split_over_towns"]

_TOWNS = frozenset({PlacePrecision.SITE, PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN})
_SAME_TOWN_KM = 15.0  # two readings this close are one town named twice
_LIST_GAP_WORDS = 6  # words between two towns of one list ("Odesa sør i Ukraina og storbyen Kharkiv")
_TARGET_GAP_WORDS = 2  # words between an event word and the places it hits ("angriper først grenseovergangene")


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


def _towns_after(draft: Draft, start: int) -> list[PlaceMention]:
    """The draft's firm towns after offset `start`, in text order."""
    return [p for p in _firm(draft) if p.span.start >= start and p.place is not None and p.place.precision in _TOWNS]


def _distinct(places: list[Place]) -> bool:
    return all(km(a, b) > _SAME_TOWN_KM for a, b in itertools.combinations(places, 2))


def _plural_start(draft: Draft, *, text: str, plural: re.Pattern[str], targets: re.Pattern[str] | None) -> int | None:
    """Where the list of places an event word spreads over may begin: after the first plural event word ("the
    attacks"), or after a plural place noun at most _TARGET_GAP_WORDS words after an event word ("angriper først
    grenseovergangene", "attacked the villages of"); None when there is neither."""
    ends: list[int] = []
    for t in draft.triggers:
        if plural.fullmatch(t.span.text):
            ends.append(t.span.end)
            continue
        if targets is None:
            continue
        m = targets.search(text, t.span.end, t.span.end + 80)
        if m is not None and len(text[t.span.end : m.start()].split()) <= _TARGET_GAP_WORDS:
            ends.append(m.end())
    return min(ends) if ends else None


def _coordinated_towns(
    draft: Draft,
    *,
    text: str,
    coordinators: re.Pattern[str],
    plural: re.Pattern[str],
    targets: re.Pattern[str] | None = None,
) -> list[PlaceMention]:
    """The towns of one country that a plural event word of the draft spreads over ("the strikes hit Odesa and
    Kharkiv", "attacked the villages of X and Y"): two or more distinct towns after it, each pair of neighbours
    joined by a coordinator or a comma within a few words ("Odesa in the south and the city of Kharkiv") with no
    other event word between. Empty when the sentence is no such list."""
    start = _plural_start(draft, text=text, plural=plural, targets=targets)
    if start is None:
        return []
    towns = _towns_after(draft, start)
    if len(towns) < 2 or len({p.place.country for p in towns if p.place is not None}) != 1:
        return []
    if not _distinct([p.place for p in towns if p.place is not None]):
        return []
    for here, there in itertools.pairwise(towns):
        gap = text[here.span.end : there.span.start]
        if not (coordinators.search(gap) or "," in gap) or len(gap.split()) > _LIST_GAP_WORDS:
            return []
        if any(here.span.end <= t.span.start < there.span.start for t in draft.triggers):
            return []
    return towns


def split_over_towns(
    draft: Draft,
    *,
    text: str,
    coordinators: re.Pattern[str],
    plural: re.Pattern[str],
    targets: re.Pattern[str] | None = None,
) -> list[Draft]:
    """The draft, or one draft per town when a plural event word (or an event word and a plural place noun)
    spreads over towns joined by "and"."""
    towns = _coordinated_towns(draft, text=text, coordinators=coordinators, plural=plural, targets=targets)
    if not towns:
        return [draft]
    others = [p for p in draft.places if all(p.span != t.span for t in towns) and not _is_town(p)]

    def at(town: PlaceMention) -> Draft:
        return Draft(
            sentences=list(draft.sentences),
            triggers=list(draft.triggers),
            places=[town, *others],
            dates=list(draft.dates),
            actors=list(draft.actors),
            background=draft.background,
            # each town's event is new: none of them only adds to the event before it
            refers_back=False,
            doc_countries=draft.doc_countries,
            stray_countries=draft.stray_countries,
            weekdays=draft.weekdays,
        )

    return [at(town) for town in towns]


def _is_town(mention: PlaceMention) -> bool:
    return mention.place is not None and mention.place.precision in _TOWNS
