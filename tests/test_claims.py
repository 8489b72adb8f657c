"""Casualty claims per language: which numbers are figures of a kind, with updates and ages."""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import ClaimKind, Document
from eventcoder.pipeline import Pipeline

K, H = ClaimKind.KILLED, ClaimKind.INJURED

# (lang, text, published) -> (kind, low, updates) of every claim of the text, in text order
CLAIMS = [
    pytest.param(
        "nb",
        "Seks personer, blant dem to guvernører fra Mogadishu-distriktet og tre direktører, ble drept i et "
        "terrorangrep onsdag.",
        "2019-07-24",
        [(K, 6, False), (K, 2, False), (K, 3, False)],
        id="nb-aside-between-number-and-verb",
    ),
    pytest.param(
        "nb",
        "Det var Andreas Eldjarn (21) og Simen Tokle (24) som ble drept i Afghanistan søndag, melder Forsvaret.",
        "2010-06-08",
        [],
        id="nb-ages-in-brackets",
    ),
    pytest.param(
        "en",
        "The soldiers killed in the blast in Faryab on Sunday were John Smith (21) and Tom Lee (24), the army said.",
        "2010-06-08",
        [],
        id="en-ages-in-brackets",
    ),
    pytest.param(
        "en",
        "On 28 April 2020, doctors rallied outside a hospital in Thessaloniki to honor the dead of the pandemic. "
        "[size=at least 10]",
        "2020-04-28",
        [],
        id="en-label-value-is-no-figure",
    ),
    pytest.param(
        "en",
        "On 28 April 2020, the family of a police constable who was accidentally shot dead held a protest in Jodhpur.",
        "2020-04-28",
        [],
        id="en-singular-victim-in-a-relative-clause",
    ),
    pytest.param(
        "nb",
        "Familien til en politimann som ble skutt og drept i fjor, demonstrerte i Oslo lørdag.",
        "2020-04-28",
        [],
        id="nb-singular-victim-in-a-relative-clause",
    ),
    pytest.param(
        "en",
        "On 8 May 2020, four armed fighters of the banned Communist Party of India-Maoist (CPI-Maoist, a rebel "
        "group) were killed in an exchange of fire with police near Pardhoni village.",
        "2020-05-08",
        [(K, 4, False)],
        id="en-bracketed-aside-between-number-and-verb",
    ),
    pytest.param(
        "en",
        "On 2 May 2020, a security guard fatally shot a man in Kimberley during an altercation over entry into a shop.",
        "2020-05-02",
        [(K, 1, False)],
        id="en-fatally-shot",
    ),
    pytest.param(
        "en",
        "On 5 May 2020, police tortured a man in their custody in Mubende, and he died as a result of the torture.",
        "2020-05-05",
        [(K, 1, False)],
        id="en-pronoun-subject",
    ),
    pytest.param(
        "en",
        "On 5 May 2020, gunmen attacked a checkpoint in Kandahar. He said five soldiers were killed.",
        "2020-05-05",
        [(K, 5, False)],
        id="en-pronoun-of-a-speaker-is-no-victim",
    ),
    pytest.param(
        "nb",
        "Politiet torturerte en mann i varetekt i Mubende tirsdag, og han døde av skadene.",
        "2020-05-05",
        [(K, 1, False)],
        id="nb-pronoun-subject",
    ),
    pytest.param(
        "en",
        "Around 7 May 2020, 3 PKK militants were killed, injured or captured during security operations in Adiyaman.",
        "2020-05-07",
        [],
        id="en-killed-or-injured-is-no-figure",
    ),
    pytest.param(
        "nb",
        "Tre PKK-krigere ble drept eller såret i en operasjon i Adiyaman torsdag.",
        "2020-05-07",
        [],
        id="nb-drept-eller-saret-is-no-figure",
    ),
    pytest.param(
        "en",
        "On 4 May 2020, police clashed with drug traffickers in Itaborai, and one was killed.",
        "2020-05-04",
        [(K, 1, False)],
        id="en-one-was-killed",
    ),
    pytest.param(
        "en",
        "SANAA, Sept 21 At least 6 civilians were killed on Wednesday when an air strike hit a house in Hodeidah.",
        "2016-09-21",
        [(K, 6, False)],
        id="en-number-right-before-a-number",
    ),
    pytest.param(
        "en",
        "Rebels attacked a military base in southern Somalia early on Monday, killing at least 10 soldiers and "
        "burning two military vehicles.",
        "2014-12-15",
        [(K, 10, False)],
        id="en-things-after-an-adjective",
    ),
    pytest.param(
        "nb",
        "Opprørere angrep en militærbase i Somalia mandag og drepte 5 soldater og ødela to pansrede kjøretøy.",
        "2014-12-15",
        [(K, 5, False)],
        id="nb-things-after-an-adjective",
    ),
    pytest.param(
        "en",
        "On 29 April 2020, in Teresina, Piaui, a man was shot to death in Renascenca neighborhood by two armed men.",
        "2020-04-29",
        [(K, 1, False)],
        id="en-singular-victim-and-agents",
    ),
    pytest.param(
        "en",
        "On 2 May 2020, a suspected drug trafficker was killed after exchanging fire with military police in Bahia.",
        "2020-05-02",
        [(K, 1, False)],
        id="en-singular-victim",
    ),
    pytest.param(
        "en",
        "On 2 May 2020, a car bomb was detonated in Mogadishu, killing four soldiers.",
        "2020-05-02",
        [(K, 4, False)],
        id="en-article-before-a-thing-is-no-victim",
    ),
    pytest.param(
        "nb",
        "En politimann ble skutt og drept i Oslo natt til søndag.",
        "2020-05-03",
        [(K, 1, False)],
        id="nb-singular-victim",
    ),
    pytest.param(
        "nn",
        "Ein mann vart drepen i eit åtak i Kharkiv laurdag.",
        "2020-05-03",
        [(K, 1, False)],
        id="nn-singular-victim",
    ),
    pytest.param(
        "en",
        "On 28 April 2020, Al shabaab militants shot and killed a police officer in Mogadishu.",
        "2020-04-28",
        [(K, 1, False)],
        id="en-active-singular-object",
    ),
    pytest.param(
        "en",
        "On 9 May 2020, police clashed with a member of the Imbonerakure in Ruyigi, killing him.",
        "2020-05-09",
        [(K, 1, False)],
        id="en-active-pronoun-object",
    ),
    pytest.param(
        "en",
        "On 28 April 2020, resistance forces attacked Houthi forces in Qaatabah, killing a group of Houthi fighters.",
        "2020-04-28",
        [],
        id="en-a-group-is-not-one",
    ),
    pytest.param(
        "en",
        "On 28 April 2020, pro-Hadi forces shelled Houthi positions in Marib, killing a total of 17 fighters.",
        "2020-04-28",
        [(K, 17, False)],
        id="en-a-total-of",
    ),
    pytest.param(
        "nb",
        "Opprørere angrep en kontrollpost i Kandahar lørdag og drepte en politimann.",
        "2019-01-12",
        [(K, 1, False)],
        id="nb-active-singular-object",
    ),
    pytest.param(
        "nb",
        "Fem soldater ble drept i Kandahar lørdag, en dag etter angrepet i Herat.",
        "2019-01-12",
        [(K, 5, False)],
        id="nb-a-day-is-not-a-victim",
    ),
    pytest.param(
        "en",
        "On 6 May 2020, in Puebla, around 100 residents of Los Angeles Tetela lynched two armed men.",
        "2020-05-06",
        [(K, 2, False)],
        id="en-subject-of-a-verb-with-its-own-object",
    ),
    pytest.param(
        "nb",
        "Rundt 50 soldater i Kandahar drepte 12 opprørere i et angrep lørdag.",
        "2019-01-12",
        [(K, 12, False)],
        id="nb-subject-of-a-verb-with-its-own-object",
    ),
    pytest.param(
        "nb",
        "Ifølge helsedepartementet ble 80 personer drept og 350 såret da en lastebilbombe eksploderte i Kabul.",
        "2017-05-31",
        [(K, 80, False), (H, 350, False)],
        id="nb-da-en-is-no-object",
    ),
    pytest.param(
        "en",
        "On 5 May 2020, a Dalit Congress sarpanch was attacked and beaten to death in Passiana, Patiala.",
        "2020-05-05",
        [(K, 1, False)],
        id="en-singular-victim-verb-two-words-on",
    ),
    pytest.param(
        "en",
        "On 5 May 2020, a police station was attacked in Passiana, and the attackers were killed later.",
        "2020-05-05",
        [],
        id="en-singular-thing-then-a-comma",
    ),
    pytest.param(
        "nb",
        "En russisk rakett traff en boligblokk i Dnipro lørdag. Tallet på sårede fra blokka hadde lørdag kveld "
        "steget til 64, sier guvernøren.",
        "2023-01-15",
        [(H, 64, True)],
        id="nb-update-reaches-back",
    ),
    pytest.param(
        "en",
        "A Russian missile hit a block of flats in Dnipro on Saturday. The number of people killed in the "
        "building by the strike on Saturday had risen to 30 by the evening.",
        "2023-01-15",
        [(K, 30, True)],
        id="en-update-reaches-back",
    ),
    pytest.param(
        "nn",
        "Ein russisk rakett trefte ei boligblokk i Dnipro laurdag. Talet på skadde frå blokka i byen hadde laurdag "
        "kveld auka til 64.",
        "2023-01-15",
        [(H, 64, True)],
        id="nn-update-reaches-back",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CLAIMS)
def test_claims(lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int, bool]]) -> None:
    events = extract(text, published=published, lang=lang)
    got = [(c.kind, c.low, c.updates) for e in events for c in e.claims]
    assert got == expected


# (lang, text, published) -> (low, subgroup) of every killed claim, in text order
SUBGROUPS = [
    pytest.param(
        "nn",
        "Elleve krigarar er drepne i eit israelsk angrep i Palmyra. Sju av dei drepne var syrarar, medan fire hadde "
        "ein annan nasjonalitet.",
        "2024-11-21",
        [(11, False), (7, True), (4, True)],
        id="nn-part-of-the-dead-and-the-rest",
    ),
    pytest.param(
        "nb",
        "Seks personer, blant dem to guvernører og tre direktører, ble drept i et terrorangrep i Mogadishu onsdag.",
        "2019-07-24",
        [(6, False), (2, True), (3, True)],
        id="nb-coordinated-parts",
    ),
    pytest.param(
        "en",
        "On 30 April 2020, 5 civilians (2 men, 2 women, and 1 child) were killed when their vehicle hit a roadside "
        "bomb in Ghazni.",
        "2020-04-30",
        [(5, False), (2, True), (2, True), (1, True)],
        id="en-parts-in-brackets",
    ),
    pytest.param(
        "nb",
        "Fem sivile (to menn, to kvinner og ett barn) ble drept da en veibombe eksploderte i Ghazni torsdag.",
        "2020-04-30",
        [(5, False), (2, True), (2, True), (1, True)],
        id="nb-parts-in-brackets",
    ),
    pytest.param(
        "en",
        "Gunmen attacked a family near Rapar on Saturday, killing five of them.",
        "2020-05-09",
        [(5, False)],
        id="en-of-them-is-not-a-part",
    ),
    pytest.param(
        "nb",
        "Tallet på sårede i Dnipro hadde lørdag kveld steget til 64. Han sier at det er tolv barn blant dem.",
        "2023-01-15",
        [],
        id="nb-part-in-the-next-sentence-is-not-killed",
    ),
    pytest.param(
        "en",
        "At least 30 people were killed in the blast in Kabul on Friday. The governor said there were eight "
        "children among them.",
        "2020-05-09",
        [(30, False), (8, True)],
        id="en-part-in-the-next-sentence",
    ),
    pytest.param(
        "en",
        "A Russian missile hit a block of flats in Dnipro on Saturday: 72 people sustained injuries, including 13 "
        "children, and 39 were rescued.",
        "2023-01-15",
        [],
        id="en-part-of-the-injured-not-of-the-rescued",
    ),
    pytest.param(
        "en",
        "At least 30 people were killed in the blast in Kabul on Friday. Eight of the dead were children.",
        "2020-05-09",
        [(30, False), (8, True)],
        id="en-part-of-the-dead",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), SUBGROUPS)
def test_subgroups(lang: str, text: str, published: str, expected: list[tuple[int, bool]]) -> None:
    events = extract(text, published=published, lang=lang)
    got = [(c.low, c.subgroup) for e in events for c in e.claims if c.kind is K]
    assert got == expected


def test_part_in_the_next_sentence_takes_the_kind_before() -> None:
    text = (
        "En russisk rakett traff en boligblokk i Dnipro lørdag. Tallet på sårede hadde lørdag kveld steget til 64. "
        "Han sier at det er tolv barn blant dem."
    )
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang="nb", published="2023-01-15"), lang="nb")
    assert [(c.claim.kind, c.claim.low, c.claim.subgroup) for c in analysis.claims] == [(H, 64, False), (H, 12, True)]


def test_part_takes_the_kind_of_the_figure_before_it() -> None:
    text = (
        "A Russian missile hit a block of flats in Dnipro on Saturday: 72 people sustained injuries, including 13 "
        "children, and 39 were rescued."
    )
    claims = [c for e in extract(text, published="2023-01-15", lang="en") for c in e.claims]
    assert [(c.kind, c.low, c.subgroup) for c in claims] == [
        (H, 72, False),
        (H, 13, True),
        (ClaimKind.FREED, 39, False),
    ]


# (lang, text, published) -> fatalities low of the main event
COORDINATED = [
    pytest.param(
        "en",
        "On 29 April 2020, 3 local policemen, 2 pro-government militia members, and 1 soldier were killed during an "
        "operation against Taliban militants in Jurm district, Badakhshan.",
        "2020-04-29",
        6,
        id="en-coordinated-parties-add-up",
    ),
    pytest.param(
        "en",
        "On 3 May 2020, Taliban militants attacked a checkpoint in Kunduz, killing 3 soldiers and 2 policemen.",
        "2020-05-03",
        5,
        id="en-active-coordinated-parties-add-up",
    ),
    pytest.param(
        "nb",
        "Taliban angrep en kontrollpost i Kunduz søndag og drepte tre soldater og to politimenn.",
        "2020-05-03",
        5,
        id="nb-active-coordinated-parties-add-up",
    ),
    pytest.param(
        "nb",
        "Tre politimenn, to vaktmenn og én soldat ble drept i et angrep fra Taliban i Kunduz lørdag.",
        "2020-04-29",
        6,
        id="nb-coordinated-parties-add-up",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), COORDINATED)
def test_coordinated_parties(lang: str, text: str, published: str, expected: int) -> None:
    events = [e for e in extract(text, published=published, lang=lang) if not e.background]
    assert [e.fatalities.low for e in events if e.fatalities.low is not None] == [expected]


# ACLED notes that share one toll among several events: (text, published) -> fatalities low of the main event
SPREAD = [
    pytest.param(
        "On 9 May 2020, Houthi forces exchanged artillery with pro-Hadi forces in Qaatabah, incurring fatalities. "
        "Unclear fatalities coded as 10 and spread between 3 locations.",
        "2020-05-09",
        3,
        id="en-toll-spread-between-locations",
    ),
    pytest.param(
        "On 30 April 2020, 9 soldiers and 5 militia members were killed in an attack by Taliban militants in Zari "
        "district, Balkh. Fatalities are split across 2 events (8).",
        "2020-04-30",
        8,
        id="en-share-of-this-event",
    ),
    pytest.param(
        "On 5 May 2020, Fellata and Rizeigat militias clashed in South Darfur, killing at least 31 people. Fatalities "
        "distributed across six events.",
        "2020-05-05",
        5,
        id="en-toll-of-an-earlier-sentence-shared",
    ),
    pytest.param(
        "On 28 April 2020, rebel forces fired mortars at government positions near Orikhove. During the day, one "
        "Ukrainian soldier was killed at an unspecified location [1 fatality split among 12 events].",
        "2020-04-28",
        0,
        id="en-one-death-among-twelve-events",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), SPREAD)
def test_spread_toll(text: str, published: str, expected: int) -> None:
    events = [e for e in extract(text, published=published, lang="en") if not e.background]
    assert [e.fatalities.low for e in events if e.fatalities.low is not None] == [expected]


# (lang, text, published) -> fatalities low of the main event
LISTED = [
    pytest.param(
        "en",
        "The mother and her four children were killed when an Israeli airstrike hit their home in Rafah on Monday.",
        "2024-05-06",
        5,
        id="en-listed-noun-before-the-figure",
    ),
    pytest.param(
        "en",
        "Three children and their parents died when a shell hit their house in Kharkiv on Monday.",
        "2024-05-06",
        5,
        id="en-listed-noun-after-the-figure",
    ),
    pytest.param(
        "en",
        "On 3 May 2020, gunmen shot dead a farmer and his three sons in Zamfara.",
        "2020-05-03",
        4,
        id="en-active-listed-noun",
    ),
    pytest.param(
        "en",
        "On 3 May 2020, militants ambushed a patrol in Kunduz, killing four policemen and a civilian.",
        "2020-05-03",
        5,
        id="en-article-and-party-after-the-figure",
    ),
    pytest.param(
        "en",
        "On 3 May 2020, police shot at the crowd in Lagos, killing 1 woman and injuring 1 man.",
        "2020-05-03",
        1,
        id="en-another-clause-is-no-listed-victim",
    ),
    pytest.param(
        "nb",
        "Ekteparet og deres tre barn ble drept da et russisk missil traff boligen deres i Kharkiv mandag.",
        "2024-05-06",
        5,
        id="nb-listed-noun-before-the-figure",
    ),
    pytest.param(
        "nb",
        "Mandag ble faren og hans to sønner drept i et israelsk luftangrep i Rafah.",
        "2024-05-06",
        3,
        id="nb-listed-noun-after-an-auxiliary",
    ),
    pytest.param(
        "nn",
        "Foreldra og dei fire borna vart drepne då ein rakett trefte huset i Kharkiv måndag.",
        "2024-05-06",
        6,
        id="nn-listed-noun-before-the-figure",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), LISTED)
def test_listed_victims(lang: str, text: str, published: str, expected: int) -> None:
    events = [e for e in extract(text, published=published, lang=lang) if not e.background]
    assert [e.fatalities.low for e in events if e.fatalities.low is not None] == [expected]


# (lang, text, published) -> (kind, low) of every claim: one group listed beside a figure is one claim
LISTED_ONE_CLAIM = [
    pytest.param(
        "en",
        "Gunmen shot dead a man and his two sons in Zamfara on Sunday.",
        "2020-05-03",
        [(K, 3)],
        id="en-one-group-one-claim",
    ),
    pytest.param(
        "nb",
        "Foreldrene og de tre barna deres ble drept i et luftangrep i Rafah søndag.",
        "2020-05-03",
        [(K, 5)],
        id="nb-one-group-one-claim",
    ),
    pytest.param(
        "nn",
        "Mora og dei to borna hennar vart drepne i eit flyåtak i Rafah søndag.",
        "2020-05-03",
        [(K, 3)],
        id="nn-one-group-one-claim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), LISTED_ONE_CLAIM)
def test_listed_group_is_one_claim(lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int]]) -> None:
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang=lang, published=published), lang=lang)
    assert [(c.claim.kind, c.claim.low) for c in analysis.claims] == expected


# (lang, text, published) -> (kind, low) of every claim of the text, in text order
OWN_VICTIM = [
    pytest.param(
        "en",
        "On 3 May 2020, three trucks of gunmen stormed the village of Kafin in Zamfara, wounding a farmer and "
        "kidnapping four others.",
        "2020-05-03",
        [(H, 1), (ClaimKind.ABDUCTED, 4)],
        id="en-things-and-a-claim-word-with-its-own-victim",
    ),
    pytest.param(
        "nb",
        "Tre biler med væpnede menn stormet gården søndag og såret ham.",
        "2020-08-23",
        [(H, 1)],
        id="nb-things-and-a-claim-word-with-its-own-victim",
    ),
    pytest.param(
        "nn",
        "To bilar med væpna menn kom til garden søndag og skadde han.",
        "2020-08-23",
        [(H, 1)],
        id="nn-things-and-a-claim-word-with-its-own-victim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), OWN_VICTIM)
def test_claim_word_with_its_own_victim(
    lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int]]
) -> None:
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang=lang, published=published), lang=lang)
    assert sorted((c.claim.kind, c.claim.low) for c in analysis.claims) == sorted(expected)


# (lang, text, published) -> (kind, low) of every claim: a hedge inside the passive is no word between
HEDGED = [
    pytest.param(
        "en",
        "Four villagers who were on their way home from the camp are reported to have been killed.",
        "2020-05-03",
        [(K, 4)],
        id="en-hedged-passive",
    ),
    pytest.param(
        "nb",
        "Fire landsbyboere som var på vei hjem fra markedet i byen, skal ha blitt drept.",
        "2020-05-03",
        [(K, 4)],
        id="nb-hedged-passive",
    ),
    pytest.param(
        "nn",
        "To sivile som budde i den vesle landsbyen ved elva, skal ha vorte drepne.",
        "2020-05-03",
        [(K, 2)],
        id="nn-hedged-passive",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), HEDGED)
def test_hedged_passive(lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int]]) -> None:
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang=lang, published=published), lang=lang)
    assert [(c.claim.kind, c.claim.low) for c in analysis.claims] == expected


M = ClaimKind.MISSING

# (lang, text, published) -> (kind, low, subgroup) of every claim of the text, in text order
MORE_CLAIMS = [
    pytest.param(
        "en",
        "Two gunmen stormed a police post in Kano on Monday and killed three officers. Both were shot dead by "
        "soldiers.",
        "2020-05-04",
        [(K, 3, False), (K, 2, True)],
        id="en-both-after-a-figure-is-a-part",
    ),
    pytest.param(
        "en",
        "Two gunmen stormed a police post in Kano on Monday. Both were shot dead by soldiers.",
        "2020-05-04",
        [(K, 2, False)],
        id="en-both-alone-is-the-figure",
    ),
    pytest.param(
        "nb",
        "To væpnede menn angrep en politistasjon i Kano mandag og drepte tre betjenter. Begge ble skutt og drept av "
        "soldater.",
        "2020-05-04",
        [(K, 3, False), (K, 2, True)],
        id="nb-both-after-a-figure-is-a-part",
    ),
    pytest.param(
        "nn",
        "To væpna menn angreip ein politistasjon i Kano måndag og drap tre betjentar. Begge vart drepne av soldatar.",
        "2020-05-04",
        [(K, 3, False), (K, 2, True)],
        id="nn-both-after-a-figure-is-a-part",
    ),
    pytest.param(
        "en",
        "Gunmen killed a farmer and injured another in Kaduna on Monday.",
        "2020-05-04",
        [(K, 1, False), (H, 1, False)],
        id="en-another-is-one-victim",
    ),
    pytest.param(
        "nb",
        "Væpnede menn drepte en bonde og såret en annen i Kaduna mandag.",
        "2020-05-04",
        [(K, 1, False), (H, 1, False)],
        id="nb-another-is-one-victim",
    ),
    pytest.param(
        "en",
        "The fate of 9 residents of the building is still unknown, the rescue service said.",
        "2023-01-15",
        [(M, 9, False)],
        id="en-fate-of-is-missing",
    ),
    pytest.param(
        "nb",
        "Skjebnen til ni beboere er fortsatt ukjent, opplyser redningstjenesten.",
        "2023-01-15",
        [(M, 9, False)],
        id="nb-fate-of-is-missing",
    ),
    pytest.param(
        "nn",
        "Lagnaden til ni bebuarar er framleis ukjend, opplyser redningstenesta.",
        "2023-01-15",
        [(M, 9, False)],
        id="nn-fate-of-is-missing",
    ),
    pytest.param(
        "en",
        "In Dnipro the death toll rises to 23 people, and about 40 others are missing after the strike.",
        "2023-01-15",
        [(K, 23, False), (M, 40, False)],
        id="en-an-update-takes-the-toll-word-before-it",
    ),
    pytest.param(
        "nb",
        "I Dnipro har dødstallet steget til 23 mennesker, og rundt 40 andre er savnet etter angrepet.",
        "2023-01-15",
        [(K, 23, False), (M, 40, False)],
        id="nb-an-update-takes-the-toll-word-before-it",
    ),
    pytest.param(
        "en",
        "On 4 May 2020, militants assassinated a teacher in Djibo.",
        "2020-05-04",
        [(K, 1, False)],
        id="en-assassinated-is-killed",
    ),
    pytest.param(
        "nb",
        "Væpnede menn likviderte en lærer i Djibo mandag.",
        "2020-05-04",
        [(K, 1, False)],
        id="nb-liquidated-is-killed",
    ),
    pytest.param(
        "nn",
        "Væpna menn likviderte ein lærar i Djibo måndag.",
        "2020-05-04",
        [(K, 1, False)],
        id="nn-liquidated-is-killed",
    ),
    pytest.param(
        "en",
        "On 4 May 2020, police exchanged fire with robbers in Itambi. Four robbers managed to flee and one was killed.",
        "2020-05-04",
        [(ClaimKind.ESCAPED, 4, False), (K, 1, False)],
        id="en-managed-to-flee-is-no-death",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), MORE_CLAIMS)
def test_more_claims(lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int, bool]]) -> None:
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang=lang, published=published), lang=lang)
    assert [(c.claim.kind, c.claim.low, c.claim.subgroup) for c in analysis.claims] == expected


# (lang, text, published) -> fatalities low of the main event: "also" adds the victims of a figure to those before it
ALSO = [
    pytest.param(
        "en",
        "On 29 April 2020, prison guards shot dead one inmate in Freetown. 9 inmates were also killed in the riot.",
        "2020-04-29",
        10,
        id="en-also-adds-to-the-figure-before",
    ),
    pytest.param(
        "nb",
        "Fengselsvakter skjøt og drepte én fange i Freetown onsdag. Ni fanger ble også drept i opprøret.",
        "2020-04-29",
        10,
        id="nb-also-adds-to-the-figure-before",
    ),
    pytest.param(
        "nn",
        "Fengselsvakter drap to fangar i Freetown onsdag. Ni fangar vart òg drepne i opprøret.",
        "2020-04-29",
        11,
        id="nn-also-adds-to-the-figure-before",
    ),
    pytest.param(
        "nb",
        "Tre soldater ble drept i et angrep i Kabul onsdag. To sivile ble også drept i angrepet.",
        "2020-04-29",
        5,
        id="nb-also-between-two-parties-is-the-split",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), ALSO)
def test_also_adds_up(lang: str, text: str, published: str, expected: int) -> None:
    events = [e for e in extract(text, published=published, lang=lang) if not e.background]
    assert [e.fatalities.low for e in events if e.fatalities.low is not None] == [expected]


# Amounts without a number ("flere", "mange", "et stort antall", "several", "a number of"): claims without a figure.
# (lang, text, published) -> (kind, low, victims_text, claimant) of every claim of the text, in text order
D, C, A = ClaimKind.DISPLACED, ClaimKind.CAPTURED, ClaimKind.ARRESTED
FIGURELESS = [
    pytest.param(
        "nb",
        "Flere sivile ble drept i Kharkiv tirsdag, ifølge guvernøren.",
        [(K, None, "sivile", "guvernøren")],
        id="nb-flere-passive",
    ),
    pytest.param(
        "nb",
        "Et stort antall soldater ble drept og tatt til fange ved grensen lørdag, ifølge hæren.",
        [(K, None, "soldater", "hæren"), (C, None, "soldater", "hæren")],
        id="nb-et-stort-antall-two-coordinated-words",
    ),
    pytest.param(
        "nb",
        "Væpnede menn angrep en landsby i Borno mandag og drepte mange sivile, sier politiet.",
        [(K, None, "sivile", "politiet")],
        id="nb-mange-active",
    ),
    pytest.param(
        "nb",
        "Mange ble såret da en bombe gikk av i Kabul onsdag, sier politiet.",
        [(H, None, None, "politiet")],
        id="nb-mange-alone-before-passive",
    ),
    pytest.param(
        "nb",
        "Et ukjent antall opprørere ble drept i kamper med hæren nær Gao fredag.",
        [(K, None, "opprørere", None)],
        id="nb-et-ukjent-antall",
    ),
    pytest.param(
        "nb",
        "Tre soldater ble drept og flere sivile ble såret i angrepet.",
        [(K, 3, "soldater", None), (H, None, "sivile", None)],
        id="nb-figure-of-another-kind-beside-it",
    ),
    pytest.param(
        "nb",
        "Minst fem sivile ble drept i Kharkiv tirsdag, blant dem flere barn.",
        [(K, 5, "sivile", None)],
        id="nb-part-of-a-figure-is-no-claim",
    ),
    pytest.param("nb", "Flere steder i Kharkiv ble rammet av raketter tirsdag.", [], id="nb-flere-steder-no-victims"),
    pytest.param(
        "nb",
        "Dusinvis av sivile ble drept i Kharkiv tirsdag.",
        [(K, 12, "sivile", None)],
        id="nb-dusinvis-keeps-its-acled-value",
    ),
    pytest.param(
        "nn",
        "Fleire sivile vart drepne i Kharkiv tysdag, melder guvernøren.",
        [(K, None, "sivile", "guvernøren")],
        id="nn-fleire-passive",
    ),
    pytest.param(
        "nn",
        "Eit stort tal soldatar vart tekne til fange ved grensa laurdag.",
        [(C, None, "soldatar", None)],
        id="nn-eit-stort-tal",
    ),
    pytest.param(
        "nn",
        "Mange vart såra då ei bombe gjekk av i Kabul onsdag.",
        [(H, None, None, None)],
        id="nn-mange-alone-before-passive",
    ),
    pytest.param("nn", "Fleire stader i Kharkiv vart råka av rakettar.", [], id="nn-fleire-stader-no-victims"),
    pytest.param(
        "nn",
        "Fleire hundre sivile vart drepne.",
        [(K, 100, "sivile", None)],
        id="nn-fleire-hundre-keeps-its-acled-value",
    ),
    pytest.param(
        "en",
        "Several people were killed when gunmen attacked a village in Kaduna on Monday, police sources said.",
        [(K, None, "people", "police sources")],
        id="en-several-passive",
    ),
    pytest.param(
        "en",
        "Gunmen raided a village in Kaduna on Monday, killing a number of civilians, residents said.",
        [(K, None, "civilians", "residents")],
        id="en-a-number-of-active",
    ),
    pytest.param(
        "en",
        "Many were displaced after militants torched homes in Tillia on Monday, residents said.",
        [(D, None, None, "residents")],
        id="en-many-alone-before-passive",
    ),
    pytest.param(
        "en",
        "An unknown number of soldiers were captured when rebels overran an army base near Goma, the army said.",
        [(C, None, "soldiers", "army")],
        id="en-an-unknown-number-of",
    ),
    pytest.param(
        "en",
        "The blast left several victims dead and others hurt, the ministry said.",
        [(K, None, "victims", "ministry")],
        id="en-several-victims-left-dead",
    ),
    pytest.param(
        "en",
        "Police arrested many protesters in Lagos on Saturday.",
        [(A, None, "protesters", None)],
        id="en-many-active-arrests",
    ),
    pytest.param(
        "en",
        "A drone strike killed 13 people, including several children, medics said.",
        [(K, 13, "people", "medics")],
        id="en-part-of-a-figure-is-no-claim",
    ),
    pytest.param(
        "en",
        "Five soldiers were killed and several were wounded when militants attacked a base near Gao on Friday.",
        [(K, 5, "soldiers", None), (H, None, None, None)],
        id="en-several-alone-takes-no-victims-from-the-next-clause",
    ),
    pytest.param(
        "en",
        "Several people were killed, at least 7 of them in the market, police said.",
        [(K, 7, None, "police")],
        id="en-figure-of-the-same-kind-in-the-clause",
    ),
    pytest.param(
        "en", "Several vehicles were destroyed and many rockets were shot down.", [], id="en-several-things-no-victims"
    ),
    pytest.param("en", "Many of the rockets were intercepted.", [], id="en-many-of-things-no-victims"),
    pytest.param(
        "en",
        "Scores of civilians were killed in the shelling.",
        [(K, 20, "civilians", None)],
        id="en-scores-keeps-its-acled-value",
    ),
    # a party named by a bare plural noun as the subject of a passive claim word: some hit, no figure
    pytest.param(
        "nb",
        "Ifølge kildene er politifolk drept, men det er ikke kjent hvor mange.",
        [(K, None, "politifolk", "kildene")],
        id="nb-bare-plural-inverted",
    ),
    pytest.param(
        "nb",
        "Tre soldater ble drept, og sivile ble såret i angrepet.",
        [(K, 3, "soldater", None), (H, None, "sivile", None)],
        id="nb-bare-plural-in-a-new-clause",
    ),
    pytest.param("nb", "De sivile ble drept i angrepet.", [], id="nb-determiner-is-no-bare-plural"),
    pytest.param(
        "nn",
        "Sivile vart drepne i åtaket på landsbyen.",
        [(K, None, "Sivile", None)],
        id="nn-bare-plural-claim-word-with-its-auxiliary",
    ),
    pytest.param(
        "nn",
        "Ifølge kjeldene er politifolk drepne.",
        [(K, None, "politifolk", "kjeldene")],
        id="nn-bare-plural-inverted",
    ),
    pytest.param("nn", "Dei sivile vart drepne i åtaket.", [], id="nn-determiner-is-no-bare-plural"),
    pytest.param(
        "en",
        "Civilians were killed in the raid, residents said.",
        [(K, None, "Civilians", "residents")],
        id="en-bare-plural-passive",
    ),
    pytest.param(
        "en",
        "Soldiers have been killed and wounded, officials said.",
        [(K, None, "Soldiers", "officials"), (H, None, "Soldiers", "officials")],
        id="en-bare-plural-two-coordinated-words",
    ),
    pytest.param("en", "The families of soldiers who were killed protested.", [], id="en-bare-plural-not-a-subject"),
    pytest.param("en", "A man and woman were killed in the raid.", [], id="en-listed-noun-is-no-bare-plural"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FIGURELESS)
def test_claims_without_figure(
    lang: str, text: str, expected: list[tuple[ClaimKind, int | None, str | None, str | None]]
) -> None:
    analysis = Pipeline.default().analyse(Document(id="t", text=text, lang=lang, published="2024-05-11"), lang=lang)
    claims = [c.claim for c in analysis.claims]
    assert [(c.kind, c.low, c.victims_text, c.claimant) for c in claims] == expected
    assert all(c.qualifier.value == "vague" and c.high is None for c in claims if c.low is None)


@pytest.mark.parametrize(("lang", "text", "expected"), FIGURELESS)
def test_no_deaths_from_claims_without_figure(
    lang: str, text: str, expected: list[tuple[ClaimKind, int | None, str | None, str | None]]
) -> None:
    """No phantom deaths: an event's toll comes from the figures only."""
    figures = [low for kind, low, _, _ in expected if kind is K and low is not None]
    for event in extract(text, published="2024-05-11", lang=lang):
        assert event.fatalities.low in ({None} if not figures else {None, *figures})
        assert all(c.low is None or c.low in figures or c.kind is not K for c in event.claims)
