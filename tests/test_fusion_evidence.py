"""Fusion needs positive evidence: what keeps distinct events apart and what still merges (nb and en reports).

ACLED codes one event per place, day and pair of actors, so its notes show what fusion must not join: shellings
of two villages of one front on one day, protests in one city on one day, several notes placed only in one
province.  Reports of one event merge on a shared casualty figure or a shared specific actor.
"""

from __future__ import annotations

from eventcoder.fusion import compare, fuse
from eventcoder.fusion.similarity import specific_actor
from eventcoder.model import Actor, ActorType, EventType, Victims
from tests.fusion_helpers import report

SHELLING = {"sub": "Shelling/artillery/missile attack", "event_type": EventType.EXPLOSIONS}
CLASH = {"sub": "Armed clash", "event_type": EventType.BATTLES}
PROTEST = {"sub": "Peaceful protest", "event_type": EventType.PROTESTS, "actors": ("protesters", None)}


def members(*reports: tuple[object, object]) -> set[tuple[str, ...]]:
    return {f.members for f in fuse([r[1] for r in reports])}


def test_protests_in_one_city_on_one_day_stay_apart() -> None:
    a = report("a", place="Baghdad", **PROTEST)
    b = report("b", place="Baghdad", lang="nb", **PROTEST)
    score = compare(a[1], b[1])
    assert score is not None and not score.linked and score.evidence == ()  # the same place and day: not enough
    assert members(a, b) == {("ev-a",), ("ev-b",)}


def test_shellings_of_two_villages_of_one_front_stay_apart() -> None:
    kw = {"actors": ("uag-ua", None), **SHELLING}
    a = report("osce1", place="Marinka", **kw)
    b = report("osce2", place="Krasnohorivka", **kw)
    assert compare(a[1], b[1]) is None  # near two different villages, 7 km apart: two places
    assert members(a, b) == {("ev-osce1",), ("ev-osce2",)}
    # the home army on one side is no evidence either: it takes part in most events of its country
    c = report("osce3", place="Marinka", actors=("ukraine", "uag-ua"), **CLASH)
    d = report("osce4", place="Krasnohorivka", actors=("ukraine", "uag-ua"), **CLASH)
    assert members(c, d) == {("ev-osce3",), ("ev-osce4",)}


def test_a_province_alone_does_not_make_one_place() -> None:
    town = report("a", place="Marinka", actors=("naf", "ukraine"), **CLASH)
    province = report("b", place="Donetsk oblast", actors=("naf", "ukraine"), lang="nb", **CLASH)
    score = compare(town[1], province[1])
    assert score is not None and score.needed == 2 and not score.linked  # one specific actor is one piece
    assert members(town, province) == {("ev-a",), ("ev-b",)}
    # with the toll as well, the province report joins the town report (Russia's army is no side of the line)
    town = report("a", place="Marinka", actors=("russia", "ukraine"), killed=((4, None),), **CLASH)
    province = report(
        "b", place="Donetsk oblast", actors=("russia", "ukraine"), killed=((4, "ukrainske styrker"),), **CLASH
    )
    assert members(town, province) == {("ev-a", "ev-b")}


def test_two_provinces_are_two_places() -> None:
    a = report("a", place="Donetsk oblast", actors=("naf", "ukraine"), killed=((4, None),), **CLASH)
    b = report("b", place="Luhansk oblast", actors=("naf", "ukraine"), killed=((4, None),), **CLASH)
    assert compare(a[1], b[1]) is None


def test_two_stated_days_are_two_events() -> None:
    monday = report("a", day="2021-07-19", date_text="on Monday", killed=((30, None),))
    tuesday = report("b", day="2021-07-20", date_text="tirsdag", lang="nb", killed=((30, None),))
    assert compare(monday[1], tuesday[1]) is None
    # a day taken from the publication date (no date words) keeps the one day of slack
    published = report("c", day="2021-07-20", killed=((30, None),))
    score = compare(monday[1], published[1])
    assert score is not None and dict(score.reasons)["date"] == 0.0


def test_dead_of_different_kinds_stay_apart() -> None:
    civilians = report("a", actors=("IS", "army"), killed=((5, None),), victims=Victims.CIVILIANS)
    soldiers = report("b", actors=("IS", "army"), killed=((5, "forsvaret"),), victims=Victims.ACTOR2, lang="nb")
    assert compare(civilians[1], soldiers[1]) is None


def test_two_attackers_stay_apart_but_sides_of_a_battle_may_swap() -> None:
    a = report("a", actors=("IS", "army"), killed=((5, None),))
    b = report("b", actors=("army", "IS"), killed=((5, None),))
    assert compare(a[1], b[1]) is None  # one says IS struck the army, the other the army struck IS
    c = report("c", actors=("IS", "army"), killed=((5, None),), **CLASH)
    d = report("d", actors=("army", "IS"), killed=((5, None),), **CLASH)
    score = compare(c[1], d[1])
    assert score is not None and score.linked


def test_reports_of_one_strike_merge_on_a_shared_figure_or_a_specific_actor() -> None:
    # a foreign army is a specific actor: the nb and en reports of the Dnipro strike merge without a shared toll
    en = report("kyiv", place="Dnipro", actors=("russia", "civ"), killed=((23, None),), **SHELLING)
    nb = report(
        "ntb", place="Dnipro", actors=("russia", "civ"), killed=((14, "ukrainske myndigheter"),), lang="nb", **SHELLING
    )
    score = compare(en[1], nb[1])
    assert score is not None and score.linked and score.evidence == ("actor Military Forces of Russia",)
    # unnamed attackers: the shared toll is the evidence
    a = report("a", actors=("uag", "civ"), killed=((31, None),))
    b = report("b", actors=("uag", "civ"), killed=((31, "politiet"),), lang="nb")
    assert members(a, b) == {("ev-a", "ev-b")}
    # one dead is too common a figure to be evidence
    c = report("c", actors=("uag", "civ"), killed=((1, None),))
    d = report("d", actors=("uag", "civ"), killed=((1, "politiet"),), lang="nb")
    assert members(c, d) == {("ev-c",), ("ev-d",)}


def test_which_actors_are_specific() -> None:
    assert specific_actor(Actor(name="Islamic State", type=ActorType.REBEL_GROUP), "IQ")
    assert specific_actor(Actor(name="Military Forces of Russia", type=ActorType.STATE_FORCES, country="RU"), "UA")
    assert not specific_actor(Actor(name="Military Forces of Ukraine", type=ActorType.STATE_FORCES, country="UA"), "UA")
    assert not specific_actor(Actor(name="Military Forces", type=ActorType.STATE_FORCES), "UA")
    assert not specific_actor(Actor(name="Protesters (Iraq)", type=ActorType.PROTESTERS), "IQ")
    assert not specific_actor(Actor(name="Unidentified Armed Group (Iraq)", type=ActorType.REBEL_GROUP), "IQ")
    assert not specific_actor(None, "IQ")
