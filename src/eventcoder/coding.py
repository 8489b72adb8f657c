"""Coding a batch of documents: the unit of work that runs in-process, in a process pool or on Dask workers.

`code_batch` is a plain top-level function of picklable arguments, so any executor can run it. It returns, per
document, the events and the ledger outcome, plus what the batch cost the worker (CPU time, peak memory).
Documents are not sent back: the caller keeps them until their results arrive.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.extraction import UnsupportedLanguageError, document_language
from eventcoder.langid import LanguageDetectionError
from eventcoder.ledger import Outcome, outcome_of
from eventcoder.model import Document, Event
from eventcoder.pipeline import Pipeline

__all__ = ["BatchResult", "Coded", "code_batch"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Coded:
    """What the pipeline made of one document."""

    doc_id: str
    outcome: Outcome
    events: tuple[Event, ...] = ()
    detail: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    coded: tuple[Coded, ...]  # in the order of the batch
    cpu_seconds: float  # process CPU time the worker spent on this batch
    peak_rss_mb: float  # the worker's peak resident memory so far
    worker: str  # host:pid of the worker


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    if stages not in _PIPELINES:
        _PIPELINES[stages] = Pipeline.from_names(stages)
    return _PIPELINES[stages]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def code_document(document: Document, *, pipeline: Pipeline, lang: str | None) -> Coded:
    """Events and ledger outcome of one document; language problems and pipeline failures become outcomes."""
    try:
        code = document_language(document, lang=lang)
    except UnsupportedLanguageError as exc:
        return Coded(doc_id=document.id, outcome=Outcome.UNSUPPORTED_LANGUAGE, detail=str(exc))
    except LanguageDetectionError as exc:
        return Coded(doc_id=document.id, outcome=Outcome.NO_LANGUAGE, detail=str(exc))
    try:
        analysis = pipeline.analyse(document, lang=code)
    except Exception as exc:  # a bug in a stage must not stop a run of millions: recorded, reported, retried
        return Coded(doc_id=document.id, outcome=Outcome.FAILED, detail=f"{type(exc).__name__}: {exc}")
    return Coded(doc_id=document.id, outcome=outcome_of(analysis), events=analysis.events)


def code_batch(documents: Sequence[Document], *, stages: tuple[str, ...], lang: str | None) -> BatchResult:
    """Code `documents` with the pipeline of `stages` (built once per process)."""
    cpu0 = time.process_time()
    pipeline = _pipeline(stages)
    coded = tuple(code_document(d, pipeline=pipeline, lang=lang) for d in documents)
    return BatchResult(
        coded=coded,
        cpu_seconds=time.process_time() - cpu0,
        peak_rss_mb=_peak_rss_mb(),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )
