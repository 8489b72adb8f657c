"""Which event of an article each casualty claim belongs to.

A claim goes to the event whose sentences hold it, else to the nearest earlier event that is not background, else to
the first event that is not background.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.pipeline import Analysis
from eventcoder.stages._draft import Draft

__all__ = ["attach_claims"]


def attach_claims(*, analysis: Analysis, events: Sequence[Draft]) -> None:
    """Append each claim of `analysis` to the `claims` of the event it belongs to (at most one)."""
    if not events:
        return
    for cm in analysis.claims:
        owner = next((e for e in events if cm.sentence in e.sentences), None)
        if owner is None:
            earlier = [e for e in events if min(e.sentences) < cm.sentence and not e.background]
            if earlier:
                owner = max(earlier, key=lambda e: max(s for s in e.sentences if s < cm.sentence))
            else:
                owner = next((e for e in events if not e.background), None)
        if owner is not None:
            owner.claims.append(cm)
