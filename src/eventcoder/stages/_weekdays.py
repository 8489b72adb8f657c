"""Weekday names in a sentence, for articles whose weekdays cannot be dated (no publication date).

"A Monday airstrike killed 13 people" and "several additional airstrikes on Tuesday" are two events even when
neither day can be placed on the calendar; the names come from the language's dates.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from eventcoder.lang import load_section

__all__ = ["weekdays_in"]


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    names: dict[str, int] = {
        str(k).casefold(): int(v) for k, v in (load_section(lang, "dates").get("weekdays") or {}).items()
    }
    if not names:
        return re.compile(r"(?!x)x"), names
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), names


def weekdays_in(text: str, *, lang: str) -> frozenset[int]:
    """The weekdays (Monday = 0) that `text` names."""
    pattern, names = _pattern(lang)
    return frozenset(names[m.group(0).casefold()] for m in pattern.finditer(text))
