"""eventcoder: news reports in, an auditable armed-conflict event dataset out.

    import eventcoder
    events = eventcoder.extract(text, published="2022-01", lang="nb")

`Pipeline` runs the stages named in the packaged settings; `Store` is the embedded DuckDB store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventcoder.extraction import extract, extract_document
from eventcoder.model import Actor, Claim, DateWindow, Document, Event, Place, Span
from eventcoder.pipeline import Pipeline

if TYPE_CHECKING:
    from eventcoder.store import Store

__all__ = [
    "Actor",
    "Claim",
    "DateWindow",
    "Document",
    "Event",
    "Pipeline",
    "Place",
    "Span",
    "Store",
    "extract",
    "extract_document",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "Store":  # DuckDB is loaded only when the store is used
        from eventcoder.store import Store

        return Store
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")
