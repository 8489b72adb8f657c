"""Pairing and detection counts (EVENTS.md section 5): impossible pairs, greedy order, thresholds, status."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from eventcoder.evaluate import GoldFile, load_gold_file, oracle_event, pair_events, possible, score, similarity
from eventcoder.model import (
    Actor,
    ActorType,
    DatePrecision,
    DateWindow,
    Event,
    EventType,
    Place,
    PlacePrecision,
    Span,
)

DATA = Path(__file__).resolve().parent / "data" / "gold"


def _gao() -> GoldFile:
    return load_gold_file(DATA / "news" / "nb" / "nb-gao-2023-03.json")


def _sake() -> GoldFile:
    return load_gold_file(DATA / "news" / "en" / "en-sake-2024-05.json")


def _day(iso: str, until: str | None = None) -> DateWindow:
    return DateWindow(
        start=dt.date.fromisoformat(iso), end=dt.date.fromisoformat(until or iso), precision=DatePrecision.DAY
    )


def _event(
    event_id: str,
    event_type: EventType = EventType.BATTLES,
    sub: str = "Armed clash",
    *,
    country: str | None = None,
    date: DateWindow | None = None,
    actors: tuple[str, ...] = (),
    evidence: tuple[Span, ...] = (),
    background: bool = False,
) -> Event:
    found = [Actor(name=a, type=ActorType.REBEL_GROUP) for a in actors]
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        location=None if country is None else Place(name="somewhere", country=country, precision=PlacePrecision.TOWN),
        actor1=found[0] if found else None,
        actor2=found[1] if len(found) > 1 else None,
        evidence=evidence,
        background=background,
    )


def test_country_differs_makes_pair_impossible() -> None:
    gold = _sake()
    perfect = oracle_event(gold.events[0], gold.doc)
    assert possible(gold.events[0], perfect)
    elsewhere = replace(perfect, location=Place(name="Gisenyi", country="RW", precision=PlacePrecision.TOWN))
    assert not possible(gold.events[0], elsewhere)
    doc = score([gold], {gold.doc.id: [elsewhere]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn) == (0, 1, 1)
    # No predicted country: not excluded.
    assert possible(gold.events[0], replace(perfect, location=None))


def test_dates_more_than_two_days_apart_are_impossible() -> None:
    gold = _sake().events[0]  # 2024-05-03
    assert possible(gold, _event("p", date=_day("2024-05-05")))
    assert not possible(gold, _event("p", date=_day("2024-05-06")))
    assert possible(gold, _event("p", date=_day("2024-05-01")))
    assert not possible(gold, _event("p", date=_day("2024-04-20", "2024-04-30")))
    assert possible(gold, _event("p", date=_day("2024-04-20", "2024-05-01")))
    assert possible(gold, _event("p", date=None))


def test_similarity_points() -> None:
    gold = _gao()
    e1 = gold.events[0]
    evidence = (gold.doc.span(30, 40),)  # inside e1's evidence sentence
    full = _event(
        "p",
        country="ML",
        date=_day("2023-03-07"),
        actors=("opprørere", "Police Forces of Mali"),
        evidence=evidence,
    )
    assert similarity(e1, full, doc_id=gold.doc.id) == 2 + 1 + 1 + 2 + 1
    alt = _event("p", EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack")  # an accepted alternative sub-type
    assert similarity(e1, alt, doc_id=gold.doc.id) == 2
    same_type = _event("p", EventType.BATTLES, "Government regains territory", date=_day("2023-03-08"))
    assert similarity(e1, same_type, doc_id=gold.doc.id) == 1  # type only; 03-08 does not overlap 03-07
    # A trigger span counts as evidence; a span of another document does not.
    triggered = replace(_event("p"), trigger=gold.doc.span(60, 66))
    assert similarity(e1, triggered, doc_id=gold.doc.id) == 2 + 1
    other_doc = _event("p", evidence=(Span(doc="other", start=0, end=5, text="xxxxx"),))
    assert similarity(e1, other_doc, doc_id=gold.doc.id) == 2


def test_greedy_pairs_best_first_not_first_listed() -> None:
    gold = _gao()
    weak = _event("weak", country="ML", date=_day("2023-03-07"))  # e1: 2+1+1 = 4
    strong = _event(
        "strong",
        country="ML",
        date=_day("2023-03-07"),
        actors=("rebels", "politiet"),
        evidence=(gold.doc.span(0, 20),),
    )  # e1: 7
    pairing = pair_events(gold.events, [weak, strong], doc_id=gold.doc.id)
    assert [(p.gold.id, p.predicted.id, p.score) for p in pairing.pairs] == [("e1", "strong", 7)]
    # "weak" cannot fall back on e2: another type and score 2 < 3 in a document with several gold events.
    assert [p.id for p in pairing.unpaired_predicted] == ["weak"]
    doc = score([gold], {gold.doc.id: [weak, strong]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn) == (1, 1, 1)


def test_ties_go_to_the_earlier_prediction() -> None:
    gold = _gao()
    twin_a = _event("a", country="ML", date=_day("2023-03-07"))
    twin_b = _event("b", country="ML", date=_day("2023-03-07"))
    pairing = pair_events(gold.events, [twin_a, twin_b], doc_id=gold.doc.id)
    assert [(p.gold.id, p.predicted.id) for p in pairing.pairs] == [("e1", "a")]


def test_single_gold_event_accepts_any_possible_pair() -> None:
    gold = _sake()
    protest = _event("p", EventType.PROTESTS, "Peaceful protest")  # score 0, no country, no date
    doc = score([gold], {gold.doc.id: [protest]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn) == (1, 0, 0)
    assert [m.kind for m in doc.misses][:2] == ["event_type", "sub_event_type"]


def test_several_gold_events_need_type_or_score_three() -> None:
    gold = _gao()
    protest = _event("p", EventType.PROTESTS, "Peaceful protest", country="ML", date=_day("2023-03-07"))
    doc = score([gold], {gold.doc.id: [protest]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn) == (0, 1, 2)  # score 2 with e1 and e2
    with_actor = replace(protest, actor1=Actor(name="opprørere", type=ActorType.REBEL_GROUP))
    doc = score([gold], {gold.doc.id: [with_actor]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn) == (1, 0, 1)  # score 3 with e1
    assert doc.pairs[0].gold_event == "e1" and doc.pairs[0].score == 3


def test_optional_gold_counts_neither_way() -> None:
    gold = _gao()
    recalled = _event("old", country="ML", date=_day("2019-05-01"))
    doc = score([gold], {gold.doc.id: [recalled]}).docs[0]
    assert [(p.gold_event, p.required) for p in doc.pairs] == [("e3", False)]
    assert (doc.tp, doc.fp, doc.fn) == (0, 0, 2)
    assert sorted(m.gold_event or "" for m in doc.misses if m.kind == "false_negative") == ["e1", "e2"]


def test_background_predictions_are_set_aside() -> None:
    gold = _sake()
    perfect = oracle_event(gold.events[0], gold.doc)
    doc = score([gold], {gold.doc.id: [replace(perfect, background=True)]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn, doc.background) == (0, 0, 1, 1)
    doc = score([gold], {gold.doc.id: [perfect, replace(perfect, id="bg", background=True)]}).docs[0]
    assert (doc.tp, doc.fp, doc.fn, doc.background) == (1, 0, 0, 1)


def test_documents_without_predictions_and_unknown_keys() -> None:
    gold = _gao()
    report = score([gold], {"nobody": [_event("x")]})
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 2)
    assert report.unknown_docs == ("nobody",)
