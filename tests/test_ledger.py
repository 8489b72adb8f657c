"""Store.write_batch with its ledger: one transaction per batch, duplicates named, resume keys, the summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventcoder.cli import main
from eventcoder.ingest import ReadError
from eventcoder.ingest.estimate import estimate_documents
from eventcoder.ingest.jsonl import stream_jsonl
from eventcoder.ingest.source import ReadOptions
from eventcoder.ingestion import ingest_paths
from eventcoder.ledger import LedgerEntry, Outcome, error_source, source_of
from eventcoder.model import Document
from eventcoder.progress import RunProgress
from eventcoder.scale import Scale
from eventcoder.store import Store, StoreCounts, StoreWriteError
from eventcoder.synthetic import synthetic_documents, write_corpus
from tests.conftest import SAMPLES
from tests.test_store import battle, en_doc, en_events, nb_doc


def entry(doc: Document, outcome: Outcome = Outcome.CODED, events: int = 0) -> LedgerEntry:
    return LedgerEntry(source=source_of(doc), outcome=outcome, doc_id=doc.id, path=doc.path, events=events)


@pytest.fixture
def store() -> Store:
    return Store.open(":memory:")


def test_a_batch_and_its_ledger_are_written_together(store: Store) -> None:
    nb, en = nb_doc(), en_doc()
    written = store.write_batch([(nb, [battle(nb)]), (en, en_events(en))], ledger=[entry(nb, events=1), entry(en)])
    assert written.stored == (nb.id, en.id)
    assert written.events == 4
    assert store.counts() == StoreCounts(documents=2, events=4, claims=2, evidence=13)
    assert store.done_sources([source_of(nb), source_of(en), "other"]) == {source_of(nb), source_of(en)}
    assert store.event(battle(nb).id) == battle(nb)


def test_repeated_documents_are_stored_once_and_marked_duplicate(store: Store) -> None:
    nb = nb_doc()
    same_text = nb_doc(id="copy-of-gao", path="/tmp/other.txt")
    store.write_batch([(nb, [battle(nb)])], ledger=[entry(nb, events=1)])
    written = store.write_batch([(nb, []), (same_text, [])], ledger=[entry(nb), entry(same_text)])
    assert written.stored == ()
    assert store.counts().documents == 1
    outcomes = {e.doc_id: e.outcome for e in store.ledger()}
    assert outcomes == {nb.id: Outcome.DUPLICATE, "copy-of-gao": Outcome.DUPLICATE}
    assert store.ledger(outcome=Outcome.DUPLICATE)[0].detail == "same id or text as a stored document"


def test_a_failing_batch_leaves_store_and_ledger_as_they_were(store: Store) -> None:
    nb, en = nb_doc(), en_doc()
    store.write_batch([(nb, [battle(nb)])], ledger=[entry(nb, events=1)])
    before = store.counts()
    broken = battle(nb_doc(id=en.id))  # spans that name en but hold the nb text
    with pytest.raises(StoreWriteError, match="not a slice"):
        store.write_batch([(en, [broken])], ledger=[entry(en)])
    assert store.counts() == before
    assert [e.doc_id for e in store.ledger()] == [nb.id]


def test_retried_errors_are_not_done(store: Store) -> None:
    nb = nb_doc()
    err = ReadError(path="feed.xml", line=3, message="not valid JSON")
    store.record([LedgerEntry(source=error_source(err), outcome=Outcome.UNREADABLE, detail=err.message)])
    store.write_batch([], ledger=[entry(nb, Outcome.FAILED)])
    assert store.done_sources([source_of(nb), error_source(err)]) == {error_source(err)}
    store.write_batch([(nb, [])], ledger=[entry(nb, Outcome.NOT_CONFLICT)])  # the retry replaces the row
    summary = store.ledger_summary()
    assert (summary.count(Outcome.NOT_CONFLICT), summary.count(Outcome.UNREADABLE), summary.total) == (1, 1, 2)
    assert summary.count(Outcome.FAILED) == 0
    assert "not_conflict" in summary.render()


def test_ingest_twice_codes_nothing_the_second_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest_paths([corpus], store=store, scale=Scale(workers=1, batch_size=5))
        monkeypatch.setattr("eventcoder.coding.code_document", lambda *a, **k: pytest.fail("coded again"))
        second = ingest_paths([corpus], store=store, scale=Scale(workers=1, batch_size=5))
        assert store.counts().documents == 12
    assert (first.read, first.stored, first.skipped) == (12, 12, 0)
    assert first.events >= 12 - first.not_coded > 0  # every coded document has an event
    assert (second.read, second.stored, second.skipped, second.events) == (12, 0, 12, 0)


def test_ledger_command_summarises_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.duckdb")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "The museum reopened after two years of repairs.", "lang": "en"}\n{oops\n')
    assert main(["ingest", str(bad), "--db", db, "--workers", "1"]) == 1
    capsys.readouterr()
    assert main(["ledger", "--db", db]) == 0
    lines = dict(line.split()[:2] for line in capsys.readouterr().out.splitlines())
    assert (lines["not_conflict"], lines["unreadable"], lines["total"]) == ("1", "1", "2")
    assert main(["ledger", "--db", db, "--outcome", "unreadable"]) == 0
    out = capsys.readouterr().out
    assert f'"source": "{bad}:2"' in out and "not valid JSON" in out


def test_progress_log_lines_off_a_terminal() -> None:
    out = io.StringIO()
    with RunProgress(description="ingest", total=10, interval=0, stream=out, tty=False) as bar:
        bar.advance(skipped=4)
        bar.advance(documents=3, events=5)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ingest: 4/10 documents, 0.0 docs/s, 0 events, 4 done before")
    assert lines[1].startswith("ingest: 7/10 documents, ")
    assert ", 5 events, 4 done before, ETA " in lines[1]
    assert len(lines) == 3  # and a last line at the end


def test_estimate_counts_lines_entries_and_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a.jsonl", 7)
    (tmp_path / "b.txt").write_text("date 2023-01\nText.", encoding="utf-8")
    (tmp_path / "c.rss").write_text("<rss><channel><item><title>a</title></item><item></item></channel></rss>")
    assert estimate_documents([tmp_path]) == 7 + 1 + 2
    assert estimate_documents([SAMPLES]) == 5


def test_streamed_jsonl_names_bad_lines_and_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "One.", "lang": "en"}\n\xff\xfe\n{"id": "b", "text": "Two."}\n\n{"id": 1, "text": []}\n'
    )
    items = list(stream_jsonl(path=path, options=ReadOptions()))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "b"]
    assert [str(i) for i in items if isinstance(i, ReadError)] == [
        f"{path}:2: not UTF-8 text: bad byte at 0",
        f"{path}:5: 'text' must be a string, not list",
    ]
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert [str(e) for e in stream_jsonl(path=tmp_path / "empty.jsonl", options=ReadOptions())] == [
        f"{tmp_path / 'empty.jsonl'}: empty file"
    ]


def test_synthetic_corpus_is_deterministic_and_unique() -> None:
    docs = list(synthetic_documents(500, seed=3))
    assert docs == list(synthetic_documents(500, seed=3))
    assert len({d.text for d in docs}) == 500
    assert {d.lang for d in docs} == {"en", "nb", "nn"}
    assert docs[0].id == "syn-0000001" and docs[-1].id == "syn-0000500"


def test_progress_bar_on_a_terminal_shows_rate_and_events() -> None:
    out = io.StringIO()
    with RunProgress(description="ingest", total=10, stream=out, tty=True) as bar:
        bar.advance(documents=4, events=7)
        bar._bar.refresh()  # draw now, as the bar's timer would
        drawn = out.getvalue()
    assert "ingest" in drawn and "4/10" in drawn and "7 events" in drawn and "docs/s" in drawn
    assert bar.done == 4 and bar.events == 7
