"""Find date phrases in a text, from the words and patterns of `lang/<code>/dates.yaml`.

This module only finds and reads phrases ("torsdag", "20. januar 2022", "i fjor"); `stages/dates.py` resolves
them against the publication date.  The numbers stage uses the same scan to keep dates out of its counts, so
the last few scans are cached by (text, language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from eventcoder.lang import load_section
from eventcoder.stages._phrases import alternation, candidate_starts, first_prefixes, normalise_phrase

__all__ = ["DateDataError", "DatePhrase", "PhraseKind", "RelativeSpec", "scan_date_phrases"]

_YEAR = r"(?:1[89]|20)\d\d"


class DateDataError(ValueError):
    """The dates section of a language cannot be compiled."""


class PhraseKind(StrEnum):
    DAY = "day"  # "20. januar (2022)", "2022-01-20", "20.–22. januar"
    MONTH = "month"  # "januar 2022", "i januar"
    YEARS = "years"  # "i 2019", "fra 2014 til 2016"
    RELATIVE = "relative"  # "i går", "last week", "i fjor"
    WEEKDAY = "weekday"  # "torsdag", "natt til søndag", "last Thursday"


@dataclass(frozen=True, slots=True, kw_only=True)
class RelativeSpec:
    unit: str  # day, week, weekend, month, year
    offset: int
    length: int = 1
    background: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DatePhrase:
    kind: PhraseKind
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    first_day: int | None = None  # the first day of a day range ("20.–22. januar": 20)
    last_year: int | None = None  # the last year of a year range
    weekday: int | None = None  # Monday = 0
    last: bool = False  # "forrige torsdag", "last Thursday"
    night_before: bool = False  # "natt til søndag"
    relative: RelativeSpec | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Compiled:
    pattern: re.Pattern[str]
    numeric_count: int
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_flags: dict[str, tuple[bool, bool]]
    relative: dict[str, RelativeSpec]
    prefixes: frozenset[str]  # first characters of every phrase that does not start with a digit


def _links(joiners: Iterable[str]) -> str:
    """Joiners between two figures: symbols with optional spaces, words with spaces around them."""
    items = list(joiners)
    parts = []
    symbols = [j for j in items if not j[0].isalnum()]
    words = [j for j in items if j[0].isalnum()]
    if symbols:
        parts.append(r"\s*(?:" + "|".join(re.escape(s) for s in symbols) + r")\s*")
    if words:
        parts.append(rf"\s+{alternation(words)}\s+")
    return "(?:" + ("|".join(parts) or r"(?!x)x") + ")"


def _opt(phrases: Iterable[str]) -> str:
    items = [p for p in phrases if p]
    return f"(?:{alternation(items)})?" if items else ""


@cache
def _compiled(lang: str) -> _Compiled:
    data: dict[str, Any] = load_section(lang, "dates")
    cs = bool(data.get("names_case_sensitive", False))
    months_full: dict[str, int] = data.get("months") or {}
    months_abbr: dict[str, int] = data.get("month_abbreviations") or {}
    weekdays: dict[str, int] = data.get("weekdays") or {}
    if not months_full or not weekdays:
        raise DateDataError(f"lang/{lang}/dates.yaml: needs months and weekdays")
    month_all = alternation([*months_full, *months_abbr], case_sensitive=cs)
    month_full = alternation(months_full, case_sensitive=cs)
    wd = alternation(weekdays, case_sensitive=cs)
    wd_flags: dict[str, dict[str, bool]] = data.get("weekday_prefixes") or {}
    wd_pre = alternation(wd_flags)
    dsuf = _opt(data.get("day_suffixes") or ())
    of = alternation(data.get("day_month_joiners") or ())
    art = alternation(data.get("day_articles") or ())
    drange = _links(data.get("day_range_joiners") or ())
    wd_lead = rf"(?:(?:{wd_pre}\s+)?{wd}(?!\w),?\s+(?:{art}\s+)?)?"
    relative = {
        normalise_phrase(k): RelativeSpec(
            unit=str(v["unit"]),
            offset=int(v["offset"]),
            length=int(v.get("length", 1)),
            background=bool(v.get("background", False)),
        )
        for k, v in (data.get("relative") or {}).items()
    }
    alts: list[str] = []
    numeric = list(data.get("numeric_patterns") or ())
    for i, pat in enumerate(numeric):
        for g in ("y", "m", "d"):
            pat = pat.replace(f"(?P<{g}>", f"(?P<n{i}_{g}>")
        alts.append(rf"(?:{pat})(?![\d\w])")
    alts.append(
        rf"{wd_lead}(?:(?P<dm_d0>[0-3]?\d){dsuf}{drange})?(?P<dm_d>[0-3]?\d){dsuf}\s+(?:{of}\s+)?"
        rf"(?P<dm_m>{month_all})(?!\w)(?:,?\s+(?P<dm_y>{_YEAR})(?!\d))?"
    )
    if data.get("month_day_order"):
        alts.append(
            rf"{wd_lead}(?P<md_m>{month_all})\s+(?:(?P<md_d0>[0-3]?\d){dsuf}{drange})?(?P<md_d>[0-3]?\d){dsuf}"
            rf"(?![\d\w])(?:,?\s+(?P<md_y>{_YEAR})(?!\d))?"
        )
    month_pre = alternation(data.get("month_prefixes") or ())
    year_pre = alternation(data.get("year_prefixes") or ())
    alts.append(rf"(?:{month_pre}\s+)?(?P<my_m>{month_all})\s+(?P<my_y>{_YEAR})(?![\d\w])")
    alts.append(rf"{month_pre}\s+(?P<bm_m>{month_full})(?!\w)")
    alts.append(
        rf"{year_pre}\s+(?P<yr_a>{_YEAR}){_links(data.get('year_range_joiners') or ())}(?P<yr_b>{_YEAR})(?![\d\w])"
    )
    alts.append(rf"{year_pre}\s+(?P<y_y>{_YEAR})(?![\d\w])(?![.,]\d)")
    # a relative word before a weekday leads the weekday ("overnight Thursday" is Thursday night, not last night)
    alts.append(rf"(?P<rel>{alternation(relative)})(?!\w)(?!\s+{wd}(?!\w))")
    wd_suf = alternation(data.get("weekday_suffixes") or ())
    alts.append(rf"(?:(?P<wd_p>{wd_pre})\s+)?(?P<wd>{wd})(?!\w)(?:\s+{wd_suf}(?!\w))?")
    try:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.IGNORECASE)
    except re.error as exc:
        raise DateDataError(f"lang/{lang}/dates.yaml: a pattern does not compile: {exc}") from exc
    return _Compiled(
        pattern=pattern,
        numeric_count=len(numeric),
        months={normalise_phrase(k): int(v) for k, v in {**months_abbr, **months_full}.items()},
        weekdays={normalise_phrase(k): int(v) for k, v in weekdays.items()},
        weekday_flags={
            normalise_phrase(k): (bool(v.get("last", False)), bool(v.get("night_before", False)))
            for k, v in wd_flags.items()
        },
        relative=relative,
        prefixes=first_prefixes(
            [
                *months_full,
                *months_abbr,
                *weekdays,
                *wd_flags,
                *relative,
                *(data.get("month_prefixes") or ()),
                *(data.get("year_prefixes") or ()),
            ]
        ),
    )


def _int(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value is not None else None


def _read(c: _Compiled, m: re.Match[str]) -> DatePhrase | None:
    base: dict[str, Any] = {"start": m.start(), "end": m.end(), "text": m.group(0)}
    for i in range(c.numeric_count):
        if m.group(f"n{i}_m") is not None:
            return DatePhrase(
                kind=PhraseKind.DAY, year=_int(m, f"n{i}_y"), month=_int(m, f"n{i}_m"), day=_int(m, f"n{i}_d"), **base
            )
    for p in ("dm", "md"):
        if p + "_m" in m.re.groupindex and m.group(p + "_m") is not None:
            return DatePhrase(
                kind=PhraseKind.DAY,
                year=_int(m, p + "_y"),
                month=c.months[normalise_phrase(m[p + "_m"])],
                day=_int(m, p + "_d"),
                first_day=_int(m, p + "_d0"),
                **base,
            )
    for g in ("my_m", "bm_m"):
        if m.group(g) is not None:
            year = _int(m, "my_y") if g == "my_m" else None
            return DatePhrase(kind=PhraseKind.MONTH, year=year, month=c.months[normalise_phrase(m[g])], **base)
    if m.group("yr_a") is not None:
        return DatePhrase(kind=PhraseKind.YEARS, year=_int(m, "yr_a"), last_year=_int(m, "yr_b"), **base)
    if m.group("y_y") is not None:
        return DatePhrase(kind=PhraseKind.YEARS, year=_int(m, "y_y"), **base)
    if m.group("rel") is not None:
        return DatePhrase(kind=PhraseKind.RELATIVE, relative=c.relative[normalise_phrase(m["rel"])], **base)
    if m.group("wd") is not None:
        last, night = c.weekday_flags.get(normalise_phrase(m["wd_p"] or ""), (False, False))
        return DatePhrase(
            kind=PhraseKind.WEEKDAY,
            weekday=c.weekdays[normalise_phrase(m["wd"])],
            last=last,
            night_before=night,
            **base,
        )
    return None


@lru_cache(maxsize=8)
def scan_date_phrases(text: str, lang: str) -> tuple[DatePhrase, ...]:
    """Every date phrase in `text`, in order, not overlapping (the most specific reading wins at a position)."""
    c = _compiled(lang)
    out = []
    pos = 0
    for start in candidate_starts(text, c.prefixes):
        if start < pos:
            continue
        m = c.pattern.match(text, start)
        if m is None:
            continue
        phrase = _read(c, m)
        if phrase is not None:
            out.append(phrase)
            pos = m.end()
    return tuple(out)
