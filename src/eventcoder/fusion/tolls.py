"""Reconciled tolls of a merged event, UCDP style, from the tolls of its reports.

Each report (a per-document event) already carries a toll computed from its own claims (`stages/tolls.py`).
Across reports:
- a report is *superseded* when another report gives a figure at least as high and was published strictly
  later (its publication window starts after this one's ends), or on the same days with a claim that the toll
  rose ("rose to 30" supersedes an earlier 14; "7 dead" in the morning, 116 in the evening).  The others are
  *current*;
- `best` is the middle figure of the current reports (the lower middle when their number is even): when
  concurrent sources disagree (a ministry and a monitor), neither extreme sets the best estimate;
- `low` is the most conservative current figure and `high` the highest figure any report gives;
- per-party figures (actor1, actor2, civilians, unknown) follow `best`'s rule over the reports that split them,
  after aligning each report's actor order with the merged event's.
ACLED's single fatality figure is `low`.  Every chosen figure records the report it came from and the claimants
whose claims state it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.fusion.similarity import report_doc
from eventcoder.model import Claim, ClaimKind, Event, Fatalities, Injured, ModelError, parse_partial_date

__all__ = ["TollChoice", "reconcile_fatalities", "reconcile_injured"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TollChoice:
    """How one figure of the merged toll was chosen."""

    field: str  # "fatalities.best", "fatalities.civilians", "injured.low", ...
    value: int
    event: str  # the report (per-document event) that gave it
    doc: str
    rule: str  # "median of current reports", "lowest current report", "highest report"
    claimants: tuple[str, ...]  # who stated the figure in that report (empty when unattributed)

    def to_json(self) -> dict[str, object]:
        return {
            "field": self.field,
            "value": self.value,
            "event": self.event,
            "doc": self.doc,
            "rule": self.rule,
            "claimants": list(self.claimants),
        }


def _published(event: Event) -> tuple[dt.date, dt.date] | None:
    for source in event.sources:
        if source.published:
            try:
                start, end, _ = parse_partial_date(source.published)
            except ModelError:
                return None
            return start, end
    return None


def _updates(event: Event) -> bool:
    return any(c.updates for c in event.claims if c.kind is ClaimKind.KILLED)


def _supersedes(other: tuple[Event, int], mine: tuple[Event, int]) -> bool:
    """`other` gives a figure at least as high, and was published strictly later or reports a rise that `mine`
    does not."""
    (event, figure), (other_event, other_figure) = mine, other
    if other_event is event or other_figure < figure:
        return False
    theirs, ours = _published(other_event), _published(event)
    if theirs is not None and ours is not None and theirs[0] > ours[1]:
        return True
    later_or_same = theirs is None or ours is None or theirs[1] >= ours[0]
    return later_or_same and other_figure > figure and _updates(other_event) and not _updates(event)


def _current(reports: Sequence[tuple[Event, int]]) -> list[tuple[Event, int]]:
    """Reports that no other report supersedes."""
    return [r for r in reports if not any(_supersedes(o, r) for o in reports)]


def _claimants(event: Event, kind: ClaimKind, value: int) -> tuple[str, ...]:
    def states(c: Claim) -> bool:
        return c.kind is kind and value in (c.low, c.high)

    return tuple(sorted({c.claimant for c in event.claims if states(c) and c.claimant}))


def _median(reports: Sequence[tuple[Event, int]]) -> tuple[Event, int]:
    ordered = sorted(reports, key=lambda r: (r[1], r[0].id))
    return ordered[(len(ordered) - 1) // 2]


def _choose(
    reports: Sequence[tuple[Event, int]], *, field: str, kind: ClaimKind, how: str
) -> tuple[int | None, TollChoice | None]:
    if not reports:
        return None, None
    current = _current(reports)
    if how == "median":
        event, value = _median(current)
        rule = "median of current reports"
    elif how == "low":
        event, value = min(current, key=lambda r: (r[1], r[0].id))
        rule = "lowest current report"
    else:
        event, value = max(reports, key=lambda r: (r[1], _neg(r[0].id)))
        rule = "highest report"
    choice = TollChoice(
        field=field,
        value=value,
        event=event.id,
        doc=report_doc(event),
        rule=rule,
        claimants=_claimants(event, kind, value),
    )
    return value, choice


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def _party(member: Event, merged: Event, party: str) -> int | None:
    """The member's figure for the merged event's `party`, aligning swapped actor orders."""
    f = member.fatalities
    if party in ("civilians", "unknown"):
        value: int | None = getattr(f, party)
        return value
    target = merged.actor1 if party == "actor1" else merged.actor2
    if target is None:
        return None
    for slot, actor in (("actor1", member.actor1), ("actor2", member.actor2)):
        if actor is not None and actor.name == target.name:
            slot_value: int | None = getattr(f, slot)
            return slot_value
    return None


def reconcile_fatalities(members: Sequence[Event], *, merged: Event) -> tuple[Fatalities, tuple[TollChoice, ...]]:
    """The merged toll of `members` (whose actor order is `merged`'s) and how each figure was chosen."""
    kind = ClaimKind.KILLED
    lows = [(m, m.fatalities.low) for m in members if m.fatalities.low is not None]
    bests = [(m, m.fatalities.best) for m in members if m.fatalities.best is not None]
    highs = [(m, m.fatalities.high) for m in members if m.fatalities.high is not None]
    choices: list[TollChoice] = []
    values: dict[str, int | None] = {}
    for field, reports, how in (("low", lows, "low"), ("best", bests, "median"), ("high", highs, "high")):
        value, choice = _choose(
            [(m, v) for m, v in reports if v is not None], field=f"fatalities.{field}", kind=kind, how=how
        )
        values[field] = value
        if choice is not None:
            choices.append(choice)
    for party in ("actor1", "actor2", "civilians", "unknown"):
        reports = [(m, v) for m in members if (v := _party(m, merged, party)) is not None]
        value, choice = _choose(reports, field=f"fatalities.{party}", kind=kind, how="median")
        values[party] = value
        if choice is not None:
            choices.append(choice)
    low, high = values["low"], values["high"]
    best = _within(values["best"], low=low, high=high)
    fatalities = Fatalities(
        low=low,
        best=best,
        high=high,
        actor1=values["actor1"],
        actor2=values["actor2"],
        civilians=values["civilians"],
        unknown=values["unknown"],
    )
    return fatalities, tuple(choices)


def _within(best: int | None, *, low: int | None, high: int | None) -> int | None:
    """`best` held between `low` and `high` (the median of the surviving reports can fall outside them)."""
    if best is not None and low is not None:
        best = max(best, low)
    if best is not None and high is not None:
        best = min(best, high)
    return best


def reconcile_injured(members: Sequence[Event]) -> tuple[Injured, tuple[TollChoice, ...]]:
    kind = ClaimKind.INJURED
    choices: list[TollChoice] = []
    values: dict[str, int | None] = {}
    for field, how in (("low", "low"), ("best", "median"), ("high", "high")):
        reports = [(m, v) for m in members if (v := getattr(m.injured, field)) is not None]
        value, choice = _choose(reports, field=f"injured.{field}", kind=kind, how=how)
        values[field] = value
        if choice is not None:
            choices.append(choice)
    low, high = values["low"], values["high"]
    best = _within(values["best"], low=low, high=high)
    return Injured(low=low, best=best, high=high), tuple(choices)
