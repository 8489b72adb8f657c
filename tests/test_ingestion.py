"""Batched ingestion fuses as a full rebuild would (its one-query neighbour cache gives what the store gives)."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.fusion.sync import refuse_all
from eventcoder.ingestion import ingest_paths
from eventcoder.scale import Scale
from eventcoder.store import Store

_REPORTS = (
    "{n} people were killed when gunmen attacked a market in Aleppo on Monday, police said.",
    "Gunmen attacked a market in Aleppo on Monday and killed {n} people, a local official said.",
    "At least {n} soldiers died in clashes with militants near Homs, the army said on Tuesday.",
)


def test_batched_ingest_fuses_like_a_full_rebuild(tmp_path: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    lines = []
    for i in range(18):
        text = _REPORTS[i % 3].format(n=10 + i % 4) + f" This report was filed as number {i} in the agency archive."
        lines.append(json.dumps({"id": f"r{i}", "text": text, "published": f"2023-03-{7 + i % 3:02d}", "lang": "en"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest_paths([corpus], store=store, scale=Scale(workers=1, batch_size=4))
        batched = {e.id: e.to_json() for e in store.merged_events(include_rejected=True)}
        records = store.merge_records()
        assert store.merged_count() == len(batched)
        refuse_all(store)
        rebuilt = {e.id: e.to_json() for e in store.merged_events(include_rejected=True)}
    assert summary.stored == 18
    assert batched == rebuilt
    assert max(len(r["docs"]) for r in records.values()) > 1  # reports of one event in several batches were merged
