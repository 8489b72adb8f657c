"""The flat table of merged events (Parquet): one row per event, typed columns, and the full record as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventcoder.export.common import claimants, source_names
from eventcoder.export.loss import LossReport
from eventcoder.export.precision import acled_geo_precision, ucdp_where_prec
from eventcoder.model import Event

__all__ = ["TABLE_COLUMNS", "table_rows"]

TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "TEXT"),
    ("event_type", "TEXT"),
    ("sub_event_type", "TEXT"),
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("date_precision", "TEXT"),
    ("country", "TEXT"),
    ("admin1", "TEXT"),
    ("admin2", "TEXT"),
    ("location", "TEXT"),
    ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"),
    ("place_precision", "TEXT"),
    ("geo_precision", "INTEGER"),
    ("where_prec", "INTEGER"),
    ("actor1", "TEXT"),
    ("actor1_type", "TEXT"),
    ("actor2", "TEXT"),
    ("actor2_type", "TEXT"),
    ("fatalities_low", "INTEGER"),
    ("fatalities_best", "INTEGER"),
    ("fatalities_high", "INTEGER"),
    ("deaths_actor1", "INTEGER"),
    ("deaths_actor2", "INTEGER"),
    ("deaths_civilians", "INTEGER"),
    ("deaths_unknown", "INTEGER"),
    ("injured_low", "INTEGER"),
    ("injured_best", "INTEGER"),
    ("injured_high", "INTEGER"),
    ("number_of_sources", "INTEGER"),
    ("sources", "TEXT"),
    ("claimants", "TEXT"),
    ("background", "BOOLEAN"),
    ("confidence", "DOUBLE"),
    ("record", "JSON"),
)


def table_rows(events: Sequence[Event], *, loss: LossReport) -> list[list[Any]]:
    rows = []
    for e in events:
        p, d, f, i = e.location, e.date, e.fatalities, e.injured
        rows.append(
            [
                e.id,
                e.event_type.value,
                e.sub_event_type,
                d.start if d else None,
                d.end if d else None,
                d.precision.value if d else None,
                p.country if p else None,
                p.admin1 if p else None,
                p.admin2 if p else None,
                p.name if p else None,
                p.lat if p else None,
                p.lon if p else None,
                p.precision.value if p else None,
                acled_geo_precision(p.precision if p else None),
                ucdp_where_prec(p.precision if p else None),
                e.actor1.name if e.actor1 else None,
                e.actor1.type.value if e.actor1 else None,
                e.actor2.name if e.actor2 else None,
                e.actor2.type.value if e.actor2 else None,
                f.low,
                f.best,
                f.high,
                f.actor1,
                f.actor2,
                f.civilians,
                f.unknown,
                i.low,
                i.best,
                i.high,
                len({s.doc for s in e.sources}),
                "; ".join(source_names(e)),
                "; ".join(claimants(e)),
                e.background,
                e.confidence,
                json.dumps(e.to_json(), ensure_ascii=False),
            ]
        )
    loss.written += len(rows)
    return rows
