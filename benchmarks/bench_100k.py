"""The 100,000-document run (`make bench-100k`): ingest a synthetic corpus, SIGKILL it mid-run, run it again, count.

    python benchmarks/bench_100k.py [--documents 100000] [--workers 2] [--kill-at 0.3] [--dir DIR]

Exit code 0 when the store ends with exactly `--documents` documents and ledger rows, no duplicates and nothing
unfused. Not part of `make test` (it takes tens of minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from eventcoder.ledger import Outcome
from eventcoder.store import Store
from eventcoder.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
_PROGRESS = re.compile(r"^ingest: (\d+)/\d+ documents")


def _command(corpus: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "eventcoder.cli", "ingest", str(corpus), "--db", str(db), "--workers", str(workers)]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT / "src") + (os.pathsep + path if path else "")}


def killed_run(command: list[str], *, kill_at: int) -> tuple[int, float]:
    """Run `command` until it reports `kill_at` documents, then SIGKILL its process group."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--log-every", "5"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=_env(),
        start_new_session=True,
    )
    assert proc.stderr is not None
    done = 0
    for line in proc.stderr:
        print(f"  first run | {line.rstrip()}", flush=True)
        m = _PROGRESS.match(line)
        if m and int(m.group(1)) >= kill_at:
            done = int(m.group(1))
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return done, time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-at", type=float, default=0.3, help="fraction of the documents after which to kill")
    parser.add_argument("--dir", type=Path, default=None, help="keep the corpus and store here (default: temporary)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eventcoder-100k-") as tmp:
        workdir = args.dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus, db = workdir / "corpus.jsonl", workdir / "store.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        t0 = time.perf_counter()
        write_corpus(corpus, args.documents)
        print(
            f"corpus: {args.documents} documents, {corpus.stat().st_size / 1e6:.0f} MB, "
            f"written in {time.perf_counter() - t0:.0f} s"
        )
        command = _command(corpus, db, args.workers)
        done, first_wall = killed_run(command, kill_at=int(args.documents * args.kill_at))
        print(f"first run: SIGKILL after {done} documents, {first_wall:.0f} s")
        t1 = time.perf_counter()
        rerun = subprocess.run([*command, "--log-every", "30"], env=_env(), text=True, stderr=subprocess.PIPE)
        second_wall = time.perf_counter() - t1
        for line in rerun.stderr.splitlines():
            print(f"  second run | {line}")
        with Store.open(db, read_only=True) as store:
            counts = store.counts()
            summary = store.ledger_summary()
            unfused = len(store.unfused_events())
            merged = store.merged_count()
        size_mb = db.stat().st_size / 1e6
    ok = (
        rerun.returncode == 0
        and counts.documents == args.documents
        and summary.total == args.documents
        and summary.count(Outcome.DUPLICATE) == 0
        and unfused == 0
    )
    total = first_wall + second_wall
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| documents in the corpus | {args.documents} |")
    print(f"| first run killed (SIGKILL) after | {done} documents, {first_wall:.0f} s |")
    print(f"| second run (resume) | {second_wall:.0f} s, exit code {rerun.returncode} |")
    print(f"| documents stored / ledger rows | {counts.documents} / {summary.total} |")
    print(f"| duplicates / unfused reports | {summary.count(Outcome.DUPLICATE)} / {unfused} |")
    print(f"| events / merged events | {counts.events} / {merged} |")
    print(f"| end-to-end rate over both runs | {args.documents / total:.0f} docs/s with {args.workers} workers |")
    print(f"| store size | {size_mb:.0f} MB |")
    print(f"| result | {'PASS' if ok else 'FAIL'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
