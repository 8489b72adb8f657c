"""The seed format: optional whitespace, `date YYYY-MM` (or `YYYY-MM-DD`, `YYYY`), then the article text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from eventcoder.ingest.errors import BadPublishedDateError, ReadError
from eventcoder.ingest.normalise import normalise_published, normalise_text
from eventcoder.ingest.source import ReadOptions, make_document
from eventcoder.model import Document

__all__ = ["is_seed", "read_seed"]

_PREFIX = re.compile(r"\A\s*date[ \t]+(\S+)(?=\s|\Z)")
_LOOKS_LIKE = re.compile(r"\A\s*date[ \t]+\d{4}(?:-\d{2}){0,2}(?=\s|\Z)")


def is_seed(text: str) -> bool:
    """True when a text starts (after whitespace) with `date <YYYY[-MM[-DD]]>`."""
    return _LOOKS_LIKE.match(text) is not None


def read_seed(*, path: Path, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
    """One document; its publication date is the prefix's date, its id the file name."""
    normal = normalise_text(text)
    m = _PREFIX.match(normal)
    if m is None:
        yield ReadError(path=str(path), line=1, message="no 'date YYYY-MM' prefix (seed format)")
        return
    try:
        published = normalise_published(m.group(1))
    except BadPublishedDateError as exc:
        yield ReadError(path=str(path), line=1, message=str(exc))
        return
    body = normal[m.end() :].lstrip()
    if not body:
        yield ReadError(path=str(path), line=1, message="no article text after the date prefix")
        return
    yield make_document(id=path.name, raw_text=body, path=path, options=options, published=published)
