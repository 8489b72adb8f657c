"""The report: overall and grouped figures, the text table, JSON, misses; evaluate_paths; perfect scores."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from eventcoder.evaluate import (
    EvaluationError,
    Measure,
    Report,
    ReportError,
    evaluate_paths,
    load_gold,
    oracle_events,
    score,
)
from eventcoder.model import Document, Event, Fatalities, Span

DATA = Path(__file__).resolve().parent / "data" / "gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _perfect_report(paths: Sequence[Path]) -> Report:
    gold = load_gold(paths)
    return score(gold, {g.doc.id: oracle_events(g) for g in gold})


def test_perfect_predictions_score_one() -> None:
    report = _perfect_report([DATA])
    figures = report.overall
    assert (figures.n_docs, figures.tp, figures.fp, figures.fn) == (4, 5, 0, 0)  # the optional e3 counts neither way
    assert (figures.precision, figures.recall, figures.f1) == (1.0, 1.0, 1.0)
    assert all(r.rate in (1.0, None) for r in figures.fields)
    assert figures.field(Measure.ACTORS).total == 2 + 2 + 1 + 0 + 2  # gao e1, e2, e3 (none), sake, acled
    assert report.misses() == []
    assert report.render_misses() == ""


def _mixed_report() -> Report:
    gold = load_gold([DATA])
    predictions: dict[str, list[Event]] = {g.doc.id: oracle_events(g) for g in gold}
    gao = predictions["test-nb-gao"]
    predictions["test-nb-gao"] = [gao[0]]  # e2 missed, e3 (optional) not predicted
    sake = predictions["test-en-sake"][0]
    predictions["test-en-sake"] = [replace(sake, fatalities=replace(sake.fatalities, low=20)), replace(sake, id="dup")]
    return score(gold, predictions)


def test_groups_by_corpus_and_language() -> None:
    report = _mixed_report()
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (4, 1, 1)
    assert overall.precision == pytest.approx(0.8)
    assert overall.recall == pytest.approx(0.8)
    by_corpus = report.groups(by="corpus")
    assert list(by_corpus) == ["news", "acled"]
    assert [(f.n_docs, f.tp, f.fp, f.fn) for f in by_corpus.values()] == [(3, 3, 1, 1), (1, 1, 0, 0)]
    by_lang = report.groups(by="lang")
    assert list(by_lang) == ["nb", "en"]
    assert (by_lang["nb"].tp, by_lang["nb"].fn, by_lang["nb"].recall) == (1, 1, 0.5)
    assert by_lang["en"].field("deaths_low").hits == 1 and by_lang["en"].field("deaths_low").total == 2
    with pytest.raises(ReportError, match="cannot group by 'outlet'"):
        report.groups(by="outlet")


def test_render_table() -> None:
    text = _mixed_report().render(by=("corpus", "lang"))
    lines = text.splitlines()
    assert lines[0].split()[:8] == ["group", "docs", "TP", "FP", "FN", "P", "R", "F1"]
    assert "d.low10%" in lines[0] and "claimant" in lines[0]
    rows = {line.split()[0]: line.split() for line in lines[2:-1]}
    assert list(rows) == ["all", "news", "acled", "nb", "en"]
    assert rows["all"][1:8] == ["4", "4", "1", "1", "0.800", "0.800", "0.800"]
    assert rows["nb"][1:8] == ["1", "1", "0", "1", "1.000", "0.500", "0.667"]
    all_line = next(line for line in lines if line.startswith("all "))
    assert "0.67 (3)" in all_line  # deaths_low: acled 2, sake 20 (miss), gao e1 12
    assert lines[1].startswith("-----")
    assert lines[-1].startswith("field cells")


def test_misses_and_their_rendering() -> None:
    report = _mixed_report()
    misses = report.misses()
    assert [(m.doc_id, m.kind, m.gold_event, m.predicted_event) for m in misses] == [
        ("test-en-sake", "deaths_low", "e1", "e1"),
        ("test-en-sake", "deaths_low_10pct", "e1", "e1"),
        ("test-en-sake", "false_positive", None, "dup"),
        ("test-nb-gao", "false_negative", "e2", None),
    ]
    low = misses[0]
    assert (low.expected, low.got) == ("18", "20")
    assert low.evidence is not None and low.evidence.startswith("Fighters of the M23")
    assert low.path.endswith("en-sake-2024-05.json")
    fn = misses[3]
    assert fn.expected.startswith("Explosions/Remote violence / Remote explosive/landmine/IED / Timbuktu (ML)")
    text = report.render_misses()
    assert "false_negative  test-nb-gao  gold=e2" in text
    assert "  evidence: Samme dag traff en veibombe en militærpatrulje nær Timbuktu." in text
    assert "expected: 18\n  got:      20" in text
    limited = report.render_misses(limit=1)
    assert limited.count("deaths_low") == 1 and "... and 3 more" in limited


def test_to_json_is_serialisable_and_complete() -> None:
    report = _mixed_report()
    data = json.loads(json.dumps(report.to_json()))
    assert data["overall"]["tp"] == 4 and data["overall"]["f1"] == pytest.approx(0.8)
    assert data["overall"]["fields"]["deaths_low"] == {"hits": 2, "n": 3, "rate": pytest.approx(2 / 3)}
    assert set(data["groups"]) == {"corpus", "lang", "corpus-lang"}
    assert set(data["groups"]["corpus"]) == {"news", "acled"}
    assert len(data["docs"]) == 4 and len(data["misses"]) == 4
    sake = next(d for d in data["docs"] if d["doc_id"] == "test-en-sake")
    assert sake["pairs"] == [{"gold": "e1", "predicted": "e1", "score": 7, "required": True}]  # 2+1+1+2+1


def test_evaluate_paths_runs_the_extractor_per_document() -> None:
    gold = {g.doc.id: g for g in load_gold([DATA])}
    seen: list[str] = []

    def extract(doc: Document) -> Sequence[Event]:
        seen.append(doc.id)
        assert doc.text == gold[doc.id].doc.text
        return oracle_events(gold[doc.id])

    report = evaluate_paths([DATA], extract=extract)
    assert seen == ["acled-test-1", "test-en-sake", "test-nb-gao", "test-type-protest"]
    assert report.overall.f1 == 1.0


def test_evaluate_paths_rejects_events_of_another_document() -> None:
    gold = {g.doc.id: g for g in load_gold([DATA])}

    def extract(doc: Document) -> Sequence[Event]:
        events = oracle_events(gold[doc.id])
        renamed: list[Event] = [
            replace(e, evidence=tuple(Span(doc="renamed", start=s.start, end=s.end, text=s.text) for s in e.evidence))
            for e in events
        ]
        return renamed

    with pytest.raises(EvaluationError, match="cites documents \\['renamed'\\]"):
        evaluate_paths([DATA / "acled"], extract=extract)


def test_duplicate_gold_documents_are_rejected() -> None:
    gold = load_gold([DATA / "acled"])
    with pytest.raises(EvaluationError, match="more than once"):
        score([*gold, *gold], {})


def test_a_wrong_toll_lowers_only_that_field() -> None:
    gold = load_gold([DATA / "acled"])
    (event,) = oracle_events(gold[0])
    report = score(gold, {gold[0].doc.id: [replace(event, fatalities=Fatalities(low=3))]})
    assert report.overall.f1 == 1.0
    rates = {r.measure.value: (r.hits, r.total) for r in report.overall.fields if r.total}
    assert rates["deaths_low"] == (0, 1) and rates["deaths_low_10pct"] == (0, 1) and rates["actors"] == (2, 2)


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="../shared/gold/dev is absent")
def test_shared_dev_gold_perfect_predictions_score_one() -> None:
    report = _perfect_report([SHARED / "gold" / "dev"])
    figures = report.overall
    assert figures.n_docs == 1555
    assert (figures.fp, figures.fn, figures.f1) == (0, 0, 1.0)
    assert all(r.rate in (1.0, None) for r in figures.fields)
    assert list(report.groups(by="corpus")) == ["news", "acled"]
    assert list(report.groups(by="lang")) == ["nb", "nn", "en"]
    assert list(report.groups(by="corpus-lang")) == ["news/nb", "news/nn", "news/en", "acled/en"]
