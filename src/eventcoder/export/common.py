"""Helpers shared by the exports: sources, claimants, per-party tolls in words."""

from __future__ import annotations

from eventcoder.model import Event

__all__ = ["claimants", "claims_in_words", "deaths_in_words", "source_names", "summary"]


def source_names(event: Event) -> list[str]:
    """Outlet of each source (the document id when the outlet is unknown), without repeats, in order."""
    seen: list[str] = []
    for s in event.sources:
        name = s.outlet or s.doc
        if name not in seen:
            seen.append(name)
    return seen


def claimants(event: Event) -> list[str]:
    return sorted({c.claimant for c in event.claims if c.claimant})


def deaths_in_words(event: Event) -> str:
    """Per-party deaths and the best/high estimates, as a sentence (empty when there are none)."""
    f = event.fatalities
    parts: list[str] = []
    for value, who in (
        (f.actor1, event.actor1.name if event.actor1 else "first actor"),
        (f.actor2, event.actor2.name if event.actor2 else "second actor"),
        (f.civilians, "civilians"),
        (f.unknown, "unidentified victims"),
    ):
        if value is not None:
            parts.append(f"{value} {who}")
    out = []
    if parts:
        out.append("Deaths by party: " + ", ".join(parts) + ".")
    if f.best is not None and (f.best != f.low or f.high != f.low):
        out.append(f"Deaths low {f.low}, best {f.best}, high {f.high}.")
    return " ".join(out)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?»\"'" else text + "."


def claims_in_words(event: Event) -> str:
    """Every casualty figure with its kind and claimant: "7 killed (police); 30 killed (health ministry)"; a claim
    without a figure reads "some killed (police)"."""
    parts = []
    for c in event.claims:
        if c.low is None:
            figure = "some"
        else:
            figure = f"{c.low}-{c.high}" if c.high is not None and c.high != c.low else str(c.low)
        parts.append(f"{figure} {c.kind.value} ({c.claimant or 'unattributed'})")
    return "; ".join(parts)


def summary(event: Event) -> str:
    """One line for notes: the first evidence sentence, tolls in words, and every figure with its claimant."""
    parts = []
    if event.evidence:
        parts.append(_sentence(event.evidence[0].text))
    words = deaths_in_words(event)
    if words:
        parts.append(words)
    figures = claims_in_words(event)
    if figures:
        parts.append(f"Figures reported: {figures}.")
    return " ".join(parts)
