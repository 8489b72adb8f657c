"""Two events in one sentence: an attack in one country and another in a second country, joined by "and".

Each row is a short text written for these tests and the countries of the current events a coder codes from it.
"""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract

# (lang, text) -> the countries of the current events, in text order
SPLITS = [
    # one clause per country, each with its own event words: two events
    (
        "en",
        "Suspected jihadists massacred 51 civilians in northern Mali and killed 12 troops in an ambush in "
        "neighbouring Burkina Faso, the authorities said Monday.",
        ["ML", "BF"],
    ),
    (
        "nb",
        "Mistenkte jihadister drepte 51 sivile nord i Mali og drepte 12 soldater i et bakholdsangrep i nabolandet "
        "Burkina Faso, opplyste myndighetene mandag.",
        ["ML", "BF"],
    ),
    (
        "nn",
        "Mistenkte jihadistar drap 51 sivile nord i Mali, og 12 soldatar vart drepne i eit åtak i nabolandet "
        "Burkina Faso, opplyste styresmaktene måndag.",
        ["ML", "BF"],
    ),
    # two towns of one country: one event, however many attack words
    ("en", "Gunmen attacked a village near Kaduna and killed five farmers near Zaria on Monday.", ["NG"]),
    ("nb", "Væpnede menn angrep en landsby nær Kaduna og drepte fem bønder nær Zaria mandag.", ["NG"]),
    # a second country named without an event word of its own: one event
    ("en", "Militants attacked an army post in Mali near the border with Niger on Sunday.", ["ML"]),
    ("nb", "Militante angrep søndag en militærpost i Mali nær grensen til Niger.", ["ML"]),
]


@pytest.mark.parametrize(("lang", "text", "countries"), SPLITS)
def test_two_countries_two_events(lang: str, text: str, countries: list[str]) -> None:
    events = [e for e in extract(text, published="2021-08-10", lang=lang) if not e.background]
    events.sort(key=lambda e: e.trigger.start if e.trigger else 0)
    assert [e.location.country if e.location else None for e in events] == countries


# (lang, text) -> the towns of the current events, in text order
TOWN_SPLITS = [
    # a plural event word over two towns joined by "and": an attack at each town
    ("en", "Russian drones struck overnight. The attacks hit the port city of Odesa and the city of Kharkiv.", 2),
    ("nb", "Russland sendte droner i natt. Angrepene rammet havnebyen Odesa og storbyen Kharkiv i nordøst.", 2),
    ("nn", "Russland sende dronar i natt. Åtaka råka hamnebyen Odesa og storbyen Kharkiv i nordaust.", 2),
    # a singular event word over the same towns: one event, as before
    ("en", "Russian drones struck overnight. An attack hit the port city of Odesa and the city of Kharkiv.", 1),
    ("nb", "Russland sendte droner i natt. Et angrep rammet havnebyen Odesa og storbyen Kharkiv i nordøst.", 1),
    # towns far from the plural word, in another clause: no list of targets
    (
        "en",
        "The attacks damaged houses in Odesa, and air raid alerts were later sounded in the regions around the "
        "cities of Kharkiv and Sumy.",
        1,
    ),
]


@pytest.mark.parametrize(("lang", "text", "count"), TOWN_SPLITS)
def test_plural_event_word_over_towns(lang: str, text: str, count: int) -> None:
    events = [e for e in extract(text, published="2025-05-01", lang=lang) if not e.background]
    assert len(events) == count
    if count == 2:
        assert {e.location.name for e in events if e.location} == {"Odesa", "Kharkiv"}


# (lang, text) -> the (sub-type, first actor) of the current events, in text order
RETALIATIONS = [
    # a strike by one side, then a strike that hit that side: the response and the attack it answered, two events
    (
        "nb",
        "Tyrkiske styrker svarte på angrepet og ødela 12 syriske mål mandag, ifølge forsvarsdepartementet. "
        "Tidligere samme dag ble tre tyrkiske soldater drept i et luftangrep i Idlib.",
        [("Shelling/artillery/missile attack", "Military Forces of Turkey"), ("Air/drone strike", None)],
    ),
    (
        "nn",
        "Tyrkiske styrkar svara på åtaket og øydela 12 syriske mål måndag. "
        "Tidlegare same dag vart tre tyrkiske soldatar drepne i eit luftåtak i Idlib.",
        [("Shelling/artillery/missile attack", "Military Forces of Turkey"), ("Air/drone strike", None)],
    ),
    (
        "en",
        "Turkish forces retaliated and destroyed 12 Syrian targets on Monday, the defence ministry said. "
        "Earlier that day three Turkish soldiers were killed in an air strike in Idlib.",
        [("Shelling/artillery/missile attack", "Military Forces of Turkey"), ("Air/drone strike", None)],
    ),
    # the striker's enemy is hit: one strike, however many sentences
    (
        "en",
        "Israeli jets struck targets near Damascus on Monday. Four Syrian soldiers were killed in the air strike.",
        [("Air/drone strike", "Military Forces of Israel")],
    ),
    (
        "nb",
        "Israelske kampfly angrep mål nær Damaskus mandag. Fire syriske soldater ble drept i luftangrepet.",
        [("Air/drone strike", "Military Forces of Israel")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RETALIATIONS)
def test_a_strike_and_the_strike_it_answers_are_two_events(
    lang: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    events = [e for e in extract(text, published="2020-02-20", lang=lang) if not e.background]
    events.sort(key=lambda e: e.trigger.start if e.trigger else 0)
    got = [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events]
    # the answered strike's author is not named in these texts: only its sub-type is checked
    assert [(s, a if w is not None else None) for (s, a), (_, w) in zip(got, expected, strict=False)] == expected
    assert len(got) == len(expected)


_ROCKETS_NB = "Hamas skjøt tusenvis av raketter mot Israel lørdag morgen. "
_ROCKETS_NN = "Hamas skaut tusenvis av rakettar mot Israel laurdag morgon. "
_ROCKETS_EN = "Hamas fired thousands of rockets at Israel on Saturday morning. "

# (lang, text) -> the (sub-type, place) of the current events, in text order
GROUND_ASSAULTS = [
    # fighters on foot who attack after the rockets (named by a pronoun): a battle of its own at each crossing
    (
        "nb",
        _ROCKETS_NB + "Under dekke av rakettene tok flere hundre Hamas-krigere seg over grensen. "
        "De angriper grenseovergangene Kerem Shalom i sør og Erez i nord.",
        [("Shelling/artillery/missile attack", "Israel"), ("Armed clash", "Kerem Shalom"), ("Armed clash", "Erez")],
    ),
    (
        "nn",
        _ROCKETS_NN + "Under dekke av rakettane tok fleire hundre Hamas-krigarar seg over grensa. "
        "Dei angrip grenseovergangane Kerem Shalom i sør og Erez i nord.",
        [("Shelling/artillery/missile attack", "Israel"), ("Armed clash", "Kerem Shalom"), ("Armed clash", "Erez")],
    ),
    (
        "en",
        _ROCKETS_EN + "Under cover of the rockets, hundreds of Hamas fighters crossed the border fence. "
        "They attacked the border crossings at Kerem Shalom and Erez.",
        [("Shelling/artillery/missile attack", "Israel"), ("Armed clash", "Kerem Shalom"), ("Armed clash", "Erez")],
    ),
    # the group itself, not its fighters on foot, named beside the rockets: one event
    (
        "nb",
        _ROCKETS_NB + "Hamas angriper grenseovergangen Kerem Shalom.",
        [("Shelling/artillery/missile attack", "Kerem Shalom")],
    ),
    # soldiers killed in the attack are its victims, not an assault of theirs: one event
    (
        "en",
        "Russian missiles hit Kharkiv overnight. Two soldiers were killed in the attack.",
        [("Shelling/artillery/missile attack", "Kharkiv")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), GROUND_ASSAULTS)
def test_an_assault_on_the_ground_is_not_the_rocket_fire_before_it(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    events = [e for e in extract(text, published="2023-10-08", lang=lang) if not e.background]
    events.sort(key=lambda e: e.trigger.start if e.trigger else 0)
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == expected


def test_the_pronoun_subject_names_the_attackers() -> None:
    text = (
        "Flere hundre Hamas-krigere tok seg over grensen til Israel lørdag morgen. "
        "De angriper grenseovergangen Kerem Shalom i sør."
    )
    events = [e for e in extract(text, published="2023-10-08", lang="nb") if not e.background]
    assert [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Hamas", "Military Forces of Israel")
    ]


# (lang, text) -> how many current events: villages in one list are often one event (ACLED codes the note once)
VILLAGE_LISTS = [
    ("en", "Militiamen attacked the villages of Bule and Fataki on Monday, killing four civilians.", 1),
    ("nb", "Militsfolk angrep landsbyene Bule og Fataki mandag og drepte fire sivile.", 1),
]


@pytest.mark.parametrize(("lang", "text", "count"), VILLAGE_LISTS)
def test_a_list_of_villages_under_one_attack_stays_one_event(lang: str, text: str, count: int) -> None:
    events = [e for e in extract(text, published="2020-05-01", lang=lang) if not e.background]
    assert len(events) == count
