"""Resumable ingestion: read inputs in batches, skip what the ledger says is done, code, store, fuse.

The store's ledger is the checkpoint. Each batch is written with its ledger entries in one transaction and then
fused, so a run killed at any moment loses at most the batches in flight; running the same command again skips
every input the ledger holds (before any extraction) and stores each document exactly once. Reports that were
stored but not fused when the run died are fused at the end of the next run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.fusion.similarity import SLACK_DAYS
from eventcoder.fusion.sync import fuse_new
from eventcoder.ingest import ReadError, read_documents
from eventcoder.ledger import LedgerEntry, Outcome, error_source, source_of
from eventcoder.model import Document, Event
from eventcoder.pipeline import Pipeline
from eventcoder.progress import RunProgress
from eventcoder.scale import Scale, code_stream
from eventcoder.store import Store

__all__ = ["IngestSummary", "ingest_paths"]

Report = Callable[[str], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    read: int  # documents read (skipped ones included)
    skipped: int  # documents the ledger held from an earlier run
    stored: int  # new documents stored
    events: int  # events stored with them
    duplicates: int  # documents whose id or text was stored already
    not_coded: int  # documents coded without events (not about conflict, no place, ...)
    errors: int  # unreadable inputs and documents that failed (language, pipeline)
    merged: int  # merged events written by fusion
    multi_source: int  # of those, merged events with several documents


@dataclass(slots=True)
class _Tally:
    read: int = 0
    skipped: int = 0
    stored: int = 0
    events: int = 0
    duplicates: int = 0
    not_coded: int = 0
    errors: int = 0
    merged: int = 0
    multi_source: int = 0


def _batches(
    items: Iterator[Document | ReadError],
    *,
    store: Store,
    size: int,
    tally: _Tally,
    bar: RunProgress,
    report: Report,
) -> Iterator[list[Document]]:
    """Batches of documents not done before; read errors are reported and written to the ledger on the way."""
    while True:
        chunk: list[Document] = []
        errors: list[ReadError] = []
        for item in items:
            if isinstance(item, ReadError):
                errors.append(item)
            else:
                chunk.append(item)
            if len(chunk) >= size:
                break
        if errors:
            for err in errors:
                report(f"error: {err}")
            store.record(
                [
                    LedgerEntry(
                        source=error_source(e), outcome=Outcome.UNREADABLE, path=e.path, line=e.line, detail=e.message
                    )
                    for e in errors
                ]
            )
            tally.errors += len(errors)
        if not chunk:
            if errors:
                continue
            return
        tally.read += len(chunk)
        done = store.done_sources([source_of(d) for d in chunk])
        todo = [d for d in chunk if source_of(d) not in done]
        skipped = len(chunk) - len(todo)
        if skipped:
            tally.skipped += skipped
            bar.advance(skipped=skipped)
        if todo:
            yield todo


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    store: Store,
    scale: Scale,
    input_format: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    bar: RunProgress | None = None,
    report: Report = lambda _message: None,
) -> IngestSummary:
    """Ingest every document of `paths` into `store` (resuming where an earlier run of the same inputs stopped)."""
    stages = (pipeline or Pipeline.default()).names
    items = read_documents(paths, input_format=input_format, published=published, lang=lang)
    tally = _Tally()
    progress = bar or RunProgress(description="ingest", total=None, interval=float("inf"))
    batches = _batches(items, store=store, size=scale.batch_size, tally=tally, bar=progress, report=report)
    for docs, result in code_stream(batches, scale=scale, stages=stages, lang=lang):
        entries: list[LedgerEntry] = []
        keep: list[tuple[Document, tuple[Event, ...]]] = []
        for doc, coded in zip(docs, result.coded, strict=True):
            entries.append(
                LedgerEntry(
                    source=source_of(doc),
                    outcome=coded.outcome,
                    doc_id=doc.id,
                    path=doc.path,
                    events=len(coded.events),
                    detail=coded.detail,
                )
            )
            if not coded.outcome.done:
                report(f"error: {doc.path or doc.id}: {coded.detail}")
                tally.errors += 1
            else:
                keep.append((doc, coded.events))
        written = store.write_batch(keep, ledger=entries)
        stored = set(written.stored)
        tally.stored += len(stored)
        tally.events += written.events
        tally.duplicates += len(keep) - len(stored)
        tally.not_coded += sum(1 for d, evs in keep if d.id in stored and not evs)
        _fuse(store, [e for d, evs in keep if d.id in stored for e in evs], tally)
        progress.advance(documents=len(docs), events=written.events)
    _fuse(store, None, tally)  # reports stored by a run that died before fusing them
    return IngestSummary(
        read=tally.read,
        skipped=tally.skipped,
        stored=tally.stored,
        events=tally.events,
        duplicates=tally.duplicates,
        not_coded=tally.not_coded,
        errors=tally.errors,
        merged=tally.merged,
        multi_source=tally.multi_source,
    )


class _Neighbours:
    """`Nearby` for fusing one batch: one query fetches the stored events near every new event; a window that
    no prefetched one covers (a neighbour's neighbour) asks the store. Gives what `Store.events_near` gives."""

    def __init__(self, store: Store, events: Sequence[Event]) -> None:
        slack = dt.timedelta(days=SLACK_DAYS)
        self._store = store
        self._windows = {
            (e.location.country, e.date.start - slack, e.date.end + slack)
            for e in events
            if e.location is not None and e.location.country is not None and e.date is not None
        }
        self._events = store.events_near_any(sorted(self._windows))

    def __call__(self, country: str, start: dt.date, end: dt.date) -> list[Event]:
        if not any(c == country and s <= start and end <= e for c, s, e in self._windows):
            return self._store.events_near(country=country, start=start, end=end)
        return [
            ev
            for ev in self._events
            if ev.location is not None
            and ev.location.country == country
            and ev.date is not None
            and ev.date.start <= end
            and ev.date.end >= start
        ]


def _fuse(store: Store, events: Sequence[Event] | None, tally: _Tally) -> None:
    new = list(events) if events is not None else store.unfused_events()
    if not new:
        return
    summary = fuse_new(store, new, nearby=_Neighbours(store, new))
    tally.merged += summary.merged
    tally.multi_source += summary.multi_source
