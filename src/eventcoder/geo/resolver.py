"""Resolve found names to places: candidates ranked by the document's country context, the feature kind, the
override table and population, with an explicit "none of these" when no candidate is plausible.

`resolve_mentions` is a pure function of its inputs (the gazetteer is only read)."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from eventcoder.geo.build import Preference, overrides
from eventcoder.geo.finder import Hint, RawMention
from eventcoder.geo.fronts import Area, front_lines, monitored
from eventcoder.geo.gazetteer import Gazetteer, GeoEntry, Kind, distance_km
from eventcoder.geo.normalise import light_key

__all__ = ["Resolution", "resolve_mentions"]

_KINDS = tuple(Kind)

# Score weights.  A candidate's score is log10(population) plus bonuses; see _score.
_CONTEXT_WEIGHT = 2.0
_CONTEXT_CAP = 4
_ADMIN1_NAMED = 3.0
_PREFERRED = 4.0
_SEAT = 1.0  # a town named like the district around it (see _seat)
_SEAT_KM = 30.0
_HOTSPOT = 2.0  # a namesake inside an area of lasting conflict (geo/hotspots.yaml)
_KIND_MATCH = 4.0
_FUZZY_PENALTY = 2.5
_NEAR_KM = 150.0  # candidates this close to another resolved place of the document get _NEAR_BONUS
_NEAR_BONUS = 2.0
_SUBAREA_KM = 30.0
_DISTRICT_KM = 40.0  # a village named as lying in a district is no farther than this from the district's seat
_COUNTRY_BASE = 20.0  # a country's own name wins over towns that share it, even in another country's text
_CONTAINER = 6.0  # "Imam Sahib district, Kunduz": an area that holds the place named just before it
_WEAK_MIN_POPULATION = 100_000  # a weakly read name (part of a longer name, fuzzy, acronym) outside its context
_PLAIN_MIN_POPULATION = 15_000  # accepted in a document without country context
_CUE_MIN_POPULATION = 1_000  # ... after a place preposition ("in X")
_MIN_POPULATION_ELSEWHERE = 100_000  # accepted outside the countries the document is about
_CUE_MIN_POPULATION_ELSEWHERE = 20_000
_INITIAL_MIN_POPULATION_ELSEWHERE = 1_000_000  # a sentence's first word, outside the document's countries
_FUZZY_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """The chosen gazetteer entry of one mention (None: no candidate fits) and the precision it is read with."""

    mention: RawMention
    entry: GeoEntry | None
    precision: str | None  # a PlacePrecision value


@cache
def _hotspots() -> tuple[Area, ...]:
    """The conflict areas of geo/hotspots.yaml, of every front."""
    return tuple(a for f in front_lines() for a in f.areas)


def _in_hotspot(lat: float, lon: float) -> bool:
    return any(
        abs(lat - a.lat) * _KM_PER_DEGREE <= a.radius_km and distance_km(lat, lon, a.lat, a.lon) <= a.radius_km
        for a in _hotspots()
    )


_FRONTS: dict[tuple[int, str], dict[tuple[str, str], tuple[float, float]]] = {}
_FRONT_BAND = 0.5  # degrees of latitude searched around a conflict area for its nearest town


def _fronts(gaz: Gazetteer) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, admin1 key) -> the middle of the conflict areas (geo/hotspots.yaml) that lie in that province,
    each area placed in the province of the town nearest its centre."""
    key = (id(gaz), gaz.version)
    if key not in _FRONTS:
        found: dict[tuple[str, str], list[tuple[float, float]]] = {}
        areas = _hotspots()
        low = min((a.lat for a in areas), default=0.0) - _FRONT_BAND
        high = max((a.lat for a in areas), default=0.0) + _FRONT_BAND
        city = _KINDS.index(Kind.CITY)
        band = [i for i, lat in enumerate(gaz.lats) if low <= lat <= high and gaz.kinds[i] == city]
        for a in areas:
            best, best_km = -1, math.inf
            for i in band:
                if abs(gaz.lats[i] - a.lat) > _FRONT_BAND:
                    continue
                d = distance_km(a.lat, a.lon, gaz.lats[i], gaz.lons[i])
                if d < best_km:
                    best, best_km = i, d
            country = gaz.countries[best] if best >= 0 else None
            if country and gaz.admin1_keys[best]:
                found.setdefault((country, gaz.admin1_keys[best]), []).append((a.lat, a.lon))
        _FRONTS[key] = {
            area: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) for area, pts in found.items()
        }
    return _FRONTS[key]


def _front(gaz: Gazetteer, area: GeoEntry) -> GeoEntry:
    """A province standing for an unknown village in it: at its conflict areas when it has some (the village is most
    likely where the fighting is), else as it is."""
    if area.kind is not Kind.ADMIN1 or not area.country:
        return area
    where = _fronts(gaz).get((area.country, gaz.admin1_keys[area.id]))
    if where is None:
        return area
    return dataclasses.replace(area, lat=where[0], lon=where[1])


@cache
def _preferences() -> Mapping[str, tuple[Preference, ...]]:
    out: dict[str, list[Preference]] = {}
    for p in overrides().prefer:
        out.setdefault(p.alias, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _preferred(key: str, gaz: Gazetteer, i: int) -> bool:
    for p in _preferences().get(key, ()):
        if p.country and p.country != gaz.countries[i]:
            continue
        if p.admin1 and light_key(p.admin1) != gaz.admin1_keys[i]:
            continue
        if p.kind and p.kind is not _KINDS[gaz.kinds[i]]:
            continue
        return True
    return False


def _score(m: RawMention, gaz: Gazetteer, i: int, named: set[tuple[str, str]], kin: _Kin) -> float:
    """The part of candidate i's score that does not depend on the text's countries (see `_context`)."""
    kind = _KINDS[gaz.kinds[i]]
    if kind is Kind.COUNTRY:
        s = _COUNTRY_BASE
    elif kind is Kind.REGION or kind is Kind.WATER:
        s = 6.0
    else:
        s = math.log10(gaz.populations[i] + 100) - (0.0 if kind is Kind.CITY else 0.5)
    country = gaz.countries[i]
    if kind is Kind.CITY or kind is Kind.ADMIN2:
        a1 = gaz.admin1_keys[i]
        if a1 and country and (country, a1) in named:
            s += _ADMIN1_NAMED
    if m.key in _preferences() and _preferred(m.key, gaz, i):
        s += _PREFERRED
    if (
        kind is Kind.CITY
        and len(m.ids) > 1
        and gaz.populations[i] < _WEAK_MIN_POPULATION  # a village of the front, not the city it is named after
        and _in_hotspot(gaz.lats[i], gaz.lons[i])
    ):
        s += _HOTSPOT
    if (
        (m.hint is Hint.ADMIN1 and kind in (Kind.ADMIN1, Kind.REGION))
        or (m.hint is Hint.DISTRICT and kind is Kind.ADMIN2)
        or (m.hint is Hint.WATER and kind is Kind.WATER)
    ):
        s += _KIND_MATCH
    elif m.hint is not Hint.ADMIN1 and kind is Kind.CITY:
        s += 0.5
    if m.fuzzy:
        s -= _FUZZY_PENALTY
    if kind is Kind.CITY and kin.districts and _seat(gaz, i, kin):
        s += _SEAT
    return s


@dataclass(frozen=True, slots=True)
class _Kin:
    """What a mention's candidates say about each other, gathered once per mention for `_seat`."""

    towns: Counter[tuple[str | None, str]]  # (country, admin1 key) of the town candidates
    districts: tuple[int, ...]  # the district (admin2) candidates


def _kin(gaz: Gazetteer, ids: Sequence[int]) -> _Kin:
    towns: Counter[tuple[str | None, str]] = Counter(
        (gaz.countries[j], gaz.admin1_keys[j]) for j in ids if _KINDS[gaz.kinds[j]] is Kind.CITY
    )
    return _Kin(towns=towns, districts=tuple(j for j in ids if _KINDS[gaz.kinds[j]] is Kind.ADMIN2))


def _seat(gaz: Gazetteer, i: int, kin: _Kin) -> bool:
    """Whether town i is the seat of a district of the same name among the candidates and another town of that name
    lies in its province ("El Salto", Jalisco: the town of El Salto municipality, not the village in the west of
    the state)."""
    area = (gaz.countries[i], gaz.admin1_keys[i])
    return kin.towns[area] > 1 and any(
        (gaz.countries[j], gaz.admin1_keys[j]) == area
        and distance_km(gaz.lats[i], gaz.lons[i], gaz.lats[j], gaz.lons[j]) <= _SEAT_KM
        for j in kin.districts
    )


_KM_PER_DEGREE = 111.0


def _nearest_km(lat: float, lon: float, anchors: Sequence[GeoEntry], *, enough: float = 0.0) -> float:
    """Distance to the nearest anchor; stops at the first one within `enough` km.  Anchors more than twice the
    near radius north or south are skipped unmeasured (their distance is only known to be large)."""
    nearest = math.inf
    for a in anchors:
        if abs(a.lat - lat) * _KM_PER_DEGREE > 2 * _NEAR_KM:
            continue
        d = distance_km(lat, lon, a.lat, a.lon)
        if d < nearest:
            nearest = d
            if d <= enough:
                break
    return nearest


def _near_bonus(lat: float, lon: float, anchors: Sequence[GeoEntry]) -> float:
    """Bonus for a candidate close to places already resolved in the document."""
    nearest = _nearest_km(lat, lon, anchors, enough=_NEAR_KM)
    if nearest <= _NEAR_KM:
        return _NEAR_BONUS
    return _NEAR_BONUS / 2 if nearest <= 2 * _NEAR_KM else 0.0


def _plausible(
    m: RawMention, e: GeoEntry, counts: Counter[str], anchors: Sequence[GeoEntry], own: str | None, *, slot: bool
) -> bool:
    """Whether entry `e` is a credible reading of `m`; `own` is the country `m` itself added to the context, which
    cannot vouch for a bare name ("Ahmadi bekrefter", its only candidates in Kuwait), only for one after a place
    preposition, with a place word, or in an area slot after another place, and only in a text that names no
    other country ("in Logobou", not "near Mali's" -> Malliß in a text about Mali and Niger)."""
    ctx = counts
    if own is not None and counts[own] <= 1 and not (m.cue or slot or m.hint is not Hint.NONE):
        ctx = Counter({c: n for c, n in counts.items() if c != own})
    in_context = e.country is not None and ctx[e.country] > 0
    if e.kind is Kind.COUNTRY:
        return True
    if m.hint is Hint.SUBAREA:  # "Santa Luzia neighborhood": only a namesake inside a town the text names
        return bool(anchors) and _nearest_km(e.lat, e.lon, anchors) <= _SUBAREA_KM
    if m.weak:
        # a piece of a longer name ("Hassan" of "Hassan Dabouq"), a fuzzy spelling or an acronym: a big place of
        # the text's countries, or one close to a place read firmly
        big = e.population >= _WEAK_MIN_POPULATION
        spelt = (
            m.fuzzy
            and not m.partial
            and m.cue
            and m.hint is Hint.NONE
            and e.population >= _CUE_MIN_POPULATION_ELSEWHERE
        )
        if in_context:
            spelt = spelt or (m.fuzzy and not m.partial and not m.acronym and e.population >= _PLAIN_MIN_POPULATION)
            return big or spelt or (bool(anchors) and _nearest_km(e.lat, e.lon, anchors) <= _NEAR_KM)
        if ctx:
            return False
        if m.partial:  # "near Donetsk Filtration Station", not "Hassan Dabouq"
            return m.cue and big
        return big or spelt
    if in_context:
        return True
    if m.fuzzy:
        return e.population >= (_CUE_MIN_POPULATION_ELSEWHERE if m.cue else _FUZZY_MIN_POPULATION)
    if e.kind is Kind.ADMIN2 and ctx and m.hint is Hint.NONE:
        return False  # a district of another country, named without "district" (its population is a guess)
    if e.kind is not Kind.CITY and (e.kind is not Kind.ADMIN1 or not ctx or m.hint is not Hint.NONE):
        return True
    if ctx:  # the document is about other countries: only big places elsewhere
        if m.initial and not m.cue:  # any word is capitalised there ("Ahmadi bekrefter ...")
            return e.population >= _INITIAL_MIN_POPULATION_ELSEWHERE
        return e.population >= (_CUE_MIN_POPULATION_ELSEWHERE if m.cue else _MIN_POPULATION_ELSEWHERE)
    if m.hint is not Hint.NONE:
        return True
    return e.population >= (_CUE_MIN_POPULATION if m.cue else _PLAIN_MIN_POPULATION)


def _precision(m: RawMention, e: GeoEntry) -> str:
    if e.kind is Kind.COUNTRY:
        return "country"
    if e.kind is Kind.WATER:
        return "water"
    if e.kind is Kind.REGION:
        return "region"
    if e.kind is Kind.ADMIN1:
        return "admin1"
    if e.kind is Kind.ADMIN2:
        return "admin2"
    return {
        Hint.SITE: "site",
        Hint.NEAR: "near_town",
        Hint.DISTRICT: "near_town",
        Hint.ADMIN1: "admin1",
    }.get(m.hint, "town")


def _country_entry_ids(gaz: Gazetteer, mentions: Sequence[RawMention]) -> dict[str, int]:
    wanted = {m.country for m in mentions if m.country}
    if not wanted:
        return {}
    found: dict[str, int] = {}
    for iso in wanted:
        for i in gaz.lookup_country(iso):
            found[iso] = i
    return found


def _context(
    mentions: Sequence[RawMention], gaz: Gazetteer, cues: Counter[str], chosen: Sequence[GeoEntry | None]
) -> tuple[Counter[str], list[str | None]]:
    """How often the text points at each country (demonyms, country names, places), and the country each
    mention added."""
    ctx: Counter[str] = Counter()
    own: list[str | None] = []
    for iso, n in cues.items():
        ctx[iso] += min(n, 2)
    for m, e in zip(mentions, chosen, strict=True):
        added: str | None = None
        if m.country:
            ctx[m.country] += 2
        elif m.weak:  # only what it was read as, when that was plausible; never a piece of a longer name
            if e is not None and e.country and not m.partial:
                added = e.country
        elif m.hint is Hint.SUBAREA:  # "Colonia Centenario": a part of a town the text names, if resolved at all
            added = e.country if e is not None else None
        else:
            countries = {gaz.countries[i] for i in m.ids}
            if len(countries) == 1 and None not in countries:
                added = next(iter(c for c in countries if c))
            elif e is not None and e.country:
                added = e.country
        if added:
            ctx[added] += 1
        own.append(added)
    return ctx, own


_GAP_TAIL = {"container": r"(?:,|\(|,\s*in|\bin|\bof)", "apposition": r"[,(]"}


@cache
def _gap(kind: str, kind_words: frozenset[str]) -> re.Pattern[str]:
    """The text between a place and the area holding it: ", ", " (", " in ", optionally after a word for the kind
    of place just named ("Hays city (Al Hudaydah)", "As Sawadiyah districts (Al Bayda)")."""
    words = "|".join(re.escape(w) for w in sorted(kind_words, key=len, reverse=True))
    kinds = rf"(?:(?i:{words})\s*)?" if words else ""
    return re.compile(rf"\s*{kinds}{_GAP_TAIL[kind]}\s*")


@cache
def _unread_slot(kind_words: frozenset[str]) -> re.Pattern[str]:
    """The text between a village and the province closing ACLED's "Village (District, Province)" when the district
    was not read as a place: " (Rafi LGA, " of "Kagara (Rafi LGA, Niger)"."""
    words = "|".join(re.escape(w) for w in sorted(kind_words, key=len, reverse=True))
    kinds = rf"(?:(?i:{words})\s*)?" if words else ""
    return re.compile(rf"\s*{kinds}\(\s*(?P<slot>[^\W\d_][^(),;:.!?\n]{{0,40}}?),\s*")


_CLOSING = re.compile(r"\s*\)")


_BETWEEN_COUNTRY = re.compile(r"[^.;:!?()\n]{0,40}")


def _is_country(gaz: Gazetteer, m: RawMention) -> bool:
    return m.country is not None or (bool(m.ids) and all(_KINDS[gaz.kinds[i]] is Kind.COUNTRY for i in m.ids))


def _containers(
    mentions: Sequence[RawMention], text: str | None, gaz: Gazetteer, kind_words: frozenset[str]
) -> list[int | None]:
    """For each mention, the index of the place named right before it when it may name the area holding that
    place: "Imam Sahib district, Kunduz", "Hays (Al Hudaydah)", "(Mahliyah, Marib)"; a country between them is
    passed over ("Hays district in western Yemen (Al Hudaydah)")."""
    out: list[int | None] = [None] if mentions else []
    if text is None:
        return [None] * len(mentions)
    gap = _gap("container", kind_words)
    for k in range(1, len(mentions)):
        a, b = mentions[k - 1], mentions[k]
        held: int | None = None
        if a.sentence == b.sentence and _skips_district(text, a, b, kind_words):
            held = k - 1
        elif a.sentence == b.sentence and gap.fullmatch(text, a.end, b.start) is not None:
            held = k - 1
            if k >= 2 and _is_country(gaz, a) and not _is_country(gaz, mentions[k - 2]):
                inner = mentions[k - 2]
                if inner.sentence == a.sentence and _BETWEEN_COUNTRY.fullmatch(text, inner.end, a.start):
                    held = k - 2
        out.append(held)
    return out


def _skips_district(text: str, a: RawMention, b: RawMention, kind_words: frozenset[str]) -> bool:
    """Whether `b` closes "a (District, b)" with a district slot that holds no place read ("Kagara (Rafi LGA,
    Niger)", "Kagara (Rafi, Niger)"): `b` is then the province of `a` as in "Kagara (Niger)"."""
    slot = _unread_slot(kind_words).fullmatch(text, a.end, b.start)
    # a name, however its first letter is written ("eThekwini")
    name = slot.group("slot").split()[0] if slot is not None else ""
    return any(ch.isupper() for ch in name) and _CLOSING.match(text, b.end) is not None


# the apposition closes the clause or the bracket, or the sentence goes on in small letters after a comma ("in La
# Sabana, Guerrero, dozens of demonstrators ..."); not a list going on ("in Kabul, Herat and Kandahar")
_APPOSITION_END = re.compile(r"\s*(?:[.;)\]]|$|,\s*(?!(?:and|or|og|eller)\b)[^\W\d_A-ZÆØÅ]|,\s*\d)")


def _appositions(
    mentions: Sequence[RawMention], text: str | None, containers: Sequence[int | None], kind_words: frozenset[str]
) -> list[bool]:
    """Whether each mention closes an apposition to the place before it ("near Orikhove, Luhansk.",
    "(Mahliyah, Marib)"): the slot where reports name the province."""
    out: list[bool] = []
    gap = _gap("apposition", kind_words)
    for k, held in enumerate(containers):
        if held is None or text is None:
            out.append(False)
            continue
        a, b = mentions[k - 1], mentions[k]
        out.append(
            (gap.fullmatch(text, a.end, b.start) is not None and _APPOSITION_END.match(text, b.end) is not None)
            or _skips_district(text, a, b, kind_words)
        )
    return out


def _vouched(country: str | None, ctx: Counter[str], own: str | None, one_country: bool) -> bool:
    """Whether a province slot after a village the gazetteer does not know may read a province of `country`: the
    slot's name lies only in that country ("near Starohnativka, Donetsk"), or the text names that country apart from
    the one mention that may have added it ("Nafza (Nefza, Beja)" in a text about Tunisia reads no Portuguese
    district)."""
    if not country:
        return False
    return one_country or ctx[country] - (1 if own == country else 0) > 0


def _admin1_pairs(gaz: Gazetteer, ids: Sequence[int]) -> set[tuple[str, str]]:
    """(country, admin1 key) of the admin1 areas among `ids`."""
    out: set[tuple[str, str]] = set()
    for i in ids:
        country = gaz.countries[i]
        if _KINDS[gaz.kinds[i]] is Kind.ADMIN1 and country and gaz.admin1_keys[i]:
            out.add((country, gaz.admin1_keys[i]))
    return out


def _holds(gaz: Gazetteer, area: int, inner: Sequence[int]) -> bool:
    """Whether the admin1/admin2 entry `area` holds one of the entries `inner` (same country and admin1)."""
    kind = _KINDS[gaz.kinds[area]]
    if kind is not Kind.ADMIN1 and kind is not Kind.ADMIN2:
        return False
    key, country = gaz.admin1_keys[area], gaz.countries[area]
    return bool(key) and any(gaz.countries[i] == country and gaz.admin1_keys[i] == key and i != area for i in inner)


def _province_slot(
    gaz: Gazetteer, m: RawMention, mentions: Sequence[RawMention], containers: Sequence[int | None], k: int
) -> bool:
    """Whether mention k, closing an apposition, names a province holding a candidate of the village or the
    district before it ("Kagara (Rafi LGA, Niger)", "Kagara, Niger"): it is then read as that province, not as the
    country of the same name."""
    held = containers[k]
    if held is None or not any(_KINDS[gaz.kinds[i]] is Kind.COUNTRY for i in m.ids):
        return False
    inner = list(mentions[held].ids)
    village = containers[held]
    if village is not None:  # "Buruku (Chikun LGA, Kaduna)": the district's village too
        inner.extend(mentions[village].ids)
    return any(_KINDS[gaz.kinds[i]] is Kind.ADMIN1 and _holds(gaz, i, inner) for i in m.ids)


_UNKNOWN_AREA_KM = 250.0  # a town whose province GeoNames does not give lies in an area this close to it


def _outside(gaz: Gazetteer, within: GeoEntry, area: GeoEntry, *, loose: bool = False) -> bool:
    """Whether town `within` lies outside the admin area `area` (far from it when its own province is unknown, or
    when `loose`: the province of a town GeoNames may give from before a boundary change)."""
    if within.country != area.country:
        return True
    if not gaz.admin1_keys[within.id] or loose:
        return distance_km(within.lat, within.lon, area.lat, area.lon) > _UNKNOWN_AREA_KM
    return gaz.admin1_keys[within.id] != gaz.admin1_keys[area.id]


def _stray(
    gaz: Gazetteer, m: RawMention, area: GeoEntry, within: GeoEntry, apposition: bool, *, skipped: bool = False
) -> bool:
    """Whether `within`, read for the place named right before area mention `m`, is a small namesake that does not
    lie in that area: outside the province or district closing an apposition ("Kinyinya commune (Ruyigi)"), or far
    from the seat of the district named after it ("Deh-e Now area of Mohammad Agha district").  Past a district
    slot not read (`skipped`: "Burgersfort (Sekhukhune, Limpopo)") only a town far from the province is one: the
    note's province may postdate GeoNames' (Burgersfort moved from Mpumalanga to Limpopo)."""
    if within.population >= _WEAK_MIN_POPULATION:
        return False
    if area.kind in (Kind.ADMIN1, Kind.ADMIN2):
        return within.kind in (Kind.CITY, Kind.ADMIN2) and apposition and _outside(gaz, within, area, loose=skipped)
    return (
        area.kind is Kind.CITY
        and m.hint is Hint.DISTRICT
        and within.kind is Kind.CITY
        and distance_km(within.lat, within.lon, area.lat, area.lon) > _DISTRICT_KM
    )


_FRONT_TOWN_MAX = 100_000  # a town this big is itself, wherever it lies, even in a report on a front


def _on_fronts(
    mentions: Sequence[RawMention],
    chosen: list[GeoEntry | None],
    containers: Sequence[int | None],
    text: str | None,
    strays: Mapping[str, set[int]],
) -> None:
    """In a report citing a front's monitors ("the OSCE SMM observed ... near Pyshchevyk"), a village named after a
    place preposition that the gazetteer does not know on the front (unknown, or read as a small namesake far from
    the fighting: "near Viktorivka" -> a village of Odesa) lies on that front: at the middle of its areas, at region
    precision.  A name written with its area ("near Vodyane, Donetsk") keeps that area's reading."""
    fronts = monitored(text)
    if not fronts:
        return
    framed = {mentions[h].key for h in containers if h is not None} | set(strays)
    for k, m in enumerate(mentions):
        if not m.cue or m.country or m.key in framed or containers[k] is not None:
            continue
        if m.hint not in (Hint.NONE, Hint.NEAR) or m.partial or m.acronym:
            continue
        e = chosen[k]
        for front in fronts:
            if e is not None and (
                e.kind is not Kind.CITY
                or e.country != front.country
                or e.population >= _FRONT_TOWN_MAX
                or _in_hotspot(e.lat, e.lon)
            ):
                continue
            lat, lon = front.middle
            chosen[k] = GeoEntry(
                id=-1,
                name=front.name,
                kind=Kind.REGION,
                country=front.country,
                admin1=None,
                lat=lat,
                lon=lon,
                population=0,
                geonameid=None,
            )
            break


def resolve_mentions(
    mentions: Sequence[RawMention],
    *,
    gazetteer: Gazetteer,
    cues: Counter[str] | None = None,
    text: str | None = None,
    kind_words: frozenset[str] = frozenset(),
) -> list[Resolution]:
    """Pick one entry (or none) for each mention, in two passes so resolved places add to the context.

    Weakly read mentions (`RawMention.weak`) never add to the context and are kept only where the context
    supports them.  With `text`, a mention right after another one (", " or "(") that names an area holding it
    is read as that area ("Imam Sahib district, Kunduz" -> Kunduz province)."""
    cues = cues or Counter()
    country_ids = _country_entry_ids(gazetteer, mentions)
    areas = [_admin1_pairs(gazetteer, m.ids) for m in mentions]
    # the provinces other names of the text may stand for (the same name written again names nothing new)
    by_key: dict[str, set[tuple[str, str]]] = {}
    for m, pairs in zip(mentions, areas, strict=True):
        by_key.setdefault(m.key, set()).update(pairs)
    named_by_others = [set().union(*(pairs for key, pairs in by_key.items() if key != m.key)) for m in mentions]
    containers = _containers(mentions, text, gazetteer, kind_words)
    appositions = _appositions(mentions, text, containers, kind_words)
    provinces = [
        _province_slot(gazetteer, m, mentions, containers, k) if appositions[k] else False
        for k, m in enumerate(mentions)
    ]
    chosen: list[GeoEntry | None] = [None] * len(mentions)
    single = [len({gazetteer.countries[i] for i in m.ids}) == 1 for m in mentions]
    kins = [_kin(gazetteer, m.ids) for m in mentions]
    base = [[_score(m, gazetteer, i, named_by_others[k], kins[k]) for i in m.ids] for k, m in enumerate(mentions)]
    for _ in range(2):
        ctx, own = _context(mentions, gazetteer, cues, chosen)
        for k, m in enumerate(mentions):
            if m.country:
                cid = country_ids.get(m.country)
                chosen[k] = gazetteer.entry(cid) if cid is not None else None
                continue
            inner: tuple[int, ...] = ()
            held = containers[k]
            village = False  # the place before is unknown or small: the slot after it names its province
            if held is not None:
                before = chosen[held]
                inner = (before.id,) if before is not None else mentions[held].ids
                village = appositions[k] and (before is None or before.population < _WEAK_MIN_POPULATION)
            best = -1
            best_score = -math.inf
            anchors = [
                e
                for n, e in enumerate(chosen)
                if n != k and e is not None and e.kind is not Kind.COUNTRY and not mentions[n].weak
            ]
            for i, s in zip(m.ids, base[k], strict=True):
                if provinces[k] and _KINDS[gazetteer.kinds[i]] is Kind.COUNTRY:
                    continue  # "Kagara (Rafi LGA, Niger)": the Nigerian state, not the country
                country = gazetteer.countries[i]
                if country:
                    s += _CONTEXT_WEIGHT * min(ctx[country], _CONTEXT_CAP)
                if anchors and len(m.ids) > 1:
                    s += _near_bonus(gazetteer.lats[i], gazetteer.lons[i], anchors)
                area_slot = (
                    village
                    and _KINDS[gazetteer.kinds[i]] is Kind.ADMIN1
                    and (bool(inner) or _vouched(country, ctx, own[k], single[k]))
                )
                if area_slot or (inner and _holds(gazetteer, i, inner)):
                    s += _CONTAINER
                if s > best_score:
                    best, best_score = i, s
            e = gazetteer.entry(best) if best >= 0 else None
            chosen[k] = e if e is not None and _plausible(m, e, ctx, anchors, own[k], slot=held is not None) else None
    # "Kinyinya commune (Ruyigi)": a small namesake outside the area named; the outer areas first, so that a
    # district read as a namesake outside its province does not drop the village named in it
    strays: dict[str, set[int]] = {}  # name -> the namesakes dropped for it
    for k in range(len(containers) - 1, -1, -1):
        held = containers[k]
        if held is None:
            continue
        area, within = chosen[k], chosen[held]
        skipped = text is not None and _skips_district(text, mentions[held], mentions[k], kind_words)
        if (
            area is not None
            and within is not None
            and _stray(gazetteer, mentions[k], area, within, appositions[k], skipped=skipped)
        ):
            chosen[held] = None
            strays.setdefault(mentions[held].key, set()).add(within.id)
    for k, m in enumerate(mentions):  # "near Vodyane, Donetsk ... near Vodyane": the same village both times
        e = chosen[k]
        if e is not None and e.id in strays.get(m.key, ()):
            chosen[k] = None
    for k, held in enumerate(containers):  # "near Pyshchevyk, Donetsk": an unknown village of a province at war
        area = chosen[k]
        if held is not None and appositions[k] and chosen[held] is None and area is not None:
            chosen[k] = _front(gazetteer, area)
    _on_fronts(mentions, chosen, containers, text, strays)
    return [
        Resolution(mention=m, entry=e, precision=_precision(m, e) if e is not None else None)
        for m, e in zip(mentions, chosen, strict=True)
    ]
