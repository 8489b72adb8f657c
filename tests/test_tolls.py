"""Tolls from claims (UCDP style): per-party figures, low/best/high totals, updates, subgroups and vague words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.model import Claim, ClaimKind, Document, Fatalities, Injured, Qualifier, Victims
from eventcoder.stages.tolls import fatalities_from_claims, injured_from_claims

DOC = Document(id="t", text="Mange ble drept og såret i kampene.")
EVIDENCE = DOC.span(0, len(DOC.text))

K, H = ClaimKind.KILLED, ClaimKind.INJURED
A1, A2, CIV, UNK, TOT = Victims.ACTOR1, Victims.ACTOR2, Victims.CIVILIANS, Victims.UNKNOWN, Victims.TOTAL


def claim(
    low: int,
    victims: Victims = TOT,
    *,
    kind: ClaimKind = K,
    high: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    updates: bool = False,
    subgroup: bool = False,
    claimant: str | None = None,
) -> Claim:
    return Claim(
        kind=kind,
        low=low,
        high=high,
        qualifier=qualifier,
        victims=victims,
        evidence=EVIDENCE,
        updates=updates,
        subgroup=subgroup,
        claimant=claimant,
    )


def vague(low: int, victims: Victims = TOT, kind: ClaimKind = K) -> Claim:
    return claim(low, victims, kind=kind, qualifier=Qualifier.VAGUE)


def F(low: int | None, best: int | None, high: int | None, **parties: int) -> Fatalities:
    return Fatalities(low=low, best=best, high=high, **parties)


FATALITY_CASES = [
    pytest.param([], Fatalities(), id="no-claims"),
    pytest.param([claim(5, kind=H), claim(3, kind=ClaimKind.ARRESTED)], Fatalities(), id="no-killed-claims"),
    pytest.param(
        [claim(77, A1), claim(39, A2), claim(7, CIV)],
        F(123, 123, 123, actor1=77, actor2=39, civilians=7),
        id="per-party-split",
    ),
    pytest.param([claim(20), claim(32)], F(20, 32, 32), id="two-totals"),
    pytest.param([claim(14), claim(30, updates=True)], F(14, 30, 30), id="update-after-earlier-figure"),
    pytest.param([claim(30, updates=True), claim(14)], F(14, 30, 30), id="update-in-any-order"),
    pytest.param([claim(40), claim(30, updates=True)], F(30, 30, 40), id="update-lower-than-earlier"),
    pytest.param([claim(14), claim(20, updates=True), claim(30, updates=True)], F(14, 30, 30), id="two-updates"),
    pytest.param([claim(23), claim(12, subgroup=True)], F(23, 23, 23), id="subgroup-never-adds"),
    pytest.param([claim(10, A1), claim(4, CIV, subgroup=True)], F(10, 10, 10, actor1=10), id="subgroup-party-ignored"),
    pytest.param([claim(12, subgroup=True)], Fatalities(), id="only-subgroup"),
    pytest.param([vague(12), claim(30, qualifier=Qualifier.MORE_THAN)], F(30, 30, 30), id="vague-ignored-by-exact"),
    pytest.param([vague(12)], F(12, 12, 12), id="vague-alone"),
    pytest.param([vague(100), vague(12)], F(12, 100, 100), id="two-vague"),
    pytest.param([vague(12), claim(3, subgroup=True)], F(12, 12, 12), id="vague-with-subgroup"),
    pytest.param([claim(0)], F(0, 0, 0), id="zero"),
    pytest.param([claim(20, high=30, qualifier=Qualifier.ABOUT)], F(20, 20, 30), id="range"),
    pytest.param([claim(5), claim(20, high=30)], F(5, 20, 30), id="range-and-total"),
    pytest.param([claim(39, A2), claim(39, A2)], F(39, 39, 39, actor2=39), id="party-figure-repeated"),
    pytest.param(
        [claim(77, A1), claim(39, A2), claim(100, qualifier=Qualifier.MORE_THAN)],
        F(100, 116, 116, actor1=77, actor2=39),
        id="split-and-cautious-total",
    ),
    pytest.param(
        [claim(77, A1), claim(39, A2), claim(150)],
        F(150, 150, 150, actor1=77, actor2=39),
        id="split-below-stated-total-is-partial",
    ),
    pytest.param([claim(6, UNK), claim(2, CIV)], F(8, 8, 8, civilians=2, unknown=6), id="unknown-party"),
    pytest.param([claim(5, A1), claim(9, kind=H)], F(5, 5, 5, actor1=5), id="injured-not-counted"),
]


@pytest.mark.parametrize(("claims", "expected"), FATALITY_CASES)
def test_fatalities_from_claims(claims: list[Claim], expected: Fatalities) -> None:
    assert fatalities_from_claims(claims) == expected


INJURED_CASES = [
    pytest.param([], Injured(), id="none"),
    pytest.param([claim(9)], Injured(), id="only-killed"),
    pytest.param([claim(9, kind=H)], Injured(low=9, best=9, high=9), id="one"),
    pytest.param([claim(5, A1, kind=H), claim(8, CIV, kind=H)], Injured(low=13, best=13, high=13), id="split"),
    pytest.param([claim(20, kind=H), claim(45, kind=H)], Injured(low=20, best=45, high=45), id="two-totals"),
    pytest.param([claim(20, kind=H), claim(45, kind=H, updates=True)], Injured(low=20, best=45, high=45), id="update"),
    pytest.param(
        [claim(30, kind=H), claim(6, kind=H, subgroup=True)], Injured(low=30, best=30, high=30), id="subgroup"
    ),
    pytest.param([vague(100, kind=H), claim(80, kind=H)], Injured(low=80, best=80, high=80), id="vague-ignored"),
    pytest.param([vague(100, kind=H)], Injured(low=100, best=100, high=100), id="vague-alone"),
    pytest.param([claim(0, kind=H)], Injured(low=0, best=0, high=0), id="zero"),
    pytest.param([claim(50, kind=H, high=60)], Injured(low=50, best=50, high=60), id="range"),
]


@pytest.mark.parametrize(("claims", "expected"), INJURED_CASES)
def test_injured_from_claims(claims: list[Claim], expected: Injured) -> None:
    assert injured_from_claims(claims) == expected


def test_vague_claim_of_killed_does_not_hide_exact_injured() -> None:
    claims = [vague(12), claim(4, kind=H)]
    assert fatalities_from_claims(claims) == F(12, 12, 12)
    assert injured_from_claims(claims) == Injured(low=4, best=4, high=4)


# --- per-party figures: vague beside firm, several figures, updates (EVENTS.md section 1) ---------------------------


def test_vague_party_kept_beside_firm_other_party() -> None:
    assert fatalities_from_claims([vague(12, A2), claim(5, CIV)]) == F(17, 17, 17, actor2=12, civilians=5)


def test_partial_split_below_stated_total() -> None:
    assert fatalities_from_claims([claim(10, A1), claim(30)]) == F(30, 30, 30, actor1=10)


def test_split_from_other_source_is_its_own_total() -> None:
    # "11 fighters were killed, according to SOHR ... the Syrian authorities put the toll at 36"
    sohr, state = "Syrian Observatory for Human Rights", "syriske styresmakter"
    assert fatalities_from_claims([claim(11, UNK, claimant=sohr), claim(36, claimant=state)]) == F(
        11, 11, 36, unknown=11
    )
    # the same source, or an unattributed figure: the split is a part of the total
    assert fatalities_from_claims([claim(11, UNK, claimant=sohr), claim(36, claimant=sohr)]).low == 36
    assert fatalities_from_claims([claim(11, UNK), claim(36, claimant=state)]).low == 36


def test_higher_party_figure_reaches_high() -> None:
    assert fatalities_from_claims([claim(39, A2), claim(41, A2)]) == F(39, 39, 41, actor2=39)


def test_party_update_supersedes_earlier_party_figure() -> None:
    assert fatalities_from_claims([claim(39, A2), claim(41, A2, updates=True)]) == F(39, 41, 41, actor2=41)


# --- properties -------------------------------------------------------------------------------------------------

_claims = st.lists(
    st.builds(
        claim,
        low=st.integers(min_value=0, max_value=500),
        victims=st.sampled_from(Victims),
        kind=st.sampled_from([K, H, ClaimKind.MISSING]),
        qualifier=st.sampled_from(Qualifier),
        updates=st.booleans(),
        subgroup=st.booleans(),
    ),
    max_size=8,
)


@given(_claims)
def test_fatalities_ordering(claims: list[Claim]) -> None:
    f = fatalities_from_claims(claims)
    if f.low is None:
        assert f == Fatalities()
        assert all(c.subgroup for c in claims if c.kind is K)
        return
    assert f.best is not None and f.high is not None
    assert 0 <= f.low <= f.best <= f.high
    parties = [p for p in (f.actor1, f.actor2, f.civilians, f.unknown) if p is not None]
    if parties:
        # a split smaller than every stated total is partial (it may lie below low), never above high
        assert sum(parties) <= f.high


@given(_claims)
def test_tolls_ignore_order_and_other_kinds(claims: list[Claim]) -> None:
    assert fatalities_from_claims(claims[::-1]) == fatalities_from_claims(claims)
    assert injured_from_claims(claims[::-1]) == injured_from_claims(claims)
    killed_only = [c for c in claims if c.kind is K]
    assert fatalities_from_claims(killed_only) == fatalities_from_claims(claims)
    # injured follows the same rules as killed: swap the two kinds and the figures swap too
    swapped = [
        claim(
            c.low,
            c.victims,
            kind=K if c.kind is H else H,
            qualifier=c.qualifier,
            updates=c.updates,
            subgroup=c.subgroup,
        )
        for c in claims
        if c.kind in (K, H)
    ]
    fat = fatalities_from_claims(swapped)
    hurt = injured_from_claims(claims)
    assert (fat.low, fat.best, fat.high) == (hurt.low, hurt.best, hurt.high)


@given(_claims, st.integers(min_value=0, max_value=500))
def test_subgroup_claims_never_change_the_toll(claims: list[Claim], n: int) -> None:
    extra = claim(n, Victims.CIVILIANS, subgroup=True)
    assert fatalities_from_claims([*claims, extra]) == fatalities_from_claims(claims)


def figureless(victims: Victims = TOT, kind: ClaimKind = K, *, subgroup: bool = False) -> Claim:
    """ "Mange ble drept": a claim without a figure."""
    return Claim(
        kind=kind,
        low=None,
        high=None,
        qualifier=Qualifier.VAGUE,
        victims=victims,
        evidence=EVIDENCE,
        subgroup=subgroup,
        claimant="politiet",
    )


def test_claims_without_figure_give_no_toll() -> None:
    assert fatalities_from_claims([figureless(), figureless(CIV), figureless(A2)]) == Fatalities()
    assert injured_from_claims([figureless(kind=H)]) == Injured()


def test_claim_without_figure_leaves_a_figure_of_its_party_alone() -> None:
    assert fatalities_from_claims([figureless(A2), vague(12, A2), claim(3, CIV)]) == fatalities_from_claims(
        [vague(12, A2), claim(3, CIV)]
    )


@given(_claims, st.lists(st.sampled_from(Victims), max_size=4), st.booleans())
def test_fatalities_never_come_from_claims_without_figure(
    claims: list[Claim], parties: list[Victims], subgroup: bool
) -> None:
    """No phantom deaths: claims without a figure never add to, lower or raise any figure of a toll."""
    extra = [figureless(v, subgroup=subgroup) for v in parties] + [figureless(v, kind=H) for v in parties]
    assert fatalities_from_claims([*claims, *extra]) == fatalities_from_claims(claims)
    assert injured_from_claims([*extra, *claims]) == injured_from_claims(claims)
    if not any(c.kind is K for c in claims):
        assert fatalities_from_claims(extra) == Fatalities()


# --- coordinated figures of one party -----------------------------------------------------------------------------

COORDINATED_DOC = Document(id="c", text="3 politimenn, 2 vakter og 1 soldat ble drept. Senere meldte politiet 4 drept.")


def _span_claim(start: int, end: int, low: int, victims: Victims = A2) -> Claim:
    return Claim(
        kind=K,
        low=low,
        high=None,
        qualifier=Qualifier.EXACT,
        victims=victims,
        evidence=COORDINATED_DOC.span(start, end),
    )


def test_coordinated_figures_of_one_party_add_up() -> None:
    # "3 politimenn, 2 vakter og 1 soldat ble drept": three figures sharing one claim word are one report of 6
    end = COORDINATED_DOC.text.index(".")
    claims = [_span_claim(0, end, 3), _span_claim(14, end, 2), _span_claim(25, end, 1)]
    assert fatalities_from_claims(claims) == F(6, 6, 6, actor2=6)


def test_coordinated_report_beside_another_report_of_the_same_party() -> None:
    end = COORDINATED_DOC.text.index(".")
    later = COORDINATED_DOC.text.index("4")
    claims = [_span_claim(0, end, 3), _span_claim(14, end, 2), _span_claim(later, later + 7, 4)]
    assert fatalities_from_claims(claims) == F(4, 4, 5, actor2=4)


def test_coordinated_objects_of_one_claim_word_add_up() -> None:
    # "drepte 3 politimenn og 2 vakter": the figures share the start of their evidence (the claim word)
    claims = [_span_claim(0, 12, 3), _span_claim(0, 22, 2)]
    assert fatalities_from_claims(claims) == F(5, 5, 5, actor2=5)
