"""Exports: precision tables, columns, what goes into notes, loss reports, and files that load back."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import jsonschema
import pytest

from eventcoder.export import (
    ACLED_COLUMNS,
    FORMATS,
    UCDP_COLUMNS,
    ExportError,
    acled_geo_precision,
    acled_time_precision,
    export_events,
    loss_report_path,
    render_export,
    ucdp_date_prec,
    ucdp_where_prec,
)
from eventcoder.fusion import fuse
from eventcoder.model import DatePrecision, Event, EventType, PlacePrecision
from tests.fusion_helpers import report

P = PlacePrecision


@pytest.mark.parametrize(
    ("precision", "acled", "ucdp"),
    [
        (P.SITE, 1, 1),
        (P.TOWN, 1, 1),
        (P.NEAR_TOWN, 2, 2),
        (P.ADMIN2, 2, 3),
        (P.ADMIN1, 3, 4),
        (P.REGION, 3, 5),
        (P.COUNTRY, 3, 6),
        (P.WATER, 3, 7),
        (None, None, None),
    ],
)
def test_place_precision_codes(precision: PlacePrecision | None, acled: int | None, ucdp: int | None) -> None:
    assert acled_geo_precision(precision) == acled
    assert ucdp_where_prec(precision) == ucdp


def test_date_precision_codes() -> None:
    D = DatePrecision
    assert [acled_time_precision(d) for d in D] == [1, 2, 2, 3, 3]
    assert [ucdp_date_prec(d) for d in D] == [1, 2, 3, 4, 5]


def merged_events() -> list[Event]:
    reports = [
        report("ntb", killed=((7, "politiet"),), lang="nb", actors=("IS", "army")),
        report("reuters", place="Baghdad", killed=((30, "health ministry"),), actors=("IS", "army")),
        report("bbc", place="Mosul", sub="Peaceful protest", event_type=EventType.PROTESTS, actors=(None, None)),
    ]
    events = [e for _, e in reports]
    strike = events[0]
    # a per-party split in one report: ACLED cannot carry it
    events[0] = replace(strike, fatalities=replace(strike.fatalities, actor1=2, actor2=5))
    return [f.event for f in fuse(events)]


def test_acled_csv_has_its_31_columns_and_tolls_in_words(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export_events(merged_events(), fmt="acled", out=out, timestamp=1700000000)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    strike = next(r for r in rows if r["event_type"] == "Explosions/Remote violence")
    assert strike["fatalities"] == "7"  # ACLED's figure is the low
    assert "Deaths by party: 2 Islamic State, 5 Military Forces of Iraq." in strike["notes"]
    assert "Deaths low 7, best 7, high 30." in strike["notes"]
    assert "7 killed (politiet)" in strike["notes"] and "30 killed (health ministry)" in strike["notes"]
    assert strike["source"] == "Outlet ntb; Outlet reuters"
    assert (strike["iso"], strike["country"], strike["event_id_cnty"][:3]) == ("368", "Iraq", "IRQ")
    assert (strike["geo_precision"], strike["time_precision"], strike["interaction"]) == ("1", "1", "12")
    assert strike["timestamp"] == "1700000000"
    table = duckdb.sql(f"SELECT * FROM read_csv('{out}', header = true)")
    assert tuple(table.columns) == ACLED_COLUMNS and len(table.fetchall()) == 2
    report_json = json.loads(loss_report_path(out).read_text(encoding="utf-8"))
    losses = {(e["field"], e["what"]): e["events"] for e in report_json["losses"]}
    assert losses[("fatalities", "per-party deaths, best and high estimates written into notes")] == 1
    assert losses[("fatalities", "no deaths reported: written as 0")] == 1
    assert report_json["written"] == 2


def test_ucdp_csv_keeps_deadly_organised_violence_with_claimants(tmp_path: Path) -> None:
    text, loss = render_export(merged_events(), fmt="ucdp")
    rows = list(csv.DictReader(text.splitlines()))
    assert tuple(rows[0]) == UCDP_COLUMNS
    (row,) = rows  # the protest is not organised violence
    assert (row["low"], row["best"], row["high"]) == ("7", "7", "30")
    assert (row["deaths_a"], row["deaths_b"], row["deaths_unknown"]) == ("5", "2", "0")  # the state is side A
    assert (row["side_a"], row["side_b"], row["type_of_violence"]) == ("Military Forces of Iraq", "Islamic State", "1")
    assert row["source_original"] == "health ministry; politiet"
    assert (row["number_of_sources"], row["where_prec"], row["date_prec"]) == ("2", "1", "1")
    assert any("not organised violence" in e["what"] for e in loss.entries())


def test_geojson_validates_and_has_one_feature_per_event(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    export_events(merged_events(), fmt="geojson", out=out)
    collection = json.loads(out.read_text(encoding="utf-8"))
    coordinates = {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}}
    point = {
        "type": "object",
        "required": ["type", "coordinates"],
        "properties": {"type": {"const": "Point"}, "coordinates": coordinates},
    }
    schema = {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "geometry", "properties"],
                    "properties": {
                        "type": {"const": "Feature"},
                        "geometry": {"oneOf": [{"type": "null"}, point]},
                        "properties": {"type": "object"},
                    },
                },
            },
        },
    }
    jsonschema.validate(collection, schema)
    assert len(collection["features"]) == 2
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_plover_lines_carry_category_mode_and_claims() -> None:
    text, _ = render_export(merged_events(), fmt="plover")
    records = [json.loads(line) for line in text.splitlines()]
    strike = next(r for r in records if r["event_type"] == "ASSAULT")
    assert strike["mode"] == "explosives"
    assert {c["claimant"] for c in strike["claims"]} == {"politiet", "health ministry"}
    assert next(r for r in records if r["event_type"] == "PROTEST")["mode"] == "demonstrate"


def test_parquet_loads_back(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export_events(merged_events(), fmt="parquet", out=out)
    rows = duckdb.sql(
        f"SELECT sub_event_type, fatalities_low, fatalities_high, number_of_sources, record FROM '{out}' ORDER BY 1"
    ).fetchall()
    assert [r[:4] for r in rows] == [("Peaceful protest", None, None, 1), ("Suicide bomb", 7, 30, 2)]
    assert json.loads(rows[1][4])["fatalities"]["actor2"] == 5
    with pytest.raises(ExportError, match="Parquet is binary"):
        export_events([], fmt="parquet", out=None)


def test_every_format_is_known() -> None:
    assert FORMATS == ("acled", "ucdp", "plover", "geojson", "parquet")
    with pytest.raises(ExportError, match="unknown export format"):
        render_export([], fmt="gdelt")


def test_claims_without_figure_are_exported_but_never_counted(tmp_path: Path) -> None:
    """ "Several people were killed, said police": every format carries the event; no format counts the claim."""
    reports = [
        report("ap", killed=((None, "police"),), actors=("IS", "army")),
        report("afp", place="Mosul", killed=((None, "residents"), (4, "residents")), actors=("IS", "army")),
    ]
    events = [f.event for f in fuse([e for _, e in reports])]
    assert sorted(e.fatalities.low or 0 for e in events) == [0, 4]
    acled = list(csv.DictReader(render_export(events, fmt="acled")[0].splitlines()))
    assert sorted(r["fatalities"] for r in acled) == ["0", "4"]
    assert any("some killed (police)" in r["notes"] for r in acled)
    ucdp = list(csv.DictReader(render_export(events, fmt="ucdp")[0].splitlines()))
    assert sorted((r["low"], r["best"], r["high"]) for r in ucdp) == [("4", "4", "4")]
    plover = [json.loads(line) for line in render_export(events, fmt="plover")[0].splitlines()]
    lows = sorted((c["low"] is None, c["claimant"]) for r in plover for c in r["claims"])
    assert lows == [(False, "residents"), (True, "police"), (True, "residents")]
    geo = json.loads(render_export(events, fmt="geojson")[0])
    assert sorted(f["properties"]["fatalities"]["low"] or 0 for f in geo["features"]) == [0, 4]
    assert sum(c["low"] is None for f in geo["features"] for c in f["properties"]["claims"]) == 2
    out = tmp_path / "events.parquet"
    export_events(events, fmt="parquet", out=out)
    rows = duckdb.sql(f"SELECT fatalities_low, record FROM '{out}' ORDER BY 1 NULLS FIRST").fetchall()
    assert [r[0] for r in rows] == [None, 4]
    assert json.loads(rows[0][1])["claims"][0]["low"] is None
