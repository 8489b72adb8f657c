"""GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event.

An event without coordinates gets a null geometry (allowed by the RFC, counted in the loss report).  Claims and
evidence are carried in full in the properties; nested values stay nested.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventcoder.export.common import claimants, source_names
from eventcoder.export.loss import LossReport
from eventcoder.export.precision import acled_geo_precision, ucdp_where_prec
from eventcoder.model import Event

__all__ = ["geojson_collection"]


def geojson_collection(events: Sequence[Event], *, loss: LossReport) -> dict[str, Any]:
    features = []
    for event in events:
        place = event.location
        geometry: dict[str, Any] | None = None
        if place is not None and place.lat is not None and place.lon is not None:
            geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
        else:
            loss.note("geometry", "no coordinates: null geometry")
        record = event.to_json()
        properties = {
            "event_type": event.event_type.value,
            "sub_event_type": event.sub_event_type,
            "date_start": event.date.start.isoformat() if event.date else None,
            "date_end": event.date.end.isoformat() if event.date else None,
            "location": place.name if place else None,
            "country": place.country if place else None,
            "place_precision": place.precision.value if place else None,
            "acled_geo_precision": acled_geo_precision(place.precision if place else None),
            "ucdp_where_prec": ucdp_where_prec(place.precision if place else None),
            "actor1": event.actor1.name if event.actor1 else None,
            "actor2": event.actor2.name if event.actor2 else None,
            "fatalities": record["fatalities"],
            "claims": record["claims"],
            "claimants": claimants(event),
            "sources": record["sources"],
            "source_names": source_names(event),
            "evidence": record["evidence"],
            "background": event.background,
        }
        features.append({"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties})
    loss.written += len(features)
    return {"type": "FeatureCollection", "features": features}
