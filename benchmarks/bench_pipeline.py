"""Throughput and peak memory of the extraction pipeline (`make bench`).

Corpus: the texts of ../shared/gold/dev when it exists, else the bundled samples. Prints articles per CPU-second
(process time, after a warm-up that loads language data and the gazetteer) and the peak resident memory.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from eventcoder.extraction import extract_document
from eventcoder.ingest import ReadError, read_documents
from eventcoder.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "dev"


def corpora() -> list[tuple[str, list[Document]]]:
    if SHARED_GOLD.is_dir():
        from eventcoder.evaluate import load_gold

        gold = load_gold([SHARED_GOLD])
        return [
            ("shared/gold/dev, all", [g.doc for g in gold]),
            ("shared/gold/dev, news articles only", [g.doc for g in gold if g.corpus != "acled"]),
        ]
    docs = [d for d in read_documents([ROOT / "src" / "eventcoder" / "samples"]) if not isinstance(d, ReadError)]
    return [("bundled samples", docs)]


def main() -> int:
    for name, docs in corpora():
        if not docs:
            print(f"{name}: no documents to measure", file=sys.stderr)
            return 1
        measure(name, docs)
    return 0


def measure(name: str, docs: list[Document]) -> None:
    t_load = time.perf_counter()
    extract_document(docs[0])  # warm-up: language data, gazetteer, language detector
    load_s = time.perf_counter() - t_load
    rounds = max(1, 300 // len(docs))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    events = 0
    chars = 0
    for _ in range(rounds):
        for doc in docs:
            events += len(extract_document(doc))
            chars += len(doc.text)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    n = rounds * len(docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {name} ({len(docs)} documents, {rounds} round(s), {chars / n:.0f} characters on average)")
    print(f"warm-up (loading data): {load_s:.2f} s")
    print(f"articles per CPU-second: {n / cpu:.1f}")
    print(f"articles per wall-second: {n / wall:.1f}")
    print(f"events per article: {events / n:.2f}")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
