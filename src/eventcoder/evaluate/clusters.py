"""Cluster scoring of fusion (EVENTS.md section 5, "Cluster scoring").

Gold events may carry a `cluster` id shared by the same real-world event across files.  Two gold documents
*belong together* when they share a cluster id.  A merged event puts its documents together.  Pairwise:
- recall: of the document pairs that belong together, the share that some merged event puts together;
- precision: of the document pairs that merged events put together, the share that belong together.
Also counted: merged events with more than one gold document, and those whose documents all sit in one cluster.
Documents that are not gold documents are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from eventcoder.evaluate.gold import GoldFile
from eventcoder.model import Event

__all__ = ["ClusterScore", "gold_clusters", "score_clusters"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterScore:
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    merged_events: int  # merged events with two or more gold documents
    pure_merged_events: int  # ... whose documents all share one gold cluster
    missed: tuple[tuple[str, str], ...] = ()
    wrong: tuple[tuple[str, str], ...] = ()

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "true_pairs": self.true_pairs,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "merged_events": self.merged_events,
            "pure_merged_events": self.pure_merged_events,
            "missed_pairs": [list(p) for p in self.missed],
            "wrong_pairs": [list(p) for p in self.wrong],
        }

    def render(self) -> str:
        return (
            f"fusion (pairwise over documents): P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"({self.true_pairs} of {self.predicted_pairs} merged pairs right, {self.gold_pairs} gold pairs); "
            f"{self.merged_events} merged events span several gold documents, "
            f"{self.pure_merged_events} of them within one gold cluster\n"
        )


def gold_clusters(gold: Iterable[GoldFile]) -> dict[str, frozenset[str]]:
    """Document id -> the cluster ids of its gold events."""
    return {g.doc.id: frozenset(e.cluster for e in g.events if e.cluster) for g in gold}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def score_clusters(gold: Sequence[GoldFile], merged: Iterable[Event]) -> ClusterScore:
    clusters = gold_clusters(gold)
    docs = sorted(clusters)
    truth = {_pair(a, b) for a, b in combinations(docs, 2) if clusters[a] & clusters[b]}
    predicted: set[tuple[str, str]] = set()
    multi = pure = 0
    for event in merged:
        mine = sorted({s.doc for s in event.sources if s.doc in clusters})
        if len(mine) < 2:
            continue
        multi += 1
        if frozenset.intersection(*(clusters[d] for d in mine)):
            pure += 1
        predicted |= {_pair(a, b) for a, b in combinations(mine, 2)}
    return ClusterScore(
        gold_pairs=len(truth),
        predicted_pairs=len(predicted),
        true_pairs=len(truth & predicted),
        merged_events=multi,
        pure_merged_events=pure,
        missed=tuple(sorted(truth - predicted)),
        wrong=tuple(sorted(predicted - truth)),
    )
