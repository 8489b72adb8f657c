"""The `numbers` stage: cardinals in the text, with their qualifier and range, as `NumberMention`s.

Everything a language says about numbers is in `lang/<code>/numbers.yaml`; this module compiles it once per
language into one scanning regex (qualifier? + digits | number words | vague amount | unspecified amount) and a
few small regexes it applies at the end of a match (range connector, post-qualifier).  Digits that belong to
a date phrase ("20. januar", "i 2019", "July 19"), a time or a percentage are not counts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from eventcoder.lang import load_section
from eventcoder.mentions import NumberMention
from eventcoder.model import Document, Qualifier
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._datephrases import scan_date_phrases
from eventcoder.stages._numberwords import Atom, AtomKind, read_number_words
from eventcoder.stages._phrases import alternation, candidate_starts, first_prefixes, normalise_phrase, phrase_source

__all__ = ["NumberDataError", "find_numbers", "numbers"]


_EXCLUDE_REACH = 16  # characters around a number searched for an `exclude` pattern


class NumberDataError(ValueError):
    """The numbers section of a language cannot be compiled."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Grammar:
    lang: str
    main: re.Pattern[str]  # qualifier? + atom, scanned over the text
    atom: re.Pattern[str]  # an atom alone, matched at a position (the high end of a range)
    word_atoms: re.Pattern[str]  # splits a number-word phrase into words, scales, joiners, articles
    range_link: re.Pattern[str]
    between_link: dict[str, re.Pattern[str]]
    post: re.Pattern[str]
    blockers: re.Pattern[str]
    exclude: re.Pattern[str] | None
    words: dict[str, int]
    scales: dict[str, int]
    bare_scales: frozenset[str]
    vague: dict[str, int]
    qualifiers: dict[str, Qualifier]
    post_qualifiers: dict[str, Qualifier]
    thousands: frozenset[str]
    decimals: frozenset[str]
    dot_ordinals: bool
    prefixes: frozenset[str]  # first characters of every word a number phrase may start with


def _keys(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) or {}
    return {normalise_phrase(k): v for k, v in value.items()}


def _digits_source(thousands: frozenset[str], decimals: frozenset[str]) -> str:
    grouped = ""
    if thousands:
        seps = "".join(re.escape(s) for s in sorted(thousands))
        grouped = rf"\d{{1,3}}(?:[{seps}]\d{{3}})+(?!\d)|"
    dec = ""
    if decimals:
        dec = "(?:[" + "".join(re.escape(s) for s in sorted(decimals)) + r"]\d+)?"
    return rf"(?:{grouped}\d+{dec})"


@cache
def _grammar(lang: str) -> _Grammar:
    data: dict[str, Any] = load_section(lang, "numbers")
    words = {k: int(v) for k, v in _keys(data, "words").items()}
    scales = {k: int(v) for k, v in _keys(data, "scales").items()}
    if not words:
        raise NumberDataError(f"lang/{lang}/numbers.yaml: no number words")
    vague = {k: int(v) for k, v in _keys(data, "vague").items()}
    qualifiers = {k: Qualifier(v) for k, v in _keys(data, "qualifiers").items()}
    post_qualifiers = {k: Qualifier(v) for k, v in _keys(data, "post_qualifiers").items()}
    between = _keys(data, "between")
    thousands = frozenset(data.get("thousands_separators") or ())
    decimals = frozenset(data.get("decimal_separators") or ())
    word_alt = alternation([*words, *scales])
    scale_alt = alternation(scales)
    article_alt = alternation(data.get("scale_articles") or ())
    joiner_alt = alternation(data.get("joiners") or ())
    token = rf"{word_alt}(?:-?{word_alt})*"
    phrase = (
        rf"(?:(?P<art>{article_alt})\s+(?={scale_alt}(?!\w)))?"
        rf"{token}(?:(?:\s+{joiner_alt})?\s+{token}|\s*-\s*{token})*"
    )
    digits = _digits_source(thousands, decimals)
    atom = (
        rf"(?P<vague>{alternation(vague)})(?!\w)"
        rf"|(?P<unspec>{alternation(data.get('unspecified') or ())})(?!\w)"
        rf"|(?<![^\W\d_]-)(?P<digits>{digits})(?:\s+(?P<mult>{scale_alt}))?(?![\w])(?!-[^\W\d_])"
        rf"|(?P<words>{phrase})(?!\w)"
    )
    lead = r"(?<![\w])(?<!\d[.,])"
    quals = alternation(qualifiers)
    betweens = alternation(between)
    main = rf"{lead}(?:(?P<between>{betweens})\s+|(?P<qual>{quals})\s+)?(?:{atom})"
    connectors = data.get("range_connectors") or ()
    symbols = [c for c in connectors if not c[0].isalnum()]
    wordy = [c for c in connectors if c[0].isalnum()]
    link_parts = []
    if symbols:
        link_parts.append(r"\s*(?:" + "|".join(re.escape(s) for s in symbols) + r")\s*")
    if wordy:
        link_parts.append(rf"\s+{alternation(wordy)}\s+")
    range_link = "|".join(link_parts) or r"(?!x)x"
    exclude = data.get("exclude") or ()
    try:
        return _Grammar(
            lang=lang,
            main=re.compile(main, re.IGNORECASE),
            atom=re.compile(lead + f"(?:{atom})", re.IGNORECASE),
            word_atoms=re.compile(
                rf"(?P<sep>\s*-\s*|\s+)?(?:(?P<art>{article_alt})(?!\w)|(?P<join>{joiner_alt})(?!\w)|(?P<w>{word_alt}))",
                re.IGNORECASE,
            ),
            range_link=re.compile(range_link, re.IGNORECASE),
            between_link={k: re.compile(rf"\s+{phrase_source(v)}\s+", re.IGNORECASE) for k, v in between.items()},
            post=re.compile(rf"\s*(?P<post>{alternation(post_qualifiers)})(?!\w)", re.IGNORECASE),
            blockers=re.compile(rf"(?<!\w){alternation(data.get('range_blockers') or ())}\s+$", re.IGNORECASE),
            exclude=re.compile("|".join(f"(?:{p})" for p in exclude), re.IGNORECASE) if exclude else None,
            words=words,
            scales=scales,
            bare_scales=frozenset(normalise_phrase(s) for s in data.get("bare_scales") or ()),
            vague=vague,
            qualifiers=qualifiers,
            post_qualifiers=post_qualifiers,
            thousands=thousands,
            decimals=decimals,
            dot_ordinals=bool(data.get("dot_ordinals", False)),
            prefixes=first_prefixes(
                [
                    *words,
                    *scales,
                    *vague,
                    *qualifiers,
                    *between,
                    *(data.get("unspecified") or ()),
                    *(data.get("scale_articles") or ()),
                ],
                glue=[*words, *scales],
            ),
        )
    except re.error as exc:
        raise NumberDataError(f"lang/{lang}/numbers.yaml: a pattern does not compile: {exc}") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class _Read:
    """One atom read from the text."""

    start: int
    end: int
    value: int
    vague: bool = False
    unspecified: bool = False
    scale: int | None = None
    base: int = 0
    next_pos: int = 0  # where scanning goes on when this atom is rejected or shortened


def _digit_value(g: _Grammar, raw: str) -> Fraction | None:
    compact = re.sub(r"\s", " ", raw)
    for sep in g.thousands:
        parts = compact.split(sep)
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
            return Fraction(int("".join(parts)))
    for sep in g.decimals:
        if sep in compact:
            whole, frac = compact.split(sep, 1)
            # "1.200 100": mixed separators that make no number
            return Fraction(f"{whole}.{frac}") if whole.isdigit() and frac.isdigit() else None
    return Fraction(int(compact)) if compact.isdigit() else None


def _read_atom(g: _Grammar, m: re.Match[str], text: str) -> _Read | None:
    if m.group("vague") is not None:
        return _Read(
            start=m.start("vague"), end=m.end("vague"), value=g.vague[normalise_phrase(m["vague"])], vague=True
        )
    if m.group("unspec") is not None:
        return _Read(start=m.start("unspec"), end=m.end("unspec"), value=0, unspecified=True)
    if m.group("digits") is not None:
        start = m.start("digits")
        number = _digit_value(g, m["digits"])
        mult = g.scales[normalise_phrase(m["mult"])] if m.group("mult") else None
        end = m.end("mult") if mult else m.end("digits")
        if number is None:
            return None
        value = number * (mult or 1)
        if value.denominator != 1 or value < 0:
            return None  # "0 fatalities" is a figure; fractions are not counts
        if g.dot_ordinals and not mult and _dot_ordinal(text, end):
            return None
        return _Read(start=start, end=end, value=int(value), scale=mult, base=int(number) if mult else 0)
    return _read_words(g, m)


def _dot_ordinal(text: str, end: int) -> bool:
    if end >= len(text) or text[end] != ".":
        return False
    rest = text[end + 1 : end + 40].lstrip()
    return bool(rest) and rest[0].islower()


def _read_words(g: _Grammar, m: re.Match[str]) -> _Read | None:
    start = m.start("art") if m.group("art") is not None else m.start("words")
    phrase_end = m.end("words")
    atoms: list[Atom] = []
    bare: dict[int, bool] = {}
    pos = start
    first_word_end = phrase_end
    while pos < phrase_end:
        t = g.word_atoms.match(m.string, pos, phrase_end)
        if t is None:
            break
        glued = t.group("sep") is None and bool(atoms)
        if t.group("art") is not None:
            atom = Atom(kind=AtomKind.ARTICLE, value=0, start=t.start("art"), end=t.end("art"), glued=glued)
        elif t.group("join") is not None:
            atom = Atom(kind=AtomKind.JOINER, value=0, start=t.start("join"), end=t.end("join"), glued=glued)
        else:
            key = normalise_phrase(t["w"])
            if key in g.scales:
                bare[len(atoms)] = key in g.bare_scales
                atom = Atom(kind=AtomKind.SCALE, value=g.scales[key], start=t.start("w"), end=t.end("w"), glued=glued)
            else:
                atom = Atom(kind=AtomKind.WORD, value=g.words[key], start=t.start("w"), end=t.end("w"), glued=glued)
        if atoms and not glued and first_word_end == phrase_end:
            first_word_end = atoms[-1].end
        atoms.append(atom)
        pos = t.end()
    read = read_number_words(atoms, bare_scales=bare)
    if read is None:
        return _Read(start=start, end=first_word_end, value=0, next_pos=first_word_end)
    return _Read(start=start, end=read.end, value=read.value, scale=read.scale, base=read.base, next_pos=read.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Mask:
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.ends, start + 1)  # first interval ending after `start`
        return i < len(self.starts) and self.starts[i] < end


def _mask(g: _Grammar, text: str) -> _Mask:
    spans = sorted((p.start, p.end) for p in scan_date_phrases(text, g.lang) if any(c.isdigit() for c in p.text))
    return _Mask(starts=tuple(s for s, _ in spans), ends=tuple(e for _, e in spans))


def _excluded(g: _Grammar, text: str, start: int, end: int) -> bool:
    """Whether an `exclude` pattern (a time, a percentage) overlaps start..end; searched near it only."""
    if g.exclude is None:
        return False
    lo, hi = max(0, start - _EXCLUDE_REACH), min(len(text), end + _EXCLUDE_REACH)
    return any(m.start() < end and start < m.end() for m in g.exclude.finditer(text, lo, hi))


def _countable(r: _Read) -> bool:
    return not r.vague and not r.unspecified and r.value > 0


def _range_high(g: _Grammar, text: str, low: _Read, link: re.Pattern[str], mask: _Mask) -> _Read | None:
    lm = link.match(text, low.end)
    if lm is None:
        return None
    am = g.atom.match(text, lm.end())
    if am is None:
        return None
    high = _read_atom(g, am, text)
    if high is None or not _countable(high) or high.start != lm.end() or mask.covers(high.start, high.end):
        return None
    return high


def find_numbers(document: Document, *, lang: str) -> tuple[NumberMention, ...]:
    """Every number mention in `document.text`, sorted by start."""
    g = _grammar(lang)
    text = document.text
    mask = _mask(g, text)
    out: list[NumberMention] = []
    pos = 0
    for candidate in candidate_starts(text, g.prefixes):
        if candidate < pos or (m := g.main.match(text, candidate)) is None:
            continue
        read = _read_atom(g, m, text)
        if read is None:
            pos = m.end()
            continue
        if read.value < 0 or (read.value == 0 and not read.unspecified and text[read.start : read.end] != "0"):
            pos = read.next_pos
            continue
        if mask.covers(read.start, read.end) or _excluded(g, text, read.start, read.end):
            pos = read.end
            continue
        start, end = m.start(), read.end
        qualifier = Qualifier.VAGUE if read.vague else Qualifier.EXACT
        if m.group("qual") is not None and not read.unspecified and not read.vague:
            qualifier = g.qualifiers[normalise_phrase(m["qual"])]
        value, high = read.value, None
        if _countable(read):
            between = m.group("between")
            link = g.between_link[normalise_phrase(between)] if between is not None else g.range_link
            blocked = between is None and g.blockers.search(text, max(0, start - 30), start) is not None
            upper = None if blocked else _range_high(g, text, read, link, mask)
            if upper is not None:
                low = read.value
                if read.scale is None and upper.scale and low < upper.base:
                    low *= upper.scale
                if low < upper.value:
                    value, high, end = low, upper.value, upper.end
            if between is not None and high is None:
                start = read.start  # "mellom 20" without a second figure: the figure alone
            post = g.post.match(text, end)
            if post is not None and qualifier is Qualifier.EXACT:
                qualifier = g.post_qualifiers[normalise_phrase(post["post"])]
                end = post.end()
        out.append(
            NumberMention(
                span=document.span(start, end),
                value=value,
                high=high,
                qualifier=qualifier,
                vague=read.vague,
                unspecified=read.unspecified,
            )
        )
        pos = end
    return tuple(sorted(out, key=lambda n: (n.span.start, n.span.end)))


@stage(name="numbers", reads=(), adds=("numbers",))
def numbers(analysis: Analysis) -> Analysis:
    return analysis.with_layer(numbers=find_numbers(analysis.document, lang=analysis.lang))
