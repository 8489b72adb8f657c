"""Event boundaries: which sentences make one event, which start another, which only recall history.

Each row is a short text written for these tests, its publication date, and how many events a careful coder
codes from it (current events, background events).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extraction import extract
from eventcoder.mentions import PlaceMention, TriggerMention
from eventcoder.model import DatePrecision, Document, EventType, Place, PlacePrecision
from eventcoder.stages._anaphora import cues, refers_back
from eventcoder.stages._draft import Draft, places_compatible

# (lang, text, published) -> (current events, background events)
BOUNDARIES = [
    # a follow-on sentence of the same paragraph, without a date or place of its own, belongs to the event
    (
        "en",
        "On 1 May 2020, two armed men clashed with police officers in Zamora, Michoacan. "
        "One of the men was injured and both were arrested.",
        "2020-05-01",
        (1, 0),
    ),
    (
        "en",
        "On 4 May 2020, unidentified individuals shot and killed an army officer in Lome. "
        "An investigation is underway, with 4 army officers arrested so far.",
        "2020-05-04",
        (1, 0),
    ),
    (
        "nb",
        "Væpnede menn skjøt og drepte lørdag fem sivile i Kaduna. Politiet arresterte senere to menn.",
        "2022-01-24",
        (1, 0),
    ),
    # the follow-on's place may be one the event named without choosing it
    (
        "en",
        "On 9 May 2020, the NAF rebel forces fired heavy machine guns, grenade launchers and small arms at the "
        "governmental positions near Shyrokyne, Donetsk. The OSCE SMM observed a total of 10 projectiles/explosions "
        "involving unknown weapons near Shyrokyne.",
        "2020-05-09",
        (1, 0),
    ),
    # a definite reference ("in the attack", "i angrepet") adds to the event before it
    (
        "en",
        "Five policemen were killed in a Taliban attack on a checkpoint in Kandahar on Saturday.\n\n"
        "Aziz Ahmad Azizi, the governor's spokesman, said two other policemen were wounded in the attack.",
        "2019-01-13",
        (1, 0),
    ),
    (
        "nb",
        "Minst fem soldater ble drept i et Taliban-angrep mot en veisperring i Kandahar lørdag.\n\n"
        "Ifølge en talsmann for guvernøren, Aziz Ahmad Azizi, ble sju opprørere drept i angrepet.",
        "2019-01-13",
        (1, 0),
    ),
    (
        "en",
        "Two Iraqi soldiers were killed when Islamic State militants ambushed an army post north of Baghdad on "
        "Tuesday.\n\nThe militants managed to withdraw before reinforcements arrived at the scene of the attack.",
        "2021-07-21",
        (1, 0),
    ),
    # another paragraph with another place and day is another event
    (
        "en",
        "Gunmen attacked a village near Kaduna on Monday, killing 5 civilians.\n\n"
        "In Maiduguri, a suicide bomber killed 12 people at a market on Tuesday.",
        "2022-01-20",
        (2, 0),
    ),
    # a day or month more than two months before publication is history, even in the same year
    (
        "en",
        "A suicide bomber killed 30 people at a market in Baghdad on Monday.\n\n"
        "Earlier this year in January, 32 civilians were killed in twin suicide bombings in Baghdad.",
        "2021-07-21",
        (1, 1),
    ),
    (
        "nb",
        "En selvmordsbomber drepte 30 mennesker på et marked i Bagdad mandag.\n\n"
        "I januar ble 32 sivile drept i to selvmordsangrep i Bagdad.",
        "2021-07-21",
        (1, 1),
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), BOUNDARIES)
def test_event_boundaries(lang: str, text: str, published: str, expected: tuple[int, int]) -> None:
    events = extract(text, published=published, lang=lang)
    current = sum(1 for e in events if not e.background)
    background = sum(1 for e in events if e.background)
    assert (current, background) == expected


# (lang, sentence up to the event word, event word) -> whether the word points back to a reported event
REFERENCES = [
    ("en", "Two policemen were wounded in the ", "attack", True),
    ("en", "Two policemen were wounded in last night's ", "attack", True),
    ("en", "Two policemen were wounded in today's ", "attack", True),
    ("en", "Qari Yusouf Ahmadi claimed responsibility for the ", "attack", True),
    ("en", "The militants ", "bombed", False),
    ("en", "Gunmen ", "attacked", False),
    ("en", "Gunmen killed five people in an ", "attack", False),
    ("nb", "Sju opprørere ble drept i ", "angrepet", True),
    ("nb", "", "Angrepet", True),
    ("nb", "Vi fordømmer dette ", "angrepet", True),
    ("nb", "Bygningen ble ", "angrepet", False),
    ("nb", "Israel ", "bombet", False),
    ("nb", "Fem ble drept i et ", "angrep", False),
    ("nn", "Sju opprørarar vart drepne i ", "åtaket", True),
]


@pytest.mark.parametrize(("lang", "before", "word", "expected"), REFERENCES)
def test_refers_back(lang: str, before: str, word: str, expected: bool) -> None:
    assert refers_back(before, word, cues(lang)) is expected


# (lang, text) -> the first year of the window of an undated article's event
UNDATED = [
    ("en", "Al Shabaab fighters killed at least 15 soldiers in an attack on a military base near Mogadishu.", 1989),
    (
        "en",
        "Al Shabaab fighters killed at least 15 soldiers in an attack on a military base near Mogadishu. "
        "The group was driven out of the capital in 2011.",
        2011,
    ),
    ("nb", "To personer ble drept i et russisk rakettangrep i det østlige Ukraina natt til torsdag.", 1989),
]


@pytest.mark.parametrize(("lang", "text", "first_year"), UNDATED)
def test_undated_article_spans_the_latest_named_year_to_today(lang: str, text: str, first_year: int) -> None:
    events = [e for e in extract(text, published=None, lang=lang) if not e.background]
    assert events
    for event in events:
        assert event.date is not None
        assert (event.date.start, event.date.precision) == (dt.date(first_year, 1, 1), DatePrecision.YEAR)
        assert event.date.end == dt.date.today()


def test_a_whole_year_phrase_dates_no_later_sentence() -> None:
    text = (
        "Somalia has been at war since 1991.\n\n"
        "Al Shabaab fighters killed at least 15 soldiers in an attack on a military base near Mogadishu."
    )
    (event,) = [e for e in extract(text, published="2022-03-30", lang="en") if not e.background]
    assert event.date is not None
    assert (event.date.start, event.date.end) == (dt.date(2022, 3, 28), dt.date(2022, 3, 30))


def test_fire_with_unspecified_weapons_between_two_forces_is_a_clash() -> None:
    text = (
        "On 30 April 2020, military forces of Artsakh located at Garakhanbayli fired with unspecified weapons on "
        "the positions of the military forces of Azerbaijan assumed to be located near Alxanli, Fizuli."
    )
    events = [e for e in extract(text, published="2020-04-30", lang="en") if not e.background]
    assert [(e.event_type.value, e.sub_event_type) for e in events] == [("Battles", "Armed clash")]


def _mention(doc: Document, word: str, place: Place) -> PlaceMention:
    start = doc.text.index(word)
    return PlaceMention(span=doc.span(start, start + len(word)), place=place)


@pytest.mark.parametrize(
    ("doc_countries", "expected"),
    [
        ({}, "Seray"),  # equal support: the more precise candidate
        ({"LB": 3, "IR": 1}, "Nabatiye"),  # the country the whole text is about wins over a name read as abroad
    ],
)
def test_place_choice_prefers_the_country_of_the_text(doc_countries: dict[str, int], expected: str) -> None:
    doc = Document(id="d", text="Protesters gathered outside the Seray in Nabatiye.", lang="en")
    seray = Place(name="Seray", country="IR", precision=PlacePrecision.SITE, lat=35.0, lon=50.0)
    nabatiye = Place(name="Nabatiye", country="LB", precision=PlacePrecision.TOWN, lat=33.38, lon=35.48)
    draft = Draft(
        sentences=[0],
        triggers=[],
        places=[_mention(doc, "Seray", seray), _mention(doc, "Nabatiye", nabatiye)],
        dates=[],
        actors=[],
        background=False,
        doc_countries=doc_countries,
    )
    assert draft.place is not None
    assert draft.place.name == expected


def _town(name: str, lat: float, lon: float, precision: PlacePrecision = PlacePrecision.TOWN) -> Place:
    return Place(name=name, country="XX", precision=precision, lat=lat, lon=lon)


HERAT = _town("Herat", 34.35, 62.20)
KANDAHAR_PROVINCE = _town("Kandahar", 31.0, 65.5, PlacePrecision.ADMIN1)
HERAT_PROVINCE = _town("Herat", 34.5, 62.5, PlacePrecision.ADMIN1)
DEIR_AL_BALAH = _town("Deir al-Balah", 31.42, 34.35)
JABALIA = _town("Jabalia", 31.53, 34.48)
GHWAYRAN = _town("Ghwayran prison", 36.48, 40.73, PlacePrecision.SITE)
HASAKAH = _town("Hasakah", 36.50, 40.75)
COUNTRY = _town("Xland", 33.0, 65.0, PlacePrecision.COUNTRY)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (HERAT, HERAT_PROVINCE, True),  # a town and its province
        (HERAT, KANDAHAR_PROVINCE, False),  # a town and a province elsewhere in the country
        (DEIR_AL_BALAH, JABALIA, False),  # two towns about 17 km apart are two places
        (GHWAYRAN, HASAKAH, True),  # a site and its town
        (HERAT, COUNTRY, True),
        (HERAT, None, True),
    ],
)
def test_places_compatible(a: Place, b: Place | None, expected: bool) -> None:
    assert places_compatible(a, b) is expected
    assert places_compatible(b, a) is expected


def test_an_event_dated_only_by_a_statement_lies_up_to_three_days_before_it() -> None:
    text = "At least 12 civilians died in an attack by suspected jihadists in Burkina Faso, locals told AFP on Sunday."
    (event,) = [e for e in extract(text, published="2023-02-14", lang="en") if not e.background]
    assert event.date is not None
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2023, 2, 9),
        dt.date(2023, 2, 12),
        DatePrecision.DAYS,
    )


# (lang, text) -> the event's country: the actors' countries tell which of two namesakes the text is about
ACTOR_COUNTRY = [
    ("en", "On 30 April 2020, 1 soldiers was killed by a Taliban sniper in the Kerji area of Farah city.", "AF"),
    # no place the gazetteer knows: the actors still tell the country
    ("en", "On 4 May 2020, Imbonerakure and CNL clashed with machetes in Buhomba (Mutimbuzi).", "BI"),
]


@pytest.mark.parametrize(("lang", "text", "country"), ACTOR_COUNTRY)
def test_actor_countries_choose_the_place(lang: str, text: str, country: str) -> None:
    events = [e for e in extract(text, published="2020-05-01", lang=lang) if not e.background]
    assert [e.location.country if e.location else None for e in events] == [country]


def test_place_choice_prefers_the_closer_spelling_between_equal_candidates() -> None:
    doc = Document(id="d", text="A soldier was killed in the Kerji area of Farah city.", lang="en")
    cary = Place(name="Cary", country="US", precision=PlacePrecision.TOWN, lat=35.79, lon=-78.78)
    farah = Place(name="Farah", country="AF", precision=PlacePrecision.TOWN, lat=32.37, lon=62.11)
    draft = Draft(
        sentences=[0],
        triggers=[],
        places=[_mention(doc, "Kerji", cary), _mention(doc, "Farah", farah)],
        dates=[],
        actors=[],
        background=False,
    )
    assert draft.place is not None
    assert draft.place.name == "Farah"


def test_place_choice_passes_over_a_poorly_spelled_site() -> None:
    doc = Document(id="d", text="Rioters blocked the road near the Banks building in Beirut.", lang="en")
    watford = Place(name="Watford City", country="US", precision=PlacePrecision.SITE, lat=47.80, lon=-103.28)
    beirut = Place(name="Beirut", country="LB", precision=PlacePrecision.TOWN, lat=33.89, lon=35.50)
    draft = Draft(
        sentences=[0],
        triggers=[],
        places=[_mention(doc, "Banks building", watford), _mention(doc, "Beirut", beirut)],
        dates=[],
        actors=[],
        background=False,
    )
    assert draft.place is not None
    assert draft.place.name == "Beirut"


def test_a_list_of_other_towns_does_not_outvote_the_town_of_the_event() -> None:
    text = "Eksplosjoner i byen Sumy, og luftvernvarsel ble utløst i Kharkiv, Tsjernihiv, Donetsk og Dnipropetrovsk."
    doc = Document(id="d", text=text, lang="nb")
    towns = {
        "Sumy": (50.92, 34.80),
        "Kharkiv": (49.98, 36.25),
        "Tsjernihiv": (51.51, 31.29),
        "Donetsk": (48.02, 37.80),
        "Dnipropetrovsk": (48.47, 35.04),
    }
    places = [
        _mention(doc, word, Place(name=word, country="UA", precision=PlacePrecision.TOWN, lat=lat, lon=lon))
        for word, (lat, lon) in towns.items()
    ]
    start = text.index("Eksplosjoner")
    trigger = TriggerMention(
        span=doc.span(start, start + len("Eksplosjoner")),
        event_type=EventType.EXPLOSIONS,
        sub_event_type="Shelling/artillery/missile attack",
    )
    draft = Draft(sentences=[0], triggers=[trigger], places=places[::-1], dates=[], actors=[], background=False)
    assert draft.place is not None
    assert draft.place.name == "Sumy"


def test_an_area_yields_to_a_town_named_inside_it() -> None:
    text = "In Jacona de Plancarte, Michoacan, two men were found near Rancho de l luz."
    doc = Document(id="d", text=text, lang="en")
    jacona = Place(
        name="Jacona", country="MX", precision=PlacePrecision.TOWN, lat=19.96, lon=-102.31, admin1="Michoacan"
    )
    michoacan = Place(
        name="Michoacan", country="MX", precision=PlacePrecision.ADMIN1, lat=19.63, lon=-101.52, admin1="Michoacan"
    )
    rancho = Place(  # a namesake in another state that lies near the province's centre but not near the town
        name="El Rancho", country="MX", precision=PlacePrecision.NEAR_TOWN, lat=18.68, lon=-100.28, admin1="Mexico"
    )
    draft = Draft(
        sentences=[0],
        triggers=[],
        places=[
            _mention(doc, "Jacona de Plancarte", jacona),
            _mention(doc, "Michoacan", michoacan),
            _mention(doc, "near Rancho", rancho),
        ],
        dates=[],
        actors=[],
        background=False,
    )
    assert draft.place is not None
    assert draft.place.name == "Jacona"


# (text, published, the place name and precision of the only event)
EVENT_PLACES = [
    # a sentence without a place takes the most specific place of the sentence before it, not its province
    (
        "On 6 May 2020, in Montes Claros, Minas Gerais, federal police seized smuggled cigarettes in a warehouse. "
        "A man was arrested.",
        "2020-05-06",
        ("Montes Claros", "town"),
    ),
    # ... chosen as a draft's place is: not a namesake far from the other places of that sentence
    (
        "On 28 April 2020, in Omealca municipality, Veracruz, the bodies of two men were found near Puente de la "
        "Quebradora. The victims bore signs of torture 2 fatalities",
        "2020-04-28",
        ("Omealca", "admin2"),
    ),
    # a dateline is where the report was filed, not where the event happened
    (
        "KABUL (Reuters) - Taliban fighters attacked a police post in Farah province on Sunday, killing four "
        "policemen.",
        "2020-05-06",
        ("Farah", "admin1"),
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), EVENT_PLACES)
def test_event_place(text: str, published: str, expected: tuple[str, str]) -> None:
    events = [e for e in extract(text, published=published, lang="en") if not e.background]
    assert len(events) == 1 and events[0].location is not None
    assert (events[0].location.name, events[0].location.precision.value) == expected
