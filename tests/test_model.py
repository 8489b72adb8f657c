"""The records of the event contract: JSON round trips, contract field names and construction-time checks."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.model import (
    SUB_EVENT_TYPES,
    Actor,
    ActorType,
    Claim,
    ClaimKind,
    DatePrecision,
    DateWindow,
    Document,
    Event,
    EventType,
    Fatalities,
    Injured,
    ModelError,
    Place,
    PlacePrecision,
    Qualifier,
    Source,
    Span,
    SpanMismatchError,
    Victims,
    parse_partial_date,
)

# --- strategies --------------------------------------------------------------------------------------------------

_TEXT_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
_short = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_opt_short = st.none() | _short
_count = st.integers(min_value=0, max_value=10_000)
_opt_count = st.none() | _count


@st.composite
def partial_dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    form = draw(st.sampled_from(("%Y", "%Y-%m", "%Y-%m-%d")))
    return day.strftime(form)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    return Document(
        id=draw(st.text(alphabet="abcdefghij0123456789-", min_size=1, max_size=8)),
        text=draw(st.text(alphabet=_TEXT_ALPHABET, min_size=1, max_size=80)),
        published=draw(st.none() | partial_dates()),
        lang=draw(st.sampled_from((None, "nb", "nn", "en"))),
        url=draw(st.none() | st.just("https://example.org/a")),
        title=draw(_opt_short),
        outlet=draw(_opt_short),
    )


@st.composite
def spans(draw: st.DrawFn, doc: Document) -> Span:
    start = draw(st.integers(min_value=0, max_value=len(doc.text)))
    end = draw(st.integers(min_value=start, max_value=len(doc.text)))
    return doc.span(start, end)


@st.composite
def opt_spans(draw: st.DrawFn, doc: Document) -> Span | None:
    return draw(st.none() | spans(doc))


@st.composite
def date_windows(draw: st.DrawFn, doc: Document) -> DateWindow:
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
    span = draw(opt_spans(doc))
    return DateWindow(
        start=start,
        end=end,
        precision=draw(st.sampled_from(DatePrecision)),
        text=span.text if span is not None else draw(_opt_short),
        span=span,
    )


@st.composite
def places(draw: st.DrawFn, doc: Document) -> Place:
    coords = draw(
        st.none()
        | st.tuples(
            st.floats(min_value=-90, max_value=90, allow_nan=False),
            st.floats(min_value=-180, max_value=180, allow_nan=False),
        )
    )
    span = draw(opt_spans(doc))
    return Place(
        name=draw(_short),
        country=draw(st.none() | st.sampled_from(("SY", "UA", "NO", "AF"))),
        precision=draw(st.sampled_from(PlacePrecision)),
        lat=coords[0] if coords else None,
        lon=coords[1] if coords else None,
        geonameid=draw(st.none() | st.integers(min_value=1, max_value=12_000_000)),
        admin1=draw(_opt_short),
        admin2=draw(_opt_short),
        text=span.text if span is not None else None,
        span=span,
    )


@st.composite
def actors(draw: st.DrawFn, doc: Document) -> Actor:
    span = draw(opt_spans(doc))
    return Actor(
        name=draw(_short),
        type=draw(st.sampled_from(ActorType)),
        country=draw(st.none() | st.sampled_from(("SY", "UA", "NO"))),
        text=span.text if span is not None else None,
        span=span,
    )


@st.composite
def claims(draw: st.DrawFn, doc: Document) -> Claim:
    low = draw(_opt_count)  # None: a claim without a figure ("several were killed")
    high = None if low is None else draw(st.none() | st.integers(min_value=low, max_value=low + 1000))
    return Claim(
        kind=draw(st.sampled_from(ClaimKind)),
        low=low,
        high=high,
        qualifier=Qualifier.VAGUE if low is None else draw(st.sampled_from(Qualifier)),
        victims=draw(st.sampled_from(Victims)),
        evidence=draw(spans(doc)),
        victims_text=draw(_opt_short),
        claimant=draw(_opt_short),
        claimant_span=draw(opt_spans(doc)),
        updates=draw(st.booleans()),
        subgroup=draw(st.booleans()),
    )


@st.composite
def events(draw: st.DrawFn) -> tuple[Document, Event]:
    doc = draw(documents())
    event_type = draw(st.sampled_from(EventType))
    event = Event(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=1, max_size=16)),
        event_type=event_type,
        sub_event_type=draw(st.sampled_from(SUB_EVENT_TYPES[event_type])),
        date=draw(st.none() | date_windows(doc)),
        location=draw(st.none() | places(doc)),
        actor1=draw(st.none() | actors(doc)),
        actor2=draw(st.none() | actors(doc)),
        fatalities=Fatalities(
            low=draw(_opt_count),
            best=draw(_opt_count),
            high=draw(_opt_count),
            actor1=draw(_opt_count),
            actor2=draw(_opt_count),
            civilians=draw(_opt_count),
            unknown=draw(_opt_count),
        ),
        injured=Injured(low=draw(_opt_count), best=draw(_opt_count), high=draw(_opt_count)),
        claims=tuple(draw(st.lists(claims(doc), max_size=4))),
        evidence=tuple(draw(st.lists(spans(doc), max_size=3))),
        sources=tuple(
            draw(
                st.lists(
                    st.builds(
                        Source,
                        doc=st.just(doc.id),
                        url=st.none() | st.just("https://example.org/a"),
                        outlet=_opt_short,
                        published=st.none() | partial_dates(),
                    ),
                    max_size=2,
                )
            )
        ),
        background=draw(st.booleans()),
        confidence=draw(st.floats(min_value=0.0, max_value=1.0, allow_nan=False)),
        trigger=draw(opt_spans(doc)),
    )
    return doc, event


# --- round trips -------------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(events())
def test_event_json_round_trip(pair: tuple[Document, Event]) -> None:
    doc, event = pair
    assert Event.from_json(event.to_json()) == event
    through_text = json.loads(json.dumps(event.to_json(), ensure_ascii=False))
    assert Event.from_json(through_text) == event
    # every span the record carries is the slice of its document
    for span in event.spans():
        assert span.check(doc) is span


@settings(max_examples=100, deadline=None)
@given(documents())
def test_document_json_round_trip(doc: Document) -> None:
    assert Document.from_json(json.loads(json.dumps(doc.to_json()))) == doc


@settings(max_examples=100, deadline=None)
@given(documents().flatmap(lambda d: st.tuples(st.just(d), spans(d))))
def test_span_is_document_slice(pair: tuple[Document, Span]) -> None:
    doc, span = pair
    assert span.text == doc.text[span.start : span.end]
    assert span.doc == doc.id
    assert Span.from_json(span.to_json()) == span


# --- contract field names (EVENTS.md section 1) ------------------------------------------------------------------

EVENT_KEYS = {
    "id", "event_type", "sub_event_type", "date", "location", "actor1", "actor2", "fatalities", "injured",
    "claims", "evidence", "sources", "background", "confidence",
}  # fmt: skip
DATE_KEYS = {"start", "end", "precision", "text"}
LOCATION_KEYS = {"name", "geonameid", "admin1", "admin2", "country", "lat", "lon", "precision", "text"}
ACTOR_KEYS = {"name", "type", "country", "text"}
FATALITY_KEYS = {"low", "best", "high", "actor1", "actor2", "civilians", "unknown"}
INJURED_KEYS = {"low", "best", "high"}
CLAIM_KEYS = {"kind", "low", "high", "qualifier", "victims", "victims_text", "claimant", "evidence"}
SPAN_KEYS = {"doc", "start", "end", "text"}
SOURCE_KEYS = {"doc", "url", "outlet", "published"}

DOC = Document(
    id="d1", text="Over 100 opprørere angrep torsdag fengselet. Minst 39 soldater ble drept.", published="2022-01"
)


def _full_event() -> Event:
    return Event(
        id="ev-1",
        event_type=EventType.BATTLES,
        sub_event_type="Armed clash",
        date=DateWindow(
            start=dt.date(2022, 1, 1),
            end=dt.date(2022, 1, 31),
            precision=DatePrecision.MONTH,
            text="torsdag",
            span=DOC.span(26, 33),
        ),
        location=Place(
            name="Al-Hasakah",
            country="SY",
            precision=PlacePrecision.TOWN,
            lat=36.5,
            lon=40.75,
            geonameid=173491,
            admin1="Al-Hasakah",
            text="fengselet",
            span=DOC.span(34, 43),
        ),
        actor1=Actor(name="Rebels", type=ActorType.REBEL_GROUP, text="opprørere", span=DOC.span(9, 18)),
        actor2=Actor(name="Military Forces of Syria", type=ActorType.STATE_FORCES, country="SY"),
        fatalities=Fatalities(low=39, best=39, high=39, actor2=39),
        claims=(
            Claim(
                kind=ClaimKind.KILLED,
                low=39,
                high=None,
                qualifier=Qualifier.AT_LEAST,
                victims=Victims.ACTOR2,
                victims_text="soldater",
                evidence=DOC.span(45, 73),
            ),
        ),
        evidence=(DOC.span(0, 44),),
        sources=(Source(doc="d1", published="2022-01"),),
        confidence=0.8,
    )


def test_event_json_has_contract_field_names() -> None:
    obj = json.loads(json.dumps(_full_event().to_json()))
    assert set(obj) >= EVENT_KEYS
    assert set(obj["date"]) >= DATE_KEYS
    assert set(obj["location"]) >= LOCATION_KEYS
    assert set(obj["actor1"]) >= ACTOR_KEYS and set(obj["actor2"]) >= ACTOR_KEYS
    assert set(obj["fatalities"]) == FATALITY_KEYS
    assert set(obj["injured"]) == INJURED_KEYS
    assert set(obj["claims"][0]) >= CLAIM_KEYS
    assert set(obj["claims"][0]["evidence"]) == SPAN_KEYS
    assert all(set(s) == SPAN_KEYS for s in obj["evidence"])
    assert all(set(s) == SOURCE_KEYS for s in obj["sources"])


def test_event_json_values_follow_contract() -> None:
    obj = _full_event().to_json()
    assert obj["event_type"] == "Battles" and obj["sub_event_type"] == "Armed clash"
    assert obj["date"] | {"span": None} == {
        "start": "2022-01-01", "end": "2022-01-31", "precision": "month", "text": "torsdag", "span": None,
    }  # fmt: skip
    assert obj["location"]["precision"] == "town" and obj["location"]["geonameid"] == 173491
    assert obj["actor1"]["type"] == "rebel_group" and obj["actor1"]["text"] == "opprørere"
    assert obj["fatalities"] == {
        "low": 39,
        "best": 39,
        "high": 39,
        "actor1": None,
        "actor2": 39,
        "civilians": None,
        "unknown": None,
    }
    assert obj["injured"] == {"low": None, "best": None, "high": None}
    claim = obj["claims"][0]
    assert (claim["kind"], claim["low"], claim["high"], claim["qualifier"], claim["victims"]) == (
        "killed",
        39,
        None,
        "at_least",
        "actor2",
    )
    assert claim["evidence"] == {"doc": "d1", "start": 45, "end": 73, "text": "Minst 39 soldater ble drept."}
    assert obj["evidence"] == [{"doc": "d1", "start": 0, "end": 44, "text": DOC.text[:44]}]
    assert obj["sources"] == [{"doc": "d1", "url": None, "outlet": None, "published": "2022-01"}]
    assert obj["background"] is False and obj["confidence"] == 0.8


# --- construction-time checks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(0, 3, "ab"), (0, 0, "x"), (2, 5, "abcd"), (4, 4, " ")],
)
def test_span_text_length_mismatch(start: int, end: int, text: str) -> None:
    with pytest.raises(SpanMismatchError):
        Span(doc="d", start=start, end=end, text=text)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 3)])
def test_span_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ModelError):
        Span(doc="d", start=start, end=end, text="x" * max(end - start, 0))


def test_span_mismatch_is_model_error() -> None:
    assert issubclass(SpanMismatchError, ModelError)
    assert issubclass(ModelError, ValueError)


@pytest.mark.parametrize(
    "span",
    [
        Span(doc="d1", start=0, end=4, text="Unde"),  # same length, other text
        Span(doc="d1", start=1, end=5, text="Over"),  # right text, shifted offsets
        Span(doc="d2", start=0, end=4, text="Over"),  # another document
        Span(doc="d1", start=70, end=80, text="0123456789"),  # past the end of the text
    ],
)
def test_span_check_rejects_foreign_slice(span: Span) -> None:
    with pytest.raises(SpanMismatchError):
        span.check(DOC)


def test_span_check_accepts_own_slice() -> None:
    span = Span(doc="d1", start=0, end=4, text="Over")
    assert span.check(DOC) is span


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, len(DOC.text) + 1)])
def test_document_span_out_of_range(start: int, end: int) -> None:
    with pytest.raises(ModelError):
        DOC.span(start, end)


@pytest.mark.parametrize(
    ("event_type", "sub_event_type"),
    [
        (EventType.BATTLES, "Air/drone strike"),
        (EventType.EXPLOSIONS, "Armed clash"),
        (EventType.PROTESTS, "Mob violence"),
        (EventType.STRATEGIC, "Attack"),
        (EventType.BATTLES, "armed clash"),
        (EventType.RIOTS, ""),
    ],
)
def test_event_rejects_sub_event_type_of_other_type(event_type: EventType, sub_event_type: str) -> None:
    with pytest.raises(ModelError, match="not a sub-event type"):
        Event(
            id="e",
            event_type=event_type,
            sub_event_type=sub_event_type,
            date=None,
            location=None,
            actor1=None,
            actor2=None,
        )


@pytest.mark.parametrize("confidence", [-0.01, 1.01])
def test_event_rejects_confidence_out_of_range(confidence: float) -> None:
    with pytest.raises(ModelError, match="confidence"):
        Event(
            id="e",
            event_type=EventType.RIOTS,
            sub_event_type="Mob violence",
            date=None,
            location=None,
            actor1=None,
            actor2=None,
            confidence=confidence,
        )


def test_sub_event_table_has_25_sub_types() -> None:
    assert sum(len(v) for v in SUB_EVENT_TYPES.values()) == 25
    assert set(SUB_EVENT_TYPES) == set(EventType)


def test_date_window_start_after_end() -> None:
    with pytest.raises(ModelError, match="starts after it ends"):
        DateWindow(start=dt.date(2022, 1, 21), end=dt.date(2022, 1, 20), precision=DatePrecision.DAY)


def test_date_window_text_must_equal_span() -> None:
    with pytest.raises(SpanMismatchError):
        DateWindow(
            start=dt.date(2022, 1, 20),
            end=dt.date(2022, 1, 20),
            precision=DatePrecision.DAY,
            text="fredag",
            span=DOC.span(26, 33),
        )


@pytest.mark.parametrize(("low", "high"), [(10, 9), (1, 0), (-1, None), (-3, 5)])
def test_claim_bad_figures(low: int, high: int | None) -> None:
    with pytest.raises(ModelError, match="bad claim figures"):
        Claim(
            kind=ClaimKind.KILLED,
            low=low,
            high=high,
            qualifier=Qualifier.EXACT,
            victims=Victims.TOTAL,
            evidence=DOC.span(0, 4),
        )


@pytest.mark.parametrize(("low", "high"), [(0, None), (0, 0), (5, 5), (5, 9)])
def test_claim_good_figures(low: int, high: int | None) -> None:
    claim = Claim(
        kind=ClaimKind.KILLED,
        low=low,
        high=high,
        qualifier=Qualifier.EXACT,
        victims=Victims.TOTAL,
        evidence=DOC.span(0, 4),
    )
    assert (claim.low, claim.high) == (low, high)


def test_claim_without_figure_is_vague_and_has_json_low_null() -> None:
    claim = Claim(
        kind=ClaimKind.CAPTURED,
        low=None,
        high=None,
        qualifier=Qualifier.VAGUE,
        victims=Victims.UNKNOWN,
        evidence=DOC.span(0, 4),
        claimant="Government of Israel",
    )
    assert not claim.figure
    obj = json.loads(json.dumps(claim.to_json()))
    assert (obj["low"], obj["high"], obj["qualifier"]) == (None, None, "vague")
    assert Claim.from_json(obj) == claim


@pytest.mark.parametrize(
    ("high", "qualifier"), [(None, Qualifier.EXACT), (None, Qualifier.AT_LEAST), (3, Qualifier.VAGUE)]
)
def test_claim_without_figure_must_be_vague_without_high(high: int | None, qualifier: Qualifier) -> None:
    with pytest.raises(ModelError, match="without a figure"):
        Claim(
            kind=ClaimKind.KILLED,
            low=None,
            high=high,
            qualifier=qualifier,
            victims=Victims.TOTAL,
            evidence=DOC.span(0, 4),
        )


@pytest.mark.parametrize("published", ["2022-13", "20-01-2022", "22", "2022-02-30", "januar 2022", "2022/01/20", ""])
def test_document_bad_published(published: str) -> None:
    with pytest.raises(ModelError):
        Document(id="d", text="x", published=published)


def test_document_needs_id() -> None:
    with pytest.raises(ModelError, match="needs an id"):
        Document(id="", text="x")


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(91.0, 0.0), (0.0, -181.0), (10.0, None), (None, 10.0)],
)
def test_place_bad_coordinates(lat: float | None, lon: float | None) -> None:
    with pytest.raises(ModelError):
        Place(name="X", country=None, precision=PlacePrecision.TOWN, lat=lat, lon=lon)


# --- partial dates -----------------------------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022", (D(2022, 1, 1), D(2022, 12, 31), DatePrecision.YEAR)),
        ("2022-01", (D(2022, 1, 1), D(2022, 1, 31), DatePrecision.MONTH)),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29), DatePrecision.MONTH)),
        ("2023-02", (D(2023, 2, 1), D(2023, 2, 28), DatePrecision.MONTH)),
        ("1900-02", (D(1900, 2, 1), D(1900, 2, 28), DatePrecision.MONTH)),
        ("2000-02", (D(2000, 2, 1), D(2000, 2, 29), DatePrecision.MONTH)),
        ("2022-04", (D(2022, 4, 1), D(2022, 4, 30), DatePrecision.MONTH)),
        ("2022-12", (D(2022, 12, 1), D(2022, 12, 31), DatePrecision.MONTH)),
        ("2022-01-20", (D(2022, 1, 20), D(2022, 1, 20), DatePrecision.DAY)),
        ("2024-02-29", (D(2024, 2, 29), D(2024, 2, 29), DatePrecision.DAY)),
        (" 2022-01 ", (D(2022, 1, 1), D(2022, 1, 31), DatePrecision.MONTH)),
    ],
)
def test_parse_partial_date(value: str, expected: tuple[dt.date, dt.date, DatePrecision]) -> None:
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["2022-13", "2022-00", "20-01-2022", "2023-02-29", "2022-1", "2022-01-1", "2022-01-20T10:00", "", "abcd", "22"],
)
def test_parse_partial_date_errors(value: str) -> None:
    with pytest.raises(ModelError):
        parse_partial_date(value)


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_parse_partial_date_windows_contain_the_day(day: dt.date) -> None:
    y_start, y_end, y_prec = parse_partial_date(day.strftime("%Y"))
    m_start, m_end, m_prec = parse_partial_date(day.strftime("%Y-%m"))
    d_start, d_end, d_prec = parse_partial_date(day.isoformat())
    assert (y_prec, m_prec, d_prec) == (DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY)
    assert y_start <= m_start <= d_start == day == d_end <= m_end <= y_end
    assert (m_end + dt.timedelta(days=1)).day == 1 and m_start.day == 1
    assert (y_start, y_end) == (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))


def test_document_published_window() -> None:
    assert DOC.published_window() == (D(2022, 1, 1), D(2022, 1, 31), DatePrecision.MONTH)
    assert Document(id="x", text="").published_window() is None


# --- vocabularies ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor_type", "code"),
    [
        (ActorType.STATE_FORCES, 1),
        (ActorType.REBEL_GROUP, 2),
        (ActorType.POLITICAL_MILITIA, 3),
        (ActorType.IDENTITY_MILITIA, 4),
        (ActorType.RIOTERS, 5),
        (ActorType.PROTESTERS, 6),
        (ActorType.CIVILIANS, 7),
        (ActorType.EXTERNAL_FORCES, 8),
    ],
)
def test_actor_type_inter_code(actor_type: ActorType, code: int) -> None:
    assert actor_type.inter_code == code


VOCABULARIES: list[tuple[Any, set[str]]] = [
    (DatePrecision, {"day", "days", "week", "month", "year"}),
    (PlacePrecision, {"site", "town", "near_town", "admin2", "admin1", "region", "country", "water"}),
    (
        ActorType,
        {
            "state_forces",
            "rebel_group",
            "political_militia",
            "identity_militia",
            "rioters",
            "protesters",
            "civilians",
            "external_forces",
        },
    ),
    (ClaimKind, {"killed", "injured", "missing", "captured", "arrested", "abducted", "freed", "escaped", "displaced"}),
    (Qualifier, {"exact", "at_least", "more_than", "up_to", "about", "vague"}),
    (Victims, {"actor1", "actor2", "civilians", "unknown", "total"}),
]


@pytest.mark.parametrize(("enum", "values"), VOCABULARIES)
def test_vocabularies_match_contract(enum: Any, values: set[str]) -> None:
    assert {m.value for m in enum} == values
