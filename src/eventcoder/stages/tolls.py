"""Tolls from claims, UCDP style: per-party figures, `low`/`high` the lowest and highest credible totals, `best`
the latest update or the per-party sum. Subgroup figures ("among them 12 children") never add to a total; vague
figures ("dozens") count only when nothing firmer is given."""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.model import Claim, ClaimKind, Fatalities, Injured, Qualifier, Victims

__all__ = ["fatalities_from_claims", "injured_from_claims"]


def _firm(claims: Sequence[Claim]) -> list[Claim]:
    usable = [c for c in claims if not c.subgroup]
    firm = [c for c in usable if c.qualifier is not Qualifier.VAGUE]
    return firm or usable


def _party(claims: Sequence[Claim], victims: Victims) -> int | None:
    figures = [c.low for c in claims if c.victims is victims]
    return min(figures) if figures else None


def _totals(claims: Sequence[Claim]) -> tuple[int | None, int | None, int | None, dict[Victims, int | None]]:
    parties = {v: _party(claims, v) for v in (Victims.ACTOR1, Victims.ACTOR2, Victims.CIVILIANS, Victims.UNKNOWN)}
    split = [n for n in parties.values() if n is not None]
    candidates: list[int] = []
    totals = [c for c in claims if c.victims is Victims.TOTAL]
    for c in totals:
        candidates.append(c.low)
        if c.high is not None:
            candidates.append(c.high)
    # the per-party split is a total of its own unless it is smaller than every stated total (then it is partial)
    if split and (not candidates or sum(split) >= min(candidates)):
        candidates.append(sum(split))
    if not candidates:
        return None, None, None, parties
    updates = [c for c in totals if c.updates]
    if updates:
        best = max(u.high or u.low for u in updates)
    elif split and sum(split) in candidates:
        best = sum(split)
    else:
        best = max(c.low for c in totals)
    low = min(candidates)
    best = min(max(best, low), max(candidates))
    # a total without split that lies below the split sum is an earlier or more cautious report
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
