"""A draft event: the mentions of one or more trigger sentences, with the place and date they imply."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from eventcoder.geo.gazetteer import distance_km
from eventcoder.mentions import ActorMention, ClaimMention, DateMention, PlaceMention, TriggerMention
from eventcoder.model import DatePrecision, DateWindow, EventType, Place, PlacePrecision

__all__ = [
    "PRECISION_RANK",
    "PRECISION_RANK_ADMIN1",
    "Draft",
    "days_compatible",
    "km",
    "misreading",
    "places_compatible",
]

_SAME_PLACE_KM = 15.0
_TOWN_DENSITY = 10_000.0  # people per km² of a town's built-up area: its extent from its population
_TOWN_SLACK_KM = 2.0  # two readings of one village may lie this far apart
_SUPPORT_KM = 250.0
_POOR_LIKENESS = 0.5  # below this, a resolved name is a poor reading of the words ("Banks building" -> Watford City)
_REPORT_LAG = dt.timedelta(days=3)
_TIED_CHARS = 20  # a place this close after an event word is that event's place (between equal candidates)
_ACTOR_GAP = 1  # characters between a place word and the actor name it begins ("Luhansk People's Militia")
PRECISION_RANK = {p: i for i, p in enumerate(PlacePrecision)}  # site first, water last
PRECISION_RANK_ADMIN1 = PRECISION_RANK[PlacePrecision.ADMIN1]
_AREAS = frozenset({PlacePrecision.ADMIN1, PlacePrecision.ADMIN2})


@dataclass(slots=True)
class Draft:
    sentences: list[int]
    triggers: list[TriggerMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    background: bool
    claims: list[ClaimMention] = field(default_factory=list)
    refers_back: bool = False  # its event words point back to an event already reported ("in the attack")
    doc_countries: dict[str, int] = field(default_factory=dict)  # resolved place mentions per country, whole text
    # countries the text names only through one place name and no actor: likely a word misread as a town abroad
    stray_countries: frozenset[str] = frozenset()
    # the weekdays its sentences name when none could be dated (an article without a publication date)
    weekdays: frozenset[int] = frozenset()
    # a period's sum over several events in generic words only ("25 were killed in the past 24 hours"): no one event
    summary: bool = False
    # its sentence opens with a cue of another incident ("In another incident, ...", "Elsewhere in the strip, ...")
    separate: bool = False
    # the armed sides that strike in it, and those its casualty figures name as hit (filled ACLED names)
    strikers: frozenset[str] = frozenset()
    struck: frozenset[str] = frozenset()
    # an assault on the ground by combatants on foot, in generic words ("the fighters attacked the crossing")
    ground: bool = False

    @property
    def specific(self) -> list[TriggerMention]:
        return [t for t in self.triggers if not t.generic]

    @property
    def event_type(self) -> EventType | None:
        spec = self.specific
        if not spec:
            return None
        crowd = [t for t in spec if t.event_type in (EventType.PROTESTS, EventType.RIOTS)]
        return max(crowd or spec, key=lambda t: t.strength).event_type

    @property
    def place(self) -> Place | None:
        """The most specific place that the event's other place mentions agree with.

        A candidate gains one point for each other resolved mention of the event that lies in its country and
        within _SUPPORT_KM ("Imam Sahib district, Kunduz" supports a town in Kunduz, not a namesake elsewhere).
        Ties go to the candidate whose country the whole text names most often (a name misread as a place abroad
        loses to a town of the country the article is about), then to one whose name the text spells at least
        passably, then to the most precise, then to the one the text spells most closely ("Farah" -> Farah over
        "Kerji" -> Cary)."""
        resolved = [p.place for p in self.places if p.place is not None and not p.dateline]
        if not resolved:  # only the dateline: where the report was filed is the best guess left
            resolved = [p.place for p in self.places if p.place is not None]
        if not resolved:
            return None
        likeness = {id(p.place): _likeness(p.span.text, p.place.name) for p in self.places if p.place is not None}
        tied = {id(p.place) for p in self.places if p.place is not None and self._tied(p)}

        def support(place: Place) -> int:
            return sum(
                1
                for other in resolved
                if other is not place
                and other.country == place.country
                and (other.precision is PlacePrecision.COUNTRY or km(other, place) <= _reach(other, place))
            )

        misread = {
            id(m.place)
            for m in self.places
            if misreading(m, doc_countries=self.doc_countries, stray_countries=self.stray_countries)
        }

        named = {id(m.place) for m in self.places if m.place is not None and self._names_actor(m)}

        def rank(p: Place) -> tuple[bool, bool, int, int, bool, int, bool, float]:
            return (
                id(p) in misread,
                id(p) in named,
                -support(p),
                -self.doc_countries.get(p.country or "", 0),
                likeness[id(p)] < _POOR_LIKENESS,
                PRECISION_RANK[p.precision],
                id(p) not in tied,
                -likeness[id(p)],
            )

        best = min(resolved, key=rank)
        if best.precision in _AREAS:  # "Jacona de Plancarte, Michoacan": a town named inside the area is finer
            inside = [
                p
                for p in resolved
                if PRECISION_RANK[p.precision] < PRECISION_RANK[best.precision]
                and p.country == best.country
                and p.admin1 is not None
                and p.admin1 == best.admin1  # inside the very area named: a reading to trust, however spelt
                and id(p) not in named
            ]
            if inside:
                return min(inside, key=rank)
        return best

    def _names_actor(self, mention: PlaceMention) -> bool:
        """Whether the place is written as part of an actor's name, right before it or inside it ("positions of the
        Luhansk People's Militia", "Kabul police"): the actor's home, not where the event happened (a candidate only
        when the event names no other place)."""
        return any(
            a.span.doc == mention.span.doc
            and (a.span.start <= mention.span.start < a.span.end or 0 <= a.span.start - mention.span.end <= _ACTOR_GAP)
            for a in self.actors
        )

    def _tied(self, mention: PlaceMention) -> bool:
        """Whether a place closely follows one of the event's words ("protest in Ravar"): between equal candidates,
        the place of that event rather than one the sentence names for something else ("miners of Kerman ...")."""
        return any(
            t.span.doc == mention.span.doc and 0 <= mention.span.start - t.span.end <= _TIED_CHARS
            for t in self.triggers
        )

    @property
    def firm_place(self) -> Place | None:
        """The place, unless it is a likely misreading: in a stray country ("Barire", read as Bariri in Brazil, in an
        article about Somalia), or spelt poorly by the text and outside the country the text names most ("Kossi
        province" read as Cusy, France). Such a draft merges by its other features."""
        place = self.place
        if place is None:
            return None
        mentions = [p for p in self.places if p.place is place]
        misread = all(
            misreading(m, doc_countries=self.doc_countries, stray_countries=self.stray_countries) for m in mentions
        )
        return None if misread else place

    @property
    def window(self) -> DateWindow | None:
        return self.dates[0].window if self.dates else None

    @property
    def event_window(self) -> DateWindow | None:
        """The window the event lies in: its own first date; a date only of what was said ("told AFP on Sunday")
        opens the window _REPORT_LAG days earlier, as the event lies on or before it."""
        if not self.dates or not self.dates[0].statement:
            return self.window
        w = self.dates[0].window
        start = w.start - _REPORT_LAG
        return DateWindow(start=start, end=w.end, precision=DatePrecision.DAYS, text=w.text, span=w.span)


def misreading(mention: PlaceMention, *, doc_countries: dict[str, int], stray_countries: frozenset[str]) -> bool:
    """A resolved place that is likely a misreading: in a country the text names only through this one name, or
    spelt poorly by the text ("Kossi province" -> Cusy) and outside the country the text names most."""
    place = mention.place
    if place is None:
        return False
    if place.country in stray_countries:
        return True
    main = max(doc_countries, key=lambda c: doc_countries[c], default=None)
    return place.country != main and _likeness(mention.span.text, place.name) < _POOR_LIKENESS


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


def _likeness(written: str, name: str) -> float:
    """How closely the words of the text spell the resolved name ("Farah" -> Farah 1.0, "Kerji" -> Cary 0.4); a
    place word around the name ("Shah Joy district") and a title before the gazetteer's name ("Alaqahdari Shah Joy",
    "Hukumati Azrah") are no misspelling."""
    return round(
        max(SequenceMatcher(None, w, n).ratio() for w in _trimmed(written, last=True) for n in _trimmed(name)), 1
    )


def _trimmed(text: str, *, last: bool = False) -> set[str]:
    """The folded text, and without its first word (and its last word, with `last`) when it has several."""
    words = [w for w in (_fold(w) for w in text.replace("-", " ").split()) if w]
    out = {"".join(words)}
    if len(words) > 1:
        out.add("".join(words[1:]))
        if last:
            out.add("".join(words[:-1]))
    return out


def _reach(a: Place, b: Place) -> float:
    """How far apart two places of an event's sentences may lie and still vouch for each other: an area for what
    lies in it (_SUPPORT_KM), two towns only when they are one place named twice ("Sumy, and air alerts in
    Kharkiv, Chernihiv ...": a list of towns does not outvote the town the event happened in)."""
    areas = (PlacePrecision.ADMIN1, PlacePrecision.ADMIN2, PlacePrecision.REGION)
    return _SUPPORT_KM if a.precision in areas or b.precision in areas else _SAME_PLACE_KM


def km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.0 if a.name == b.name else math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def days_compatible(a: Draft, b: Draft) -> bool:
    """False when both name weekdays that could not be dated, and not the same one ("on Monday", "on Tuesday")."""
    return not (a.weekdays and b.weekdays and a.weekdays.isdisjoint(b.weekdays))


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    wide = {PlacePrecision.REGION, PlacePrecision.COUNTRY, PlacePrecision.WATER}
    if a.precision in wide or b.precision in wide:
        return True
    provinces = {PlacePrecision.ADMIN1, PlacePrecision.ADMIN2}
    if a.precision in provinces or b.precision in provinces:
        # a town agrees with the province around it, not with a province elsewhere in the country
        return a.name == b.name or km(a, b) <= _SUPPORT_KM
    return km(a, b) <= _one_town_km(a, b)


def _one_town_km(a: Place, b: Place) -> float:
    """How far apart two town readings may lie and still be one place. Two differently named towns of known size
    are one place only when they overlap (a district of a city: "Sadr City" in Baghdad), else two ("Deir el-Balah"
    and "Khan Younis", 9 km apart: a strike in each); otherwise _SAME_PLACE_KM."""
    if a.precision is not PlacePrecision.TOWN or b.precision is not PlacePrecision.TOWN or a.geonameid == b.geonameid:
        return _SAME_PLACE_KM
    extents = [_extent_km(p) for p in (a, b)]
    if any(e is None for e in extents):
        return _SAME_PLACE_KM
    return min(_SAME_PLACE_KM, sum(e for e in extents if e is not None) + _TOWN_SLACK_KM)


def _extent_km(place: Place) -> float | None:
    """The radius of a town's built-up area from its population (Baghdad ~15 km, Khan Younis ~2 km); None when the
    gazetteer does not know the town."""
    from eventcoder.geo.build import load_gazetteer  # the places stage has loaded it already

    population = load_gazetteer().population(place.geonameid)
    return None if population is None else math.sqrt(population / (math.pi * _TOWN_DENSITY))
