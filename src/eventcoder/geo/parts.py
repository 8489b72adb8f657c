"""Parts of a country ("southern Saudi Arabia", "Nord-Syria", "øst i Algerie"): where the people of that part live.

The extent of a country is read from its towns in the gazetteer (the 5th to 95th percentile of their latitudes
and longitudes, so that a far island does not stretch it).  A part keeps the towns in the outer third of the
extent on each side it names ("S": the southern third, "NE": the north-eastern ninth, "C": the middle third both
ways), and its point is their population-weighted centre: "eastern Algeria" is Constantine's north-east, not the
middle of the eastern desert.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from eventcoder.geo.gazetteer import Gazetteer, Kind

__all__ = ["BEARING_KM", "PART_NAMES", "country_part", "off"]

PART_NAMES = {
    "N": "north",
    "S": "south",
    "E": "east",
    "W": "west",
    "NE": "north-east",
    "NW": "north-west",
    "SE": "south-east",
    "SW": "south-west",
    "C": "centre",
}
_CITY = tuple(Kind).index(Kind.CITY)
_TRIM = 0.05


@dataclass(frozen=True, slots=True, kw_only=True)
class _Towns:
    points: tuple[tuple[float, float, int], ...]  # lat, lon, population
    south: float
    north: float
    west: float
    east: float


_TOWNS: dict[tuple[int, str, str], _Towns | None] = {}


def _towns(gaz: Gazetteer, iso: str) -> _Towns | None:
    key = (id(gaz), gaz.version, iso)
    if key not in _TOWNS:
        points = tuple(
            (gaz.lats[i], gaz.lons[i], gaz.populations[i])
            for i in range(len(gaz))
            if gaz.countries[i] == iso and gaz.kinds[i] == _CITY
        )
        if len(points) < 2:
            _TOWNS[key] = None
        else:
            lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
            lo, hi = int(_TRIM * (len(points) - 1)), int((1 - _TRIM) * (len(points) - 1))
            _TOWNS[key] = _Towns(points=points, south=lats[lo], north=lats[hi], west=lons[lo], east=lons[hi])
    return _TOWNS[key]


def _band(value: float, low: float, high: float, side: str | None) -> bool:
    """Whether `value` lies in the third of [low, high] named by side ("low", "high", "middle"; None: anywhere)."""
    third = (high - low) / 3
    if side == "low":
        return value <= low + third
    if side == "high":
        return value >= high - third
    if side == "middle":
        return low + third <= value <= high - third
    return True


def country_part(gaz: Gazetteer, iso: str, part: str) -> tuple[float, float] | None:
    """(lat, lon) of part `part` (a key of PART_NAMES) of country `iso`, or None when it has too few towns."""
    towns = _towns(gaz, iso)
    if towns is None or part not in PART_NAMES:
        return None
    ns = "high" if "N" in part else "low" if "S" in part else "middle" if part == "C" else None
    ew = "high" if "E" in part else "low" if "W" in part else "middle" if part == "C" else None
    chosen = [
        p for p in towns.points if _band(p[0], towns.south, towns.north, ns) and _band(p[1], towns.west, towns.east, ew)
    ]
    weight = sum(p[2] + 1 for p in chosen)
    if not chosen:
        return None
    return sum(p[0] * (p[2] + 1) for p in chosen) / weight, sum(p[1] * (p[2] + 1) for p in chosen) / weight


BEARING_KM = 50.0  # "north of X": the middle of the 0-100 km such a phrase usually spans


def off(lat: float, lon: float, bearing: str, km: float = BEARING_KM) -> tuple[float, float]:
    """The point `km` from (lat, lon) towards `bearing` (N, S, E, W, NE, NW, SE, SW)."""
    north = (1 if "N" in bearing else -1 if "S" in bearing else 0) * (1.0 if len(bearing) == 1 else 0.7071)
    east = (1 if "E" in bearing else -1 if "W" in bearing else 0) * (1.0 if len(bearing) == 1 else 0.7071)
    dlat = north * km / 111.0
    dlon = east * km / (111.0 * max(0.1, math.cos(math.radians(lat))))
    return max(-90.0, min(90.0, lat + dlat)), (lon + dlon + 180.0) % 360.0 - 180.0
