"""Per-language example tables for the extraction stages: claims, claimants, actors and event types.

Each row is one sentence written for these tests, its publication date, and what a careful coder reads from it.
"""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import ClaimKind, Event, Qualifier, Victims

# (lang, text, published) -> expected (kind, low, qualifier, victims, claimant) of the claims, in text order
CLAIMS = [
    (
        "nb",
        "Minst 39 kurdiske soldater og 77 IS-krigere er drept i kamper i Hasakeh, ifølge SOHR.",
        "2022-01",
        [
            (ClaimKind.KILLED, 39, Qualifier.AT_LEAST, "Syrian Observatory for Human Rights"),
            (ClaimKind.KILLED, 77, Qualifier.EXACT, "Syrian Observatory for Human Rights"),
        ],
    ),
    (
        "nb",
        "Tolv mennesker ble drept og 20 såret da en bilbombe eksploderte i Mogadishu, opplyser politiet.",
        "2024-03-14",
        [(ClaimKind.KILLED, 12, Qualifier.EXACT, "politiet"), (ClaimKind.INJURED, 20, Qualifier.EXACT, "politiet")],
    ),
    (
        "nn",
        "Minst åtte menneske vart drepne i eit israelsk luftåtak mot Palmyra i Syria, ifølgje SOHR.",
        "2024-11-21",
        [(ClaimKind.KILLED, 8, Qualifier.AT_LEAST, "Syrian Observatory for Human Rights")],
    ),
    (
        "en",
        "Russian drones struck Kharkiv overnight, killing at least three people and wounding 14, the governor said.",
        "2024-05-23",
        [(ClaimKind.KILLED, 3, Qualifier.AT_LEAST, "governor"), (ClaimKind.INJURED, 14, Qualifier.EXACT, "governor")],
    ),
    (
        "en",
        "On 3 May 2020, gunmen attacked a village near Kaduna, killing 5 civilians. Fatalities coded as 0.",
        "2020-05-03",
        [(ClaimKind.KILLED, 5, Qualifier.EXACT, None), (ClaimKind.KILLED, 0, Qualifier.EXACT, None)],
    ),
]


def _main(events: list[Event]) -> Event:
    current = [e for e in events if not e.background]
    assert current, "expected an event"
    return current[0]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CLAIMS)
def test_claims(lang: str, text: str, published: str, expected: list[tuple[object, ...]]) -> None:
    event = _main(extract(text, published=published, lang=lang))
    got = [
        (c.kind, c.low, c.qualifier, c.claimant)
        for c in event.claims
        if c.kind in (ClaimKind.KILLED, ClaimKind.INJURED)
    ]
    # zero statements may be found twice ("coded as 0" as a figure and as a phrase); compare the distinct claims
    assert list(dict.fromkeys(got)) == expected
    for claim in event.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


# (lang, text, published) -> (event type, sub-type, actor names in either order, fatalities low, country)
EVENTS = [
    (
        "nb",
        "Over 100 IS-krigere angrep torsdag et fengsel i Hasakeh, og minst 39 kurdiske soldater ble drept.",
        "2022-01",
        ("Battles", "Armed clash", {"Islamic State", "Syrian Democratic Forces"}, 39, "SY"),
    ),
    (
        "nb",
        "Taliban-krigere angrep en politistasjon i Kandahar-provinsen. Fem politimenn og sju opprørere ble drept "
        "i kampene.",
        "2023-06-12",
        ("Battles", "Armed clash", {"Taliban", "Police Forces of Afghanistan"}, 12, "AF"),
    ),
    (
        "nn",
        "Minst åtte menneske vart drepne i eit israelsk luftåtak mot Palmyra i Syria.",
        "2024-11-21",
        ("Explosions/Remote violence", "Air/drone strike", {"Military Forces of Israel", "Civilians (Syria)"}, 8, "SY"),
    ),
    (
        "en",
        "A suicide bomber killed at least 31 people in a crowded market in Baghdad on Monday.",
        "2021-07-19",
        (
            "Explosions/Remote violence",
            "Suicide bomb",
            {"Unidentified Armed Group (Iraq)", "Civilians (Iraq)"},
            31,
            "IQ",
        ),
    ),
    (
        "en",
        "On 1 May 2020, around 200 workers protested in Nairobi against unpaid wages.",
        "2020-05-01",
        ("Protests", "Peaceful protest", {"Protesters (Kenya)"}, None, "KE"),
    ),
    (
        "en",
        "On 2 May 2020, residents protested in Lagos and police arrested 12 of them.",
        "2020-05-02",
        ("Protests", "Protest with intervention", {"Protesters (Nigeria)", "Police Forces of Nigeria"}, None, "NG"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), EVENTS)
def test_events(lang: str, text: str, published: str, expected: tuple[object, ...]) -> None:
    event_type, sub_type, actors, low, country = expected
    event = _main(extract(text, published=published, lang=lang))
    assert (event.event_type.value, event.sub_event_type) == (event_type, sub_type)
    assert {a.name for a in (event.actor1, event.actor2) if a is not None} == actors
    assert event.fatalities.low == low
    assert event.location is not None and event.location.country == country


def test_background_recalled_year_is_set_aside() -> None:
    text = (
        "Minst tolv mennesker ble drept i et bombeangrep i Mogadishu onsdag. "
        "I fjor ble over 100 mennesker drept i et lignende angrep i byen."
    )
    events = extract(text, published="2024-03-14", lang="nb")
    current = [e for e in events if not e.background]
    recalled = [e for e in events if e.background]
    assert [e.fatalities.low for e in current] == [12]
    assert [e.fatalities.low for e in recalled] == [100]
    assert recalled[0].date is not None and recalled[0].date.start.year == 2023


def test_hypothetical_and_negated_give_nothing() -> None:
    assert extract("Opprørerne truet med å angripe byen.", published="2024-01-10", lang="nb") == []
    assert extract("The militants could attack the town.", published="2024-01-10", lang="en") == []


def test_parts_are_not_added_to_the_total() -> None:
    event = _main(
        extract(
            "At least 30 people were killed in the shelling of Donetsk, among them 12 children.",
            published="2024-01-10",
            lang="en",
        )
    )
    assert event.fatalities.low == 30
    assert any(c.subgroup and c.low == 12 for c in event.claims)
    assert all(c.victims in set(Victims) for c in event.claims)
