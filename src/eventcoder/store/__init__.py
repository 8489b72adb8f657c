"""The embedded DuckDB store of documents and extracted events (the only SQL in eventcoder)."""

from eventcoder.store.errors import (
    StoreClosedError,
    StoreError,
    StoreMigrationError,
    StoreOpenError,
    StoreQueryError,
    StoreVersionError,
    StoreWriteError,
)
from eventcoder.store.store import Store, StoreCounts

__all__ = [
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
