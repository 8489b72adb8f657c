"""Fusion keeps apart reports that name different places (invented nb, nn and en reports)."""

from __future__ import annotations

import dataclasses

import pytest

from eventcoder.fusion import compare, fuse
from eventcoder.model import Event, EventType, PlacePrecision
from tests.fusion_helpers import report

SHELLING = {"sub": "Shelling/artillery/missile attack", "event_type": EventType.EXPLOSIONS}


def members(*events: Event) -> set[tuple[str, ...]]:
    return {f.members for f in fuse(list(events))}


def near(event: Event, name: str, *, geonameid: int | None) -> Event:
    """`event` placed near `name` (a village the gazetteer knows by `geonameid`, or does not know)."""
    assert event.location is not None
    place = dataclasses.replace(
        event.location, name=name, geonameid=geonameid, precision=PlacePrecision.NEAR_TOWN, text=f"near {name}"
    )
    return dataclasses.replace(event, location=place)


@pytest.mark.parametrize(
    ("lang_a", "lang_b"),
    [("en", "en"), ("nb", "en"), ("nn", "nb")],
)
def test_reports_near_two_different_villages_are_two_events(lang_a: str, lang_b: str) -> None:
    # "shelling near Vodiane" / "beskyting nær Pisky": the same coordinates, the same day, sides and toll
    kw = {"actors": ("russia", "ukraine"), "killed": ((3, None),), **SHELLING}
    a = near(report("a", place="Marinka", lang=lang_a, **kw)[1], "Vodiane", geonameid=None)
    b = near(report("b", place="Marinka", lang=lang_b, **kw)[1], "Pisky", geonameid=None)
    assert compare(a, b) is None
    assert members(a, b) == {("ev-a",), ("ev-b",)}
    # near the same village, written differently ("near Marinka", "nær Marjinka"): one place, one event
    c = near(report("c", place="Marinka", lang=lang_b, **kw)[1], "Marjinka", geonameid=701845)
    d = report("d", place="Marinka", lang=lang_a, **kw)[1]
    assert members(c, d) == {("ev-c", "ev-d")}


def test_a_neighbourhood_and_its_city_can_still_be_one_place() -> None:
    # "a market in Sadr City" / "a market in Baghdad": two town-level names, one city
    kw = {"actors": ("IS", "civ"), "killed": ((35, None),)}
    _, sadr = report("a", place="Sadr City", **kw)
    _, baghdad = report("b", place="Baghdad", lang="nb", **kw)
    assert sadr.location is not None
    sadr = dataclasses.replace(sadr, location=dataclasses.replace(sadr.location, geonameid=7802746))
    assert members(sadr, baghdad) == {("ev-a", "ev-b")}
