"""The store's exceptions: every failure of the store is a `StoreError`."""

from __future__ import annotations

__all__ = [
    "StoreClosedError",
    "StoreError",
    "StoreMigrationError",
    "StoreOpenError",
    "StoreQueryError",
    "StoreVersionError",
    "StoreWriteError",
]


class StoreError(Exception):
    """Base class of every error raised by the store."""


class StoreOpenError(StoreError):
    """The path cannot be opened as a DuckDB database (not a DuckDB file, a directory, locked, ...)."""


class StoreVersionError(StoreError):
    """The database's schema is newer than this code knows, or needs migrations it may not apply."""


class StoreMigrationError(StoreError):
    """A migration file is badly named, duplicated, or its SQL failed (the migration was rolled back)."""


class StoreWriteError(StoreError):
    """A write failed; the transaction was rolled back and the store is as it was before."""


class StoreQueryError(StoreError):
    """A read was asked with an argument the store cannot interpret (e.g. an unknown event type)."""


class StoreClosedError(StoreError):
    """The store was used after `close()`."""
