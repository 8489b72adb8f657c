"""Fusion keeps apart reports that name different places, or whose only common ground is a front's two sides or a
wide area; dead of different sides ask for more evidence (invented nb, nn and en reports)."""

from __future__ import annotations

import dataclasses

import pytest

from eventcoder.fusion import compare, fuse
from eventcoder.fusion.similarity import front_sides_at, specific_actor
from eventcoder.model import Actor, ActorType, Event, EventType, PlacePrecision, Victims
from tests.fusion_helpers import report

CLASH = {"sub": "Armed clash", "event_type": EventType.BATTLES}
SHELLING = {"sub": "Shelling/artillery/missile attack", "event_type": EventType.EXPLOSIONS}
NAF = "naf: united armed forces of novorossiya"
UKRAINE = "military forces of ukraine"


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


@pytest.mark.parametrize("lang", ["en", "nb", "nn"])
def test_the_two_sides_of_a_front_are_no_evidence_on_it(lang: str) -> None:
    # the OSCE's daily reports: fire between the NAF and the army near many villages, and the day's wounded repeated
    # in each note; a town and the province around it share the day, the sides and the figure
    day = {"day": "2020-05-01", "actors": ("naf", "ukraine"), "killed": ((3, None),), **CLASH}
    town = report("a", place="Marinka", **day)
    province = report("b", place="Donetsk oblast", lang=lang, **day)
    score = compare(town[1], province[1])
    assert score is not None and score.evidence == ("figure killed 3",) and not score.linked
    assert members(town[1], province[1]) == {("ev-a",), ("ev-b",)}
    # after the line of contact (2022), the NAF is a specific actor again
    later = {"day": "2022-06-01", "actors": ("naf", "ukraine"), "killed": ((3, None),), **CLASH}
    town = report("c", place="Marinka", **later)
    province = report("d", place="Donetsk oblast", lang=lang, **later)
    assert members(town[1], province[1]) == {("ev-c", "ev-d")}


def test_which_events_lie_on_a_front() -> None:
    on_line = report("a", place="Krasnohorivka", day="2020-05-01", actors=("naf", "ukraine"), **CLASH)[1]
    assert front_sides_at(on_line) == frozenset({NAF, UKRAINE})
    assert front_sides_at(report("b", place="Dnipro", day="2020-05-01", **CLASH)[1]) == frozenset()  # far from it
    assert front_sides_at(report("c", place="Marinka", day="2023-01-14", **CLASH)[1]) == frozenset()  # after it
    middle = report("d", place="Dnipro", day="2020-05-01", **CLASH)[1]  # a village placed at the front's middle
    assert middle.location is not None
    middle = dataclasses.replace(
        middle,
        location=dataclasses.replace(middle.location, name="Donbas line of contact", precision=PlacePrecision.REGION),
    )
    assert front_sides_at(middle) == frozenset({NAF, UKRAINE})
    naf = Actor(name="NAF: United Armed Forces of Novorossiya", type=ActorType.REBEL_GROUP, country="UA")
    assert specific_actor(naf, "UA")
    assert not specific_actor(naf, "UA", sides=frozenset({NAF, UKRAINE}))


@pytest.mark.parametrize(("lang_a", "lang_b"), [("en", "nb"), ("nn", "en")])
def test_dead_of_different_sides_ask_for_more_evidence(lang_a: str, lang_b: str) -> None:
    # "IS says it killed 3 soldiers" / "14 IS-krigere drept": one named attacker is not enough
    soldiers = report("a", actors=("IS", "army"), killed=((3, None),), victims=Victims.ACTOR2, lang=lang_a, **CLASH)
    fighters = report("b", actors=("IS", "army"), killed=((14, None),), victims=Victims.ACTOR1, lang=lang_b, **CLASH)
    score = compare(soldiers[1], fighters[1])
    assert score is not None and score.needed == 2 and not score.linked
    assert members(soldiers[1], fighters[1]) == {("ev-a",), ("ev-b",)}
    # the same side's dead, even counted differently, need no more
    more = report("c", actors=("IS", "army"), killed=((5, None),), victims=Victims.ACTOR2, lang=lang_b, **CLASH)
    score = compare(soldiers[1], more[1])
    assert score is not None and score.needed == 1 and score.linked
