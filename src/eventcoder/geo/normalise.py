"""Keys for place names: a light key (case, diacritics, hyphens, articles) and a fuzzy skeleton.

`light_key("al-Hasakah") == light_key("Hasakah") == "hasakah"`; `skeleton("hasakah") == skeleton("hassakeh")`.
The spelling rules are data (`geo/translit.yaml`), read once on first use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["TranslitError", "TranslitRules", "light_key", "rules", "skeleton"]


class TranslitError(ValueError):
    """geo/translit.yaml is missing or malformed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TranslitRules:
    letters: tuple[tuple[str, str], ...]
    articles: frozenset[str]
    skeleton: tuple[tuple[str, str], ...]
    vowels: tuple[tuple[str, str], ...]
    endings: tuple[tuple[str, str], ...]


@cache
def rules() -> TranslitRules:
    """The spelling rules of geo/translit.yaml."""
    path = resources.files("eventcoder").joinpath("geo", "translit.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TranslitRules(
            letters=tuple((str(k), str(v)) for k, v in data["letters"].items()),
            articles=frozenset(str(a) for a in data["articles"]),
            skeleton=tuple((str(a), str(b)) for a, b in data["skeleton"]),
            vowels=tuple((str(a), str(b)) for a, b in data["vowels"]),
            endings=tuple((str(a), str(b)) for a, b in data["endings"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise TranslitError(f"geo/translit.yaml: {exc}") from exc


_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,()]+")
_NOT_WORD = re.compile(r"[^0-9a-z ]+")


@cache
def _letter_table() -> dict[int, str]:
    return {ord(k): v for k, v in rules().letters}


def _fold(text: str) -> str:
    text = text.casefold().translate(_letter_table())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def light_key(text: str) -> str:
    """Casefolded, diacritic-free, one space between words, Arabic articles dropped: "Deir ez-Zor" -> "deir zor"."""
    folded = _SEPARATORS.sub(" ", _fold(text))
    words = _NOT_WORD.sub("", folded).split()
    articles = rules().articles
    kept = [w for w in words if w not in articles]
    return " ".join(kept if kept else words)


_DOUBLE = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A fuzzy form of a light key: transliteration variants, double letters and some vowels fold together."""
    r = rules()
    words = []
    for word in key.split():
        for old, new in r.skeleton:
            word = word.replace(old, new)
        for old, new in r.vowels:
            word = word.replace(old, new)
        word = _DOUBLE.sub(r"\1", word)
        for old, new in r.endings:
            if word.endswith(old) and len(word) > len(old) + 1:
                word = word[: -len(old)] + new
                break
        words.append(word)
    return "".join(words)
