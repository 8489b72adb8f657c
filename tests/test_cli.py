"""The `eventcoder` command end to end on the bundled samples and small fixtures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventcoder.cli import main
from tests.conftest import SAMPLES

GOLD_FIXTURES = Path(__file__).parent / "data" / "gold"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_gives_contract_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "extract", str(SAMPLES / "kandahar-kamper.nb.txt"), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records, "the Kandahar sample reports a battle"
    battle = records[0]
    assert battle["event_type"] == "Battles"
    assert battle["sources"][0]["doc"] == "kandahar-kamper.nb.txt"
    assert battle["location"]["country"] == "AF"
    assert battle["fatalities"]["low"] == 12
    assert {battle["actor1"]["name"], battle["actor2"]["name"]} == {"Taliban", "Police Forces of Afghanistan"}
    assert {c["claimant"] for c in battle["claims"] if c["kind"] == "killed"} != {None}


def test_ingest_twice_adds_nothing_and_events_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.duckdb")
    code, _, err = _run(capsys, "ingest", str(SAMPLES), "--db", db)
    assert code == 0
    assert "stored 5 new documents" in err
    code, _, err = _run(capsys, "ingest", str(SAMPLES), "--db", db)
    assert code == 0
    assert "stored 0 new documents" in err
    code, out, _ = _run(capsys, "events", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) >= 5
    assert {r["country"] for r in rows} >= {"SO", "AF", "UA", "KE", "SY"}
    code, out, _ = _run(capsys, "events", "--db", db, "--country", "AF", "--format", "jsonl")
    assert code == 0
    assert {json.loads(line)["location"]["country"] for line in out.splitlines()} == {"AF"}


def test_bad_input_is_named_and_the_rest_is_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text(
        '{"id": "ok", "lang": "en", "text": "Gunmen killed three villagers in Kaduna on Monday."}\nthis is not json\n',
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    code, _, err = _run(capsys, "ingest", str(bad), str(empty), "--db", db)
    assert code == 1
    assert f"{bad}:2:" in err
    assert str(empty) in err
    assert "stored 1 new documents" in err


def test_events_without_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "events", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 2
    assert "missing.duckdb" in err


def test_evaluate_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "evaluate", str(GOLD_FIXTURES), "--by", "lang", "--misses")
    assert code == 0
    header = out.splitlines()[0]
    for column in ("P", "R", "F1", "type", "subtype", "country", "place", "date", "actors", "d.low", "claimant"):
        assert column in header.split()
    assert any(line.startswith("nb ") for line in out.splitlines())


def test_python_api_extract() -> None:
    import eventcoder

    events = eventcoder.extract(
        "Minst 39 kurdiske soldater og 77 IS-krigere er drept i kamper i Hasakeh, ifølge SOHR.",
        published="2022-01",
        lang="nb",
    )
    assert len(events) == 1
    event = events[0]
    assert event.fatalities.low == 116
    assert {c.claimant for c in event.claims} == {"Syrian Observatory for Human Rights"}
    assert event.location is not None and event.location.country == "SY"


# Two invented reports of one battle, in Bokmål and English.
TWO_REPORTS = [
    {
        "id": "nb-1",
        "lang": "nb",
        "published": "2019-01-13",
        "outlet": "NTB",
        "text": "Tolv drept i Taliban-angrep i Kandahar\nTaliban angrep lørdag en kontrollpost i Kandahar-provinsen. "
        "Sju Taliban-krigere og fem soldater ble drept, ifølge en talsmann for guvernøren.",
    },
    {
        "id": "en-1",
        "lang": "en",
        "published": "2019-01-12",
        "outlet": "AP",
        "text": "Taliban attack checkpoint in Kandahar\nTaliban fighters attacked an army checkpoint in Kandahar "
        "province on Saturday, killing five soldiers, officials said. Seven attackers were also killed.",
    },
]


def test_ingest_fuses_reports_and_export_writes_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.duckdb")
    for i, record in enumerate(reversed(TWO_REPORTS)):  # one report per ingest: fusion is incremental
        path = tmp_path / f"r{i}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        assert _run(capsys, "ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run(capsys, "events", "--merged", "--db", db, "--format", "jsonl")
    (merged,) = [json.loads(line) for line in out.splitlines()]
    assert sorted(s["doc"] for s in merged["sources"]) == ["en-1", "nb-1"]
    assert merged["fatalities"]["low"] == 12
    assert {c["claimant"] for c in merged["claims"]} >= {"talsmann for guvernøren"}
    code, out, _ = _run(capsys, "merges", "--db", db)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["docs"] == ["en-1", "nb-1"] and record["rule"] == "linked reports"
    assert record["links"][0]["score"] >= 5 and {t["field"] for t in record["tolls"]} >= {"fatalities.low"}
    code, _, err = _run(capsys, "fuse", "--db", db, "--all")
    assert code == 0 and "into 1 merged events (1 with several sources)" in err
    for fmt in ("acled", "ucdp", "plover", "geojson", "parquet"):
        out_file = tmp_path / f"events.{fmt}"
        code, _, err = _run(capsys, "export", "--db", db, "--format", fmt, "-o", str(out_file))
        assert code == 0 and f"{fmt}: wrote 1 of 1 events" in err
        assert out_file.stat().st_size > 0 and (tmp_path / f"events.{fmt}.loss.json").exists()
    code, out, _ = _run(capsys, "export", "--db", db, "--format", "acled")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["fatalities"], r["source"]) for r in rows] == [("12", "AP; NTB")]
    assert _run(capsys, "export", "--db", db, "--format", "parquet")[0] == 2  # binary needs -o
    assert _run(capsys, "export", "--db", str(tmp_path / "none.duckdb"), "--format", "acled")[0] == 2


@pytest.mark.shared
def test_evaluate_reports_cluster_scores(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = str(shared_dir / "gold" / "dev" / "news")
    code, out, _ = _run(capsys, "evaluate", news)
    assert code == 0
    assert "fusion (pairwise over documents): P " in out
    code, out, _ = _run(capsys, "evaluate", news, "--json")
    clusters = json.loads(out)["clusters"]
    assert clusters["gold_pairs"] == 10
    assert clusters["recall"] >= 0.9 and clusters["precision"] >= 0.7
