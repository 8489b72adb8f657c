"""Casualty claims per language: which numbers are figures of a kind, with updates and ages."""

from __future__ import annotations

import pytest

from eventcoder.extraction import extract
from eventcoder.model import ClaimKind

K, H = ClaimKind.KILLED, ClaimKind.INJURED

# (lang, text, published) -> (kind, low, updates) of every claim of the text, in text order
CLAIMS = [
    pytest.param(
        "nb",
        "Det var Andreas Eldjarn (21) og Simen Tokle (24) som ble drept i Afghanistan søndag, melder Forsvaret.",
        "2010-06-08",
        [],
        id="nb-ages-in-brackets",
    ),
    pytest.param(
        "en",
        "The soldiers killed in the blast in Faryab on Sunday were John Smith (21) and Tom Lee (24), the army said.",
        "2010-06-08",
        [],
        id="en-ages-in-brackets",
    ),
    pytest.param(
        "nb",
        "En russisk rakett traff en boligblokk i Dnipro lørdag. Tallet på sårede fra blokka hadde lørdag kveld "
        "steget til 64, sier guvernøren.",
        "2023-01-15",
        [(H, 64, True)],
        id="nb-update-reaches-back",
    ),
    pytest.param(
        "en",
        "A Russian missile hit a block of flats in Dnipro on Saturday. The number of people killed in the "
        "building by the strike on Saturday had risen to 30 by the evening.",
        "2023-01-15",
        [(K, 30, True)],
        id="en-update-reaches-back",
    ),
    pytest.param(
        "nn",
        "Ein russisk rakett trefte ei boligblokk i Dnipro laurdag. Talet på skadde frå blokka i byen hadde laurdag "
        "kveld auka til 64.",
        "2023-01-15",
        [(H, 64, True)],
        id="nn-update-reaches-back",
    ),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CLAIMS)
def test_claims(lang: str, text: str, published: str, expected: list[tuple[ClaimKind, int, bool]]) -> None:
    events = extract(text, published=published, lang=lang)
    got = [(c.kind, c.low, c.updates) for e in events for c in e.claims]
    assert got == expected
