"""Sentences and headings: abbreviation tables per language, line breaks, headings, and span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.model import Document
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.stages.segment import split_sentences

SEGMENT = Pipeline.from_names(["segment"])


def _analyse(text: str, lang: str, headings: tuple[tuple[int, int], ...] = ()) -> Analysis:
    return SEGMENT.analyse(Document(id="s", text=text, headings=headings), lang=lang)


def _texts(text: str, lang: str) -> list[str]:
    return [s.span.text for s in _analyse(text, lang).sentences]


NB_CASES = [
    ("Han kom kl. 14.30 i går. Så dro han.", ["Han kom kl. 14.30 i går.", "Så dro han."]),
    ("Det skjedde i 2019. Kampene fortsatte.", ["Det skjedde i 2019.", "Kampene fortsatte."]),
    ("Det var ca. 20 drepte. Mange flere ble skadd.", ["Det var ca. 20 drepte.", "Mange flere ble skadd."]),
    ("Det kostet 5 mill. Kroner ble brukt.", ["Det kostet 5 mill. Kroner ble brukt."]),
    ("Se bl.a. NRK. Slutt.", ["Se bl.a. NRK.", "Slutt."]),
    ("Han sa: «Vi kommer.» De kom ikke.", ["Han sa: «Vi kommer.»", "De kom ikke."]),
    ("Hvor er de? «Ingen vet!» sa han.", ["Hvor er de?", "«Ingen vet!» sa han."]),
    ("Vent... Det kom mer.", ["Vent...", "Det kom mer."]),
    ("J. Hansen døde. Han var 40.", ["J. Hansen døde.", "Han var 40."]),
    ("Det var slutt. da kom de.", ["Det var slutt. da kom de."]),  # lower case after the stop: no break
    ("Ingen stopp her", ["Ingen stopp her"]),
    ("Første linje\nAndre linje", ["Første linje", "Andre linje"]),
    ("Han kom kl.\n14 dro han.", ["Han kom kl.", "14 dro han."]),  # a line break always ends a sentence
    ("  Innrykk.   Neste.  \n\n  ", ["Innrykk.", "Neste."]),
    ("Slutt.\r\nNeste linje.", ["Slutt.", "Neste linje."]),
    ("", []),
    (" \n \n", []),
]


@pytest.mark.parametrize(("text", "expected"), NB_CASES)
def test_segment_nb(text: str, expected: list[str]) -> None:
    assert _texts(text, "nb") == expected


@pytest.mark.parametrize(("text", "expected"), NB_CASES[:3])
def test_segment_nn_uses_nb_abbreviations(text: str, expected: list[str]) -> None:
    assert _texts(text, "nn") == expected


EN_ABBREVIATIONS = frozenset({"gen", "u.s", "dr", "mr", "no"})
EN_CASES = [
    ("Gen. Smith said U.S. forces left. They returned.", ["Gen. Smith said U.S. forces left.", "They returned."]),
    ("Mr. Jones met Dr. Brown. Talks ended.", ["Mr. Jones met Dr. Brown.", "Talks ended."]),
    ("It was No. 5 on the list. Then came more.", ["It was No. 5 on the list.", "Then came more."]),
    ("Troops left in 2021. Fighting resumed.", ["Troops left in 2021.", "Fighting resumed."]),
    ('He said: "We will stay." Nobody did.', ['He said: "We will stay."', "Nobody did."]),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_split_sentences_en_abbreviations(text: str, expected: list[str]) -> None:
    ranges = split_sentences(text, start=0, end=len(text), abbreviations=EN_ABBREVIATIONS)
    assert [text[a:b] for a, b in ranges] == expected


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_segment_en(text: str, expected: list[str]) -> None:
    assert _texts(text, "en") == expected


def test_split_without_abbreviations_breaks_after_gen() -> None:
    text = "Gen. Smith said U.S. forces left. They returned."
    ranges = split_sentences(text, start=0, end=len(text), abbreviations=frozenset())
    assert [text[a:b] for a, b in ranges] == ["Gen.", "Smith said U.S. forces left.", "They returned."]


def test_split_sentences_inside_a_range() -> None:
    text = "XXX Første. Andre. YYY"
    assert split_sentences(text, start=4, end=18, abbreviations=frozenset()) == [(4, 11), (12, 18)]


def test_headings_are_marked() -> None:
    text = "Kamper i byen\nMinst fem ble drept. Mange flyktet.\n\nNy del\nSiste setning."
    first, second = (0, 13), (51, 57)
    assert text[first[0] : first[1]] == "Kamper i byen" and text[second[0] : second[1]] == "Ny del"
    sentences = _analyse(text, "nb", headings=(first, second)).sentences
    assert [(s.span.text, s.heading) for s in sentences] == [
        ("Kamper i byen", True),
        ("Minst fem ble drept.", False),
        ("Mange flyktet.", False),
        ("Ny del", True),
        ("Siste setning.", False),
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3, 4]
    # a heading closes its paragraph; a blank line opens a new one
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs[0] < paragraphs[1] == paragraphs[2] < paragraphs[3] < paragraphs[4]


def test_heading_with_two_sentences() -> None:
    text = "Krig. Fred.\nTekst her."
    sentences = _analyse(text, "nb", headings=((0, 11),)).sentences
    assert [(s.span.text, s.heading) for s in sentences] == [("Krig.", True), ("Fred.", True), ("Tekst her.", False)]


def test_no_headings_without_document_headings() -> None:
    assert not any(s.heading for s in _analyse("Kamper i byen\nTekst.", "nb").sentences)


def test_paragraphs_follow_blank_lines() -> None:
    sentences = _analyse("En. To.\nTre.\n\nFire.\n\n\nFem.", "nb").sentences
    assert [(s.span.text, s.paragraph) for s in sentences] == [
        ("En.", 0), ("To.", 0), ("Tre.", 0), ("Fire.", 1), ("Fem.", 2),
    ]  # fmt: skip


# --- invariants -------------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*"abcæøå ABCÆØÅ019.!?…«»\"'()-–", "\n", "\n\n", "  ", "\t", "\r\n", "\xa0", "kl. ", "Gen. ", "U.S. "]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=60).map("".join), lang=st.sampled_from(["nb", "nn"]))
def test_sentence_spans_invariants(text: str, lang: str) -> None:
    sentences = _analyse(text, lang).sentences
    covered: set[int] = set()
    previous_end = 0
    for i, s in enumerate(sentences):
        span = s.span
        assert span.text == text[span.start : span.end]
        assert span.doc == "s"
        assert previous_end <= span.start < span.end
        assert not span.text[0].isspace() and not span.text[-1].isspace()
        assert "\n" not in span.text
        assert s.index == i
        previous_end = span.end
        covered.update(range(span.start, span.end))
    # every visible character belongs to exactly one sentence
    assert covered >= {i for i, c in enumerate(text) if not c.isspace()}
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Han kom.", "Det skjedde i 2019.", "Hvorfor?", "Kl. 14 kom de!", "se ca. 5"]),
        min_size=1,
        max_size=8,
    )
)
def test_joined_sentences_split_back(parts: list[str]) -> None:
    text = "\n".join(parts)
    assert _texts(text, "nb") == parts
