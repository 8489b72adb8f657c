"""The fronts of geo/hotspots.yaml: their areas, the missions that monitor them, and the two sides that fight along
a line while it held.

- The resolver (eventcoder.geo.resolver) favours namesakes inside a front's areas and places villages that monitors
  report near but the gazetteer does not know on the front.
- ACLED codes fire observed along a front with no side named ("the OSCE SMM observed 12 explosions near Vodyane",
  Donbas 2014-2022) as fighting between the front's two sides, not as an unidentified armed group.  `front_sides`
  answers, for a point and a date, which two sides those are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventcoder.geo.gazetteer import GazetteerError, distance_km
from eventcoder.model import Actor, ActorType

__all__ = ["Area", "Front", "front_lines", "front_sides", "monitored"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Front:
    name: str
    country: str
    monitors: tuple[str, ...]  # the names of the missions that report on this front only, as written
    areas: tuple[Area, ...]
    start: dt.date | None = None  # while the line held (with `sides`)
    end: dt.date | None = None
    sides: tuple[Actor, Actor] | None = None

    def during(self, start: dt.date, end: dt.date) -> bool:
        """Whether [start, end] falls while the line held (an open bound holds always)."""
        return (self.start is None or start >= self.start) and (self.end is None or end <= self.end)

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the point lies in one of the front's areas."""
        return any(distance_km(lat, lon, a.lat, a.lon) <= a.radius_km for a in self.areas)

    @property
    def middle(self) -> tuple[float, float]:
        return (
            sum(a.lat for a in self.areas) / len(self.areas),
            sum(a.lon for a in self.areas) / len(self.areas),
        )


def _side(item: dict[str, Any]) -> Actor:
    return Actor(name=str(item["name"]), type=ActorType(item["type"]), country=item.get("country"))


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def _front(item: dict[str, Any]) -> Front:
    sides = item.get("sides")
    return Front(
        name=str(item["name"]),
        country=str(item["country"]),
        monitors=tuple(str(m) for m in item.get("monitors") or ()),
        areas=tuple(
            Area(lat=float(a["lat"]), lon=float(a["lon"]), radius_km=float(a["radius_km"])) for a in item["areas"]
        ),
        start=_date(item.get("from")),
        end=_date(item.get("until")),
        sides=(_side(sides[0]), _side(sides[1])) if sides else None,
    )


@cache
def front_lines() -> tuple[Front, ...]:
    """The fronts of geo/hotspots.yaml."""
    path = resources.files("eventcoder").joinpath("geo", "hotspots.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(_front(f) for f in data.get("fronts") or ())
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise GazetteerError(f"geo/hotspots.yaml: {exc}") from exc


@cache
def _monitor_pattern() -> re.Pattern[str] | None:
    names = sorted({m for f in front_lines() for m in f.monitors}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def monitored(text: str | None) -> tuple[Front, ...]:
    """The fronts whose monitoring missions the text cites ("the OSCE SMM observed ...")."""
    pattern = _monitor_pattern()
    if text is None or pattern is None:
        return ()
    cited = {m.group() for m in pattern.finditer(text)}
    return tuple(f for f in front_lines() if cited.intersection(f.monitors))


def front_sides(
    *,
    start: dt.date,
    end: dt.date,
    point: tuple[float, float] | None = None,
    country: str | None = None,
    text: str = "",
) -> tuple[Actor, Actor] | None:
    """The two sides of the front that the dates [start, end] fall within, when its areas hold the point, or
    when the text cites one of its monitors ("the OSCE SMM observed ...") and the place is in its country."""
    cited = monitored(text)
    for front in front_lines():
        if front.sides is None or front.start is None or front.end is None or not front.during(start, end):
            continue
        if point is not None and front.contains(point[0], point[1]):
            return front.sides
        if country in (None, front.country) and front in cited:
            return front.sides
    return None
