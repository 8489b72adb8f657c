"""Every span of every extracted event is the exact slice of its document (all dev documents and the samples)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extraction import extract_document
from eventcoder.ingest import ReadError, read_documents
from eventcoder.model import Document, Event
from tests.conftest import SAMPLES


def _check(doc: Document, events: list[Event]) -> None:
    for event in events:
        assert event.sources and event.sources[0].doc == doc.id
        assert event.evidence, f"{doc.id}: event {event.id} has no evidence"
        for span in event.spans():
            assert doc.text[span.start : span.end] == span.text, f"{doc.id}: {span}"
            span.check(doc)
        for claim in event.claims:
            if claim.claimant is not None and claim.claimant_span is None:
                pytest.fail(f"{doc.id}: claimant {claim.claimant!r} without a span")


def test_sample_spans() -> None:
    docs = [d for d in read_documents([SAMPLES]) if not isinstance(d, ReadError)]
    assert len(docs) >= 5
    for doc in docs:
        _check(doc, extract_document(doc))


@pytest.mark.shared
def test_dev_spans(shared_dir: Path) -> None:
    from eventcoder.evaluate import load_gold

    gold = load_gold([shared_dir / "gold" / "dev"])
    assert len(gold) > 1000
    for g in gold:
        _check(g.doc, extract_document(g.doc))
