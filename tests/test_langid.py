"""Language identification: nb / nn / en on short news sentences written for these tests."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from eventcoder.langid import LanguageDetectionError, _detector, detect_language

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SENTENCES = [
    ("Fleire menneske vart drepne i åtaket, melde politiet.", "nn"),
    ("Opprørarane gjekk til åtak på ein militærleir natt til søndag, og fleire soldatar vart såra.", "nn"),
    ("Styresmaktene seier at dei ikkje veit kor mange som er skadde etter bombeåtaket.", "nn"),
    ("Minst fem sivile vart drepne då ein bilbombe gjekk av i sentrum av byen.", "nn"),
    ("Minst fem personer ble drept da en bilbombe gikk av i sentrum av byen fredag.", "nb"),
    ("Politiet opplyste at to menn er pågrepet etter skytingen.", "nb"),
    ("Opprørere angrep en militærleir natt til søndag, og flere soldater ble såret.", "nb"),
    ("Myndighetene sier at de ikke vet hvor mange som er skadet etter angrepet.", "nb"),
    ("At least five people were killed when a car bomb exploded in the city centre on Friday.", "en"),
    ("Rebels attacked an army base overnight, wounding several soldiers, officials said.", "en"),
    ("The health ministry said the death toll had risen to 23.", "en"),
    ("Mindst fem personer blev dræbt, da en bilbombe eksploderede i byens centrum.", "nb"),  # Danish -> nb
    ("Minst fem personer dödades när en bilbomb exploderade i stadens centrum.", "nb"),  # Swedish -> nb
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text(text: str) -> None:
    with pytest.raises(LanguageDetectionError, match="empty text"):
        detect_language(text)


def test_text_without_words() -> None:
    with pytest.raises(LanguageDetectionError, match="no language recognised"):
        detect_language("123 456 - 789")


def test_long_text_is_sampled_and_fast() -> None:
    text = " ".join(s for s, lang in SENTENCES if lang == "nn") * 50  # ~14 000 characters
    detect_language("Varm opp detektoren.")
    start = time.perf_counter()
    assert detect_language(text) == "nn"
    assert time.perf_counter() - start < 0.5


def test_detector_is_built_once() -> None:
    detect_language("Tre soldater ble drept.")
    detect_language("Three soldiers were killed.")
    assert _detector.cache_info().currsize == 1
    assert _detector() is _detector()


@pytest.mark.shared
def test_gold_documents() -> None:
    gold = SHARED / "gold" / "dev"
    if not gold.is_dir():
        pytest.skip("../shared is absent")
    pairs = []
    for path in sorted(gold.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
        if doc.get("lang") in ("nb", "nn", "en"):
            pairs.append((doc["lang"], detect_language(doc["text"])))
    right = sum(want == got for want, got in pairs)
    assert len(pairs) > 100
    assert right / len(pairs) >= 0.99
    assert all(got == "nn" for want, got in pairs if want == "nn")
