"""scale.code_stream on every executor gives the same events in input order; the CLI runs on a local Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.cli import main
from eventcoder.coding import code_batch
from eventcoder.extraction import extract_document
from eventcoder.ingest import ReadError, read_documents
from eventcoder.ledger import Outcome
from eventcoder.model import Document
from eventcoder.pipeline import Pipeline
from eventcoder.scale import Scale, ScaleError, code_stream
from eventcoder.store import Store
from tests.conftest import SAMPLES


def _samples() -> list[Document]:
    return [d for d in read_documents([SAMPLES]) if not isinstance(d, ReadError)]


def _batches(docs: list[Document], size: int) -> list[list[Document]]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def test_pool_of_two_gives_the_events_of_extract_document_in_order() -> None:
    docs = _samples()
    stages = Pipeline.default().names
    out = list(code_stream(_batches(docs, 2), scale=Scale(workers=2, batch_size=2), stages=stages, lang=None))
    assert [d.id for batch, _ in out for d in batch] == [d.id for d in docs]
    got = {c.doc_id: [e.to_json() for e in c.events] for _, r in out for c in r.coded}
    assert got == {d.id: [e.to_json() for e in extract_document(d)] for d in docs}
    workers = {r.worker for _, r in out}
    assert 1 <= len(workers) <= 2
    assert all(0 < r.peak_rss_mb < 1024 and r.cpu_seconds > 0 for _, r in out)


def test_batches_are_pulled_lazily_and_empty_ones_skipped() -> None:
    docs = _samples()
    pulled: list[int] = []

    def batches():  # type: ignore[no-untyped-def]
        for i, batch in enumerate([[], *_batches(docs, 1)]):
            pulled.append(i)
            yield batch

    stream = code_stream(batches(), scale=Scale(workers=1), stages=Pipeline.default().names, lang=None)
    first = next(stream)
    assert first[0] == [docs[0]]
    assert pulled == [0, 1]  # one slot in this process: nothing read ahead
    assert len(list(stream)) == len(docs) - 1


def test_code_batch_records_why_nothing_was_coded() -> None:
    text = "The city council met to discuss the new budget for schools and roads."
    docs = [
        Document(id="calm", text=text, published="2023-01-02", lang="en"),
        Document(id="german", text="Der Stadtrat hat heute getagt.", published="2023-01-02", lang="de"),
    ]
    result = code_batch(docs, stages=Pipeline.default().names, lang=None)
    assert [(c.doc_id, c.outcome, c.events) for c in result.coded] == [
        ("calm", Outcome.NOT_CONFLICT, ()),
        ("german", Outcome.UNSUPPORTED_LANGUAGE, ()),
    ]
    assert "'de'" in (result.coded[1].detail or "")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "--workers must be at least 1"),
        ({"batch_size": 0}, "--batch-size must be at least 1"),
        ({"scheduler": "myhost:8786"}, "not a scheduler address"),
    ],
)
def test_bad_scale_options_are_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ScaleError, match=message):
        Scale(**kwargs)  # type: ignore[arg-type]


def test_ingest_on_a_local_dask_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store.duckdb"
    code = main(
        ["ingest", str(SAMPLES), "--db", str(db), "--scheduler", "local", "--workers", "2", "--batch-size", "2"]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "stored 5 new documents" in err
    assert "on a local Dask cluster of 2 workers" in err
    with Store.open(db, read_only=True) as store:
        stored = {e.id: e.to_json() for e in store.events()}
        assert store.ledger_summary().count(Outcome.CODED) == 5
    expected = {e.id: e.to_json() for d in _samples() for e in extract_document(d)}
    assert stored == expected

    code = main(["ledger", "--db", str(db), "--list"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert sorted(r["doc_id"] for r in rows) == sorted(d.id for d in _samples())
    assert {r["outcome"] for r in rows} == {"coded"}
