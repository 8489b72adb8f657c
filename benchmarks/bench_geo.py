"""Gazetteer build/load time and resolution throughput (mentions resolved per second once the index is loaded).

    PYTHONPATH=src /tmp/venv/bin/python benchmarks/bench_geo.py [--rebuild]

`--rebuild` builds the gazetteer into a fresh temporary cache directory first (the first-build time; the shared
cache is not touched).  Corpus: the texts of ../shared/gold/dev when it exists, else the bundled samples.  The
throughput counts `resolve_mentions` over each document's found names (finding them is timed apart), repeated
until at least two seconds have passed.  A benchmark, not a timed test: numbers depend on the machine's load.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from eventcoder.geo.build import cache_path, load_gazetteer
from eventcoder.geo.finder import RawMention, country_cues, find_raw_mentions
from eventcoder.geo.resolver import resolve_mentions
from eventcoder.geo.words import place_words
from eventcoder.ingest import read_documents
from eventcoder.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "dev"
_MIN_SECONDS = 2.0


def documents() -> list[Document]:
    if SHARED_GOLD.is_dir():
        from eventcoder.evaluate import load_gold

        return [g.doc for g in load_gold([SHARED_GOLD])]
    return list(read_documents([ROOT / "src" / "eventcoder" / "samples"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rebuild", action="store_true", help="time a first build in a fresh cache directory")
    args = ap.parse_args()
    if args.rebuild:
        os.environ["EVENTCODER_CACHE_DIR"] = tempfile.mkdtemp(prefix="eventcoder-geo-")
        t = time.perf_counter()
        load_gazetteer()
        print(f"first build + load: {time.perf_counter() - t:.1f} s ({cache_path()})")
    t = time.perf_counter()
    gaz = load_gazetteer(in_subprocess=False)
    print(f"load: {time.perf_counter() - t:.2f} s; {len(gaz):,} entries, {len(gaz.exact):,} alias keys")

    docs = documents()
    t = time.perf_counter()
    found: list[tuple[list[RawMention], str]] = []
    for doc in docs:
        words = place_words(doc.lang or "en")
        found.append((find_raw_mentions(doc.text, sentence_starts=[0], gazetteer=gaz, words=words), doc.text))
    t_find = time.perf_counter() - t
    cues = [country_cues(text, place_words(doc.lang or "en")) for (_, text), doc in zip(found, docs, strict=True)]
    n = sum(len(raw) for raw, _ in found)
    print(f"finding: {n:,} names in {len(docs):,} texts, {n / t_find:,.0f} names/s")

    resolved, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < _MIN_SECONDS:
        for (raw, text), cue in zip(found, cues, strict=True):
            resolve_mentions(raw, gazetteer=gaz, cues=cue, text=text)
            resolved += len(raw)
    print(f"resolution: {resolved / (time.perf_counter() - t0):,.0f} mentions/s")


if __name__ == "__main__":
    main()
