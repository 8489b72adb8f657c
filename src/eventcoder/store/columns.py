"""The flat columns an event has in both event tables (`events`, `merged_events`): what filters and lists read."""

from __future__ import annotations

from typing import Any

from eventcoder.model import Event

__all__ = ["FLAT_COLUMNS", "flat_values"]

# in the order of `flat_values`
FLAT_COLUMNS = (
    "event_type, sub_event_type, date_start, date_end, date_precision, country, admin1, location_name, lat, lon, "
    "geo_precision, actor1, actor1_type, actor2, actor2_type, fatalities_low, fatalities_best, fatalities_high, "
    "injured_low, background, confidence"
)


def flat_values(event: Event) -> list[Any]:
    """The values of FLAT_COLUMNS for `event` (None where the event has no date, place or actor)."""
    date, place, a1, a2 = event.date, event.location, event.actor1, event.actor2
    return [
        event.event_type.value,
        event.sub_event_type,
        date.start if date else None,
        date.end if date else None,
        date.precision.value if date else None,
        place.country if place else None,
        place.admin1 if place else None,
        place.name if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.precision.value if place else None,
        a1.name if a1 else None,
        a1.type.value if a1 else None,
        a2.name if a2 else None,
        a2.type.value if a2 else None,
        event.fatalities.low,
        event.fatalities.best,
        event.fatalities.high,
        event.injured.low,
        event.background,
        event.confidence,
    ]
