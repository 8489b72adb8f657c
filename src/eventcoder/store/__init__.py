"""The embedded DuckDB store of documents and extracted events (the only SQL in eventcoder)."""

from eventcoder.store.audit import LogEntry
from eventcoder.store.errors import (
    StoreClosedError,
    StoreError,
    StoreMigrationError,
    StoreOpenError,
    StoreQueryError,
    StoreVersionError,
    StoreWriteError,
)
from eventcoder.store.search import EventPage, EventQuery, ListedEvent
from eventcoder.store.store import Store, StoreCounts

__all__ = [
    "EventPage",
    "EventQuery",
    "ListedEvent",
    "LogEntry",
    "Store",
    "StoreClosedError",
    "StoreCounts",
    "StoreError",
    "StoreMigrationError",
    "StoreOpenError",
    "StoreQueryError",
    "StoreVersionError",
    "StoreWriteError",
]
