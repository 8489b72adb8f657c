"""The place words of one language (`lang/<code>/places.yaml`) as a typed record with ready-made matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventcoder.geo.normalise import light_key
from eventcoder.lang import load_section

__all__ = ["PlaceWords", "place_words"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceWords:
    lang: str
    stop_keys: frozenset[str]  # light keys of capitalised words that are never places
    names: dict[str, str]  # light key of a local name -> light key of the gazetteer's (English) name
    countries: dict[str, str]  # light key of a country name -> ISO2
    demonyms: dict[str, str]  # lower-case demonym -> ISO2
    context_names: dict[str, str]  # names tied to one country ("OSCE SMM" -> UA), matched as written
    context_pattern: re.Pattern[str]  # matches any context name as whole words
    site_words: frozenset[str]
    directions: dict[str, str]  # lower-case word for a part of a country ("southern", "nord") -> N, S, ..., C
    bearings: dict[str, str]  # lower-case near phrase some way off in one direction ("north of") -> N, S, ...
    kind_words: frozenset[str]  # "city", "villages": the kind of place just written, before the area holding it
    settlement_words: frozenset[str]  # "towns", "byer": after a demonym, that country's towns ("Israeli towns")
    admin1_words: frozenset[str]
    district_words: frozenset[str]
    subarea_words: frozenset[str]  # "Trindade community": a part of a town, not a town of its own
    water_words: frozenset[str]
    place_prepositions: frozenset[str]
    connectors: frozenset[str]
    genitive_endings: tuple[str, ...]
    near_before: re.Pattern[str]  # matches a near phrase at the end of the text before a name
    site_before: re.Pattern[str]  # matches "<site word> <preposition> " at the end of the text before a name
    subarea_before: re.Pattern[str]  # matches "colonia ", "Barangay San " at the end of the text before a name

    def suffix_hint(self, word: str) -> str | None:
        """'site', 'admin1', 'district', 'subarea' or 'water' when `word` (any case, genitive allowed) is one."""
        low = word.casefold()
        forms = [low] + [low[: -len(e)] for e in self.genitive_endings if low.endswith(e) and len(low) > len(e) + 2]
        for form in forms:
            if form in self.site_words:
                return "site"
            if form in self.admin1_words:
                return "admin1"
            if form in self.district_words:
                return "district"
            if form in self.subarea_words:
                return "subarea"
            if form in self.water_words:
                return "water"
        return None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _subarea_before(prefixes: list[str], connectors: list[str]) -> re.Pattern[str]:
    """A sub-area word ("colonia", "Barangay") and up to two more words, at the end of the text before a name."""
    if not prefixes:
        return re.compile(r"(?!)")
    between = rf"(?:[^\W\d_][\w'’-]*|{_alternation(connectors)})" if connectors else r"[^\W\d_][\w'’-]*"
    return re.compile(rf"(?:^|(?<=\W))(?i:{_alternation(prefixes)})\s+(?:{between}\s+){{0,3}}$")


@cache
def place_words(lang: str) -> PlaceWords:
    """The place words of `lang` (nn merged over nb), with English stopwords and names added for mixed text."""
    data: dict[str, Any] = load_section(lang, "places")
    en: dict[str, Any] = load_section("en", "places") if lang != "en" else {}

    def words(key: str) -> list[str]:
        return [str(w) for w in data.get(key, [])]

    stops = [*words("stopwords"), *en.get("stopwords", [])]
    names = {**{str(k): str(v) for k, v in en.get("names", {}).items()}, **data.get("names", {})}
    countries = {**en.get("countries", {}), **data.get("countries", {})}
    demonyms = {**en.get("demonyms", {}), **data.get("demonyms", {})}
    context = {**en.get("context_names", {}), **data.get("context_names", {})}
    directions = {**en.get("directions", {}), **data.get("directions", {})}
    sites = words("site_words")
    return PlaceWords(
        lang=lang,
        stop_keys=frozenset(light_key(s) for s in stops),
        names={light_key(k): light_key(v) for k, v in names.items()},
        countries={light_key(str(k)): str(v) for k, v in countries.items()},
        demonyms={str(k).casefold(): str(v) for k, v in demonyms.items()},
        context_names={str(k): str(v) for k, v in context.items()},
        context_pattern=re.compile(rf"(?<![\w&])(?:{_alternation([str(k) for k in context])})(?![\w&])")
        if context
        else re.compile(r"(?!)"),
        site_words=frozenset(w.casefold() for w in sites),
        directions={str(k).casefold(): str(v) for k, v in directions.items()},
        bearings={str(k).casefold(): str(v) for k, v in data.get("bearings", {}).items()},
        kind_words=frozenset(w.casefold() for w in words("kind_words")),
        settlement_words=frozenset(w.casefold() for w in words("settlement_words")),
        admin1_words=frozenset(w.casefold() for w in words("admin1_words")),
        district_words=frozenset(w.casefold() for w in words("district_words")),
        subarea_words=frozenset(w.casefold() for w in words("subarea_words")),
        water_words=frozenset(w.casefold() for w in words("water_words")),
        place_prepositions=frozenset(w.casefold() for w in words("place_prepositions")),
        connectors=frozenset(words("connectors")),
        genitive_endings=tuple(sorted(words("genitive_endings"), key=len, reverse=True)),
        near_before=re.compile(rf"(?:^|(?<=\W))(?:{_alternation(words('near_phrases'))})\s+$", re.IGNORECASE),
        subarea_before=_subarea_before(words("subarea_prefixes"), words("connectors")),
        site_before=re.compile(
            rf"(?:^|(?<=\W))(?:{_alternation(sites)})\s+(?:{_alternation(words('site_prepositions'))})\s+$",
            re.IGNORECASE,
        ),
    )
