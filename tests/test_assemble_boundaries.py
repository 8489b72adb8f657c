"""Event boundaries: which sentences make one event, which start another, which only recall history.

Each row is a short text written for these tests, its publication date, and how many events a careful coder
codes from it (current events, background events).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extraction import extract
from eventcoder.mentions import ActorMention, PlaceMention, TriggerMention
from eventcoder.model import Actor, ActorType, DatePrecision, Document, EventType, Place, PlacePrecision
from eventcoder.stages._anaphora import cues, refers_back
from eventcoder.stages._draft import Draft, misreading, places_compatible

# (lang, text, published) -> (current events, background events)
BOUNDARIES = [
    # "falt i kamp" (killed in action) says who died, not how: the lead joins the roadside bomb it reports
    (
        "nb",
        "Fire norske soldater falt i kamp i Afghanistan søndag. "
        "Kjøretøyet deres kjørte på en veibombe vest for Maimana søndag.",
        "2010-06-28",
        (1, 0),
    ),
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
    # an attack some weeks ago is recalled history
    (
        "en",
        "Al Shabaab fighters killed 15 soldiers at a base near Mogadishu on Monday.\n\n"
        "Two weeks ago, al Shabaab attacked an army base near the Kenyan border.",
        "2022-01-20",
        (1, 1),
    ),
    (
        "nb",
        "Al-Shabaab drepte mandag 15 soldater ved en base nær Mogadishu.\n\n"
        "For to uker siden angrep al-Shabaab en militærbase nær grensen til Kenya.",
        "2022-01-20",
        (1, 1),
    ),
    (
        "nn",
        "15 soldatar vart drepne i eit åtak på ein base nær Mogadishu måndag.\n\n"
        "For to veker sidan åtaka al-Shabaab ein militærbase nær grensa til Kenya.",
        "2022-01-20",
        (1, 1),
    ),
    # habitual activity is described, not reported
    (
        "en",
        "Taliban insurgents attacked a police checkpoint in Farah province on Tuesday, killing four policemen.\n\n"
        "The insurgents have continued to launch daily assaults, mainly targeting security forces.",
        "2019-07-24",
        (1, 1),
    ),
    (
        "nb",
        "Taliban angrep tirsdag en politipost i Farah-provinsen og drepte fire politifolk.\n\n"
        "Opprørerne har fortsatt med daglige angrep mot sikkerhetsstyrkene.",
        "2019-07-24",
        (1, 1),
    ),
    (
        "nn",
        "Taliban åtaka tysdag ein politipost i Farah-provinsen, og fire politifolk vart drepne.\n\n"
        "Opprørarane held fram med daglege åtak mot tryggingsstyrkane.",
        "2019-07-24",
        (1, 1),
    ),
    # a recalled event in between does not cut the report short: "the fighting" still points back to it
    (
        "en",
        "A suicide car bomb killed 15 soldiers at a military base near Mogadishu on Monday.\n\n"
        "The group still carries out frequent attacks on security targets.\n\n"
        "The deputy governor of Lower Shabelle region confirmed the fighting.",
        "2022-01-20",
        (1, 1),
    ),
    # the armed shot in a fight are part of the fight, not an attack on civilians of its own
    (
        "en",
        "Insurgents stormed the police headquarters in Pul-e Khumri on Saturday, and fighting is ongoing.\n\n"
        "A ministry spokesman said two terrorists were shot dead, while the other attackers are surrounded by "
        "security forces.",
        "2019-05-05",
        (1, 0),
    ),
    (
        "nb",
        "Opprørere tok seg lørdag inn i politihovedkvarteret i Pol-e Khomri, og det pågår kamper.\n\n"
        "En talsmann for departementet opplyser at to terrorister ble skutt og drept, mens de øvrige angriperne er "
        "omringet av sikkerhetsstyrker.",
        "2019-05-05",
        (1, 0),
    ),
    (
        "nn",
        "Opprørarar tok seg laurdag inn i politihovudkvarteret i Pol-e Khomri, og det pågår kampar.\n\n"
        "Ein talsmann for departementet opplyser at to terroristar vart skotne og drepne, medan dei andre "
        "åtakarane er omringa av tryggingsstyrkar.",
        "2019-05-05",
        (1, 0),
    ),
    # an event dated only by a statement ("told AFP on Sunday") may lie days before it: a sentence dated earlier
    # that week is the same event
    (
        "en",
        "At least 12 civilians died in an attack by jihadists in Burkina Faso, locals told AFP on Sunday.\n\n"
        "Several dozen gunmen attacked the village overnight Thursday, a resident said.",
        "2023-02-14",
        (1, 0),
    ),
    # two towns of a list article, 9 km apart but each far outside the other's built-up area: a strike in each
    (
        "en",
        "Israeli missiles struck a house in Deir al-Balah on Saturday, killing a couple and their three children. "
        "Late on Saturday, an attack in Khan Younis killed four people.",
        "2024-08-19",
        (2, 0),
    ),
    (
        "nb",
        "Israelske raketter traff et hus i Deir al-Balah lørdag og drepte et par og deres tre barn. "
        "Sent lørdag ble fire personer drept i et angrep i Khan Younis.",
        "2024-08-19",
        (2, 0),
    ),
    # a period's sum in generic words is no event of the day: it stays apart from the incidents it sums
    (
        "en",
        "At least 25 people were killed in the past 24 hours, the health ministry said on Sunday. "
        "Six people were killed in an air strike on their house in Deir al-Balah.",
        "2024-08-19",
        (1, 1),
    ),
    (
        "nb",
        "Minst 25 mennesker er drept det siste døgnet, opplyser helsedepartementet søndag. "
        "Seks personer ble drept i et luftangrep mot huset deres i Deir al-Balah.",
        "2024-08-19",
        (1, 1),
    ),
    # "In another incident", "I en annen hendelse ...": a sentence about another incident starts an event of its own
    (
        "en",
        "Gunmen attacked a police post near Kirkuk on Monday, killing four policemen. "
        "In another incident, militants abducted three villagers.",
        "2020-08-25",
        (2, 0),
    ),
    # ... but "Meanwhile" as often goes on about the same event
    (
        "en",
        "Gunmen attacked a police post near Kirkuk on Monday, killing four policemen. "
        "Meanwhile, the death toll rose to six.",
        "2020-08-25",
        (1, 0),
    ),
    (
        "nb",
        "Væpnede menn angrep en politipost nær Kirkuk mandag og drepte fire politimenn. "
        "I en annen hendelse bortførte militante tre landsbyboere.",
        "2020-08-25",
        (2, 0),
    ),
    (
        "nn",
        "Væpna menn angreip ein politipost nær Kirkuk måndag og drap fire politimenn. "
        "I ei anna hending vart tre landsbybuarar bortførte av militante.",
        "2020-08-25",
        (2, 0),
    ),
    # without such a cue, the same words go on about the attack
    (
        "en",
        "Gunmen attacked a police post near Kirkuk on Monday, killing four policemen. "
        "Militants also abducted three villagers.",
        "2020-08-25",
        (1, 0),
    ),
    # a district of a city lies inside it: one place
    (
        "en",
        "A car bomb exploded in Sadr City on Monday, killing 30 people. "
        "Fifty more were wounded in Baghdad, police said.",
        "2021-07-20",
        (1, 0),
    ),
    (
        "nb",
        "En bilbombe gikk av i Sadr City mandag og drepte 30 mennesker. Femti til ble såret i Bagdad, sier politiet.",
        "2021-07-20",
        (1, 0),
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
    # a border crossing GeoNames lacks, known by its name
    ("Gunmen attacked soldiers at Kerem Shalom on Saturday, killing two.", "2023-10-09", ("Kerem Shalom", "town")),
]


def _draft(places: list[PlaceMention], **kwargs: object) -> Draft:
    return Draft(sentences=[0], triggers=[], places=places, dates=[], actors=[], background=False, **kwargs)  # type: ignore[arg-type]


def test_a_name_said_again_does_not_outvote_the_other_places() -> None:
    """A misread town repeated in three sentences keeps one vote: the place the text spells in its own country
    wins ("Barire" read as Bariri, Brazil, against "near Mogadishu" and Lower Shabelle)."""
    text = (
        "Al Shabaab fighters attacked a military base near Mogadishu on Monday, killing 15 soldiers. "
        "The militants used car bombs to take the base and the town of Barire. "
        "Ali Nur, the deputy governor of Lower Shabelle region where Barire is, confirmed the fighting. "
        "Now the fighting died down, a resident told Reuters from Barire."
    )
    events = [e for e in extract(text, published="2022-01-20", lang="en") if not e.background]
    assert [e.location.country if e.location else None for e in events] == ["SO"]


# (written, resolved country, resolved name, text countries, stray countries) -> a likely misreading
MISREADINGS = [
    ("Kossi province", "FR", "Cusy", {"BF": 4, "FR": 2}, frozenset(), True),  # poorly spelt, not the main country
    ("Kossi province", "BF", "Kossi", {"BF": 4, "FR": 2}, frozenset(), False),  # the country the text is about
    ("Farah", "AF", "Farah", {"BF": 4}, frozenset(), False),  # well spelt
    ("Barire", "BR", "Bariri", {"SO": 9, "BR": 3}, frozenset({"BR"}), True),  # the only name of its country
]


@pytest.mark.parametrize(("written", "country", "name", "countries", "stray", "expected"), MISREADINGS)
def test_misreading(
    written: str, country: str, name: str, countries: dict[str, int], stray: frozenset[str], expected: bool
) -> None:
    doc = Document(id="d", text=f"Gunmen attacked {written}.", lang="en")
    place = Place(name=name, country=country, precision=PlacePrecision.TOWN, lat=10.0, lon=10.0)
    mention = _mention(doc, written, place)
    assert misreading(mention, doc_countries=countries, stray_countries=stray) is expected
    draft = _draft([mention], doc_countries=countries, stray_countries=stray)
    assert (draft.firm_place is None) is expected


# (lang, text of an article without a publication date) -> current events: weekdays that cannot be dated still
# tell two days apart
UNDATED_DAYS = [
    (
        "en",
        "Health sources said a Monday airstrike by the coalition killed 13 people in Saada.\n\n"
        "Residents reported several additional airstrikes on Tuesday to the west of the city.",
        2,
    ),
    (
        "en",
        "Health sources said a Monday airstrike by the coalition killed 13 people in Saada.\n\n"
        "Residents said the airstrikes on Monday also destroyed a school.",
        1,
    ),
    (
        "nb",
        "Et luftangrep mandag drepte 13 mennesker i Saada, ifølge helsekilder.\n\n"
        "Innbyggere meldte om flere nye luftangrep tirsdag vest for byen.",
        2,
    ),
    (
        "nn",
        "Eit luftåtak måndag drap 13 menneske i Saada, ifølgje helsekjelder.\n\n"
        "Innbyggjarar melde om fleire nye luftåtak tysdag vest for byen.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), EVENT_PLACES)
def test_event_place(text: str, published: str, expected: tuple[str, str]) -> None:
    events = [e for e in extract(text, published=published, lang="en") if not e.background]
    assert len(events) == 1 and events[0].location is not None
    assert (events[0].location.name, events[0].location.precision.value) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), UNDATED_DAYS)
def test_undated_weekdays_tell_days_apart(lang: str, text: str, expected: int) -> None:
    events = [e for e in extract(text, lang=lang) if not e.background]
    assert len(events) == expected


# (lang, text) -> the countries of the current events: a sentence naming no place takes the country the text is
# about, not the last country named ("near the border with Mali")
COUNTRY_FALLBACK = [
    (
        "en",
        "At least 12 civilians died in an attack by jihadists in northwestern Burkina Faso, near the border with "
        "Mali, on Sunday.\n\nThis week, about 40 people, civilians or soldiers, died in various attacks.",
        ["BF", "BF"],
    ),
    (
        "nb",
        "Minst 12 sivile ble drept i et angrep nordvest i Burkina Faso, nær grensen til Mali, søndag.\n\n"
        "Denne uken er rundt 40 mennesker drept i ulike angrep.",
        ["BF", "BF"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "countries"), COUNTRY_FALLBACK)
def test_a_sentence_without_a_place_takes_the_country_of_the_text(lang: str, text: str, countries: list[str]) -> None:
    events = [e for e in extract(text, published="2023-02-14", lang=lang) if not e.background]
    assert [e.location.country if e.location else None for e in events] == countries


# (lang, text) -> the place of the current events: a sentence without a place borrows the text's only town, but
# not a place word inside an actor's name ("Boko Haram" is no town Haram)
BORROWED_PLACE = [
    (
        "en",
        "On 7 May 2020, in Tegucigalpa, residents blocked the entrance to a cemetery with burning tires. "
        "The police dispersed the demonstrators using teargas.",
        ["Tegucigalpa"],
    ),
    (
        "nb",
        "Torsdag blokkerte innbyggere i Tegucigalpa inngangen til en kirkegård med brennende dekk. "
        "Politiet spredte demonstrantene med tåregass.",
        ["Tegucigalpa"],
    ),
    # one town and one other country, each named once: neither is a stray misreading
    # "(district, Niger)" closing an ACLED note names the Nigerian state holding the village, not the country
    (
        "en",
        "On 7 May 2020, unidentified gunmen attacked Kagara (Rafi LGA, Niger), killed 1 resident and abducted "
        "family members.",
        ["Kagara"],
    ),
    (
        "nb",
        "Torsdag angrep ukjente væpnede menn Kagara (Rafi, Niger), drepte en innbygger og bortførte flere "
        "familiemedlemmer.",
        ["Kagara"],
    ),
    # not the town "Haram" inside the actor's name: the unknown village leaves only the actor's country
    (
        "en",
        "On 1 May 2020, suspected Boko Haram members looted a house in the village of Cheripouri. "
        "They took away clothes and foods.",
        ["Nigeria"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "places"), BORROWED_PLACE)
def test_borrowed_place(lang: str, text: str, places: list[str | None]) -> None:
    events = [e for e in extract(text, published="2020-05-08", lang=lang) if not e.background]
    assert [e.location.name if e.location else None for e in events] == places


_LEAD_NB = "Ukraina er rystet etter det russiske angrepet natt til lørdag. Minst 40 mennesker er bekreftet drept.\n\n"
_LEAD_EN = (
    "Ukraine is reeling after the Russian attack that began overnight on Saturday. "
    "At least 40 people have been confirmed killed.\n\n"
)
_VAC, _REMOTE = "Violence against civilians", "Explosions/Remote violence"
# (lang, text) -> (event type, deaths) of each current event, in text order
SUMMARY_LEADS = [
    # a lead of generic words over a body in timed sections: the lead sums up the whole night, not the drones
    (
        "nb",
        _LEAD_NB + "Klokken 03.10\n\nRussland sender over hundre droner mot Kharkiv.\n\n"
        "Klokken 04.45\n\nRussiske soldater stormer en kontrollpost utenfor Pokrovsk.",
        [(_VAC, 40), (_REMOTE, None), (_VAC, None)],
    ),
    (
        "en",
        _LEAD_EN + "3.10 am\n\nRussia launches more than a hundred drones at Kharkiv.\n\n"
        "4.45 am\n\nRussian troops storm into a checkpoint outside Vovchansk.",
        [(_VAC, 40), (_REMOTE, None), (_VAC, None)],
    ),
    # one section reporting one event: the lead is that event's lead
    (
        "nb",
        _LEAD_NB + "Klokken 03.10\n\nRussland sender over hundre droner mot Kharkiv. Mange av dronene blir skutt ned.",
        [("Explosions/Remote violence", 40)],
    ),
    (
        "en",
        _LEAD_EN + "3.10 am\n\nRussia launches more than a hundred drones at Kharkiv. "
        "Many of the drones are shot down.",
        [("Explosions/Remote violence", 40)],
    ),
    # no subheading: the lead opens the body's first report, as in any news story
    (
        "nb",
        _LEAD_NB + "Russland sendte over hundre droner mot Kharkiv. Russiske soldater stormet en kontrollpost "
        "utenfor Pokrovsk.",
        [("Explosions/Remote violence", 40), ("Violence against civilians", None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SUMMARY_LEADS)
def test_a_summary_lead_over_several_sections_is_its_own_event(
    lang: str, text: str, expected: list[tuple[str, int | None]]
) -> None:
    events = [e for e in extract(text, published="2024-05-11", lang=lang) if not e.background]
    assert [(e.event_type.value, e.fatalities.low) for e in events] == expected


# (lang, text, actor word): a place word that begins an actor's name is that actor's home, not the event's place
ACTOR_HOME = [
    ("en", "Army units shelled the positions of the Luhansk People's Militia near Zolote, Luhansk.", "People"),
    ("nb", "Hæren beskjøt stillingene til Luhansk Folkemilits nær Zolote, Luhansk.", "Folkemilits"),
]


@pytest.mark.parametrize(("lang", "text", "actor_word"), ACTOR_HOME)
def test_a_place_word_beginning_an_actors_name_is_not_the_events_place(lang: str, text: str, actor_word: str) -> None:
    doc = Document(id="d", text=text, lang=lang)
    city = Place(name="Luhansk", country="UA", precision=PlacePrecision.TOWN, lat=48.57, lon=39.31, admin1="Luhansk")
    province = Place(
        name="Luhansk", country="UA", precision=PlacePrecision.ADMIN1, lat=48.66, lon=38.85, admin1="Luhansk"
    )
    start = text.index(actor_word)
    actor = ActorMention(
        span=doc.span(start, start + len(actor_word)), actor=Actor(name="Militia", type=ActorType.REBEL_GROUP)
    )
    last = text.rindex("Luhansk")
    draft = Draft(
        sentences=[0],
        triggers=[],
        places=[
            _mention(doc, "Luhansk", city),
            PlaceMention(span=doc.span(last, last + len("Luhansk")), place=province),
        ],
        dates=[],
        actors=[actor],
        background=False,
    )
    assert draft.place is province


def test_the_trial_grouping_of_a_summary_lead_leaves_the_drafts_alone() -> None:
    from eventcoder.ingest import find_headings
    from eventcoder.pipeline import Pipeline
    from eventcoder.stages.assemble import _drafts, _group

    text = (
        _LEAD_NB + "Klokken 03.10\n\nRussland sender over hundre droner mot Kharkiv. Dronene treffer et kraftverk i "
        "Kharkiv.\n\nKlokken 04.45\n\nRussiske soldater stormer en kontrollpost utenfor Pokrovsk."
    )
    doc = Document(id="t", text=text, lang="nb", published="2024-05-11", headings=tuple(find_headings(text)))
    analysis = Pipeline.default().analyse(doc, lang="nb")
    events = _group(analysis, _drafts(analysis))
    sentences = [i for e in events for i in e.sentences]
    triggers = [t.span.start for e in events for t in e.triggers]
    assert len(events) == 3
    assert len(sentences) == len(set(sentences)) and len(triggers) == len(set(triggers))
