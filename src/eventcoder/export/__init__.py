"""Exports of merged events: ACLED CSV, UCDP GED CSV, PLOVER JSON lines, GeoJSON and Parquet.

    report = export_events(events, fmt="acled", out=Path("events.csv"))   # also writes events.csv.loss.json
    print(report.render())                                                # what the format could not carry

Every export writes a per-field loss report (`LossReport`): ACLED has no per-party tolls (they go into notes in
words), UCDP GED has no non-violent events, and so on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventcoder.export.acled import ACLED_COLUMNS, acled_rows
from eventcoder.export.geojson import geojson_collection
from eventcoder.export.loss import LossReport
from eventcoder.export.plover import plover_records
from eventcoder.export.precision import (
    acled_geo_precision,
    acled_time_precision,
    ucdp_date_prec,
    ucdp_where_prec,
)
from eventcoder.export.table import TABLE_COLUMNS, table_rows
from eventcoder.export.ucdp import UCDP_COLUMNS, ucdp_rows
from eventcoder.model import Event

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "UCDP_COLUMNS",
    "ExportError",
    "LossReport",
    "acled_geo_precision",
    "acled_time_precision",
    "export_events",
    "loss_report_path",
    "render_export",
    "ucdp_date_prec",
    "ucdp_where_prec",
]

FORMATS = ("acled", "ucdp", "plover", "geojson", "parquet")


class ExportError(ValueError):
    """An export was asked for something it cannot do (an unknown format, Parquet to standard output)."""


def _csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


def render_export(events: Sequence[Event], *, fmt: str, timestamp: int | None = None) -> tuple[str, LossReport]:
    """The text of a text format (everything but Parquet) and its loss report."""
    loss = LossReport(format=fmt, events=len(events))
    if fmt == "acled":
        stamp = int(time.time()) if timestamp is None else timestamp
        return _csv(ACLED_COLUMNS, acled_rows(events, loss=loss, timestamp=stamp)), loss
    if fmt == "ucdp":
        return _csv(UCDP_COLUMNS, ucdp_rows(events, loss=loss)), loss
    if fmt == "plover":
        lines = [json.dumps(r, ensure_ascii=False) for r in plover_records(events, loss=loss)]
        return "".join(line + "\n" for line in lines), loss
    if fmt == "geojson":
        return json.dumps(geojson_collection(events, loss=loss), ensure_ascii=False, indent=1) + "\n", loss
    if fmt == "parquet":
        raise ExportError("Parquet is binary: give an output file (-o FILE)")
    raise ExportError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")


def loss_report_path(out: Path) -> Path:
    return out.with_name(out.name + ".loss.json")


def export_events(events: Sequence[Event], *, fmt: str, out: Path | None, timestamp: int | None = None) -> LossReport:
    """Write `events` in `fmt` to `out` (standard output when None) and, for a file, its loss report beside it
    (`<out>.loss.json`)."""
    if fmt == "parquet":
        if out is None:
            raise ExportError("Parquet is binary: give an output file (-o FILE)")
        from eventcoder.store.files import write_parquet

        loss = LossReport(format=fmt, events=len(events))
        write_parquet(out, columns=TABLE_COLUMNS, rows=table_rows(events, loss=loss))
    else:
        text, loss = render_export(events, fmt=fmt, timestamp=timestamp)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
    if out is not None:
        loss_report_path(out).write_text(json.dumps(loss.to_json(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return loss
