"""Tolls from claims, UCDP style: per-party figures, `low`/`high` the lowest and highest credible totals, `best`
the latest update or the per-party sum. Subgroup figures ("among them 12 children") never add to a total; vague
figures ("dozens") count only when nothing firmer is given; claims without a figure ("several were killed") never
count: they say that some died, not how many, and a toll is left unknown rather than guessed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.model import Claim, ClaimKind, Fatalities, Injured, Qualifier, Victims

__all__ = ["fatalities_from_claims", "injured_from_claims"]


_PARTIES = (Victims.ACTOR1, Victims.ACTOR2, Victims.CIVILIANS, Victims.UNKNOWN)


def _firm(claims: Sequence[Claim]) -> list[Claim]:
    """Drop subgroups, claims without a figure, and vague figures of a party (or of the total) for which a firm
    figure is given."""
    usable = [c for c in claims if not c.subgroup and c.figure]
    firm_groups = {c.victims for c in usable if c.qualifier is not Qualifier.VAGUE}
    return [c for c in usable if c.qualifier is not Qualifier.VAGUE or c.victims not in firm_groups]


def _low(c: Claim) -> int:
    """The figure of a claim that `_firm` kept."""
    if c.low is None:
        raise ValueError("a claim without a figure reached a toll")
    return c.low


def _high(c: Claim) -> int:
    return c.high if c.high is not None else _low(c)


@dataclass(frozen=True, slots=True)
class _Party:
    low: int  # the lowest figure given for the party
    reported: int  # the latest update, else the lowest figure
    high: int  # the highest figure given


@dataclass(frozen=True, slots=True)
class _Figure:
    low: int
    high: int
    updates: bool


def _figures(claims: Sequence[Claim]) -> list[_Figure]:
    """One figure per report. Figures that share their claim word are one coordinated report and add up: their
    evidence spans end together ("3 policemen, 2 guards and 1 soldier were killed") or start together ("killing 3
    soldiers and 2 policemen"). Claims with the same span are the same figure found twice."""
    spans: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        spans.setdefault((c.evidence.start, c.evidence.end), []).append(c)
    keys = sorted(spans)
    group = {k: k for k in keys}

    def root(k: tuple[int, int]) -> tuple[int, int]:
        while group[k] != k:
            k = group[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] == b[0] or a[1] == b[1]:
                group[root(b)] = root(a)
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in keys:
        members.setdefault(root(k), []).append(k)
    out: list[_Figure] = []
    for ks in members.values():
        if len(ks) == 1:
            out.extend(_Figure(low=_low(c), high=_high(c), updates=c.updates) for c in spans[ks[0]])
            continue
        parts = [min(spans[k], key=_low) for k in ks]
        out.append(
            _Figure(
                low=sum(_low(c) for c in parts),
                high=sum(_high(c) for c in parts),
                updates=any(c.updates for c in parts),
            )
        )
    return out


def _party(claims: Sequence[Claim], victims: Victims) -> _Party | None:
    mine = _figures([c for c in claims if c.victims is victims])
    if not mine:
        return None
    updates = [f.high for f in mine if f.updates]
    low = min(f.low for f in mine)
    return _Party(
        low=low,
        reported=max(updates) if updates else low,
        high=max(f.high for f in mine),
    )


def _other_sources(claims: Sequence[Claim]) -> bool:
    """Whether every figure is attributed and no source of a per-party figure gives a total."""
    if any(c.claimant is None for c in claims):
        return False
    parties = {c.claimant for c in claims if c.victims is not Victims.TOTAL}
    totals = {c.claimant for c in claims if c.victims is Victims.TOTAL}
    return bool(parties) and bool(totals) and not parties & totals


def _totals(claims: Sequence[Claim]) -> tuple[int | None, int | None, int | None, dict[Victims, int | None]]:
    found = {v: _party(claims, v) for v in _PARTIES}
    split = [p for p in found.values() if p is not None]
    parties = {v: (p.reported if p else None) for v, p in found.items()}
    reported = sum(p.reported for p in split)
    candidates: list[int] = []
    totals = [c for c in claims if c.victims is Victims.TOTAL]
    for c in totals:
        candidates.append(_low(c))
        if c.high is not None:
            candidates.append(c.high)
    # the per-party split is a total of its own unless it is smaller than every stated total (then it is partial);
    # a split that other sources give than the totals' is their own count of the event ("11 fighters were killed,
    # according to SOHR ... the authorities put the toll at 36")
    if split and (not candidates or reported >= min(candidates) or _other_sources(claims)):
        candidates.extend((sum(p.low for p in split), reported, sum(p.high for p in split)))
    if not candidates:
        return None, None, None, parties
    updates = [c for c in totals if c.updates]
    if updates:
        best = max(_high(u) for u in updates)
    elif split and reported in candidates:
        best = reported
    else:
        best = max(_low(c) for c in totals)
    low = min(candidates)
    best = min(max(best, low), max(candidates))
    return low, best, max(candidates), parties


def fatalities_from_claims(claims: Sequence[Claim]) -> Fatalities:
    killed = _firm([c for c in claims if c.kind is ClaimKind.KILLED])
    if not killed:
        return Fatalities()
    low, best, high, parties = _totals(killed)
    return Fatalities(
        low=low,
        best=best,
        high=high,
        actor1=parties[Victims.ACTOR1],
        actor2=parties[Victims.ACTOR2],
        civilians=parties[Victims.CIVILIANS],
        unknown=parties[Victims.UNKNOWN],
    )


def injured_from_claims(claims: Sequence[Claim]) -> Injured:
    hurt = _firm([c for c in claims if c.kind is ClaimKind.INJURED])
    if not hurt:
        return Injured()
    low, best, high, _ = _totals(hurt)
    return Injured(low=low, best=best, high=high)
