"""Language data: every section of every language passes its schema, Nynorsk falls back to Bokmål, and a bad file
is reported by name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import eventcoder.lang as lang_mod
from eventcoder.lang import LanguageDataError, available_languages, load_section

SCHEMA_DIR = Path(lang_mod.__file__).parent / "schema"
SECTIONS = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))


# Sections a language does not have and has no fallback for: loading them must raise.
ABSENT = {("en", "langid")}
BROKEN: dict[tuple[str, str], str] = {}  # (lang, section) -> reason, for known-broken data


def _clear_caches() -> None:
    lang_mod.load_section.cache_clear()
    lang_mod._schema.cache_clear()
    lang_mod._fallback.cache_clear()


def test_languages() -> None:
    assert available_languages() == ("en", "nb", "nn")


def test_schema_sections() -> None:
    assert SECTIONS == [
        "actors", "attach", "attribution", "claims", "dates", "langid", "numbers", "places", "segment", "triggers",
    ]  # fmt: skip


def _cases() -> Iterator[object]:
    for lang in available_languages():
        for section in SECTIONS:
            marks = []
            if (lang, section) in BROKEN:
                marks.append(pytest.mark.xfail(strict=True, raises=LanguageDataError, reason=BROKEN[lang, section]))
            yield pytest.param(lang, section, marks=marks, id=f"{lang}-{section}")


@pytest.mark.parametrize(("lang", "section"), list(_cases()))
def test_every_section_loads(lang: str, section: str) -> None:
    if (lang, section) in ABSENT:
        with pytest.raises(LanguageDataError, match=f"has no section {section!r}"):
            load_section(lang, section)
        return
    data = load_section(lang, section)
    assert isinstance(data, dict) and data


@pytest.mark.parametrize("lang", ["xx", "NB", "no", ""])
def test_unknown_language(lang: str) -> None:
    with pytest.raises(LanguageDataError, match="no language data"):
        load_section(lang, "claims")


def test_unknown_section_has_no_schema() -> None:
    # nb has no file for this section; nothing to validate, so it is simply absent
    with pytest.raises(LanguageDataError, match="has no section 'no_such_section'"):
        load_section("nb", "no_such_section")


# --- Nynorsk over Bokmål ----------------------------------------------------------------------------------------


def test_nn_without_own_segment_uses_nb() -> None:
    assert not (Path(lang_mod.__file__).parent / "nn" / "segment.yaml").exists()
    assert load_section("nn", "segment") == load_section("nb", "segment")
    assert "kl" in load_section("nn", "segment")["abbreviations"]


@pytest.mark.parametrize(
    ("path", "own", "inherited"),
    [
        (("kinds", "killed"), ["drepne", "døydde"], ["drept", "omkom", "mistet livet"]),
        (("kinds", "injured"), ["vart såra"], ["såret", "skadet"]),
        (("subgroup",), ["blant dei"], ["blant dem", "deriblant"]),
        (("update",), ["steig til"], ["steg til"]),
        (("zero", "killed"), ["ingen vart drepne"], ["ingen ble drept"]),
    ],
)
def test_nn_claims_merge_own_and_nb(path: tuple[str, ...], own: list[str], inherited: list[str]) -> None:
    merged = load_section("nn", "claims")
    nb = load_section("nb", "claims")
    nn_file = lang_mod._raw("nn", "claims")
    for key in path:
        merged, nb, nn_file = merged[key], nb[key], nn_file[key]
    assert all(w in merged for w in [*own, *inherited])
    assert all(w not in nb for w in own)
    # the language's own entries first, then the fallback's that it does not repeat
    assert merged == nn_file + [w for w in nb if w not in nn_file]


def test_nn_claims_keeps_nb_only_keys() -> None:
    merged = load_section("nn", "claims")
    nb = load_section("nb", "claims")
    assert set(merged["kinds"]) == set(nb["kinds"]) | set(lang_mod._raw("nn", "claims")["kinds"])
    assert "prosent" in merged["not_people"] and "%" in merged["not_people"]  # nb's, nn lists "prosent" too


def test_nb_claims_do_not_contain_nn_words() -> None:
    assert "drepne" not in load_section("nb", "claims")["kinds"]["killed"]


def test_langid_markers_merge() -> None:
    markers = load_section("nn", "langid")["markers"]
    assert "ikkje" in markers["nn"] and "ikke" in markers["nb"]


# --- a language tree of our own ---------------------------------------------------------------------------------

SEGMENT_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["abbreviations"],
    "properties": {"abbreviations": {"type": "array", "items": {"type": "string"}}},
}
WORDS_SCHEMA = {
    "type": "object",
    "properties": {
        "words": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "name": {"type": "string"},
    },
}


@pytest.fixture
def fake_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "lang"
    (root / "schema").mkdir(parents=True)
    (root / "schema" / "segment.schema.json").write_text(json.dumps(SEGMENT_SCHEMA), encoding="utf-8")
    (root / "schema" / "words.schema.json").write_text(json.dumps(WORDS_SCHEMA), encoding="utf-8")
    for code in ("aa", "bb", "cc"):
        (root / code).mkdir()
    (root / "aa" / "segment.yaml").write_text("abbreviations: [kl, ca]\n", encoding="utf-8")
    (root / "aa" / "words.yaml").write_text("name: A\nwords: {killed: [x1, x2], injured: [h1]}\n", encoding="utf-8")
    (root / "bb" / "language.yaml").write_text("fallback: aa\n", encoding="utf-8")
    (root / "bb" / "words.yaml").write_text("name: B\nwords: {killed: [y1, x2], freed: [f1]}\n", encoding="utf-8")
    (root / "cc" / "segment.yaml").write_text("abbreviations: [kl, true, nr]\n", encoding="utf-8")
    (root / "cc" / "words.yaml").write_text("words: {killed: [x1\n", encoding="utf-8")
    _clear_caches()
    monkeypatch.setattr(lang_mod, "_root", lambda: root)
    yield root
    monkeypatch.undo()
    _clear_caches()


def test_fake_tree_languages(fake_root: Path) -> None:
    assert available_languages() == ("aa", "bb", "cc")


def test_fake_tree_fallback_merge(fake_root: Path) -> None:
    assert load_section("bb", "segment") == {"abbreviations": ["kl", "ca"]}
    assert load_section("bb", "words") == {
        "name": "B",
        "words": {"killed": ["y1", "x2", "x1"], "injured": ["h1"], "freed": ["f1"]},
    }


def test_schema_violation_names_the_file(fake_root: Path) -> None:
    with pytest.raises(LanguageDataError, match=r"lang/cc/segment\.yaml: abbreviations/1: True is not of type"):
        load_section("cc", "segment")


def test_invalid_yaml_names_the_file(fake_root: Path) -> None:
    with pytest.raises(LanguageDataError, match=r"lang/cc/words\.yaml: not valid YAML"):
        load_section("cc", "words")


def test_missing_schema(fake_root: Path) -> None:
    (fake_root / "aa" / "extra.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match="no schema for language section 'extra'"):
        load_section("aa", "extra")


def test_bad_file_in_fallback_breaks_dependant(fake_root: Path) -> None:
    (fake_root / "aa" / "segment.yaml").write_text("abbreviations: kl\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match=r"lang/aa/segment\.yaml: abbreviations: 'kl' is not of type 'array'"):
        load_section("bb", "segment")


def test_caches_restored_after_fake_tree() -> None:
    # runs after the fake-tree tests in file order: the real data is back
    assert available_languages() == ("en", "nb", "nn")
    assert "drept" in load_section("nb", "claims")["kinds"]["killed"]
