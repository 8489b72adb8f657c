"""Plain renderings of events for the terminal and for files: a table, JSON lines, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from eventcoder.model import Event

__all__ = ["CSV_COLUMNS", "events_csv", "events_jsonl", "events_table"]

CSV_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_type",
    "actor2",
    "actor2_type",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injured_low",
    "claimants",
    "background",
    "confidence",
    "sources",
    "evidence",
)


def _row(e: Event) -> dict[str, object]:
    loc = e.location
    return {
        "id": e.id,
        "date_start": e.date.start.isoformat() if e.date else "",
        "date_end": e.date.end.isoformat() if e.date else "",
        "date_precision": e.date.precision.value if e.date else "",
        "event_type": e.event_type.value,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "actor1_type": e.actor1.type.value if e.actor1 else "",
        "actor2": e.actor2.name if e.actor2 else "",
        "actor2_type": e.actor2.type.value if e.actor2 else "",
        "country": loc.country if loc and loc.country else "",
        "admin1": loc.admin1 if loc and loc.admin1 else "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": loc.precision.value if loc else "",
        "fatalities_low": "" if e.fatalities.low is None else e.fatalities.low,
        "fatalities_best": "" if e.fatalities.best is None else e.fatalities.best,
        "fatalities_high": "" if e.fatalities.high is None else e.fatalities.high,
        "injured_low": "" if e.injured.low is None else e.injured.low,
        "claimants": "; ".join(sorted({c.claimant for c in e.claims if c.claimant})),
        "background": str(e.background).lower(),
        "confidence": e.confidence,
        "sources": "; ".join(s.doc for s in e.sources),
        "evidence": " … ".join(s.text for s in e.evidence)[:500],
    }


def events_csv(events: Sequence[Event]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        writer.writerow(_row(e))
    return buf.getvalue()


def events_jsonl(events: Sequence[Event]) -> str:
    return "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in events)


def _fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def events_table(events: Sequence[Event]) -> str:
    """A fixed-width table: date, type, actors, place, deaths (low/high), claimants, source."""
    headers = ("date", "type / sub-type", "actor 1", "actor 2", "place", "deaths", "claimed by", "source")
    widths = (23, 44, 28, 28, 26, 9, 30, 28)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for e in events:
        r = _row(e)
        date = r["date_start"] if r["date_start"] == r["date_end"] else f"{r['date_start']}..{r['date_end']}"
        deaths = "" if e.fatalities.low is None else str(e.fatalities.low)
        if e.fatalities.high is not None and e.fatalities.high != e.fatalities.low:
            deaths += f"-{e.fatalities.high}"
        place = f"{r['location']} ({r['country']})" if r["location"] else ""
        kind = f"{e.event_type.value} / {e.sub_event_type}" + (" [background]" if e.background else "")
        cells = (
            str(date),
            kind,
            str(r["actor1"]),
            str(r["actor2"]),
            place,
            deaths,
            str(r["claimants"]),
            str(r["sources"]),
        )
        lines.append("  ".join(_fit(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
