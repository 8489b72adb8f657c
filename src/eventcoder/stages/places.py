"""The `places` stage: every place mention of the document, resolved against the gazetteer (or explicitly not).

`find_places(analysis, gazetteer=...)` is the pure function (tests pass a small fixture gazetteer); the stage
`places` runs it with the full cached gazetteer (`eventcoder.geo.build.load_gazetteer`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from eventcoder.geo.build import load_gazetteer
from eventcoder.geo.finder import Cue, Hint, RawMention, cue_spans, find_raw_mentions
from eventcoder.geo.gazetteer import Gazetteer, GeoEntry, Kind
from eventcoder.geo.parts import PART_NAMES, country_part, off
from eventcoder.geo.pick import main_country, pick_event_place
from eventcoder.geo.resolver import Resolution, resolve_mentions
from eventcoder.geo.words import place_words
from eventcoder.mentions import PlaceMention
from eventcoder.model import Document, Place, PlacePrecision
from eventcoder.pipeline import Analysis, stage

__all__ = ["find_places", "main_country", "pick_event_place", "places"]

_SITE_REACH = 1  # sentences before/after a site in which its town may be named
_TOWN_KINDS = ("town", "near_town", "site")


def _place(doc: Document, m: RawMention, e: GeoEntry, precision: str) -> Place:
    return Place(
        name=e.name,
        country=e.country,
        precision=PlacePrecision(precision),
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        geonameid=e.geonameid,
        admin1=e.admin1,
        text=doc.text[m.start : m.end],
        span=doc.span(m.start, m.end),
    )


def _part(place: Place, gazetteer: Gazetteer, iso: str, part: str) -> Place:
    """ "southern Saudi Arabia": the country's place moved to that part of it, at region precision."""
    where = country_part(gazetteer, iso, part)
    if where is None:
        return place
    return dataclasses.replace(
        place,
        name=f"{place.name} ({PART_NAMES[part]})",
        precision=PlacePrecision.REGION,
        lat=round(where[0], 5),
        lon=round(where[1], 5),
        geonameid=None,
    )


_FINE = frozenset({"site", "town", "near_town", "admin2"})


def _locator(k: int, resolved: Sequence[Resolution], text: str) -> bool:
    """Whether mention k only says where the place just before it lies ("Majzar district west of Marib city"):
    a near phrase right after a town or district of the same sentence is not a place of its own."""
    if k == 0 or resolved[k].mention.hint is not Hint.NEAR:
        return False
    before, m = resolved[k - 1], resolved[k].mention
    return (
        before.entry is not None
        and before.precision in _FINE
        and before.mention.sentence == m.sentence
        and not text[before.mention.end : m.start].strip()
    )


def _town_near(k: int, resolved: Sequence[Resolution]) -> Resolution | None:
    """The town named closest to site mention k: after it in its sentence first, then around it."""
    site = resolved[k].mention
    towns = [
        r
        for r in resolved
        if r.entry is not None
        and r.precision in _TOWN_KINDS
        and r.mention is not site
        and abs(r.mention.sentence - site.sentence) <= _SITE_REACH
    ]
    if not towns:
        return None
    return min(towns, key=lambda r: (r.mention.sentence != site.sentence, abs(r.mention.start - site.end)))


def find_places(analysis: Analysis, *, gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    """Place mentions of `analysis.document`, resolved against `gazetteer`."""
    doc = analysis.document
    words = place_words(analysis.lang)
    raw = find_raw_mentions(
        doc.text, sentence_starts=[s.span.start for s in analysis.sentences], gazetteer=gazetteer, words=words
    )
    cues = cue_spans(doc.text, words)
    resolved = resolve_mentions(
        raw, gazetteer=gazetteer, cues=Counter(c.country for c in cues), text=doc.text, kind_words=words.kind_words
    )
    out: list[PlaceMention] = []
    for k, r in enumerate(resolved):
        m = r.mention
        if _locator(k, resolved, doc.text):
            out.append(PlaceMention(span=doc.span(m.start, m.end), place=None))
        elif r.entry is not None and r.precision is not None:
            place = _place(doc, m, r.entry, r.precision)
            if m.direction is not None and r.entry.kind is Kind.COUNTRY and r.entry.country:
                place = _part(place, gazetteer, r.entry.country, m.direction)
            elif m.bearing is not None and place.lat is not None and place.lon is not None:
                lat, lon = off(place.lat, place.lon, m.bearing)  # "north of Baghdad": not in Baghdad
                place = dataclasses.replace(place, lat=round(lat, 5), lon=round(lon, 5))
            out.append(PlaceMention(span=doc.span(m.start, m.end), place=place, dateline=m.dateline))
        elif m.hint is Hint.SITE:
            town = _town_near(k, resolved)
            place = None
            if town is not None and town.entry is not None:
                place = _place(doc, m, town.entry, "site")
            out.append(PlaceMention(span=doc.span(m.start, m.end), place=place))
        elif m.hint is not Hint.NONE:
            out.append(PlaceMention(span=doc.span(m.start, m.end), place=None))
    if not any(p.place is not None for p in out):
        context = _context_country(doc, cues, gazetteer)
        if context is not None:
            out.append(context)
    return tuple(out)


def _context_country(doc: Document, cues: Sequence[Cue], gazetteer: Gazetteer) -> PlaceMention | None:
    """The country a text names no place of is about: the one its demonyms and context names point at most
    ("the OSCE SMM observed ... near Pyshchevyk" -> Ukraine), read from its first cue, at country precision."""
    counts = Counter(c.country for c in cues)
    if not counts:
        return None
    top = max(counts.values())
    cue = next(c for c in cues if counts[c.country] == top)
    ids = gazetteer.lookup_country(cue.country)
    if not ids:
        return None
    m = RawMention(start=cue.start, end=cue.end, key="", ids=ids)
    return PlaceMention(span=doc.span(cue.start, cue.end), place=_place(doc, m, gazetteer.entry(ids[0]), "country"))


@stage(name="places", reads=("sentences",), adds=("places",))
def places(analysis: Analysis) -> Analysis:
    """Add the document's place mentions (the full gazetteer is loaded once per process)."""
    return analysis.with_layer(places=find_places(analysis, gazetteer=load_gazetteer()))
