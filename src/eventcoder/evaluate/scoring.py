"""`score`: gold files and predictions in, a `Report` out; `evaluate_paths` runs an extractor over gold files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from eventcoder.evaluate.fields import check_pair
from eventcoder.evaluate.gold import GoldEvent, GoldFile, load_gold
from eventcoder.evaluate.match import pair_events
from eventcoder.evaluate.report import DocResult, FieldRate, Measure, Miss, PairRecord, Report
from eventcoder.model import Document, Event

__all__ = ["EvaluationError", "evaluate_paths", "score", "score_document"]


class EvaluationError(ValueError):
    """Gold and predictions cannot be scored together (duplicate documents, a wrong document id)."""


def score(gold: Sequence[GoldFile], predictions: Mapping[str, Sequence[Event]]) -> Report:
    """Score predictions (keyed by document id) against gold files; a document without predictions has none."""
    ids = [g.doc.id for g in gold]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise EvaluationError(f"gold documents given more than once: {dupes}")
    docs = tuple(score_document(g, predictions.get(g.doc.id, ())) for g in gold)
    known = set(ids)
    return Report(docs=docs, unknown_docs=tuple(sorted(k for k in predictions if k not in known)))


def score_document(gold: GoldFile, predicted: Sequence[Event]) -> DocResult:
    """Pair one document's predictions with its gold events; count detections, check fields, list misses."""
    doc_id, path = gold.doc.id, str(gold.path)
    foreground = [e for e in predicted if not e.background]
    pairing = pair_events(gold.events, foreground, doc_id=doc_id)
    tallies = {m: FieldRate(measure=m) for m in Measure}
    misses: list[Miss] = []
    for pair in pairing.pairs:
        for check in check_pair(
            pair.gold, pair.predicted, type_only=gold.type_only, deaths_scored=not gold.deaths_unscored
        ):
            tallies[check.measure] = tallies[check.measure] + FieldRate(
                measure=check.measure, hits=int(check.ok), total=1
            )
            if not check.ok:
                misses.append(
                    Miss(
                        doc_id=doc_id,
                        path=path,
                        kind=check.measure.value,
                        gold_event=pair.gold.id,
                        predicted_event=pair.predicted.id,
                        expected=check.expected,
                        got=check.got,
                        evidence=pair.gold.evidence,
                    )
                )
    fn_events = [g for g in pairing.unpaired_gold if g.required]
    for g in fn_events:
        misses.append(
            Miss(
                doc_id=doc_id,
                path=path,
                kind="false_negative",
                gold_event=g.id,
                predicted_event=None,
                expected=_describe_gold(g),
                got="no matching prediction",
                evidence=g.evidence,
            )
        )
    for p in pairing.unpaired_predicted:
        misses.append(
            Miss(
                doc_id=doc_id,
                path=path,
                kind="false_positive",
                gold_event=None,
                predicted_event=p.id,
                expected="no such event",
                got=_describe_prediction(p),
                evidence=p.evidence[0].text if p.evidence else None,
            )
        )
    return DocResult(
        doc_id=doc_id,
        path=path,
        corpus=gold.corpus,
        lang=gold.doc.lang,
        tp=sum(1 for pair in pairing.pairs if pair.gold.required),
        fp=len(pairing.unpaired_predicted),
        fn=len(fn_events),
        pairs=tuple(
            PairRecord(gold_event=p.gold.id, predicted_event=p.predicted.id, score=p.score, required=p.gold.required)
            for p in pairing.pairs
        ),
        fields=tuple(tallies[m] for m in Measure),
        misses=tuple(misses),
        background=len(predicted) - len(foreground),
    )


def evaluate_paths(paths: Sequence[str | Path], *, extract: Callable[[Document], Sequence[Event]]) -> Report:
    """Load gold files, run `extract` on each gold document, and score what it returns."""
    gold = load_gold(paths)
    predictions: dict[str, Sequence[Event]] = {}
    for g in gold:
        events = list(extract(g.doc))
        for event in events:
            stray = sorted({s.doc for s in event.evidence if s.doc != g.doc.id})
            if stray:
                raise EvaluationError(
                    f"{g.path}: event {event.id!r} cites documents {stray}, not the gold document {g.doc.id!r}"
                )
        predictions[g.doc.id] = events
    return score(gold, predictions)


def _describe_gold(event: GoldEvent) -> str:
    parts = [event.event_type.value, event.sub_event_type]
    if event.location is not None:
        parts.append(f"{event.location.name} ({event.location.country})")
    if event.date is not None:
        parts.append(f"{event.date.earliest}..{event.date.latest}")
    if event.actors:
        parts.append(" vs ".join(a.name for a in event.actors))
    return " / ".join(parts)


def _describe_prediction(event: Event) -> str:
    parts = [event.event_type.value, event.sub_event_type]
    if event.location is not None:
        parts.append(f"{event.location.name} ({event.location.country})")
    if event.date is not None:
        parts.append(f"{event.date.start}..{event.date.end}")
    actors = [a.name for a in (event.actor1, event.actor2) if a is not None]
    if actors:
        parts.append(" vs ".join(actors))
    return " / ".join(parts)
