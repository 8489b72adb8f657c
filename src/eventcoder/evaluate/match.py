"""Pairing predicted events with gold events of one document (EVENTS.md section 5).

Each prediction is paired with at most one gold event and each gold event with at most one prediction, greedily
by similarity, best pairs first; ties go to the earlier gold event, then the earlier prediction (their order in
the gold file and in the prediction list), so pairing is deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.evaluate.gold import GoldActor, GoldEvent
from eventcoder.evaluate.text import name_matches
from eventcoder.model import Event

__all__ = [
    "DATE_SLACK",
    "Pair",
    "Pairing",
    "actor_found",
    "dates_overlap",
    "evidence_overlaps",
    "pair_events",
    "possible",
    "predicted_actor_strings",
    "similarity",
]

DATE_SLACK = dt.timedelta(days=2)
MIN_SCORE_WITHOUT_TYPE = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    gold: GoldEvent
    predicted: Event
    score: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Pairing:
    pairs: tuple[Pair, ...]
    unpaired_gold: tuple[GoldEvent, ...]
    unpaired_predicted: tuple[Event, ...]


def possible(gold: GoldEvent, predicted: Event) -> bool:
    """False when both sides have a country and they differ, or the dates are more than 2 days apart."""
    gold_country = gold.location.country if gold.location else None
    pred_country = predicted.location.country if predicted.location else None
    if gold_country and pred_country and gold_country.upper() != pred_country.upper():
        return False
    if gold.date is not None and predicted.date is not None:
        if predicted.date.end < gold.date.earliest - DATE_SLACK:
            return False
        if predicted.date.start > gold.date.latest + DATE_SLACK:
            return False
    return True


def dates_overlap(gold: GoldEvent, predicted: Event) -> bool:
    if gold.date is None or predicted.date is None:
        return False
    return predicted.date.start <= gold.date.latest and gold.date.earliest <= predicted.date.end


def predicted_actor_strings(predicted: Event) -> list[str]:
    """The predicted actors' names and mention texts."""
    out: list[str] = []
    for actor in (predicted.actor1, predicted.actor2):
        if actor is None:
            continue
        out.append(actor.name)
        if actor.text:
            out.append(actor.text)
        if actor.span is not None and actor.span.text != actor.text:
            out.append(actor.span.text)
    return out


def actor_found(gold_actor: GoldActor, found: Sequence[str]) -> bool:
    return name_matches(gold_actor.names, found)


def evidence_overlaps(gold: GoldEvent, predicted: Event, *, doc_id: str) -> bool:
    """The gold evidence range intersects a predicted evidence or trigger span of this document."""
    if gold.evidence_span is None:
        return False
    g_start, g_end = gold.evidence_span
    spans = [*predicted.evidence, *([predicted.trigger] if predicted.trigger is not None else [])]
    return any(s.doc == doc_id and s.start < g_end and g_start < s.end for s in spans)


def similarity(gold: GoldEvent, predicted: Event, *, doc_id: str) -> int:
    """+2 same sub-type (or an alternative), else +1 same type; +1 country; +1 dates; +1 per actor; +1 evidence."""
    score = 0
    if gold.accepts_sub_event_type(predicted.sub_event_type):
        score += 2
    elif gold.event_type is predicted.event_type:
        score += 1
    gold_country = gold.location.country if gold.location else None
    pred_country = predicted.location.country if predicted.location else None
    if gold_country and pred_country and gold_country.upper() == pred_country.upper():
        score += 1
    if dates_overlap(gold, predicted):
        score += 1
    found = predicted_actor_strings(predicted)
    score += sum(1 for actor in gold.actors if actor_found(actor, found))
    if evidence_overlaps(gold, predicted, doc_id=doc_id):
        score += 1
    return score


def _admissible(gold: GoldEvent, predicted: Event, score: int, *, several: bool) -> bool:
    if not several:
        return True
    # "the same event type": an accepted sub-type (alternatives may belong to another type) counts as agreement.
    same_type = gold.event_type is predicted.event_type or gold.accepts_sub_event_type(predicted.sub_event_type)
    return same_type or score >= MIN_SCORE_WITHOUT_TYPE


def pair_events(gold_events: Sequence[GoldEvent], predictions: Sequence[Event], *, doc_id: str) -> Pairing:
    """Greedy one-to-one pairing of (non-background) predictions with gold events."""
    several = len(gold_events) > 1
    candidates: list[tuple[int, int, int]] = []  # (-score, gold index, prediction index)
    for gi, gold in enumerate(gold_events):
        for pi, pred in enumerate(predictions):
            if not possible(gold, pred):
                continue
            score = similarity(gold, pred, doc_id=doc_id)
            if _admissible(gold, pred, score, several=several):
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for neg_score, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(Pair(gold=gold_events[gi], predicted=predictions[pi], score=-neg_score))
    return Pairing(
        pairs=tuple(pairs),
        unpaired_gold=tuple(g for i, g in enumerate(gold_events) if i not in used_gold),
        unpaired_predicted=tuple(p for i, p in enumerate(predictions) if i not in used_pred),
    )
