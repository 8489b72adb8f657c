"""Readers (eventcoder.ingest): one table of fixture files per format, every error case, normalisation properties."""

from __future__ import annotations

import json
import pickle
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.ingest import (
    INPUT_FORMATS,
    BadInputFormatError,
    BadLanguageError,
    BadPublishedDateError,
    ReadError,
    find_headings,
    normalise_text,
    read_documents,
)
from eventcoder.ingest.feed import entry_date
from eventcoder.ingest.htmltext import html_to_text
from eventcoder.ingest.normalise import normalise_published
from eventcoder.model import Document

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "ghwayran-2022-01.nb.txt"


def _read(*paths: str | Path, **kwargs: str | None) -> list[Document | ReadError]:
    return list(read_documents([Path(p) for p in paths], **kwargs))


def _one_doc(*paths: str | Path, **kwargs: str | None) -> Document:
    out = _read(*paths, **kwargs)
    assert len(out) == 1, out
    assert isinstance(out[0], Document), out[0]
    return out[0]


def _one_error(*paths: str | Path, **kwargs: str | None) -> ReadError:
    out = _read(*paths, **kwargs)
    assert len(out) == 1, out
    assert isinstance(out[0], ReadError), out[0]
    return out[0]


def _headings(doc: Document) -> list[str]:
    return [doc.text[start:end] for start, end in doc.headings]


# --- one table per format -------------------------------------------------------------------------------------------

FILE_CASES = [
    # file, id, published, lang, text start, text end, headings
    (
        "marked.nb.txt",
        "marked.nb.txt",
        "2023-03-14",
        "nb",
        "Minst 12 mennesker ble drept da en selvmordsbomber",
        "stengt alle markeder i regionen frem til helgen.",
        ["Angrep på markedet", "Frykter flere angrep"],
    ),
    (
        "landsby.nn.txt",
        "landsby.nn.txt",
        None,
        "nn",
        "Fleire menneske vart drepne i åtaket\n\nMinst fem sivile",
        "og fleire familiar har flykta frå området.",
        ["Fleire menneske vart drepne i åtaket", "Talet på drepne kan stige"],
    ),
    (
        "convoy.en.txt",
        "convoy.en.txt",
        None,
        "en",
        "Gunmen ambush aid convoy\n\nGunmen ambushed",
        "had stalled since early May.",
        ["Gunmen ambush aid convoy", "Talks stalled"],
    ),
    (
        "kadia.html",
        "kadia.html",
        "2023-03-14",
        "nb",
        "Bombeangrep på marked i Kadia\nMinst 12 mennesker ble drept",
        "ekstra politi er sendt til området.",
        ["Bombeangrep på marked i Kadia", "Angrep på markedet"],
    ),
]


@pytest.mark.parametrize(("name", "doc_id", "published", "lang", "start", "end", "headings"), FILE_CASES)
def test_single_document_files(
    name: str, doc_id: str, published: str | None, lang: str, start: str, end: str, headings: list[str]
) -> None:
    doc = _one_doc(DATA / name)
    assert doc.id == doc_id
    assert doc.published == published
    assert doc.lang == lang
    assert doc.path == str(DATA / name)
    assert doc.text.startswith(start)
    assert doc.text.endswith(end)
    assert _headings(doc) == headings


def test_seed_prefix_and_leading_whitespace_are_dropped() -> None:
    doc = _one_doc(DATA / "marked.nb.txt")
    assert not doc.text.startswith((" ", "\n", "date"))
    assert "2023-03-14" not in doc.text


def test_txt_normalises_crlf_and_no_break_space() -> None:
    doc = _one_doc(DATA / "landsby.nn.txt")
    assert "\r" not in doc.text
    assert "\u00a0" not in doc.text
    assert "og fleire familiar" in doc.text


def test_html_metadata() -> None:
    doc = _one_doc(DATA / "kadia.html")
    assert doc.title == "Bombeangrep på marked i Kadia"
    assert doc.outlet == "Eksempelavisa"
    assert doc.url == "https://eksempelavisa.example/utenriks/kadia"
    assert "Forsiden" not in doc.text  # navigation is not article text
    assert "tips@eksempelavisa" not in doc.text  # nor is the footer
    assert doc.text.count("Bombeangrep på marked i Kadia") == 1  # the title is not doubled


JSONL_EXPECTED: list[tuple[int, str | None, str | None, str | None, str | None]] = [
    # position in output, document id (None for an error), published, lang, error line:message
    (0, "r1", "2023-03-14", "nb", None),
    (1, "2", "2023-05", None, None),
    (2, None, None, None, "4: not valid JSON: Expecting value (column 1)"),
    (3, None, None, None, "5: missing 'text'"),
    (4, None, None, None, "6: bad publication date '14.03.2023'"),
    (5, "r6", "2023-06-10", "nb", None),
    (6, None, None, None, "8: a JSON object is expected, not list"),
    (7, None, None, None, "9: unsupported language 'de' (have en, nb, nn)"),
]


@pytest.mark.parametrize(("index", "doc_id", "published", "lang", "error"), JSONL_EXPECTED)
def test_jsonl_lines(
    index: int, doc_id: str | None, published: str | None, lang: str | None, error: str | None
) -> None:
    out = _read(DATA / "reports.jsonl")
    assert len(out) == len(JSONL_EXPECTED)
    item = out[index]
    if error is None:
        assert isinstance(item, Document)
        assert (item.id, item.published, item.lang) == (doc_id, published, lang)
    else:
        assert isinstance(item, ReadError)
        assert str(item).startswith(f"{DATA / 'reports.jsonl'}:{error}")
        assert item.line == int(error.split(":")[0])


def test_jsonl_fields_and_normalisation() -> None:
    docs = [d for d in _read(DATA / "reports.jsonl") if isinstance(d, Document)]
    first, second, third = docs
    assert first.url == "https://example.org/r1"
    assert first.title == "Bombe på marked"
    assert first.outlet == "Eksempelavisa"
    assert second.text == (
        "Two soldiers were killed in a roadside bomb blast near Ferro on Sunday, the army said.\n\n"
        "No group claimed the attack."
    )
    assert third.text == "Opprørere tok kontroll over byen Nalo etter harde kamper lørdag."


FEED_CASES = [
    # file, id, published, lang, url, outlet, text
    (
        "world.rss",
        "news-example-1001",
        "2023-05-16",  # the date as written (-0400), not shifted to UTC
        "en",
        "https://news.example/world/convoy",
        "Example World News",
        "Gunmen ambush aid convoy near Darsa\n\nGunmen ambushed an aid convoy north of Darsa, killing three drivers."
        "\n\nAt least seven other people were wounded, a local official said.",
    ),
    (
        "world.rss",
        "https://news.example/world/depot",  # no guid: the link
        "2023-05-17",
        "en",
        "https://news.example/world/depot",
        "Example World News",
        "Air strike hits fuel depot\n\nAn air strike destroyed a fuel depot outside Marun & set nearby houses on fire.",
    ),
    (
        "utenriks.atom",
        "urn:example:utenriks:77",
        "2023-06-10",  # published, not updated; +02:00 kept
        "nb",
        "https://eksempelavisa.example/utenriks/nalo",
        "Eksempelavisa utenriks",
        "Opprørere tok kontroll over Nalo\n\nOpprørere tok kontroll over byen Nalo etter harde kamper lørdag."
        "\n\nMinst ni soldater ble drept, ifølge hæren.",
    ),
]


@pytest.mark.parametrize(("name", "doc_id", "published", "lang", "url", "outlet", "text"), FEED_CASES)
def test_feed_entries(name: str, doc_id: str, published: str, lang: str, url: str, outlet: str, text: str) -> None:
    docs = {d.id: d for d in _read(DATA / name) if isinstance(d, Document)}
    doc = docs[doc_id]
    assert (doc.published, doc.lang, doc.url, doc.outlet, doc.text) == (published, lang, url, outlet, text)
    assert doc.title == text.split("\n\n")[0]
    assert _headings(doc) == [doc.title]


def test_feed_entry_without_text_is_an_error_and_the_others_are_read() -> None:
    out = _read(DATA / "world.rss")
    assert [type(x).__name__ for x in out] == ["Document", "Document", "ReadError"]
    assert str(out[2]) == f"{DATA / 'world.rss'}: entry 3 (news-example-empty) has no text"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"published": "Tue, 16 May 2023 23:30:00 -0400"}, "2023-05-16"),
        ({"published": "2023-06-10T22:30:00+02:00"}, "2023-06-10"),
        ({"updated": "2023-06-11T05:00:00Z"}, "2023-06-11"),
        ({"published": "not a date"}, None),
        ({}, None),
    ],
)
def test_entry_date(entry: dict[str, str], expected: str | None) -> None:
    assert entry_date(entry) == expected


# --- directories, formats, options ----------------------------------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_unknown() -> None:
    out = _read(DATA / "tree")
    assert [(d.id, d.lang) for d in out if isinstance(d, Document)] == [("a.nb.txt", "nb"), ("t1", None)]
    assert not [e for e in out if isinstance(e, ReadError)]


def test_whole_fixture_directory_in_sorted_order() -> None:
    paths = [d.path or "" for d in _read(DATA) if isinstance(d, Document)]
    assert paths == sorted(paths)


def test_unknown_extension_named_directly(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("Opprørere angrep en politistasjon.", encoding="utf-8")
    err = _one_error(path)
    assert str(err) == f"{path}: unknown format, use --input-format"
    doc = _one_doc(path, input_format="txt")
    assert doc.text == "Opprørere angrep en politistasjon."


def test_txt_with_date_prefix_is_seed_and_explicit_seed_needs_a_prefix(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("date 2021-07-02\nTo soldater ble drept.", encoding="utf-8")
    doc = _one_doc(path)
    assert (doc.published, doc.text) == ("2021-07-02", "To soldater ble drept.")
    plain = tmp_path / "plain.txt"
    plain.write_text("To soldater ble drept.", encoding="utf-8")
    assert _one_doc(plain).published is None
    err = _one_error(plain, input_format="seed")
    assert str(err) == f"{plain}:1: no 'date YYYY-MM' prefix (seed format)"


def test_seed_with_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date 2022-13 Kamper i byen.", encoding="utf-8")
    err = _one_error(path)
    assert str(err).startswith(f"{path}:1: bad publication date '2022-13'")


def test_published_default_only_where_the_date_is_unknown() -> None:
    docs = {
        d.id: d for d in _read(DATA / "tree", DATA / "marked.nb.txt", published="2020-02") if isinstance(d, Document)
    }
    assert docs["a.nb.txt"].published == "2020-02"
    assert docs["t1"].published == "2020-02"
    assert docs["marked.nb.txt"].published == "2023-03-14"


def test_caller_language_wins_over_record_and_file_name() -> None:
    docs = [d for d in _read(DATA / "reports.jsonl", DATA / "landsby.nn.txt", lang="en") if isinstance(d, Document)]
    assert {d.lang for d in docs} == {"en"}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"published": "14.03.2023"}, BadPublishedDateError),
        ({"published": "2023-02-30"}, BadPublishedDateError),
        ({"input_format": "pdf"}, BadInputFormatError),
        ({"lang": "de"}, BadLanguageError),
    ],
)
def test_bad_arguments_raise_at_call_time(kwargs: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        read_documents([DATA / "does-not-exist.txt"], **kwargs)  # raises before anything is iterated
    assert issubclass(error, ValueError)


def test_input_formats() -> None:
    assert INPUT_FORMATS == ("seed", "txt", "jsonl", "html", "feed")


# --- error cases: each names the file, and never stops the other inputs ---------------------------------------------


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


ERROR_CASES = [
    # file name, bytes, message
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "empty file"),
    ("nul.txt", b"Angrep\x00\x01\x02", "binary file (NUL bytes), not text"),
    ("latin1.txt", "Angrep på Kadia".encode("latin-1"), "not UTF-8 text (binary file?): bad byte at offset 8"),
    ("bomonly.txt", b"\xef\xbb\xbf \n", "empty file"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("nofeed.rss", b"this is not a feed at all", "not a readable RSS/Atom feed, no entries"),
    (
        "notext.html",
        b"<html><head><title>x</title></head><body></body></html>",
        "no article text found in the HTML page",
    ),
    ("nomarkup.html", b"just words, no markup", "not an HTML page (no markup)"),
    ("seedonly.txt", b"date 2022-01   \n", "no article text after the date prefix"),
]


@pytest.mark.parametrize(("name", "data", "message"), ERROR_CASES)
def test_error_cases(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path / name, data)
    good = _write(tmp_path / "good.txt", b"Tre soldater ble drept.")
    out = _read(path, good)
    assert len(out) == 2, out
    err, doc = out
    assert isinstance(err, ReadError)
    assert err.path == str(path)
    assert str(err).startswith(str(path))
    assert message in err.message
    assert isinstance(doc, Document) and doc.text == "Tre soldater ble drept."


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "borte.nb.txt"
    err = _one_error(missing)
    assert (err.path, err.line, err.message) == (str(missing), None, "no such file")
    assert str(err) == f"{missing}: no such file"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", "\ufeffMinst to drept.\r\n".encode())
    assert _one_doc(path).text == "Minst to drept."


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Kamper i Nalo</title></head><body><article>'
        + "<p>Opprørere og soldater kjempet hele lørdagen i byen Nalo, og minst ni ble drept, opplyser hæren.</p>" * 3
        + "</article></body></html>"
    )
    path = _write(tmp_path / "legacy.html", page.encode("cp1252"))
    doc = _one_doc(path)
    assert "Opprørere og soldater kjempet" in doc.text


def test_read_error_is_frozen_comparable_and_picklable() -> None:
    err = ReadError(path="a.jsonl", line=3, message="not valid JSON")
    assert str(err) == "a.jsonl:3: not valid JSON"
    assert str(ReadError(path="a.txt", message="empty file")) == "a.txt: empty file"
    with pytest.raises(AttributeError):
        err.line = 4
    assert pickle.loads(pickle.dumps(err)) == err


# --- normalisation and headings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("to\u00a0soldater\u202fog\u2009tre", "to soldater og tre"),
        ("Ghway\u200bran-\u00adfengselet\u2060", "Ghwayran-fengselet"),
        ("\ufeffTekst", "Tekst"),
        ("Sa\u030a", "Så"),  # NFC: a + combining ring -> å
        ("linje\u2028neste", "linje\nneste"),
        ("  tekst  \n\n  ", "tekst"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@given(st.text())
def test_normalised_text_properties(raw: str) -> None:
    text = normalise_text(raw)
    assert "\r" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert text == text.strip()
    assert not set(text) & {"\u200b", "\ufeff", "\u00a0", "\u00ad"}
    assert normalise_text(text) == text  # idempotent: spans stay valid when a text is normalised again
    for start, end in find_headings(text):
        heading = text[start:end]
        assert 0 <= start < end <= len(text)
        assert "\n" not in heading and heading == heading.strip()


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_jsonl_and_txt_give_the_same_text(raw: str) -> None:
    from eventcoder.ingest.jsonl import read_jsonl
    from eventcoder.ingest.source import ReadOptions
    from eventcoder.ingest.txt import read_txt

    path, options = Path("x.txt"), ReadOptions()
    (from_txt,) = read_txt(path=path, text=raw, options=options)
    (from_json,) = read_jsonl(path=path, text=json.dumps({"id": "x", "text": raw}), options=options)
    if isinstance(from_txt, Document):
        assert isinstance(from_json, Document)
        assert (from_json.text, from_json.headings) == (from_txt.text, from_txt.headings)
    else:
        assert isinstance(from_json, ReadError)  # text that normalises to nothing


HEADING_CASES = [
    ("Kamper i byen\n\nTre ble drept.", ["Kamper i byen"]),
    ("Tre ble drept.\nKamper i byen\nFire ble såret.", ["Kamper i byen"]),
    ("Tittel\nUndertittel\n\nTekst.", ["Tittel", "Undertittel"]),
    ("Tre ble drept:\n\nSoldater og sivile.", []),  # ends with end punctuation
    ("«Vi ble angrepet»\n\nTekst.", []),
    ("ikke en overskrift\n\nTekst.", []),  # starts in lower case
    ("2022\n\nTekst.", []),  # no letters
    ("Dette er en altfor lang linje uten punktum som har mange flere ord enn en overskrift har\n\nTekst.", []),
    # hard-wrapped running text: a short line that runs on into the next is no heading
    ("Over 100 krigere angrep torsdag det\nkurdiskdrevne fengselet i byen.\n\nKamper\n\nMer tekst.", ["Kamper"]),
    ("Gunmen attacked the\nVillage of Tora at night and\nkilled two guards.", []),
]


@pytest.mark.parametrize(("text", "expected"), HEADING_CASES)
def test_find_headings(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_headings(text)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022", "2022"),
        ("2022-01", "2022-01"),
        ("2022-01-20", "2022-01-20"),
        (" 2022-01-20 ", "2022-01-20"),
        ("2022-01-20T23:30:00-04:00", "2022-01-20"),
        ("2022-01-20 08:00", "2022-01-20"),
    ],
)
def test_normalise_published(value: str, expected: str) -> None:
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["", "20.01.2022", "2022-1", "2022-02-30", "januar 2022", "22"])
def test_normalise_published_rejects(value: str) -> None:
    with pytest.raises(BadPublishedDateError):
        normalise_published(value)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>Minst <b>fem</b> drept &amp; flere\n såret.</p><p>Neste.</p>", "Minst fem drept & flere såret.\n\nNeste."),
        ("Linje<br>neste<script>ignored()</script>", "Linje\nneste"),
        ("Ren tekst & mer", "Ren tekst & mer"),
    ],
)
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


# --- the user's seed example ----------------------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_example() -> None:
    if not SEED.is_file():
        pytest.skip("../shared is absent")
    doc = _one_doc(SEED)
    assert doc.id == "ghwayran-2022-01.nb.txt"
    assert doc.published == "2022-01"
    assert doc.lang == "nb"
    assert doc.text.startswith("Over 100 IS-krigere")
    headings = _headings(doc)
    assert "Kamper i nabolaget" in headings
    assert "Ikke kapasitet" in headings
    assert len(headings) == 2


@pytest.mark.shared
def test_seed_example_and_json_line_give_the_same_text(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("../shared is absent")
    seed = _one_doc(SEED)
    body = SEED.read_text(encoding="utf-8").lstrip().removeprefix("date 2022-01")
    line = json.dumps({"id": "ghwayran", "text": body, "published": "2022-01"}, ensure_ascii=False)
    jsonl = tmp_path / "seed.jsonl"
    jsonl.write_text(line + "\n", encoding="utf-8")
    from_json = _one_doc(jsonl)
    assert from_json.text == seed.text
    assert from_json.headings == seed.headings
    assert from_json.published == seed.published


@pytest.mark.shared
def test_seed_example_matches_the_gold_text() -> None:
    gold = SHARED / "gold" / "dev" / "seed-ghwayran-2022-01.json"
    if not SEED.is_file() or not gold.is_file():
        pytest.skip("../shared is absent")
    assert _one_doc(SEED).text == json.loads(gold.read_text(encoding="utf-8"))["doc"]["text"]


def test_html_and_feed_readers_never_touch_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    out = _read(DATA / "kadia.html", DATA / "world.rss", DATA / "utenriks.atom")
    assert sum(isinstance(d, Document) for d in out) == 4
