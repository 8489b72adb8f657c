"""ACLED CSV: the 31 columns of ACLED's export, one row per merged event.

ACLED keeps one fatality figure (`fatalities` = our `low`, its most conservative reading); per-party deaths,
best and high estimates and the claimants go into `notes` in words.  Columns ACLED fills by hand
(associated actors, admin3, source scale, tags) stay empty and are listed in the loss report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventcoder.export.common import deaths_in_words, source_names, summary
from eventcoder.export.countries import country
from eventcoder.export.loss import LossReport
from eventcoder.export.precision import acled_geo_precision, acled_time_precision
from eventcoder.model import Event, EventType

__all__ = ["ACLED_COLUMNS", "acled_rows"]

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _disorder(event: Event) -> str:
    if event.event_type is EventType.PROTESTS:
        return "Political violence; Demonstrations" if "force" in event.sub_event_type else "Demonstrations"
    if event.event_type is EventType.RIOTS:
        return "Demonstrations" if event.sub_event_type == "Violent demonstration" else "Political violence"
    if event.event_type is EventType.STRATEGIC:
        return "Strategic developments"
    return "Political violence"


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_rows(events: Sequence[Event], *, loss: LossReport, timestamp: int) -> list[dict[str, Any]]:
    rows = []
    for event in events:
        place, date = event.location, event.date
        info = country(place.country if place else None)
        inter1 = event.actor1.type.inter_code if event.actor1 else None
        inter2 = event.actor2.type.inter_code if event.actor2 else None
        if deaths_in_words(event):
            loss.note("fatalities", "per-party deaths, best and high estimates written into notes")
        if event.fatalities.low is None:
            loss.note("fatalities", "no deaths reported: written as 0")
        if place is None:
            loss.note("location", "no place: location, coordinates and geo_precision empty")
        elif info is None:
            loss.note("country", "country code unknown to the country table: iso, region, country empty")
        if date is None:
            loss.note("event_date", "no date: event_date, year and time_precision empty")
        if len(event.sources) > 1:
            loss.note("source", "several reports: outlets joined with '; ', their claims listed in notes")
        rows.append(
            {
                "event_id_cnty": f"{info.iso3 if info else 'XXX'}{event.id.split('-', 1)[-1].upper()}",
                "event_date": date.start.isoformat() if date else None,
                "year": date.start.year if date else None,
                "time_precision": acled_time_precision(date.precision if date else None),
                "disorder_type": _disorder(event),
                "event_type": event.event_type.value,
                "sub_event_type": event.sub_event_type,
                "actor1": event.actor1.name if event.actor1 else None,
                "assoc_actor_1": None,
                "inter1": inter1,
                "actor2": event.actor2.name if event.actor2 else None,
                "assoc_actor_2": None,
                "inter2": inter2,
                "interaction": _interaction(inter1, inter2),
                "civilian_targeting": "Civilian targeting" if inter2 == 7 else None,
                "iso": info.numeric if info else None,
                "region": info.continent if info else None,
                "country": info.name if info else None,
                "admin1": place.admin1 if place else None,
                "admin2": place.admin2 if place else None,
                "admin3": None,
                "location": place.name if place else None,
                "latitude": place.lat if place else None,
                "longitude": place.lon if place else None,
                "geo_precision": acled_geo_precision(place.precision if place else None),
                "source": "; ".join(source_names(event)),
                "source_scale": None,
                "notes": summary(event),
                "fatalities": event.fatalities.low if event.fatalities.low is not None else 0,
                "tags": None,
                "timestamp": timestamp,
            }
        )
    n = len(rows)
    if n:
        loss.note("assoc_actor_1, assoc_actor_2, admin3, source_scale, tags", "not extracted: left empty", n)
        loss.note("region", "the continent, not ACLED's own region names", n)
        loss.note("claims, evidence spans", "not carried (claimants are named in notes)", n)
    loss.written += n
    return rows
