"""Saved web pages: trafilatura finds the main text and title, htmldate the publication date (never the network)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import htmldate
import trafilatura

from eventcoder.ingest.errors import BadPublishedDateError, ReadError
from eventcoder.ingest.normalise import normalise_published, normalise_text
from eventcoder.ingest.source import ReadOptions, make_document, supported_language
from eventcoder.model import Document

__all__ = ["read_html"]

_LOG = logging.getLogger(__name__)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z_-]+)""", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*[A-Za-z!]")


def _attr(obj: object, name: str) -> str | None:
    value = getattr(obj, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _published(page: str) -> str | None:
    """The page's original publication date as YYYY-MM-DD, from its markup only (no text-pattern guessing)."""
    try:
        found = htmldate.find_date(page, extensive_search=False, original_date=True)
    except (ValueError, TypeError) as exc:  # htmldate raises these on pages it cannot parse
        _LOG.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    try:
        return normalise_published(found)
    except BadPublishedDateError:
        return None


def read_html(*, path: Path, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
    """One document: the page title (when the text does not already start with it), a blank line, the main text."""
    if not _MARKUP.search(text):
        yield ReadError(path=str(path), message="not an HTML page (no markup)")
        return
    # The page is passed as a string that starts with markup: neither library treats it as a URL to fetch.
    page = text if text.lstrip().startswith("<") else "<div>" + text
    try:
        extracted = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_images=False, deduplicate=False
        )
    except (ValueError, TypeError) as exc:
        yield ReadError(path=str(path), message=f"unparseable HTML: {exc}")
        return
    body = _attr(extracted, "text") if extracted is not None else None
    if body is None:
        yield ReadError(path=str(path), message="no article text found in the HTML page")
        return
    title = _attr(extracted, "title")
    if title is not None and not normalise_text(body).startswith(normalise_text(title)):
        body = f"{title}\n\n{body}"
    lang_match = _HTML_LANG.search(page[:4096])
    yield make_document(
        id=path.name,
        raw_text=body,
        path=path,
        options=options,
        published=_published(page),
        lang=supported_language(lang_match.group(1)) if lang_match else None,
        url=_attr(extracted, "url"),
        title=title,
        outlet=_attr(extracted, "sitename"),
    )
