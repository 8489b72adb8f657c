"""Language identification for the three supported languages: `detect_language(text)` -> "nb", "nn" or "en".

Built on lingua-language-detector restricted to Bokmål, Nynorsk, Danish, Swedish and English (about 180 MB
instead of 1.3 GB for every language). Danish and Swedish stand in for the Scandinavian texts that are neither
Norwegian standard clearly; they are read as Bokmål. lingua alone often reads a short Nynorsk sentence as Bokmål,
so for a Scandinavian text the marker words of `lang/nb/langid.yaml` and `lang/nn/langid.yaml` (words written in one
standard only) decide when one standard has more of them. The detector is built once per process, on first use.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from eventcoder.lang import load_section

__all__ = ["LANGUAGE_CODES", "LanguageDetectionError", "detect_language"]

# lingua's language -> the eventcoder language code it is read as.
LANGUAGE_CODES: dict[Language, str] = {
    Language.BOKMAL: "nb",
    Language.NYNORSK: "nn",
    Language.DANISH: "nb",
    Language.SWEDISH: "nb",
    Language.ENGLISH: "en",
}

# Enough text to tell the languages apart; longer texts are cut (at a space) to bound the run time.
_MAX_CHARS = 3000
_WORD = re.compile(r"\w+")
# The languages told apart by marker words, and the language section that lists all of their markers
# (Nynorsk falls back to Bokmål, so its merged section holds both lists).
_NORWEGIAN = ("nb", "nn")


class LanguageDetectionError(ValueError):
    """The text is empty or carries no recognisable language."""


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGE_CODES).build()


@cache
def _markers() -> dict[str, frozenset[str]]:
    data = load_section(_NORWEGIAN[1], "langid")["markers"]
    return {code: frozenset(data.get(code, ())) for code in _NORWEGIAN}


def _by_markers(text: str) -> str | None:
    """The Norwegian standard with more marker words in `text`; None on a tie."""
    markers = _markers()
    words = _WORD.findall(text.lower())
    counts = {code: sum(word in markers[code] for word in words) for code in _NORWEGIAN}
    nb, nn = counts["nb"], counts["nn"]
    return None if nb == nn else ("nb" if nb > nn else "nn")


def _sample(text: str) -> str:
    if len(text) <= _MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, _MAX_CHARS)
    return text[: cut if cut > 0 else _MAX_CHARS]


def detect_language(text: str) -> str:
    """The language code ("nb", "nn" or "en") of `text`.

    Raises LanguageDetectionError when the text is empty or has no words lingua knows.
    """
    if not text.strip():
        raise LanguageDetectionError("cannot detect the language of an empty text")
    found = _detector().detect_language_of(_sample(text))
    if found is None:
        raise LanguageDetectionError(f"no language recognised in text starting {text.strip()[:40]!r}")
    code = LANGUAGE_CODES[found]
    if code in _NORWEGIAN:
        return _by_markers(_sample(text)) or code
    return code
