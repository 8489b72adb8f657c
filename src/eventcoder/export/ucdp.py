"""UCDP GED CSV: one row per merged event of organised violence with at least one death.

`type_of_violence`: 3 (one-sided) when the victims are civilians, 1 (state-based) when a state's forces fight,
2 (non-state) otherwise.  `side_a` is the state side when there is one.  Deaths per side follow the sides;
`deaths_unknown` takes what the parties do not account for, so the four add up to `best` where they can.
`source_original` lists the claimants of the figures.  UCDP's conflict, dyad and actor ids, Gleditsch-Ward
country codes and PRIO grid cells are not known here: empty, and listed in the loss report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventcoder.export.common import claimants, source_names
from eventcoder.export.countries import country
from eventcoder.export.loss import LossReport
from eventcoder.export.precision import ucdp_date_prec, ucdp_where_prec
from eventcoder.model import ActorType, Event, EventType

__all__ = ["UCDP_COLUMNS", "ucdp_rows"]

UCDP_COLUMNS = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a",
    "side_b_dset_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)

_VIOLENT = (EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS)
_STATE = (ActorType.STATE_FORCES, ActorType.EXTERNAL_FORCES)


def _type_of_violence(event: Event) -> int:
    a1, a2 = event.actor1, event.actor2
    if event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS or (a2 is not None and a2.type is ActorType.CIVILIANS):
        return 3
    if any(a is not None and a.type in _STATE for a in (a1, a2)):
        return 1
    return 2


def ucdp_rows(events: Sequence[Event], *, loss: LossReport) -> list[dict[str, Any]]:
    rows = []
    for event in events:
        if event.event_type not in _VIOLENT:
            loss.note("(event)", f"{event.event_type.value}: not organised violence, not in UCDP GED")
            continue
        f = event.fatalities
        if not f.best:
            loss.note("(event)", "no deaths reported: UCDP GED records deadly events only")
            continue
        place, date = event.location, event.date
        info = country(place.country if place else None)
        side_a, side_b, deaths_a, deaths_b = event.actor1, event.actor2, f.actor1, f.actor2
        if side_b is not None and side_b.type in _STATE and (side_a is None or side_a.type not in _STATE):
            side_a, side_b, deaths_a, deaths_b = side_b, side_a, deaths_b, deaths_a
        known = sum(v for v in (deaths_a, deaths_b, f.civilians) if v is not None)
        unknown = max(f.unknown or 0, f.best - known)
        where, when = (
            ucdp_where_prec(place.precision if place else None),
            ucdp_date_prec(date.precision if date else None),
        )
        clear = where is not None and when is not None and where <= 2 and when <= 2
        if side_a is None:
            loss.note("side_a", "no perpetrator named: empty")
        rows.append(
            {
                "id": event.id,
                "relid": event.id,
                "year": date.start.year if date else None,
                "active_year": None,
                "code_status": "Clear" if clear else "Check",
                "type_of_violence": _type_of_violence(event),
                "conflict_dset_id": None,
                "conflict_name": None,
                "dyad_dset_id": None,
                "dyad_name": " - ".join(a.name for a in (side_a, side_b) if a is not None) or None,
                "side_a_dset_id": None,
                "side_a": side_a.name if side_a else None,
                "side_b_dset_id": None,
                "side_b": side_b.name if side_b else None,
                "number_of_sources": len({s.doc for s in event.sources}),
                "source_article": "; ".join(s.url or s.doc for s in event.sources),
                "source_office": "; ".join(source_names(event)),
                "source_date": "; ".join(s.published or "" for s in event.sources),
                "source_headline": None,
                "source_original": "; ".join(claimants(event)) or None,
                "where_prec": where,
                "where_coordinates": place.name if place else None,
                "where_description": place.text if place else None,
                "adm_1": place.admin1 if place else None,
                "adm_2": place.admin2 if place else None,
                "latitude": place.lat if place else None,
                "longitude": place.lon if place else None,
                "geom_wkt": f"POINT ({place.lon} {place.lat})" if place and place.lat is not None else None,
                "priogrid_gid": None,
                "country": info.name if info else None,
                "country_id": None,
                "region": info.continent if info else None,
                "event_clarity": 1 if clear else 2,
                "date_prec": when,
                "date_start": date.start.isoformat() if date else None,
                "date_end": date.end.isoformat() if date else None,
                "deaths_a": deaths_a or 0,
                "deaths_b": deaths_b or 0,
                "deaths_civilians": f.civilians or 0,
                "deaths_unknown": unknown,
                "best": f.best,
                "high": f.high if f.high is not None else f.best,
                "low": f.low if f.low is not None else f.best,
                "gwnoa": None,
                "gwnob": None,
            }
        )
    n = len(rows)
    if n:
        loss.note(
            "conflict_dset_id, conflict_name, dyad_dset_id, side_a_dset_id, side_b_dset_id, priogrid_gid, "
            "country_id, gwnoa, gwnob, active_year, source_headline",
            "UCDP's own ids and codes: not known, left empty",
            n,
        )
        loss.note("region", "the continent, not UCDP's region names", n)
        loss.note("claims, evidence spans, injured", "not carried", n)
    loss.written += n
    return rows
