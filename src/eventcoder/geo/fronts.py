"""Front lines of geo/hotspots.yaml: the two sides that fight along a line while it held.

ACLED codes fire observed along a front with no side named ("the OSCE SMM observed 12 explosions near Vodyane",
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

__all__ = ["front_sides"]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Front:
    start: dt.date
    end: dt.date
    sides: tuple[Actor, Actor]
    circles: tuple[tuple[float, float, float], ...]  # (lat, lon, radius km)
    country: str
    monitors: re.Pattern[str] | None  # the names of the missions that watched only this front


def _side(item: dict[str, Any]) -> Actor:
    return Actor(name=str(item["name"]), type=ActorType(item["type"]), country=item.get("country"))


@cache
def _fronts() -> tuple[_Front, ...]:
    path = resources.files("eventcoder").joinpath("geo", "hotspots.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        out: list[_Front] = []
        for key, front in (data.get("fronts") or {}).items():
            first, second = (_side(s) for s in front["sides"])
            circles = tuple(
                (float(a["lat"]), float(a["lon"]), float(a["radius_km"]))
                for a in data["areas"]
                if a.get("front") == key
            )
            names = [str(m) for m in front.get("monitors") or ()]
            monitors = (
                re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
                if names
                else None
            )
            out.append(
                _Front(
                    start=dt.date.fromisoformat(str(front["from"])),
                    end=dt.date.fromisoformat(str(front["until"])),
                    sides=(first, second),
                    circles=circles,
                    country=str(front["country"]),
                    monitors=monitors,
                )
            )
        return tuple(out)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GazetteerError(f"geo/hotspots.yaml fronts: {exc}") from exc


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
    for front in _fronts():
        if start < front.start or end > front.end:
            continue
        if point is not None and any(distance_km(point[0], point[1], a, b) <= r for a, b, r in front.circles):
            return front.sides
        if country in (None, front.country) and front.monitors is not None and front.monitors.search(text):
            return front.sides
    return None
