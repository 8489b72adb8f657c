"""Progress of long runs.

`progress` wraps an iterable: a rich bar on a terminal, nothing when stderr is not a terminal.
`RunProgress` follows a batched run: on a terminal a bar with documents/s, events found and the ETA; otherwise a log
line on stderr every `interval` seconds (and at the end), so that batch jobs and CI logs show where a run is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TypeVar

__all__ = ["RunProgress", "progress"]

T = TypeVar("T")


def progress(items: Iterable[T], *, description: str, total: int | None = None) -> Iterator[T]:
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


def _duration(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


class RunProgress:
    """Documents done (of an estimated total), events found, documents per second and the ETA.

    Use as a context manager and call `advance` after each batch. `stream` (default stderr) and `tty` (default:
    whether the stream is a terminal) choose between the bar and the log lines.
    """

    def __init__(
        self,
        *,
        description: str,
        total: int | None,
        interval: float = 10.0,
        stream: IO[str] | None = None,
        tty: bool | None = None,
    ) -> None:
        self.description = description
        self.total = total
        self.interval = interval
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.done = 0
        self.events = 0
        self.skipped = 0
        self._start = time.perf_counter()
        self._last_log = self._start
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> RunProgress:
        self._start = self._last_log = time.perf_counter()
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:>7.1f} docs/s  {task.fields[events]} events"),
                TimeRemainingColumn(),
                console=Console(file=self.stream, force_terminal=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.description, total=self.total, rate=0.0, events=0)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None
        elif exc_type is None and self.done + self.skipped:
            self._log()

    @property
    def rate(self) -> float:
        """Documents coded per second of wall time since the start (skipped ones left out)."""
        elapsed = time.perf_counter() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left, from the rate so far and the estimated total; None when unknown."""
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done - self.skipped) / self.rate)

    def line(self) -> str:
        of = f"/{self.total}" if self.total is not None else ""
        eta = self.eta()
        parts = [
            f"{self.description}: {self.done + self.skipped}{of} documents",
            f"{self.rate:.1f} docs/s",
            f"{self.events} events",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} done before")
        if eta is not None:
            parts.append(f"ETA {_duration(eta)}")
        return ", ".join(parts)

    def advance(self, *, documents: int = 0, events: int = 0, skipped: int = 0) -> None:
        self.done += documents
        self.events += events
        self.skipped += skipped
        if self.total is not None and self.done + self.skipped > self.total:
            self.total = self.done + self.skipped  # the total was an estimate
        if self._bar is not None:
            self._bar.update(
                self._task, completed=self.done + self.skipped, rate=self.rate, events=self.events, total=self.total
            )
            return
        now = time.perf_counter()
        if now - self._last_log >= self.interval:
            self._log()
            self._last_log = now

    def _log(self) -> None:
        self.stream.write(self.line() + "\n")
        self.stream.flush()
