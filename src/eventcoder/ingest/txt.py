"""Plain text: the whole file is one document; its date comes from the caller (`published`), else None."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventcoder.ingest.errors import ReadError
from eventcoder.ingest.source import ReadOptions, make_document
from eventcoder.model import Document

__all__ = ["read_txt"]


def read_txt(*, path: Path, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
    yield make_document(id=path.name, raw_text=text, path=path, options=options)
