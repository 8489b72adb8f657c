"""PLOVER JSON lines: one event per line, with PLOVER's event category and mode for each ACLED sub-type.

The ACLED type, the tolls, the claims with their claimants and the evidence spans ride along in fields of
their own (PLOVER allows extra fields); only sub-types without a PLOVER mode lose precision (loss report).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventcoder.export.common import source_names
from eventcoder.export.loss import LossReport
from eventcoder.model import Event

__all__ = ["PLOVER_TYPES", "plover_records"]

PLOVER_TYPES: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", "firearms"),
    "Non-state actor overtakes territory": ("ASSAULT", "firearms"),
    "Chemical weapon": ("ASSAULT", "CBRN"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "explosives"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosives"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demonstrate"),
    "Protest with intervention": ("PROTEST", "demonstrate"),
    "Excessive force against protesters": ("ASSAULT", "beat"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", None),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("RETREAT", None),
    "Other": ("COERCE", None),
}


def plover_records(events: Sequence[Event], *, loss: LossReport) -> list[dict[str, Any]]:
    out = []
    for event in events:
        category, mode = PLOVER_TYPES[event.sub_event_type]
        if mode is None:
            loss.note("mode", f"{event.sub_event_type}: no PLOVER mode, left empty")
        place, date = event.location, event.date
        out.append(
            {
                "id": event.id,
                "date": date.start.isoformat() if date else None,
                "date_end": date.end.isoformat() if date else None,
                "event_type": category,
                "mode": mode,
                "context": [],
                "actor": event.actor1.name if event.actor1 else None,
                "actor_type": event.actor1.type.value if event.actor1 else None,
                "actor_country": event.actor1.country if event.actor1 else None,
                "recipient": event.actor2.name if event.actor2 else None,
                "recipient_type": event.actor2.type.value if event.actor2 else None,
                "recipient_country": event.actor2.country if event.actor2 else None,
                "location": place.to_json() if place else None,
                "fatalities": event.fatalities.to_json(),
                "injured": event.injured.to_json(),
                "claims": [c.to_json() for c in event.claims],
                "evidence": [s.to_json() for s in event.evidence],
                "sources": [s.to_json() for s in event.sources],
                "source_names": source_names(event),
                "acled": {"event_type": event.event_type.value, "sub_event_type": event.sub_event_type},
                "background": event.background,
                "confidence": event.confidence,
            }
        )
    loss.written += len(out)
    return out
