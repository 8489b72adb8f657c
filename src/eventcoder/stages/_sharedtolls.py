"""ACLED's way of sharing one toll among several events.

"Unknown reported fatalities coded as 10 and spread across three locations" gives each event 10 // 3; "Fatalities
are split across 2 events (8)" gives this event 8. The phrases that announce a shared toll are language data
(`spread` in `lang/<code>/claims.yaml`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from eventcoder.mentions import ClaimMention, NumberMention, Sentence
from eventcoder.model import Claim, ClaimKind, Document, Qualifier, Victims

__all__ = ["Share", "apply_share", "find_share", "spread_claims"]

_OWN = re.compile(r"\s+[\w-]+\s*\((\d+)\)")  # "2 events (8)": this event's share of a split toll


@dataclass(frozen=True, slots=True, kw_only=True)
class Share:
    parts: int  # how many events share the toll
    own: int | None  # this event's figure when the note gives it: "split across 2 events (8)"
    start: int
    end: int


def find_share(spread: re.Pattern[str], text: str, sentence: Sentence, numbers: list[NumberMention]) -> Share | None:
    """The shared toll announced in `sentence` ("spread across three locations"), if any."""
    m = spread.search(text, sentence.span.start, sentence.span.end)
    if m is None:
        return None
    parts = next((n for n in numbers if n.span.start >= m.end() and text[m.end() : n.span.start].isspace()), None)
    if parts is None or parts.value < 2 or parts.vague or parts.unspecified:
        return None
    own = _OWN.match(text, parts.span.end, sentence.span.end)
    return Share(
        parts=parts.value,
        own=int(own.group(1)) if own else None,
        start=m.start(),
        end=own.end() if own else parts.span.end,
    )


def apply_share(found: list[ClaimMention], share: Share) -> list[ClaimMention]:
    """The killed totals of `found`, each replaced by this event's share."""
    out: list[ClaimMention] = []
    for cm in found:
        claim = cm.claim
        shared = claim.kind is ClaimKind.KILLED and claim.victims is Victims.TOTAL and not claim.subgroup
        if shared and claim.low is not None:  # a claim without a figure has nothing to share out
            low = share.own if share.own is not None else claim.low // share.parts
            high = None if share.own is not None or claim.high is None else claim.high // share.parts
            cm = dataclasses.replace(cm, claim=dataclasses.replace(claim, low=low, high=high))
        out.append(cm)
    return out


def spread_claims(
    document: Document,
    spread: re.Pattern[str],
    sentence: Sentence,
    numbers: list[NumberMention],
    found: list[ClaimMention],
) -> list[ClaimMention]:
    """The claims of `sentence` after its shared toll, if it announces one; "(8)" becomes a claim of its own."""
    share = find_share(spread, document.text, sentence, numbers)
    if share is None:
        return found
    out = apply_share(found, share)
    if share.own is not None and not any(c.claim.kind is ClaimKind.KILLED for c in found):
        out.append(
            ClaimMention(
                claim=Claim(
                    kind=ClaimKind.KILLED,
                    low=share.own,
                    high=None,
                    qualifier=Qualifier.EXACT,
                    victims=Victims.TOTAL,
                    evidence=document.span(share.start, share.end),
                ),
                sentence=sentence.index,
            )
        )
    return out
