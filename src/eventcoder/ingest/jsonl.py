"""JSON lines: one object per line with `id`, `text` and optional `published`, `lang`, `url`, `title`, `outlet`.

Blank lines are skipped. A bad line gives a ReadError with its 1-based line number; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.ingest.errors import BadPublishedDateError, ReadError
from eventcoder.ingest.normalise import normalise_published
from eventcoder.ingest.source import ReadOptions, make_document, supported_language
from eventcoder.lang import available_languages
from eventcoder.model import Document

__all__ = ["STREAM_BYTES", "read_jsonl", "stream_jsonl"]

STREAM_BYTES = 32 * 1024 * 1024  # larger JSON-lines files are streamed line by line

_OPTIONAL_STRINGS = ("published", "lang", "url", "title", "outlet")


class _BadRecord(Exception):
    """A JSON line that is not a valid document record."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Record:
    id: str
    text: str
    published: str | None
    lang: str | None
    url: str | None
    title: str | None
    outlet: str | None


def _optional(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if key == "published" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is not None and not isinstance(value, str):
        raise _BadRecord(f"{key!r} must be a string, not {type(value).__name__}")
    return value or None


def _record(obj: Any) -> _Record:
    if not isinstance(obj, Mapping):
        raise _BadRecord(f"a JSON object is expected, not {type(obj).__name__}")
    missing = [key for key in ("id", "text") if obj.get(key) in (None, "")]
    if missing:
        raise _BadRecord(f"missing {' and '.join(repr(k) for k in missing)}")
    doc_id, text = obj["id"], obj["text"]
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        raise _BadRecord(f"'id' must be a string or integer, not {type(doc_id).__name__}")
    if not isinstance(text, str):
        raise _BadRecord(f"'text' must be a string, not {type(text).__name__}")
    published, lang = _optional(obj, "published"), _optional(obj, "lang")
    if published is not None:
        try:
            published = normalise_published(published)
        except BadPublishedDateError as exc:
            raise _BadRecord(str(exc)) from None
    if lang is not None:
        code = supported_language(lang)
        if code is None:
            raise _BadRecord(f"unsupported language {lang!r} (have {', '.join(available_languages())})")
        lang = code
    return _Record(
        id=str(doc_id),
        text=text,
        published=published,
        lang=lang,
        url=_optional(obj, "url"),
        title=_optional(obj, "title"),
        outlet=_optional(obj, "outlet"),
    )


def read_jsonl(*, path: Path, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
    yield from _documents(path=path, numbered=enumerate(text.split("\n"), start=1), options=options)


def _documents(
    *, path: Path, numbered: Iterable[tuple[int, str]], options: ReadOptions
) -> Iterator[Document | ReadError]:
    for number, line in numbered:
        if not line.strip():
            continue
        try:
            record = _record(json.loads(line))
        except json.JSONDecodeError as exc:
            yield ReadError(path=str(path), line=number, message=f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        except _BadRecord as exc:
            yield ReadError(path=str(path), line=number, message=str(exc))
            continue
        doc = make_document(
            id=record.id,
            raw_text=record.text,
            path=path,
            options=options,
            published=record.published,
            lang=record.lang,
            url=record.url,
            title=record.title,
            outlet=record.outlet,
        )
        if isinstance(doc, ReadError):
            doc = ReadError(path=str(path), line=number, message=doc.message)
        yield doc


def _lines(path: Path) -> Iterator[tuple[int, str | ReadError]]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                yield number, ReadError(path=str(path), line=number, message="binary data (NUL bytes), not text")
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, ReadError(path=str(path), line=number, message=f"not UTF-8 text: bad byte at {exc.start}")


def stream_jsonl(*, path: Path, options: ReadOptions) -> Iterator[Document | ReadError]:
    """A large JSON-lines file read line by line, in bounded memory (a bad byte spoils its line only)."""
    seen = False
    try:
        for number, line in _lines(path):
            if isinstance(line, ReadError):
                yield line
                continue
            if not line.strip():
                continue
            seen = True
            yield from _documents(path=path, numbered=[(number, line)], options=options)
    except OSError as exc:
        yield ReadError(path=str(path), message=f"cannot read file: {exc.strerror or exc}")
        return
    if not seen:
        yield ReadError(path=str(path), message="empty file")
