"""What every reader shares: the options of one call, reading and decoding a file, the file-name language hint."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from eventcoder.ingest.errors import ReadError
from eventcoder.ingest.normalise import find_headings, normalise_text
from eventcoder.lang import available_languages
from eventcoder.model import Document

__all__ = ["ReadOptions", "decode", "load_bytes", "make_document", "name_language", "supported_language"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """The caller's defaults for one file: its publication date and language, and the file name's language hint."""

    published: str | None = None  # default for documents whose own date is unknown
    lang: str | None = None  # the caller's language: wins over everything else
    name_lang: str | None = None  # from `name.nb.txt`: used when neither the caller nor the record gives one


def supported_language(code: str) -> str | None:
    """`code` lower-cased, without a region subtag (`nb-NO` -> `nb`), when eventcoder has data for it, else None."""
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in available_languages() else None


def name_language(path: Path) -> str | None:
    """The language hint of a file name: `report.nb.txt` -> `nb`; None when the name carries none."""
    suffixes = path.suffixes
    if len(suffixes) < 2:
        return None
    return supported_language(suffixes[-2].lstrip("."))


def load_bytes(path: Path) -> bytes | ReadError:
    """The bytes of `path`, or a ReadError when it is missing, unreadable or empty (whitespace only)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ReadError(path=str(path), message="no such file")
    except IsADirectoryError:
        return ReadError(path=str(path), message="is a directory")
    except OSError as exc:
        return ReadError(path=str(path), message=f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return ReadError(path=str(path), message="empty file")
    if b"\x00" in data:
        return ReadError(path=str(path), message="binary file (NUL bytes), not text")
    return data


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, *, path: Path, allow_declared_charset: bool = False) -> str | ReadError:
    """UTF-8 text (a BOM is dropped); with `allow_declared_charset`, an HTML page's `<meta charset>` is honoured."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = _declared_charset(data) if allow_declared_charset else None
        if charset is None or charset == "utf-8":
            return ReadError(path=str(path), message=f"not UTF-8 text (binary file?): bad byte at offset {exc.start}")
        try:
            text = data.decode(charset)
        except UnicodeDecodeError:
            return ReadError(path=str(path), message=f"not decodable as its declared charset {charset}")
    if not text.strip():
        return ReadError(path=str(path), message="empty file")
    return text


def make_document(
    *,
    id: str,
    raw_text: str,
    path: Path,
    options: ReadOptions,
    published: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Document | ReadError:
    """A Document with normalised text and its headings; `published`/`lang` fall back to the caller's defaults."""
    text = normalise_text(raw_text)
    if not text:
        return ReadError(path=str(path), message=f"document {id!r} has no text")
    return Document(
        id=id,
        text=text,
        published=published or options.published,
        lang=options.lang or lang or options.name_lang,
        url=url or None,
        title=(normalise_text(title) or None) if title else None,
        outlet=(normalise_text(outlet) or None) if outlet else None,
        path=str(path),
        headings=find_headings(text),
    )
