"""Claimants: who said each figure ("ifølge SOHR", "opplyser politiet", "the health ministry said").

A cue of `lang/<code>/attribution.yaml` in a claim's sentence names its source: the phrase after the cue ("ifølge
X", Norwegian inversion ", sier X") or before it ("X said"), cut at punctuation or a stop word and normalised by
the language's known sources. A claim whose sentence has no cue takes the claimant of the nearest earlier sentence
of the same paragraph that had one (the next sentence often continues the same source).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.mentions import ClaimMention, Sentence
from eventcoder.model import Span
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._patterns import compile_alternation

__all__ = ["AttributionLexicon", "Source", "lexicon"]

_MAX_WORDS = 9
_TOKEN = re.compile(r"\(?[\w][\w.'’-]*\)?")


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    after: re.Pattern[str]
    before: re.Pattern[str]
    sources: tuple[tuple[str, re.Pattern[str]], ...]
    stop_words: frozenset[str]
    drop_leading: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    name: str
    span: Span
    cue_start: int


@cache
def lexicon(lang: str) -> AttributionLexicon:
    data = load_section(lang, "attribution")
    after = [p for cue in data["cues"] if cue["source"] == "after" for p in cue["patterns"]]
    before = [p for cue in data["cues"] if cue["source"] == "before" for p in cue["patterns"]]
    return AttributionLexicon(
        after=compile_alternation(after),
        before=compile_alternation(before),
        sources=tuple((s["name"], compile_alternation(s["patterns"])) for s in data.get("sources", [])),
        stop_words=frozenset(w.casefold() for w in data.get("stop_words", [])),
        drop_leading=frozenset(w.casefold() for w in data.get("drop_leading", [])),
    )


def _phrase_after(text: str, start: int, end: int, lex: AttributionLexicon) -> tuple[int, int] | None:
    tokens: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        gap = text[tokens[-1][1] if tokens else start : m.start()]
        if re.search(r"[,.;:!?«»\"“”–]", gap):
            break
        word = m.group(0).strip("().").casefold()
        if word in lex.stop_words:
            break
        tokens.append((m.start(), m.end()))
        if len(tokens) >= _MAX_WORDS or m.group(0).endswith(")"):
            break
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def _phrase_before(text: str, start: int, end: int, lex: AttributionLexicon) -> tuple[int, int] | None:
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    kept: list[tuple[int, int]] = []
    for a, b in reversed(tokens):
        gap = text[b : kept[-1][0] if kept else end]
        if re.search(r"[,.;:!?«»\"“”–]", gap):
            break
        if text[a:b].casefold() in lex.stop_words:
            break
        kept.append((a, b))
        if len(kept) >= _MAX_WORDS:
            break
    return (kept[-1][0], kept[0][1]) if kept else None


def _normalise(analysis: Analysis, lex: AttributionLexicon, start: int, end: int) -> Source | None:
    text = analysis.document.text
    for name, regex in lex.sources:
        m = regex.search(text, start, end)
        if m:
            return Source(name=name, span=analysis.document.span(start, end), cue_start=start)
    words = list(_TOKEN.finditer(text, start, end))
    while words and words[0].group(0).casefold() in lex.drop_leading:
        words.pop(0)
    if not words:
        return None
    a, b = words[0].start(), words[-1].end()
    while b > a and text[b - 1] in ".)":
        b -= 1
    while a < b and text[a] == "(":
        a += 1
    phrase = text[a:b]
    if not any(c.isalpha() for c in phrase) or phrase.casefold() in lex.stop_words:
        return None
    return Source(name=phrase, span=analysis.document.span(a, b), cue_start=start)


def sentence_sources(analysis: Analysis, sentence: Sentence, lex: AttributionLexicon) -> list[Source]:
    text = analysis.document.text
    s0, s1 = sentence.span.start, sentence.span.end
    out: list[Source] = []
    for m in lex.after.finditer(text, s0, s1):
        # ", sier X" names the source after the verb; "X sier at ..." before it
        rng = _phrase_after(text, m.end(), s1, lex) or _phrase_before(text, s0, m.start(), lex)
        if rng:
            src = _normalise(analysis, lex, *rng)
            if src:
                out.append(dataclasses.replace(src, cue_start=m.start()))
    for m in lex.before.finditer(text, s0, s1):
        # "the governor said" names the source before the verb; "said the governor" after it
        rng = _phrase_before(text, s0, m.start(), lex) or _phrase_after(text, m.end(), s1, lex)
        if rng:
            src = _normalise(analysis, lex, *rng)
            if src:
                out.append(dataclasses.replace(src, cue_start=m.start()))
    return out


@stage(name="attribution", reads=("sentences", "claims"), adds=("claims",))
def attribution(analysis: Analysis) -> Analysis:
    if not analysis.claims:
        return analysis
    lex = lexicon(analysis.lang)
    by_sentence: dict[int, list[Source]] = {}
    for sentence in analysis.sentences:
        found = sentence_sources(analysis, sentence, lex)
        if found:
            by_sentence[sentence.index] = found
    out: list[ClaimMention] = []
    for cm in analysis.claims:
        sources = by_sentence.get(cm.sentence)
        if not sources:
            sentence = analysis.sentences[cm.sentence]
            for prev in range(cm.sentence - 1, -1, -1):
                if analysis.sentences[prev].paragraph != sentence.paragraph:
                    break
                if prev in by_sentence:
                    sources = by_sentence[prev]
                    break
        if not sources:
            out.append(cm)
            continue
        anchor = cm.claim.evidence.start
        best = min(sources, key=lambda s: abs(s.cue_start - anchor))
        out.append(
            dataclasses.replace(cm, claim=dataclasses.replace(cm.claim, claimant=best.name, claimant_span=best.span))
        )
    return analysis.with_layer(claims=tuple(out))
