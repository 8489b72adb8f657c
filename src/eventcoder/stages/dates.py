"""The `dates` stage: date phrases resolved against the publication date, as `DateMention`s.

The phrases are found by `_datephrases` from `lang/<code>/dates.yaml`; this module holds the calendar rules:
- a weekday is the latest such day on or before a day-precise publication date (the same day when the weekdays
  agree, a week earlier with "forrige"/"last"); "natt til søndag" is the Saturday-Sunday window (`days`);
- relative days and weeks need a day-precise publication date; with a month (or year) only, they stay the whole
  publication window at its precision (EVENTS.md); with no publication date they give nothing;
- a day or month without a year takes the publication year, or the year before when that would put it more than
  two months after publication;
- `background`: an explicitly past phrase ("i fjor", "last year"), a named year before the publication year
  ("i 2019" in 2022), a day or month that ends more than two months before publication ("i mai" in a January
  article, "in January" in a July one, but not "30. desember" in early January), or any other window that ends
  before the publication year and more than two months before publication;
- `statement`: a phrase next to a verb of saying ("told AFP on Sunday", "yesterday claimed") dates what was said.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from eventcoder.lang import load_section
from eventcoder.mentions import DateMention
from eventcoder.model import DatePrecision, DateWindow, Document
from eventcoder.pipeline import Analysis, stage
from eventcoder.stages._datephrases import DatePhrase, PhraseKind, RelativeSpec, scan_date_phrases
from eventcoder.stages._patterns import compile_alternation

__all__ = ["Published", "Resolved", "find_dates", "resolve_phrase"]

_LOOKAHEAD = dt.timedelta(days=60)  # a yearless date this far after publication belongs to the year before
_DAY = dt.timedelta(days=1)
_CLAUSE_END = re.compile(r"[.;:!?\n]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """The publication window: `Document.published_window()` as a record."""

    first: dt.date
    last: dt.date
    precision: DatePrecision

    @classmethod
    def of(cls, document: Document) -> Published | None:
        window = document.published_window()
        if window is None:
            return None
        first, last, precision = window
        return cls(first=first, last=last, precision=precision)


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    start: dt.date
    end: dt.date
    precision: DatePrecision
    background: bool = False


def _by_length(start: dt.date, end: dt.date) -> DatePrecision:
    days = (end - start).days + 1
    if days <= 1:
        return DatePrecision.DAY
    if days <= 6:
        return DatePrecision.DAYS
    if days <= 13:
        return DatePrecision.WEEK
    return DatePrecision.MONTH


def _month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - _DAY


def _guess_year(pub: Published, month: int, day: int) -> int:
    year = pub.last.year
    if dt.date(year, month, min(day, 28)) > pub.last + _LOOKAHEAD:
        year -= 1
    return year


def _pub_window(pub: Published) -> Resolved:
    return Resolved(start=pub.first, end=pub.last, precision=pub.precision)


def _absolute_day(p: DatePhrase, pub: Published | None) -> Resolved | None:
    assert p.month is not None and p.day is not None
    year = p.year
    if year is None:
        if pub is None:
            return None
        year = _guess_year(pub, p.month, p.day)
    try:
        end = dt.date(year, p.month, p.day)
        start = dt.date(year, p.month, p.first_day) if p.first_day is not None else end
    except ValueError:
        return None
    if start > end:
        start = end
    return Resolved(start=start, end=end, precision=_by_length(start, end))


def _month(p: DatePhrase, pub: Published | None) -> Resolved | None:
    assert p.month is not None
    year = p.year
    if year is None:
        if pub is None:
            return None
        year = _guess_year(pub, p.month, 1)
    start, end = _month_window(year, p.month)
    return Resolved(start=start, end=end, precision=DatePrecision.MONTH)


def _years(p: DatePhrase) -> Resolved:
    assert p.year is not None
    last = p.last_year if p.last_year is not None and p.last_year > p.year else p.year
    return Resolved(start=dt.date(p.year, 1, 1), end=dt.date(last, 12, 31), precision=DatePrecision.YEAR)


def _relative(spec: RelativeSpec, pub: Published) -> Resolved:
    if spec.unit == "year":
        year = pub.first.year + spec.offset
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if spec.offset == 0:
            end = pub.last
        return Resolved(start=start, end=end, precision=DatePrecision.YEAR)
    if spec.unit == "month":
        if pub.precision is DatePrecision.YEAR:
            return _pub_window(pub)
        index = pub.last.year * 12 + pub.last.month - 1 + spec.offset
        start, end = _month_window(index // 12, index % 12 + 1)
        return Resolved(start=start, end=min(end, pub.last), precision=DatePrecision.MONTH)
    if pub.precision is not DatePrecision.DAY:
        return _pub_window(pub)
    day = pub.last
    if spec.unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=spec.offset)
        start, end = monday, min(monday + dt.timedelta(days=6), day)
    elif spec.unit == "weekend":
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7) + dt.timedelta(weeks=spec.offset)
        start, end = saturday, min(saturday + _DAY, day)
    else:
        start = day + dt.timedelta(days=spec.offset)
        end = min(start + dt.timedelta(days=spec.length - 1), day)
    return Resolved(start=start, end=max(start, end), precision=_by_length(start, max(start, end)))


def _weekday(p: DatePhrase, pub: Published) -> Resolved:
    assert p.weekday is not None
    if pub.precision is not DatePrecision.DAY:
        return _pub_window(pub)
    delta = (pub.last.weekday() - p.weekday) % 7
    if delta == 0 and p.last:
        delta = 7
    day = pub.last - dt.timedelta(days=delta)
    if p.night_before:
        return Resolved(start=day - _DAY, end=day, precision=DatePrecision.DAYS)
    return Resolved(start=day, end=day, precision=DatePrecision.DAY)


def _is_background(phrase: DatePhrase, resolved: Resolved, published: Published | None) -> bool:
    if phrase.relative is not None and phrase.relative.background:
        return True
    if published is None:
        return False
    if phrase.kind in (PhraseKind.DAY, PhraseKind.MONTH) and resolved.end < published.first - _LOOKAHEAD:
        return True  # "in January" in a July article: recalled, whatever the year
    if resolved.end >= dt.date(published.first.year, 1, 1):
        return False
    # before the publication year: a named year always; a day or month only when it is not just a few weeks
    # earlier ("last month" or "30. desember" in an article of early January is news, not history)
    return phrase.kind is PhraseKind.YEARS or resolved.end < published.first - _LOOKAHEAD


def resolve_phrase(phrase: DatePhrase, *, published: Published | None) -> Resolved | None:
    """The window of one phrase given the publication window, or None when it cannot be resolved."""
    resolved: Resolved | None
    if phrase.kind is PhraseKind.DAY:
        resolved = _absolute_day(phrase, published)
    elif phrase.kind is PhraseKind.MONTH:
        resolved = _month(phrase, published)
    elif phrase.kind is PhraseKind.YEARS:
        resolved = _years(phrase)
    elif published is None:
        return None
    elif phrase.kind is PhraseKind.RELATIVE:
        assert phrase.relative is not None
        resolved = _relative(phrase.relative, published)
    else:
        resolved = _weekday(phrase, published)
    if resolved is None:
        return None
    if _is_background(phrase, resolved, published):
        return Resolved(start=resolved.start, end=resolved.end, precision=resolved.precision, background=True)
    return resolved


@cache
def _statement_verbs(lang: str) -> re.Pattern[str]:
    return compile_alternation(load_section(lang, "dates").get("statement_verbs", []))


def _is_statement(text: str, phrase: DatePhrase, verbs: re.Pattern[str]) -> bool:
    """A verb of saying among the three words before the phrase or as the word after it, in the same clause."""
    before = _CLAUSE_END.split(text[max(0, phrase.start - 60) : phrase.start])[-1]
    tail = " ".join(before.split()[-3:])
    if tail and verbs.search(tail):
        return True
    after = text[phrase.end : phrase.end + 40]
    m = verbs.match(after.lstrip())
    return m is not None and not after[: len(after) - len(after.lstrip())].strip()


def find_dates(document: Document, *, lang: str) -> tuple[DateMention, ...]:
    """Every resolvable date phrase of `document.text`, sorted by start."""
    published = Published.of(document)
    verbs = _statement_verbs(lang)
    out: list[DateMention] = []
    for phrase in scan_date_phrases(document.text, lang):
        resolved = resolve_phrase(phrase, published=published)
        if resolved is None:
            continue
        span = document.span(phrase.start, phrase.end)
        window = DateWindow(
            start=resolved.start, end=resolved.end, precision=resolved.precision, text=span.text, span=span
        )
        out.append(
            DateMention(
                span=span,
                window=window,
                background=resolved.background,
                statement=_is_statement(document.text, phrase, verbs),
            )
        )
    return tuple(out)


@stage(name="dates", reads=(), adds=("dates",))
def dates(analysis: Analysis) -> Analysis:
    return analysis.with_layer(dates=find_dates(analysis.document, lang=analysis.lang))
