"""Phrase patterns of the language files compiled into regular expressions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.stages._patterns import compile_alternation, pattern_regex


def _found(patterns: list[str], text: str, slots: dict[str, str] | None = None) -> list[str]:
    return [m.group(0) for m in compile_alternation(patterns, slots=slots).finditer(text)]


@pytest.mark.parametrize(
    ("patterns", "text", "expected"),
    [
        # words in capitals are case-sensitive
        (["IS"], "IS-krigere angrep", ["IS"]),
        (["IS"], "det is som la seg", []),
        (["IS"], "Is og iS", []),
        (["IS"], "ISIS og IS.", ["IS"]),
        (["SDF"], "SDF, sdf og Sdf", ["SDF"]),
        (["SDF*"], "SDFs styrker", ["SDFs"]),
        # every other word is case-insensitive
        (["drept"], "DREPT Drept drept", ["DREPT", "Drept", "drept"]),
        (["Gaza"], "gaza GAZA Gaza", ["gaza", "GAZA", "Gaza"]),
        (["døde"], "DØDE og Døde", ["DØDE", "Døde"]),
        (["G7"], "g7 G7", ["g7", "G7"]),  # one letter only: not a capitals word
        # a trailing * accepts any ending, a leading * any beginning
        (["soldat*"], "soldatene soldat soldater", ["soldatene", "soldat", "soldater"]),
        (["soldat*"], "barnesoldater", []),
        (["døds*"], "dødsfall og dødstallet", ["dødsfall", "dødstallet"]),
        (["*angrep"], "rakettangrep og angrep", ["rakettangrep", "angrep"]),
        (["*angrep"], "angrepet", []),
        (["*angrep"], "drone-angrep", ["drone-angrep"]),
        (["*"], "a-b c", ["a-b", "c"]),
        # multiword patterns: spaces or a hyphen between the words
        (["ble drept"], "ble drept", ["ble drept"]),
        (["ble drept"], "ble   drept", ["ble drept".replace(" ", "   ")]),
        (["ble drept"], "ble-drept", ["ble-drept"]),
        (["ble drept"], "ble - drept", ["ble - drept"]),
        (["ble drept"], "ble\tdrept", ["ble\tdrept"]),
        (["ble drept"], "bledrept", []),
        (["ble drept"], "ble, drept", []),
        (["IS krigere"], "IS-krigere", ["IS-krigere"]),
        (["IS krigere"], "is-krigere", []),
        # whole words only
        (["drept"], "udrept", []),
        (["drept"], "drepte", []),
        (["drept"], "drept_", []),
        (["drept"], "(drept)", ["drept"]),
        (["drept"], "«drept»", ["drept"]),
        (["drept"], "9drept", []),
        (["U.S"], "U.S. forces", ["U.S"]),
        (["5"], "15 og 5", ["5"]),
        # alternation: longest first
        (["ble", "ble drept"], "ble drept", ["ble drept"]),
        (["drept", "skutt og drept"], "skutt og drept", ["skutt og drept"]),
        (["angrep", "rakettangrep"], "rakettangrep", ["rakettangrep"]),
        ([], "alt mulig", []),
        (["drept", "drept"], "drept", ["drept"]),
    ],
)
def test_compile_alternation(patterns: list[str], text: str, expected: list[str]) -> None:
    assert _found(patterns, text) == expected


DEMONYM = {"demonym": r"(?i:russiske|ukrainske|syriske)"}


@pytest.mark.parametrize(
    ("patterns", "text", "expected"),
    [
        (["{demonym} soldater"], "to russiske soldater", ["russiske soldater"]),
        (["{demonym} soldat*"], "Ukrainske soldatene", ["Ukrainske soldatene"]),
        (["{demonym} soldater"], "svenske soldater", []),
        (["{demonym} styrker", "styrker"], "syriske styrker og styrker", ["syriske styrker", "styrker"]),
        (["{demonym}-støttede {demonym} styrker"], "russiske-støttede syriske styrker", []),
        (["{demonym} støttede styrker"], "russisk-støttede styrker", []),
        (["{demonym} støttede styrker"], "russiske-støttede styrker", ["russiske-støttede styrker"]),
        (["ifølge {demonym}*"], "ifølge syriske", ["ifølge syriske"]),
    ],
)
def test_placeholders(patterns: list[str], text: str, expected: list[str]) -> None:
    assert _found(patterns, text, slots=DEMONYM) == expected


@pytest.mark.parametrize("slots", [None, {}, {"country": "Syria"}])
def test_unknown_placeholder(slots: dict[str, str] | None) -> None:
    with pytest.raises(ValueError, match=r"unknown placeholder \{demonym\}"):
        compile_alternation(["{demonym} soldater"], slots=slots)


@pytest.mark.parametrize(
    ("pattern", "source"),
    [
        ("drept", "(?i:drept)"),
        ("IS", "IS"),
        ("soldat*", r"(?i:soldat)\w*"),
        ("*angrep", r"[\w-]*(?i:angrep)"),
        ("ble drept", r"(?i:ble)(?:\s+|\s*-\s*)(?i:drept)"),
        ("*", r"[\w-]+"),
        ("f.eks", r"(?i:f\.eks)"),
    ],
)
def test_pattern_regex_source(pattern: str, source: str) -> None:
    assert pattern_regex(pattern) == source


_lower_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=10)
_upper_words = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ", min_size=2, max_size=6)


@given(word=_lower_words, prefix=_lower_words, suffix=_lower_words)
def test_lower_case_word_matches_whole_words_only(word: str, prefix: str, suffix: str) -> None:
    regex = compile_alternation([word])
    found = [m.group(0) for m in regex.finditer(f"{prefix} {word.upper()}, {word}.")]
    assert found == ([word] if prefix == word else []) + [word.upper(), word]
    # glued to other letters on either side, the word is never found
    assert regex.search(f"{prefix}{word}{suffix}") is None
    assert regex.search(f"{prefix}{word}") is None
    assert regex.search(f"{word}{suffix}") is None


@given(word=_upper_words)
def test_capitals_word_is_case_sensitive(word: str) -> None:
    regex = compile_alternation([word])
    assert regex.fullmatch(word)
    assert regex.search(word.lower()) is None
    assert regex.search(word[0] + word[1:].lower()) is None


@given(
    words=st.lists(_lower_words, min_size=1, max_size=4),
    seps=st.lists(st.sampled_from([" ", "  ", "-", " - ", "\t"]), min_size=3),
)
def test_multiword_separators(words: list[str], seps: list[str]) -> None:
    text = words[0] + "".join(sep + w for sep, w in zip(seps, words[1:], strict=False))
    assert compile_alternation([" ".join(words)]).fullmatch(text)
    assert re.fullmatch(pattern_regex(" ".join(words)), text)
