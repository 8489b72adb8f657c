"""The `dates` stage: tables of (text, publication date) -> window per language, and property tests."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.model import DatePrecision, Document
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.stages.dates import dates, find_dates

# (phrase as written, start, end, precision, background)
Row = tuple[str, str, str, str, bool]


def read(text: str, lang: str, published: str | None) -> list[Row]:
    doc = Document(id="t", text=text, lang=lang, published=published)
    return [
        (m.span.text, m.window.start.isoformat(), m.window.end.isoformat(), m.window.precision.value, m.background)
        for m in find_dates(doc, lang=lang)
    ]


def day(text: str, date: str, background: bool = False) -> Row:
    return (text, date, date, "day", background)


# 2022-01-20 is a Thursday, 2022-01-22 a Saturday, 2022-01-24 a Monday.
NB: list[tuple[str, str | None, list[Row]]] = [
    ("Over 100 IS-krigere angrep torsdag fengselet.", "2022-01-22", [day("torsdag", "2022-01-20")]),
    (
        "Over 100 IS-krigere angrep torsdag fengselet.",
        "2022-01",
        [("torsdag", "2022-01-01", "2022-01-31", "month", False)],
    ),
    ("Over 100 IS-krigere angrep torsdag fengselet.", None, []),
    ("Angrepet kom på torsdag.", "2022-01-20", [day("på torsdag", "2022-01-20")]),
    ("Angrepet kom forrige torsdag.", "2022-01-20", [day("forrige torsdag", "2022-01-13")]),
    ("Angrepet kom torsdag kveld.", "2022-01-22", [day("torsdag kveld", "2022-01-20")]),
    ("Det smalt søndag morgen.", "2022-01-24", [day("søndag morgen", "2022-01-23")]),
    ("Natt til søndag angrep de.", "2022-01-24", [("Natt til søndag", "2022-01-22", "2022-01-23", "days", False)]),
    ("Torsdagens angrep var det verste.", "2022-01-22", [day("Torsdagens", "2022-01-20")]),
    ("Opprørerne angrep i går.", "2022-01-22", [day("i går", "2022-01-21")]),
    ("Opprørerne angrep i går.", "2022-01", [("i går", "2022-01-01", "2022-01-31", "month", False)]),
    ("Opprørerne angrep i går.", None, []),
    ("Opprørerne angrep i går kveld.", "2022-01-22", [day("i går kveld", "2022-01-21")]),
    ("Opprørerne angrep i forgårs.", "2022-01-22", [day("i forgårs", "2022-01-20")]),
    ("Det er rolig i dag.", "2022-01-22", [day("i dag", "2022-01-22")]),
    ("Opprørerne angrep i natt.", "2022-01-22", [("i natt", "2022-01-21", "2022-01-22", "days", False)]),
    ("Opprørerne angrep i helgen.", "2022-01-24", [("i helgen", "2022-01-22", "2022-01-23", "days", False)]),
    ("Opprørerne angrep forrige uke.", "2022-01-22", [("forrige uke", "2022-01-10", "2022-01-16", "week", False)]),
    ("Opprørerne angrep i forrige uke.", "2022-01-22", [("i forrige uke", "2022-01-10", "2022-01-16", "week", False)]),
    (
        "Det skjedde tidligere denne uken.",
        "2022-01-20",
        [("tidligere denne uken", "2022-01-17", "2022-01-20", "days", False)],
    ),
    ("Det skjedde i forrige måned.", "2022-01-22", [("i forrige måned", "2021-12-01", "2021-12-31", "month", False)]),
    ("Det skjedde i fjor.", "2022-01-22", [("i fjor", "2021-01-01", "2021-12-31", "year", True)]),
    ("Det skjedde i fjor sommer.", "2022-05-02", [("i fjor sommer", "2021-01-01", "2021-12-31", "year", True)]),
    ("Det skjedde i år.", "2022-05-02", [("i år", "2022-01-01", "2022-05-02", "year", False)]),
    ("Kalifatet falt i 2019.", "2022-01-22", [("i 2019", "2019-01-01", "2019-12-31", "year", True)]),
    ("Kalifatet falt i 2019.", None, [("i 2019", "2019-01-01", "2019-12-31", "year", False)]),
    ("Krigen har vart siden 2011.", "2022-01-22", [("siden 2011", "2011-01-01", "2011-12-31", "year", True)]),
    ("Det skjedde fra 2014 til 2016.", "2022-01-22", [("fra 2014 til 2016", "2014-01-01", "2016-12-31", "year", True)]),
    ("Det skjedde 20. januar 2022.", None, [day("20. januar 2022", "2022-01-20")]),
    ("Det skjedde 20. januar.", "2022-01-22", [day("20. januar", "2022-01-20")]),
    ("Det skjedde 20. januar.", None, []),
    ("Det skjedde 30. desember.", "2022-01-05", [day("30. desember", "2021-12-30")]),
    ("Det skjedde 3. mai.", "2022-01-05", [day("3. mai", "2021-05-03", background=True)]),
    ("Det skjedde torsdag 20. januar.", "2022-01-22", [day("torsdag 20. januar", "2022-01-20")]),
    ("Det skjedde 20.–22. januar.", "2022-01-25", [("20.–22. januar", "2022-01-20", "2022-01-22", "days", False)]),
    ("Det skjedde i januar 2022.", None, [("i januar 2022", "2022-01-01", "2022-01-31", "month", False)]),
    ("Det skjedde i januar.", "2022-02-10", [("i januar", "2022-01-01", "2022-01-31", "month", False)]),
    ("Det skjedde i januar.", "2022-07-20", [("i januar", "2022-01-01", "2022-01-31", "month", True)]),
    ("Det skjedde 3. mai.", "2022-07-20", [day("3. mai", "2022-05-03", background=True)]),
    ("Det skjedde 3. juni.", "2022-07-20", [day("3. juni", "2022-06-03")]),
    (
        "Det skjedde i slutten av januar.",
        "2022-02-10",
        [("i slutten av januar", "2022-01-01", "2022-01-31", "month", False)],
    ),
    ("Det skjedde 20.01.2022.", None, [day("20.01.2022", "2022-01-20")]),
    ("Det skjedde 2022-01-20.", None, [day("2022-01-20", "2022-01-20")]),
    # not dates
    ("20 ble drept og 30 såret.", "2022-01-22", []),
    ("Det går bra, sa han.", "2022-01-22", []),
    ("Jan Egeland kom til Oslo.", "2022-01-22", []),
]

NN: list[tuple[str, str | None, list[Row]]] = [
    ("Opprørarane angreip i går.", "2022-01-22", [day("i går", "2022-01-21")]),
    ("Dei angreip laurdag.", "2022-01-24", [day("laurdag", "2022-01-22")]),
    ("Natt til sundag angreip dei.", "2022-01-24", [("Natt til sundag", "2022-01-22", "2022-01-23", "days", False)]),
    ("Dei angreip i førre veke.", "2022-01-22", [("i førre veke", "2022-01-10", "2022-01-16", "week", False)]),
    ("Dei angreip fredag.", "2018-11-09", [day("fredag", "2018-11-09")]),
    ("Det hende i 2011.", "2018-11-09", [("i 2011", "2011-01-01", "2011-12-31", "year", True)]),
]

EN: list[tuple[str, str | None, list[Row]]] = [
    ("On 27 April 2020, police opened fire.", "2020-04-28", [day("27 April 2020", "2020-04-27")]),
    ("On 27 April 2020, police opened fire.", None, [day("27 April 2020", "2020-04-27")]),
    ("Gunmen attacked last Thursday.", "2022-01-22", [day("last Thursday", "2022-01-20")]),
    ("Gunmen attacked last Thursday.", "2022-01-20", [day("last Thursday", "2022-01-13")]),
    ("Gunmen attacked on Thursday.", "2022-01-20", [day("on Thursday", "2022-01-20")]),
    ("Gunmen attacked on Sunday night.", "2022-01-24", [day("on Sunday night", "2022-01-23")]),
    ("Gunmen attacked late Monday.", "2022-01-24", [day("late Monday", "2022-01-24")]),
    ("Gunmen attacked Thursday night.", "2022-01", [("Thursday night", "2022-01-01", "2022-01-31", "month", False)]),
    ("Gunmen attacked yesterday.", "2022-01-22", [day("yesterday", "2022-01-21")]),
    ("Gunmen attacked overnight.", "2022-01-22", [("overnight", "2022-01-21", "2022-01-22", "days", False)]),
    # a relative word before a weekday leads the weekday
    ("Gunmen attacked overnight Thursday.", "2022-01-22", [day("overnight Thursday", "2022-01-20")]),
    (
        "Gunmen attacked over the weekend.",
        "2022-01-24",
        [("over the weekend", "2022-01-22", "2022-01-23", "days", False)],
    ),
    ("Gunmen attacked last week.", "2022-01-22", [("last week", "2022-01-10", "2022-01-16", "week", False)]),
    (
        "Gunmen attacked earlier this week.",
        "2022-01-20",
        [("earlier this week", "2022-01-17", "2022-01-20", "days", False)],
    ),
    ("Gunmen attacked last month.", "2022-03-10", [("last month", "2022-02-01", "2022-02-28", "month", False)]),
    ("Gunmen attacked last year.", "2022-03-10", [("last year", "2021-01-01", "2021-12-31", "year", True)]),
    ("Gunmen attacked in 2019.", "2022-03-10", [("in 2019", "2019-01-01", "2019-12-31", "year", True)]),
    ("Gunmen attacked in January.", "2021-07-21", [("in January", "2021-01-01", "2021-01-31", "month", True)]),
    ("Gunmen attacked in June.", "2021-07-21", [("in June", "2021-06-01", "2021-06-30", "month", False)]),
    ("Gunmen attacked last January.", "2021-07-21", [("last January", "2021-01-01", "2021-01-31", "month", True)]),
    ("Gunmen attacked on January 20, 2022.", None, [day("January 20, 2022", "2022-01-20")]),
    ("Gunmen attacked on Thursday, January 20, 2022.", None, [day("on Thursday, January 20, 2022", "2022-01-20")]),
    ("Gunmen attacked on 20 January 2020.", None, [day("20 January 2020", "2020-01-20")]),
    ("Gunmen attacked on Jan. 20.", "2022-01-22", [day("Jan. 20", "2022-01-20")]),
    ("Gunmen attacked on July 19.", "2021-07-21", [day("July 19", "2021-07-19")]),
    ("Gunmen attacked on March 3-5.", "2022-03-10", [("March 3-5", "2022-03-03", "2022-03-05", "days", False)]),
    ("Gunmen attacked in May.", "2022-06-10", [("in May", "2022-05-01", "2022-05-31", "month", False)]),
    (
        "Since the beginning of 2022, ISIS has claimed attacks.",
        "2022-06-10",
        [("Since the beginning of 2022", "2022-01-01", "2022-12-31", "year", False)],
    ),
    # not dates
    ("20 killed and 30 wounded.", "2022-01-22", []),
    ("Troops may march on the city.", "2022-01-22", []),
    ("It was a Thursday like any other.", None, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), NB)
def test_nb(text: str, published: str | None, expected: list[Row]) -> None:
    assert read(text, "nb", published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), NN)
def test_nn(text: str, published: str | None, expected: list[Row]) -> None:
    assert read(text, "nn", published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), EN)
def test_en(text: str, published: str | None, expected: list[Row]) -> None:
    assert read(text, "en", published) == expected


def test_stage_adds_the_dates_layer_with_spans() -> None:
    text = "Over 100 IS-krigere angrep torsdag. Kalifatet falt i 2019."
    doc = Document(id="d", text=text, lang="nb", published="2022-01-22")
    out = dates(Analysis(document=doc, lang="nb"))
    assert [(m.span.text, m.window.start, m.background) for m in out.dates] == [
        ("torsdag", dt.date(2022, 1, 20), False),
        ("i 2019", dt.date(2019, 1, 1), True),
    ]
    for m in out.dates:
        assert m.window.span == m.span and m.window.text == m.span.text
    assert Pipeline.from_names(["numbers", "dates"]).analyse(doc, lang="nb").dates == out.dates


# --- properties --------------------------------------------------------------------------------------------------

WEEKDAYS = {
    "nb": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
LAST = {"nb": "forrige", "en": "last"}
days_strategy = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(published=days_strategy, weekday=st.integers(0, 6), lang=st.sampled_from(["nb", "en"]), last=st.booleans())
def test_weekday_is_the_latest_such_day_before_publication(
    published: dt.date, weekday: int, lang: str, last: bool
) -> None:
    phrase = f"{LAST[lang]} {WEEKDAYS[lang][weekday]}" if last else WEEKDAYS[lang][weekday]
    doc = Document(id="w", text=f"X {phrase}.", lang=lang, published=published.isoformat())
    (mention,) = find_dates(doc, lang=lang)
    window = mention.window
    assert window.start == window.end and window.precision is DatePrecision.DAY
    assert window.start.weekday() == weekday
    lag = (published - window.start).days
    assert (1 <= lag <= 7) if last else (0 <= lag <= 6)
    assert not mention.background or window.end.year < published.year


@settings(max_examples=200, deadline=None)
@given(when=days_strategy, published=days_strategy)
def test_absolute_dates_round_trip(when: dt.date, published: dt.date) -> None:
    months = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ]
    text = f"Det skjedde {when.day}. {months[when.month - 1]} {when.year} og {when:%d.%m.%Y}."
    doc = Document(id="a", text=text, lang="nb", published=published.isoformat())
    found = find_dates(doc, lang="nb")
    assert [(m.window.start, m.window.end) for m in found] == [(when, when), (when, when)]
    # a day more than two months before publication is recalled history, in the publication year or before it
    assert all(m.background == (when < published - dt.timedelta(days=60)) for m in found)


VOCAB = [
    "torsdag",
    "natt",
    "til",
    "søndag",
    "i",
    "går",
    "2019",
    "20.",
    "januar",
    "2022",
    "forrige",
    "uke",
    "Thursday",
    "last",
    "on",
    "January",
    "20,",
    "yesterday",
    "in",
    "fjor",
    "helgen",
    "kveld",
    "mai",
    "May",
    "20",
    "drept",
    "-",
    "–",
    "på",
    "siden",
    "overnight",
    "week",
]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCAB), max_size=25),
    lang=st.sampled_from(["nb", "nn", "en"]),
    published=st.sampled_from([None, "2022", "2022-01", "2022-01-22"]),
)
def test_every_span_is_the_document_slice(words: list[str], lang: str, published: str | None) -> None:
    text = " ".join(words)
    doc = Document(id="p", text=text, lang=lang, published=published)
    found = find_dates(doc, lang=lang)
    for m in found:
        assert m.span.check(doc).text == text[m.span.start : m.span.end]
        assert m.window.start <= m.window.end
    assert all(a.span.end <= b.span.start for a, b in pairwise(found))


# (lang, text, published) -> whether each date phrase, in order, dates a statement rather than the event
STATEMENTS = [
    ("en", "At least 12 civilians died in an attack, locals told AFP on Sunday.", "2023-02-14", [True]),
    ("en", "The Islamic State group yesterday claimed responsibility for the bombing.", "2021-07-21", [True]),
    ("en", "Police said on Tuesday that gunmen attacked the village on Monday.", "2022-01-20", [True, False]),
    ("en", "Gunmen attacked the village on Monday.", "2022-01-20", [False]),
    ("nb", "Fem ble drept i angrepet, opplyste politiet søndag.", "2023-02-14", [True]),
    ("nb", "Opprørere angrep en politistasjon lørdag kveld.", "2023-02-14", [False]),
    ("nn", "Fem vart drepne, opplyste politiet søndag.", "2023-02-14", [True]),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), STATEMENTS)
def test_statement_dates(lang: str, text: str, published: str, expected: list[bool]) -> None:
    doc = Document(id="a", text=text, lang=lang, published=published)
    assert [m.statement for m in find_dates(doc, lang=lang)] == expected
