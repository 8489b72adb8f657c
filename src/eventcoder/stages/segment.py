"""Sentences and headings.

Lines are split first (a news text's line break always ends a sentence); inside a line a sentence ends at `.`, `!`
or `?` (with closing quotes) followed by space and an upper-case letter, a digit or an opening quote, unless the word
before the stop is an abbreviation of the language (`lang/<code>/segment.yaml`) or a single initial.
Lines the reader marked as headings (`Document.headings`) become heading sentences.
"""

from __future__ import annotations

import re
from functools import cache

from eventcoder.lang import load_section
from eventcoder.mentions import Sentence
from eventcoder.pipeline import Analysis, stage

_BOUNDARY = re.compile(r"[.!?]+[\"'»”’)\]]*(?=\s+[\"'«“‘(\[–—-]?\s?[A-ZÆØÅÄÖÜÉ0-9])")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    data = load_section(lang, "segment")
    return frozenset(str(a).casefold() for a in data["abbreviations"])


def _is_abbreviation(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    m = _WORD_BEFORE.search(text, 0, stop)
    if not m:
        return False
    word = m.group(1).rstrip(".").casefold()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in abbreviations


def split_sentences(text: str, *, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence ranges inside text[start:end] (one line), stripped of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), abbreviations):
            continue
        out.append((cursor, m.end()))
        cursor = m.end()
    out.append((cursor, end))
    stripped: list[tuple[int, int]] = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            stripped.append((a, b))
    return stripped


@stage(name="segment", reads=(), adds=("sentences",))
def segment(analysis: Analysis) -> Analysis:
    doc = analysis.document
    text = doc.text
    abbreviations = _abbreviations(analysis.lang)
    headings = set(doc.headings)
    sentences: list[Sentence] = []
    paragraph = 0
    last_line_end = 0
    for line in _LINE.finditer(text):
        if "\n\n" in text[last_line_end : line.start()] or text[last_line_end : line.start()].count("\n") > 1:
            paragraph += 1
        last_line_end = line.end()
        is_heading = any(
            (a <= line.start() and line.end() <= b) or (line.start() <= a and b <= line.end()) for a, b in headings
        )
        for a, b in split_sentences(text, start=line.start(), end=line.end(), abbreviations=abbreviations):
            sentences.append(
                Sentence(span=doc.span(a, b), heading=is_heading, index=len(sentences), paragraph=paragraph)
            )
        if is_heading:
            paragraph += 1
    return analysis.with_layer(sentences=tuple(sentences))
