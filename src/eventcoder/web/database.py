"""The server's one store: DuckDB has a single writer, and a `Store` is not shared between threads at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventcoder.store import Store, StoreOpenError

__all__ = ["Database"]


class Database:
    """Opens the store once (for writing, so reviews can be stored) and hands it out under a lock."""

    __slots__ = ("_lock", "_path", "_store")

    def __init__(self, path: Path | str) -> None:
        self._path = str(path)
        self._store: Store | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> str:
        return self._path

    def open(self) -> None:
        if self._path != ":memory:" and not Path(self._path).exists():
            raise StoreOpenError(f"{self._path}: no such store (run `eventcoder ingest` first)")
        if self._store is None:
            self._store = Store.open(self._path)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self._lock:
            if self._store is None:
                self._store = Store.open(self._path)
            yield self._store
