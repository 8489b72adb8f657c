"""Cluster scoring of fusion: pairwise precision/recall over documents that share a gold cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluate import (
    GoldEvent,
    GoldFatalities,
    GoldFile,
    GoldInjured,
    GoldStatus,
    load_gold,
    score_clusters,
)
from eventcoder.model import Document, Event, EventType, Source


def gold(doc_id: str, *clusters: str | None) -> GoldFile:
    events = tuple(
        GoldEvent(
            id=f"e{i}",
            status=GoldStatus.REQUIRED,
            event_type=EventType.BATTLES,
            sub_event_type="Armed clash",
            alt_sub_event_types=(),
            date=None,
            location=None,
            actors=(),
            fatalities=GoldFatalities(),
            injured=GoldInjured(),
            claims=(),
            evidence="x",
            evidence_span=None,
            cluster=c,
        )
        for i, c in enumerate(clusters)
    )
    return GoldFile(path=Path(f"{doc_id}.json"), corpus="news", doc=Document(id=doc_id, text="x"), events=events)


def merged(*docs: str) -> Event:
    return Event(
        id="mv-" + "-".join(docs),
        event_type=EventType.BATTLES,
        sub_event_type="Armed clash",
        date=None,
        location=None,
        actor1=None,
        actor2=None,
        sources=tuple(Source(doc=d) for d in docs),
    )


GOLD = [gold("a", "k1"), gold("b", "k1", None), gold("c", "k1"), gold("d", "k2"), gold("e", "k2"), gold("f", None)]


def test_pairwise_precision_recall_f1() -> None:
    # gold pairs: ab ac bc de (4); predicted: ab (right), cf (wrong), de (right)
    score = score_clusters(GOLD, [merged("a", "b"), merged("c", "f"), merged("d", "e"), merged("x-not-gold", "a")])
    assert (score.gold_pairs, score.predicted_pairs, score.true_pairs) == (4, 3, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.f1 == pytest.approx(4 / 7)
    assert (score.merged_events, score.pure_merged_events) == (3, 2)
    assert score.missed == (("a", "c"), ("b", "c"))
    assert score.wrong == (("c", "f"),)


def test_no_merges_score_zero_without_dividing_by_zero() -> None:
    score = score_clusters(GOLD, [merged("a"), merged("b")])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


@pytest.mark.shared
def test_dev_news_gold_has_twelve_clustered_files(shared_dir: Path) -> None:
    files = load_gold([shared_dir / "gold" / "dev" / "news"])
    assert sum(1 for g in files if any(e.cluster for e in g.events)) == 12
    sadr = merged(*(g.doc.id for g in files if any(e.cluster == "sadr-2021-07-19" for e in g.events)))
    score = score_clusters(files, [sadr])
    assert (score.true_pairs, score.predicted_pairs, score.gold_pairs) == (6, 6, 10)
