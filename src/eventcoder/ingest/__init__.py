"""Readers: files of the supported formats -> normalised `Document`s (or a `ReadError` per bad input).

Formats: `seed` (`date YYYY-MM` then the text), `txt`, `jsonl` (`.jsonl`, `.ndjson`), `html` (`.html`, `.htm`),
`feed` (`.xml`, `.rss`, `.atom`, `.feed`). Errors never stop the other inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from eventcoder.ingest.discover import INPUT_FORMATS, Input, check_format, discover
from eventcoder.ingest.errors import BadInputFormatError, BadLanguageError, BadPublishedDateError, ReadError
from eventcoder.ingest.feed import read_feed
from eventcoder.ingest.html import read_html
from eventcoder.ingest.jsonl import STREAM_BYTES, read_jsonl, stream_jsonl
from eventcoder.ingest.normalise import find_headings, normalise_published, normalise_text
from eventcoder.ingest.seed import is_seed, read_seed
from eventcoder.ingest.source import ReadOptions, decode, load_bytes, name_language, supported_language
from eventcoder.ingest.txt import read_txt
from eventcoder.lang import available_languages
from eventcoder.model import Document

__all__ = [
    "INPUT_FORMATS",
    "BadInputFormatError",
    "BadLanguageError",
    "BadPublishedDateError",
    "ReadError",
    "find_headings",
    "normalise_text",
    "read_documents",
]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # load_bytes names the problem


def _options(path: Path, *, published: str | None, lang: str | None) -> ReadOptions:
    return ReadOptions(published=published, lang=lang, name_lang=name_language(path))


def _read_one(item: Input, *, published: str | None, lang: str | None) -> Iterator[Document | ReadError]:
    path = item.path
    if item.input_format == "jsonl" and _size(path) > STREAM_BYTES:
        yield from stream_jsonl(path=path, options=_options(path, published=published, lang=lang))
        return
    data = load_bytes(path)
    if isinstance(data, ReadError):
        yield data
        return
    if item.input_format is None:
        yield ReadError(path=str(path), message="unknown format, use --input-format")
        return
    options = _options(path, published=published, lang=lang)
    if item.input_format == "feed":
        yield from read_feed(path=path, data=data, options=options)
        return
    text = decode(data, path=path, allow_declared_charset=item.input_format == "html")
    if isinstance(text, ReadError):
        yield text
    elif item.input_format == "seed" or (item.input_format == "txt" and is_seed(text)):
        yield from read_seed(path=path, text=text, options=options)
    elif item.input_format == "txt":
        yield from read_txt(path=path, text=text, options=options)
    elif item.input_format == "jsonl":
        yield from read_jsonl(path=path, text=text, options=options)
    else:
        yield from read_html(path=path, text=text, options=options)


def read_documents(
    paths: Sequence[str | Path],
    *,
    input_format: str | None = None,
    published: str | None = None,
    lang: str | None = None,
) -> Iterator[Document | ReadError]:
    """Documents from files and directories, in order; a `ReadError` for each input that cannot be read.

    `input_format` overrides the choice by extension; `published` (YYYY, YYYY-MM, YYYY-MM-DD) is the date of
    documents whose own date is unknown; `lang` sets every document's language (else the record's own, else the
    file name's hint as in `report.nb.txt`, else None). Bad arguments raise at call time:
    BadInputFormatError, BadPublishedDateError, BadLanguageError.
    """
    check_format(input_format)
    default_date = normalise_published(published) if published is not None else None
    code = None
    if lang is not None:
        code = supported_language(lang)
        if code is None:
            raise BadLanguageError(f"unsupported language {lang!r} (have {', '.join(available_languages())})")
    return _read_all(paths, input_format=input_format, published=default_date, lang=code)


def _read_all(
    paths: Sequence[str | Path], *, input_format: str | None, published: str | None, lang: str | None
) -> Iterator[Document | ReadError]:
    for item in discover(paths, input_format=input_format):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from _read_one(item, published=published, lang=lang)
