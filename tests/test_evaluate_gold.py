"""Loading and validating gold/1 files; the text helpers of the scorer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from eventcoder.evaluate import (
    GoldFormatError,
    GoldStatus,
    corpus_of,
    find_quote,
    haversine_km,
    load_gold,
    load_gold_file,
    names_match,
    normalise_name,
)
from eventcoder.model import ClaimKind, EventType, PlacePrecision, Qualifier

DATA = Path(__file__).resolve().parent / "data" / "gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_load_directory_recursive_sorted_with_corpora() -> None:
    files = load_gold([DATA])
    assert [f.path.relative_to(DATA).as_posix() for f in files] == [
        "acled/acled-test-1.json",
        "news/en/en-sake-2024-05.json",
        "news/nb/nb-gao-2023-03.json",
        "type/type-protest.json",
    ]
    assert [f.corpus for f in files] == ["acled", "news", "news", "news"]
    assert [f.doc.lang for f in files] == ["en", "en", "nb", "en"]
    assert [f.scope for f in files] == [None, None, None, "type"]


def test_corpus_rule_uses_root_name_and_parts_below() -> None:
    (only,) = load_gold([DATA / "acled"])
    assert only.corpus == "acled"
    assert load_gold([DATA / "news" / "nb" / "nb-gao-2023-03.json"])[0].corpus == "news"
    assert load_gold_file(DATA / "acled" / "acled-test-1.json").corpus == "acled"
    assert corpus_of(("dev", "acled")) == "acled"
    assert corpus_of(("dev",)) == "news"


def test_gold_file_fields_are_converted() -> None:
    gold = load_gold_file(DATA / "news" / "nb" / "nb-gao-2023-03.json")
    assert gold.doc.id == "test-nb-gao"
    assert gold.doc.published == "2023-03-08"
    assert gold.doc.title == "Angrep i Gao"
    assert gold.doc.path == str(DATA / "news" / "nb" / "nb-gao-2023-03.json")
    e1, e2, e3 = gold.events
    assert e1.status is GoldStatus.REQUIRED and e3.status is GoldStatus.OPTIONAL
    assert e1.event_type is EventType.BATTLES
    assert e1.alt_sub_event_types == ("Attack",)
    assert e1.date is not None and e1.date.earliest == dt.date(2023, 3, 7)
    assert e1.location is not None and e1.location.precision is PlacePrecision.TOWN and e1.location.lat == 16.27
    assert [a.name for a in e1.actors] == ["Unidentified Armed Group (Mali)", "Police Forces of Mali (2021-)"]
    assert e1.actors[0].aliases == ("opprørere", "rebels")
    assert (e1.fatalities.low, e1.fatalities.high) == (12, 15)
    assert (e1.fatalities.actor1, e1.fatalities.actor2, e1.fatalities.civilians) == (None, None, None)
    (claim,) = e1.claims
    assert (claim.kind, claim.count, claim.qualifier) == (ClaimKind.KILLED, 12, Qualifier.AT_LEAST)
    assert claim.claimant is not None and claim.claimant.aliases == ("FN", "UN")
    assert e1.evidence_span == (0, 108)
    assert gold.doc.text[slice(*e1.evidence_span)] == e1.evidence
    assert e2.fatalities.low == 0 and e2.cluster is None
    assert e3.location is not None and e3.location.precision is PlacePrecision.COUNTRY


def _write(tmp_path: Path, obj: Any, name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(obj), encoding="utf-8")
    return path


def _minimal() -> dict[str, Any]:
    return {
        "schema": "gold/1",
        "doc": {"id": "d", "lang": "en", "published": "2024-01-02", "text": "Gunmen shot two men."},
        "events": [
            {
                "id": "e1",
                "status": "required",
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "evidence": "Gunmen shot two men.",
            }
        ],
    }


def test_minimal_file_defaults(tmp_path: Path) -> None:
    gold = load_gold_file(_write(tmp_path, _minimal()))
    (event,) = gold.events
    assert event.date is None and event.location is None and event.actors == () and event.claims == ()
    assert event.fatalities.low is None and event.alt_sub_event_types == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda o: o.update(schema="gold/2"), "not a gold/1 file"),
        (lambda o: o.update(scope="place"), "scope must be 'type'"),
        (lambda o: o["doc"].pop("id"), "doc.id must be a non-empty string"),
        (lambda o: o["doc"].update(published="2024-13"), "not a valid date"),
        (lambda o: o["events"][0].update(event_type="Fights"), "'Fights' is not one of"),
        (lambda o: o["events"][0].update(sub_event_type="Armed clash"), "is not a sub-event type of"),
        (lambda o: o["events"][0].update(status="maybe"), "status: 'maybe' is not one of"),
        (lambda o: o["events"][0].update(date={"earliest": "2024-01-03", "latest": "2024-01-01"}), "is after latest"),
        (lambda o: o["events"][0].update(fatalities={"low": -1}), "fatalities.low must be a non-negative"),
        (lambda o: o["events"][0].update(fatalities={"best": 1}), "unknown keys ['best']"),
        (lambda o: o["events"].append(dict(o["events"][0])), "duplicate event ids ['e1']"),
        (
            lambda o: o["events"][0].update(location={"name": "X", "country": "ML", "lat": 1.0, "precision": "town"}),
            "both lat and lon",
        ),
        (lambda o: o["events"][0].update(claims=[{"kind": "hurt", "count": 1, "qualifier": "exact"}]), "'hurt'"),
    ],
)
def test_malformed_files_raise_naming_file_and_problem(tmp_path: Path, change: Any, message: str) -> None:
    obj = _minimal()
    change(obj)
    path = _write(tmp_path, obj)
    with pytest.raises(GoldFormatError) as info:
        load_gold([path])
    assert str(path) in str(info.value)
    assert message in info.value.problem


def test_unreadable_json_and_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="cannot read JSON"):
        load_gold([tmp_path])
    with pytest.raises(GoldFormatError, match="no such file or directory"):
        load_gold([tmp_path / "absent"])


def test_duplicate_doc_ids_across_files(tmp_path: Path) -> None:
    _write(tmp_path, _minimal(), "a.json")
    _write(tmp_path, _minimal(), "b.json")
    with pytest.raises(GoldFormatError, match=r"document id 'd' already used by .*a\.json"):
        load_gold([tmp_path])


def test_find_quote_exact_and_whitespace_normalised() -> None:
    text = "First line.\n\nSecond   sentence\nwraps here. End."
    assert find_quote(text, "First line.") == (0, 11)
    start, end = find_quote(text, "Second sentence wraps here.") or (0, 0)
    assert text[start:end] == "Second   sentence\nwraps here."
    assert find_quote(text, "not there") is None


def test_name_normalisation_and_matching() -> None:
    assert normalise_name("Police Forces of Afghanistan (2014-)") == "police forces of afghanistan"
    assert normalise_name("Military Forces of Russia (2000-2010)") == "military forces of russia"
    assert names_match("Police Forces of Afghanistan (2014-)", "police forces of afghanistan")
    assert names_match("IS", "IS-krigere")  # punctuation splits words
    assert names_match("the army said", "Army")  # containment either way
    assert not names_match("IS", "ISIS")  # whole words only
    assert not names_match("(2014-)", "anything")  # nothing left after normalising


def test_haversine() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(-1.573, 29.045, -1.68, 29.22) == pytest.approx(22.7, abs=0.5)


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="../shared/gold/dev is absent")
def test_shared_dev_gold_loads() -> None:
    files = load_gold([SHARED / "gold" / "dev"])
    assert len(files) == 1555
    corpora: dict[str, int] = {}
    for f in files:
        corpora[f.corpus] = corpora.get(f.corpus, 0) + 1
    assert corpora == {"acled": 1512, "news": 43}
    assert all(e.evidence_span is not None for f in files for e in f.events)
