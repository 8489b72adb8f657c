"""Text normalisation shared by every reader, heading detection, and publication-date normalisation.

Spans of every later stage point into the text `normalise_text` returns, so all readers call it exactly once.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

from eventcoder.ingest.errors import BadPublishedDateError
from eventcoder.model import ModelError, parse_partial_date

__all__ = ["find_headings", "normalise_published", "normalise_text"]

# Spaces other than U+0020 (no-break, en/em/thin/hair spaces, narrow no-break, ideographic, ...) and tabs inside
# running text are not distinguished by any later stage; line and paragraph separators become newlines.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_BREAKS = re.compile("\r\n|[\r\u000b\u000c\u0085\u2028\u2029]")
# Zero-width and invisible characters: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# A heading is a short line that does not end like a sentence.
_END_PUNCTUATION = frozenset('.!?:;…»”"’')
_MAX_HEADING_CHARS = 90
_MAX_HEADING_WORDS = 12
_OPENERS = frozenset("«“\"'‘–—-(")


def normalise_text(text: str) -> str:
    """NFC, `\\r\\n`/`\\r` -> `\\n`, odd spaces -> space, zero-width characters removed, outer whitespace stripped."""
    text = unicodedata.normalize("NFC", text)
    text = _ODD_BREAKS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return text.strip()


def _starts_sentence(line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in _OPENERS)


def _is_heading_shape(line: str) -> bool:
    core = line.strip()
    if not core or len(core) > _MAX_HEADING_CHARS or len(core.split()) > _MAX_HEADING_WORDS:
        return False
    if core[-1] in _END_PUNCTUATION or not any(ch.isalpha() for ch in core):
        return False
    first_letter = next(ch for ch in core if ch.isalpha())
    return first_letter.isupper() or core[0].isdigit()


def _is_wrapped(lines: list[str]) -> bool:
    """True when some line runs on into the next (hard-wrapped paragraphs)."""
    for line, nxt in itertools.pairwise(lines):
        core, follow = line.strip(), nxt.strip()
        if core and follow and core[-1] not in _END_PUNCTUATION and not _starts_sentence(follow):
            return True
    return False


def find_headings(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges (without surrounding spaces) of the heading lines of a normalised text.

    A heading is a line of at most 12 words that starts with a capital letter or digit and does not end with
    sentence punctuation. It must stand apart from running text: the line before it is blank, ends a sentence
    or is itself a heading line, and the line after it is blank or starts a new sentence. In a hard-wrapped text
    (some line runs on into the next) only a line with blank lines (or the text's edges) on both sides counts.
    """
    lines = text.split("\n")
    wrapped = _is_wrapped(lines)
    out: list[tuple[int, int]] = []
    offset = 0
    for i, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if not _is_heading_shape(line):
            continue
        before = lines[i - 1].strip() if i > 0 else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if wrapped and (before or after):
            continue
        if before and before[-1] not in _END_PUNCTUATION and not _is_heading_shape(before):
            continue
        if after and not _starts_sentence(after):
            continue
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, start + len(line.rstrip())))
    return tuple(out)


def normalise_published(value: str) -> str:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` unchanged; an ISO date-time becomes its `YYYY-MM-DD` (the date as written)."""
    raw = value.strip()
    try:
        parse_partial_date(raw)
        return raw
    except ModelError:
        pass
    try:
        return dt.datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        raise BadPublishedDateError(
            f"bad publication date {value!r} (want YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time)"
        ) from None
