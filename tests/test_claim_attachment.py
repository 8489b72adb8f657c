"""Which event of an article gets which casualty figure (stages/_claimattach.py), per language: text -> the events
(named by words of their evidence) and the death toll each of them gets: (`fatalities.low`, `fatalities.high`), or
None for no figure."""

from __future__ import annotations

import re

import pytest

from eventcoder.extraction import extract
from eventcoder.model import ClaimKind, Document, Event
from eventcoder.pipeline import Analysis
from eventcoder.stages._attachcues import attach_cues, in_clause, right_before
from eventcoder.stages._claimattach import headline_sentences
from eventcoder.stages.segment import segment

Toll = tuple[int, int] | None
Row = tuple[str, str, dict[str, Toll]]

EN: list[Row] = [
    (
        # a war's toll in a sentence of its own event stays off that event
        "Saudi-led air strikes killed six civilians in Hodeidah on Wednesday, medics said. U.N.-sponsored talks to end"
        " the fighting that has killed more than 10,000 people collapsed last month, and the Houthis resumed shelling"
        " into Saudi Arabia.",
        "2016-09-21",
        {"air strikes killed six": (6, 6), "resumed shelling": None},
    ),
    (
        # a figure placed in another country is not the figure of this event
        "Suspected jihadists massacred 51 civilians in northern Mali and killed 12 troops in an ambush in neighbouring"
        " Burkina Faso, the authorities said Monday.",
        "2021-08-09",
        {"massacred 51": (51, 51)},
    ),
    (
        # each figure goes to the event of the place its clause names
        "Gunmen stormed a checkpoint in Kabul on Monday. A roadside bomb hit a police vehicle in Kandahar on Monday."
        " Officials said the gunmen killed three policemen in Kabul, and the bomb killed two civilians in Kandahar.",
        "2019-01-21",
        {"Gunmen stormed": (3, 3), "roadside bomb": (2, 2)},
    ),
    (
        # victims from another country are still this event's
        "A suicide bomber attacked a UN base in Aguelhok in northern Mali on Sunday, killing 10 peacekeepers from"
        " Chad.",
        "2019-01-21",
        {"suicide bomber": (10, 10)},
    ),
    (
        # a recalled event's figure ("two days after") is not today's toll
        "Turkish artillery shelled Syrian army positions in Idlib on Monday. The shelling came two days after two"
        " Turkish soldiers were killed in an air strike.",
        "2020-02-05",
        {"Turkish artillery": None},
    ),
    (
        # the headline's figure goes to the event the body reports, not to a headline event of its own
        "Syria says four soldiers killed in Israeli airstrike on Damascus\n\nAnother four wounded in first apparent"
        " strike since July 19\n\nIsraeli airstrikes targeted areas near Damascus early Monday, killing four Syrian"
        " soldiers, state media said.",
        "2023-08-07",
        {"Syria says four soldiers": None, "targeted areas near Damascus": (4, 4)},
    ),
    (
        # the body restates the lead's figure: it stays with the lead's event and is not added to it (the dateline
        # is no place of the event, so the lead, "in western Yemen", joins the Hodeidah sentences into one event)
        "SANAA, Sept 21 At least 6 civilians were killed on Wednesday when a Saudi-led coalition air strike hit a house"
        " in western Yemen, medics said. Fighter jets launched missiles on Wednesday at a presidential palace in"
        " Hodeidah, a resident told Reuters. A raid hit a house adjacent to the palace killing six civilians, according"
        " to a medic.",
        "2016-09-21",
        {"At least 6 civilians": (6, 6), "killing six civilians": (6, 6)},
    ),
    (
        # "in the attack" names the event reported as "the attack", not the clash the sentence joined
        "The attack began when a suicide bomber blew himself up at the police headquarters in Pul-e Khumri on Sunday."
        "\n\nPolice sources said gunmen then entered the building and clashes were under way. At least four people"
        " were killed in the attack, the provincial health chief said.",
        "2019-05-05",
        {"suicide bomber": (4, 4), "clashes were under way": None},
    ),
    (
        # a period's sum over several events is no single event's toll
        "An Israeli aircraft bombed an apartment building in Jabalia on Sunday, killing four people. At least 25"
        " Palestinians were killed across Gaza in the past 24 hours, the health ministry said.",
        "2024-08-19",
        {"aircraft bombed": (4, 4)},
    ),
]

NB: list[Row] = [
    (
        "Angrepet startet med at en selvmordsbomber sprengte seg ved politihovedkvarteret i Pol-e Khomri søndag.\n\n"
        "Politikilder opplyser at opprørere deretter tok seg inn i bygningen, og at det pågår kamper. Ifølge"
        " helsesjefen er minst fire mennesker drept i angrepet.",
        "2019-05-05",
        {"selvmordsbomber": (4, 4), "pågår kamper": None},
    ),
    (
        "Tyrkisk artilleri beskjøt syriske stillinger i Idlib mandag. Angrepet skjedde to dager etter at to tyrkiske"
        " soldater ble drept i et luftangrep.",
        "2020-02-05",
        {"Tyrkisk artilleri": None},
    ),
    (
        "Et israelsk luftangrep traff et hus i Jabalia søndag, og fire personer ble drept. Minst 25 palestinere er"
        " drept det siste døgnet, opplyser helsedepartementet.",
        "2024-08-19",
        {"luftangrep traff": (4, 4)},
    ),
    (
        "Mistenkte jihadister drepte 51 sivile i Mali og drepte 12 soldater i et bakholdsangrep i nabolandet Burkina"
        " Faso, opplyser myndighetene.",
        "2021-08-09",
        {"drepte 51": (51, 51)},
    ),
    (
        "En selvmordsbomber angrep en FN-base i Aguelhok nord i Mali søndag og drepte ti fredsbevarende soldater fra"
        " Tsjad.",
        "2019-01-21",
        {"selvmordsbomber": (10, 10)},
    ),
]

NN: list[Row] = [
    (
        # one source's count of one party beside another source's total: both are counts of the event
        "Elleve krigarar frå iranskstøtta milits er drepne i eit israelsk angrep i Palmyra i Syria, ifølge Syrian"
        " Observatory for Human Rights (SOHR). Ifølge syriske styresmakter er talet på drepne 36 menneske, melder AFP.",
        "2024-11-21",
        {"Elleve krigarar": (11, 36)},
    ),
    (
        # a war's toll in a sentence without an event: no figure of the event before it
        "Eit israelsk luftåtak drap fire menneske i Damaskus torsdag. Krigen har kosta over 500 000 menneske livet.",
        "2024-11-21",
        {"luftåtak drap fire": (4, 4)},
    ),
]


def _toll(events: list[Event], words: str) -> Toll:
    found = [e for e in events if not e.background and any(words in s.text for s in e.evidence)]
    assert found, f"no event reports {words!r}: {[[s.text for s in e.evidence] for e in events]}"
    low, high = found[0].fatalities.low, found[0].fatalities.high
    return None if low is None or high is None else (low, high)


def _check(lang: str, text: str, published: str, expected: dict[str, Toll]) -> None:
    events = extract(text, published=published, lang=lang)
    assert {words: _toll(events, words) for words in expected} == expected


@pytest.mark.parametrize(("text", "published", "expected"), EN)
def test_en(text: str, published: str, expected: dict[str, Toll]) -> None:
    _check("en", text, published, expected)


@pytest.mark.parametrize(("text", "published", "expected"), NB)
def test_nb(text: str, published: str, expected: dict[str, Toll]) -> None:
    _check("nb", text, published, expected)


@pytest.mark.parametrize(("text", "published", "expected"), NN)
def test_nn(text: str, published: str, expected: dict[str, Toll]) -> None:
    _check("nn", text, published, expected)


def test_restated_figure_takes_the_rest_of_its_report_along() -> None:
    text = (
        "At least 6 civilians were killed on Wednesday when a Saudi-led coalition air strike hit a house in western"
        " Yemen, medics said. Fighter jets launched missiles on Wednesday at a presidential palace in Hodeidah, a"
        " resident told Reuters. A raid hit a house adjacent to the palace killing six civilians and wounding 12,"
        " according to a medic."
    )
    events = [e for e in extract(text, published="2016-09-21", lang="en") if not e.background]
    lead = next(e for e in events if any("At least 6 civilians" in s.text for s in e.evidence))
    assert sorted((c.kind.value, c.low) for c in lead.claims) == [("injured", 12), ("killed", 6), ("killed", 6)]
    assert all(not e.claims for e in events if e is not lead)


def test_pointing_back_word_that_fits_its_event_keeps_the_figure() -> None:
    # "The blast" is the explosion just reported, though "the attack" was said of the bombing before it
    text = (
        "On 19 July 2021, a suicide bomber killed 36 people in a market in Sadr City. The prime minister called the"
        " attack cowardly. On 3 June 2021, an explosion at a restaurant in Kadhimiya killed four civilians. The blast"
        " was first blamed on a gas leak, but authorities arrested nine suspects for the attack."
    )
    events = [e for e in extract(text, published="2021-07-20", lang="en") if not e.background]
    owner = next(e for e in events if any(c.kind is ClaimKind.ARRESTED for c in e.claims))
    assert any("explosion at a restaurant" in s.text for s in owner.evidence)


def test_history_sentence_without_event_gives_no_figure_to_the_event_before() -> None:
    text = "An air strike killed four people in Idlib on Monday. Last year, 30 people went missing there."
    (event,) = [e for e in extract(text, published="2022-03-10", lang="en") if not e.background]
    assert [(c.kind, c.low) for c in event.claims] == [(ClaimKind.KILLED, 4)]


# --- where a cue stands ---------------------------------------------------------------------------------------------

CLAUSE = [
    ("en", "the fighting that has killed more than 10,000 people", "killed more than 10,000 people", True),
    ("en", "10,000 people have died in the three-year-old war", "10,000 people have died", True),
    ("en", "Israel's 10-month-long offensive has so far killed more than 40,000", "killed more than 40,000", True),
    ("en", "The war, which began in 2015, goes on; a strike killed 5 people", "killed 5 people", False),
    # fighting may be the event of the day: only a relative clause or a duration makes it a campaign's toll
    ("en", "Fighting in Kunduz has killed 12 people since Tuesday", "killed 12 people", False),
    ("en", "Talks to end the fighting that has killed 12,000 people failed", "killed 12,000 people", True),
    ("nb", "Krigen har så langt kostet over 10 000 sivile livet", "over 10 000 sivile", True),
    ("nn", "sidan borgarkrigen starta har over 500 000 menneske mista livet", "500 000 menneske", True),
]


@pytest.mark.parametrize(("lang", "text", "figure", "expected"), CLAUSE)
def test_cumulative_cue_in_clause(lang: str, text: str, figure: str, expected: bool) -> None:
    doc = Document(id="t", text=text)
    start = text.index(figure)
    found = in_clause(
        attach_cues(lang).cumulative,
        text=text,
        sentence=doc.span(0, len(text)),
        figure=doc.span(start, start + len(figure)),
    )
    assert found is expected


@pytest.mark.parametrize(
    ("lang", "text", "figure", "expected"),
    [
        ("en", "The raid came two days after two soldiers were killed", "two soldiers were killed", True),
        ("en", "Two soldiers were killed two days after the raid", "Two soldiers were killed", False),
        ("nb", "Det skjedde to dager etter at to soldater ble drept", "to soldater ble drept", True),
    ],
)
def test_recalled_cue_right_before(lang: str, text: str, figure: str, expected: bool) -> None:
    doc = Document(id="t", text=text)
    start = text.index(figure)
    found = right_before(
        attach_cues(lang).recalled,
        text=text,
        sentence=doc.span(0, len(text)),
        figure=doc.span(start, start + len(figure)),
    )
    assert found is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air strike kills 19 in Yemen\n\nAt least 19 civilians were killed on Wednesday.", {0}),
        ("Air strike kills 19 in Yemen\n\nSubtitle without a stop\n\nAt least 19 were killed.", {0, 1}),
        ("At least 19 civilians were killed on Wednesday.\n\nA second line without a stop", set()),
        ("Israel er i sjokk.\n\nSå langt er minst 600 drept.", set()),
    ],
)
def test_headline_sentences(text: str, expected: set[int]) -> None:
    analysis = segment(Analysis(document=Document(id="t", text=re.sub(r"[ \t]+", " ", text)), lang="en"))
    assert headline_sentences(analysis) == expected
