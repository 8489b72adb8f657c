"""RSS and Atom feeds (feedparser): each entry is one document.

id = entry id (else its link), text = title + summary or content with the HTML stripped, published = the entry's
date as written in the feed (YYYY-MM-DD), url = link, outlet = the feed's title.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import feedparser

from eventcoder.ingest.errors import ReadError
from eventcoder.ingest.htmltext import html_to_text
from eventcoder.ingest.source import ReadOptions, make_document, supported_language
from eventcoder.model import Document

__all__ = ["entry_date", "read_feed"]


def _str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value.strip() or None if isinstance(value, str) else None


def entry_date(entry: Mapping[str, Any]) -> str | None:
    """YYYY-MM-DD of an entry's publication (else update) date, in the time zone the feed wrote it in."""
    for key in ("published", "updated", "created"):
        raw = _str(entry, key)
        if raw is None:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _fragment_text(detail: Mapping[str, Any] | None, value: str) -> str:
    kind = detail.get("type") if detail is not None else None
    return value if kind == "text/plain" else html_to_text(value)


def _body(entry: Mapping[str, Any]) -> str:
    contents = entry.get("content") or []
    texts = [_fragment_text(c, c.get("value") or "") for c in contents if isinstance(c, Mapping)]
    content = "\n\n".join(t for t in texts if t.strip())
    summary = _fragment_text(entry.get("summary_detail"), _str(entry, "summary") or "")
    if content and summary and not content.startswith(summary[:80]):
        return f"{summary}\n\n{content}"
    return content or summary


def read_feed(*, path: Path, data: bytes, options: ReadOptions) -> Iterator[Document | ReadError]:
    # A byte stream, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        yield ReadError(path=str(path), message=f"not a readable RSS/Atom feed, no entries{detail}")
        return
    feed = parsed.get("feed") or {}
    outlet = _str(feed, "title")
    feed_lang = _str(feed, "language")
    lang = supported_language(feed_lang) if feed_lang else None
    for number, entry in enumerate(entries, start=1):
        title = _str(entry, "title")
        title_text = html_to_text(title) if title else ""
        body = _body(entry)
        text = "\n\n".join(part for part in (title_text, body) if part.strip())
        link = _str(entry, "link")
        doc_id = _str(entry, "id") or link or f"{path.name}#{number}"
        if not text.strip():
            yield ReadError(path=str(path), message=f"entry {number} ({doc_id}) has no text")
            continue
        yield make_document(
            id=doc_id,
            raw_text=text,
            path=path,
            options=options,
            published=entry_date(entry),
            lang=lang,
            url=link,
            title=title_text or None,
            outlet=outlet,
        )
