"""Scale benchmark (`make bench`): pipeline speed, memory per worker, scaling over workers, the cost of the store.

Corpora: the texts of ../shared/gold/dev when present, and always a synthetic corpus (`eventcoder.synthetic`, our
own sentences recombined), so the benchmark runs without ../shared. Prints a Markdown table with the floors of
issue 7 and whether each holds. Timings depend on the machine: run it on a quiet one.

    python benchmarks/bench_scale.py [--documents 3000] [--skip-dask]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.coding import BatchResult, code_batch
from eventcoder.ingest import ReadError, read_documents
from eventcoder.ingestion import ingest_paths
from eventcoder.ledger import LedgerEntry, source_of
from eventcoder.model import Document
from eventcoder.pipeline import Pipeline
from eventcoder.scale import DEFAULT_BATCH_SIZE, Scale, available_cores, code_stream
from eventcoder.store import Store
from eventcoder.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "dev"
BATCH = DEFAULT_BATCH_SIZE


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    measure: str
    value: str
    floor: str = ""
    holds: bool | None = None

    def render(self) -> str:
        mark = "" if self.holds is None else ("yes" if self.holds else "**NO**")
        return f"| {self.measure} | {self.value} | {self.floor} | {mark} |"


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    documents: int
    wall: float  # from start (executor start-up included) to the last result
    steady: float  # docs/s from the first result to the last
    worker_cpu: float  # CPU seconds the workers spent coding
    peak_worker_mb: float
    workers: int


def _batches(docs: Sequence[Document], size: int = BATCH) -> list[list[Document]]:
    return [list(docs[i : i + size]) for i in range(0, len(docs), size)]


def run_scale(docs: Sequence[Document], scale: Scale) -> Run:
    """Code `docs` on `scale`. Two one-document batches per worker go first, so that every worker has loaded its
    data before the clock of the steady rate starts (at the first result of a real batch)."""
    stages = Pipeline.default().names
    warmup = [[docs[i % len(docs)]] for i in range(2 * scale.worker_count)]
    t0 = time.perf_counter()
    first: float | None = None
    first_docs = 0
    results: list[BatchResult] = []
    batches = warmup + _batches(docs, scale.batch_size)
    for i, (batch, result) in enumerate(code_stream(batches, scale=scale, stages=stages, lang=None)):
        if i < len(warmup):
            continue
        results.append(result)
        if first is None:
            first, first_docs = time.perf_counter(), len(batch)
    end = time.perf_counter()
    assert first is not None
    return Run(
        documents=len(docs),
        wall=end - t0,
        steady=(len(docs) - first_docs) / (end - first) if end > first else 0.0,
        worker_cpu=sum(r.cpu_seconds for r in results),
        peak_worker_mb=max(r.peak_rss_mb for r in results),
        workers=len({r.worker for r in results}),
    )


def pipeline_speed(name: str, docs: Sequence[Document]) -> Row:
    """Articles per CPU-second in this process, after a warm-up that loads the data."""
    stages = Pipeline.default().names
    code_batch(docs[:1], stages=stages, lang=None)
    rounds = max(1, 600 // len(docs))
    cpu0 = time.process_time()
    for _ in range(rounds):
        for batch in _batches(docs):
            code_batch(batch, stages=stages, lang=None)
    rate = rounds * len(docs) / (time.process_time() - cpu0)
    avg = sum(len(d.text) for d in docs) / len(docs)
    return Row(
        measure=f"pipeline, articles per CPU-second: {name} ({len(docs)} docs, {avg:.0f} chars)", value=f"{rate:.0f}"
    )


def gold_docs() -> list[tuple[str, list[Document]]]:
    if not SHARED_GOLD.is_dir():
        return []
    from eventcoder.evaluate import load_gold

    gold = load_gold([SHARED_GOLD])
    return [
        ("shared/gold/dev, all", [g.doc for g in gold]),
        ("shared/gold/dev, news only", [g.doc for g in gold if g.corpus != "acled"]),
    ]


def store_cost(docs: Sequence[Document], workdir: Path) -> list[Row]:
    """Writing pre-coded batches (documents, events, ledger) into a new store file, then fusing them."""
    stages = Pipeline.default().names
    coded = [(batch, code_batch(batch, stages=stages, lang=None)) for batch in _batches(docs)]
    write = fuse = 0.0
    from eventcoder.fusion.sync import fuse_new

    with Store.open(workdir / "store-cost.duckdb") as store:
        for batch, result in coded:
            pairs = [(d, c.events) for d, c in zip(batch, result.coded, strict=True)]
            ledger = [
                LedgerEntry(source=source_of(d), outcome=c.outcome, doc_id=d.id, events=len(c.events))
                for d, c in zip(batch, result.coded, strict=True)
            ]
            t0 = time.perf_counter()
            store.write_batch(pairs, ledger=ledger)
            t1 = time.perf_counter()
            fuse_new(store, [e for c in result.coded for e in c.events])
            t2 = time.perf_counter()
            write += t1 - t0
            fuse += t2 - t1
    n = len(docs)
    return [
        Row(measure=f"store writes (documents, events, ledger; batches of {BATCH}), docs/s", value=f"{n / write:.0f}"),
        Row(measure="fusion of each written batch into the store, docs/s", value=f"{n / fuse:.0f}"),
    ]


def end_to_end(corpus: Path, workdir: Path, workers: int) -> Row:
    t0 = time.perf_counter()
    with Store.open(workdir / f"e2e-{workers}.duckdb") as store:
        summary = ingest_paths([corpus], store=store, scale=Scale(workers=workers, batch_size=BATCH))
    wall = time.perf_counter() - t0
    return Row(
        measure=f"`eventcoder ingest`, {workers} worker(s), end to end (read, code, write, fuse), docs/s",
        value=f"{summary.read / wall:.0f}",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=3000, help="synthetic documents for the scaling runs")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as tmp:
        workdir = Path(tmp)
        corpus = write_corpus(workdir / "synthetic.jsonl", args.documents)
        synthetic = [d for d in read_documents([corpus]) if not isinstance(d, ReadError)]

        gold = gold_docs()
        for name, docs in gold:
            row = pipeline_speed(name, docs)
            if name.endswith("all"):
                row = Row(measure=row.measure, value=row.value, floor=">= 200", holds=float(row.value) >= 200)
            rows.append(row)
        row = pipeline_speed("synthetic", synthetic[:1000])
        if not gold:
            row = Row(measure=row.measure, value=row.value, floor=">= 200", holds=float(row.value) >= 200)
        rows.append(row)

        one = run_scale(synthetic, Scale(workers=1, batch_size=BATCH))
        two = run_scale(synthetic, Scale(workers=2, batch_size=BATCH))
        rows.append(
            Row(measure=f"1 worker (in process), docs/s over {one.documents} synthetic docs", value=f"{one.steady:.0f}")
        )
        rows.append(
            Row(
                measure=f"2 worker processes, docs/s (steady; {two.documents / two.wall:.0f} with start-up)",
                value=f"{two.steady:.0f}",
            )
        )
        speedup = two.steady / one.steady
        rows.append(
            Row(measure="speed-up of 2 workers over 1", value=f"{speedup:.2f}x", floor=">= 1.8x", holds=speedup >= 1.8)
        )
        rows.append(
            Row(
                measure="articles per worker CPU-second in the pool (warm workers)",
                value=f"{two.documents / two.worker_cpu:.0f}",
            )
        )
        peak = max(one.peak_worker_mb, two.peak_worker_mb)
        if not args.skip_dask:
            dask = run_scale(synthetic, Scale(workers=2, scheduler="local", batch_size=BATCH))
            rows.append(
                Row(
                    measure=f"local Dask cluster of 2 workers, docs/s (steady; {dask.documents / dask.wall:.0f} with "
                    "start-up)",
                    value=f"{dask.steady:.0f} ({dask.steady / one.steady:.2f}x)",
                )
            )
            peak = max(peak, dask.peak_worker_mb)
        rows.append(
            Row(measure="peak resident memory per worker, MB", value=f"{peak:.0f}", floor="<= 1024", holds=peak <= 1024)
        )
        rows.extend(store_cost(synthetic[:1000], workdir))
        rows.append(end_to_end(corpus, workdir, 2))
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(Row(measure="peak resident memory of the benchmark process (writer), MB", value=f"{parent:.0f}"))

    load_after = os.getloadavg()[0]
    print(f"eventcoder scale benchmark: {available_cores()} cores, synthetic corpus of {args.documents} documents")
    print(
        f"load average (1 min) before {load_before:.1f}, after {load_after:.1f}: above ~0.5 the timings are not clean\n"
    )
    print("| measure | value | floor | holds |")
    print("|---|---|---|---|")
    for row in rows:
        print(row.render())
    return 0 if all(r.holds is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
