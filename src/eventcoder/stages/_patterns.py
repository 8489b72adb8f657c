"""Compile the phrase patterns of the language files into regular expressions.

Pattern syntax (the same in every section): words separated by spaces match any run of spaces or a hyphen between
them; a word written in capitals (two or more letters, e.g. "IS", "SDF") matches case-sensitively, every other word
case-insensitively; a trailing `*` accepts any word ending ("soldat*" matches "soldatene"); a leading `*` accepts any
word beginning ("*angrep" matches "rakettangrep"); `{name}` placeholders are replaced by a caller-given regex.
Matches never start or end inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["compile_alternation", "pattern_regex"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _word_regex(word: str) -> str:
    if word == "*":
        return r"[\w-]+"  # any one word
    lead = word.startswith("*")
    trail = word.endswith("*")
    core = word.strip("*")
    letters = [c for c in core if c.isalpha()]
    body = re.escape(core)
    if not (len(letters) >= 2 and all(c.isupper() for c in letters)):
        body = f"(?i:{body})"
    if lead:
        body = r"[\w-]*" + body
    if trail:
        body += r"\w*"
    return body


def pattern_regex(pattern: str, *, slots: Mapping[str, str] | None = None) -> str:
    """The regex source of one phrase pattern (without boundaries)."""
    parts: list[str] = []
    for word in pattern.split():
        m = _PLACEHOLDER.fullmatch(word.rstrip("*"))
        if m:
            if not slots or m.group(1) not in slots:
                raise ValueError(f"pattern {pattern!r} uses unknown placeholder {{{m.group(1)}}}")
            parts.append(slots[m.group(1)])
        else:
            parts.append(_word_regex(word))
    return r"(?:\s+|\s*-\s*)".join(parts)


def compile_alternation(patterns: Iterable[str], *, slots: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """One regex matching any of `patterns` as whole words, longest alternatives first."""
    sources = sorted({pattern_regex(p, slots=slots) for p in patterns}, key=len, reverse=True)
    if not sources:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w])(?:" + "|".join(sources) + r")(?![\w])")
