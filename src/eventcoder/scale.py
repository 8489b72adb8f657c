"""Parallelism, and the only module that knows about it: a process pool on one machine, or a Dask cluster.

`code_stream` takes batches of documents lazily, codes them with `coding.code_batch` on the chosen executor and
yields each batch with its result *in input order*, keeping at most two batches per worker in flight (so a
million-line input streams through in bounded memory). The caller is the single writer: it stores what it gets.

Executors (`Scale`):
- `workers=1`, no scheduler: in this process (no pool, no pickling);
- `workers=N`: a pool of N processes started with `spawn` (each builds the pipeline from its stage names once);
- `scheduler="tcp://host:8786"`: a running Dask distributed scheduler; its workers need eventcoder installed;
- `scheduler="local"`: a local Dask cluster of `workers` single-threaded worker processes.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from eventcoder.coding import BatchResult, code_batch
from eventcoder.model import Document

__all__ = ["DEFAULT_BATCH_SIZE", "Scale", "ScaleError", "available_cores", "code_stream"]

DEFAULT_BATCH_SIZE = 128  # per-batch costs of the writer (transactions, queries) halve from 32 to 128
LOCAL = "local"


class ScaleError(RuntimeError):
    """The executor cannot be started or reached, or a worker died (what was already written is kept)."""


def available_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """Where to run the pipeline: `workers` processes (None: every core), or a Dask `scheduler` address."""

    workers: int | None = None
    scheduler: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ScaleError(f"--workers must be at least 1, not {self.workers}")
        if self.batch_size < 1:
            raise ScaleError(f"--batch-size must be at least 1, not {self.batch_size}")
        if self.scheduler is not None and self.scheduler != LOCAL and "://" not in self.scheduler:
            raise ScaleError(f"--scheduler {self.scheduler!r} is not a scheduler address (tcp://host:8786) or 'local'")

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers is not None else available_cores()

    def describe(self) -> str:
        if self.scheduler == LOCAL:
            return f"a local Dask cluster of {self.worker_count} workers"
        if self.scheduler is not None:
            return f"the Dask scheduler at {self.scheduler}"
        n = self.worker_count
        return "this process" if n == 1 else f"a pool of {n} worker processes"


class _Future(Protocol):
    def result(self) -> Any: ...


_Submit = Callable[[Sequence[Document]], _Future]


class _Done:
    """A finished result, for running in this process."""

    __slots__ = ("_value",)

    def __init__(self, value: BatchResult) -> None:
        self._value = value

    def result(self) -> BatchResult:
        return self._value


@contextlib.contextmanager
def _executor(scale: Scale, *, stages: tuple[str, ...], lang: str | None) -> Iterator[tuple[_Submit, int]]:
    """A submit function and how many batches may be in flight."""
    if scale.scheduler is not None:
        with _dask(scale) as (client, slots):
            yield (lambda docs: client.submit(code_batch, list(docs), stages=stages, lang=lang, pure=False)), slots
        return
    if scale.worker_count == 1:
        yield (lambda docs: _Done(code_batch(docs, stages=stages, lang=lang))), 1
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=scale.worker_count, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield (lambda docs: pool.submit(code_batch, list(docs), stages=stages, lang=lang)), 2 * scale.worker_count


@contextlib.contextmanager
def _dask(scale: Scale) -> Iterator[tuple[Any, int]]:
    try:
        distributed: Any = importlib.import_module("distributed")  # untyped: kept as Any
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ScaleError("--scheduler needs the package dask[distributed]") from exc
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if scale.scheduler == LOCAL:
        cluster = LocalCluster(
            n_workers=scale.worker_count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR
        )
        with cluster, Client(cluster) as client:
            yield client, 2 * scale.worker_count
        return
    try:
        client = Client(scale.scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ScaleError(f"cannot reach the Dask scheduler at {scale.scheduler}: {exc}") from exc
    with client:
        threads = sum(client.nthreads().values()) or 1
        yield client, 2 * threads


def code_stream(
    batches: Iterable[Sequence[Document]], *, scale: Scale, stages: tuple[str, ...], lang: str | None
) -> Iterator[tuple[Sequence[Document], BatchResult]]:
    """Each batch with its coded result, in input order; batches are pulled from `batches` only as slots free up."""
    with _executor(scale, stages=stages, lang=lang) as (submit, slots):
        pending: deque[tuple[Sequence[Document], _Future]] = deque()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < slots:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                elif batch:
                    pending.append((batch, submit(batch)))
            if not pending:
                return
            docs, future = pending.popleft()
            yield docs, _result(future, scale)


def _result(future: _Future, scale: Scale) -> BatchResult:
    try:
        result = future.result()
    except Exception as exc:
        name = type(exc).__name__
        if name in ("BrokenProcessPool", "KilledWorker", "CommClosedError", "FutureCancelledError"):
            raise ScaleError(
                f"a worker of {scale.describe()} died ({name}: {exc}); what was written is kept, run again to resume"
            ) from exc
        raise
    if not isinstance(result, BatchResult):
        raise ScaleError(f"a worker of {scale.describe()} returned {type(result).__name__}, not a BatchResult")
    return result
