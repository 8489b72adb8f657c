"""A real ingest process, killed with SIGKILL mid-run, then run again: every document is stored exactly once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from eventcoder.ledger import Outcome
from eventcoder.store import Store
from eventcoder.synthetic import write_corpus
from tests.conftest import ROOT

DOCUMENTS = 160
_PROGRESS = re.compile(r"^ingest: (\d+)/\d+ documents")


def _command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "eventcoder.cli",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        "2",
        "--batch-size",
        "8",
        "--log-every",
        "0",
    ]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT / "src") + (os.pathsep + path if path else "")}


def _kill_after_some_batches(corpus: Path, db: Path) -> int:
    """Start ingest, wait until at least two batches are committed, SIGKILL its whole process group."""
    proc = subprocess.Popen(
        _command(corpus, db),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=_env(),
        start_new_session=True,
    )
    assert proc.stderr is not None
    done = 0
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        m = _PROGRESS.match(line)
        if m:
            done = int(m.group(1))
            if done >= 16:
                break
        assert time.monotonic() < deadline, "no progress from the first run"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return done


def test_killed_ingest_resumes_and_stores_every_document_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", DOCUMENTS)
    db = tmp_path / "store.duckdb"

    done_before_kill = _kill_after_some_batches(corpus, db)
    assert 16 <= done_before_kill < DOCUMENTS, "the kill must come mid-run"

    rerun = subprocess.run(_command(corpus, db), capture_output=True, text=True, env=_env(), timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    skipped = int(re.search(r"(\d+) done by an earlier run", rerun.stderr).group(1))  # type: ignore[union-attr]
    assert done_before_kill <= skipped < DOCUMENTS  # the first run's committed batches were not coded again

    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        ledger = store.ledger()
        summary = store.ledger_summary()
        assert store.unfused_events() == []  # reports stored just before the kill were fused by the rerun
        stored_ids = {d.id for d in store.documents()}
    assert counts.documents == DOCUMENTS
    assert stored_ids == {f"syn-{i:07d}" for i in range(1, DOCUMENTS + 1)}
    assert len(ledger) == DOCUMENTS == summary.total
    assert summary.count(Outcome.DUPLICATE) == 0
    assert counts.events == sum(e.events for e in ledger)
    assert summary.count(Outcome.CODED) + summary.count(Outcome.NOT_CONFLICT) == DOCUMENTS
