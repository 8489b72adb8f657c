"""Fusion: which reports merge, which stay apart, merged fields, human decisions, order-freedom, idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.fusion import Decision, FusedEvent, Override, OverrideError, ReviewStatus, compare, fuse
from eventcoder.model import Event, EventType
from tests.fusion_helpers import report


def groups(fused: list[FusedEvent]) -> set[tuple[str, ...]]:
    return {f.members for f in fused}


def test_reports_of_one_strike_in_two_languages_merge_with_all_claims() -> None:
    _, nb = report("ntb", killed=((7, "politiet"),), lang="nb", published="2021-07-19")
    _, en = report("reuters", killed=((30, "health ministry"),), published="2021-07-19")
    fused = fuse([nb, en])
    assert groups(fused) == {("ev-ntb", "ev-reuters")}
    merged = fused[0]
    assert {s.doc for s in merged.event.sources} == {"ntb", "reuters"}
    assert sorted((c.low, c.claimant) for c in merged.event.claims) == [(7, "politiet"), (30, "health ministry")]
    assert merged.merged.record.claimants == ("health ministry", "politiet")
    assert merged.merged.record.rule == "linked reports"
    (link,) = merged.merged.record.links
    assert (link.a, link.b) == ("ev-ntb", "ev-reuters") and link.linked
    assert dict(link.reasons)["type"] == 2.0


def test_two_strikes_in_one_city_on_one_day_against_different_targets_stay_apart() -> None:
    _, a = report("a", actors=("IS", "army"), sub="Armed clash", event_type=EventType.BATTLES)
    _, b = report("b", actors=("IS", "police"), sub="Armed clash", event_type=EventType.BATTLES)
    assert compare(a, b) is None
    assert groups(fuse([a, b])) == {("ev-a",), ("ev-b",)}


def test_two_named_sites_of_one_town_stay_apart() -> None:
    _, a = report("a", site="Woheilat market")
    _, b = report("b", site="Tayaran Square")
    assert groups(fuse([a, b])) == {("ev-a",), ("ev-b",)}


def test_distance_depends_on_place_precision() -> None:
    _, town = report("a", place="Baqubah")
    _, other_town = report("b", place="Baghdad")  # about 50 km away: two towns do not reach
    _, province = report("c", place="Diyala")  # a province reaches 150 km
    assert compare(town, other_town) is None
    assert compare(town, province) is not None


def test_dates_must_overlap_and_be_known_to_a_month() -> None:
    _, a = report("a", day="2021-07-19")
    _, b = report("b", day="2021-07-22")
    _, c = report("c", day="2021-07-01", days=31)
    _, d = report("d", day="2021-01-01", days=365)
    assert compare(a, b) is None
    assert compare(a, c) is not None
    assert compare(a, d) is None


def test_a_document_never_merges_with_itself() -> None:
    _, a = report("a")
    _, b = report("a", place="Baghdad")
    b = Event.from_json({**b.to_json(), "id": "ev-a2"})
    assert groups(fuse([a, b])) == {("ev-a",), ("ev-a2",)}


def test_merged_event_takes_the_most_precise_place_and_narrowest_date() -> None:
    # a province-level report needs two pieces of evidence: the attacker and the toll
    _, vague = report("a", place="Diyala", day="2021-07-18", days=3, killed=((30, None),))
    _, exact = report("b", place="Baqubah", day="2021-07-19", killed=((30, None),))
    (merged,) = fuse([vague, exact])
    assert merged.event.location is not None and merged.event.location.name == "Baqubah"
    assert merged.event.date is not None and (merged.event.date.start, merged.event.date.end) == (
        exact.date.start if exact.date else None,
        exact.date.end if exact.date else None,
    )
    assert merged.event.id.startswith("mv-")


def test_human_decisions_split_join_reject_and_edit() -> None:
    _, a = report("a", killed=((10, None),))
    _, b = report("b", killed=((12, None),))
    _, far = report("c", place="Mosul")
    split = fuse([a, b], overrides=[Override(decision=Decision.DIFFERENT_EVENTS, event="ev-a", other="ev-b")])
    assert groups(split) == {("ev-a",), ("ev-b",)}
    joined = fuse([a, far], overrides=[Override(decision=Decision.SAME_EVENT, event="ev-a", other="ev-c")])
    assert groups(joined) == {("ev-a", "ev-c")}
    assert joined[0].merged.record.rule == "human decision"
    decisions = [
        Override(decision=Decision.REJECT, event="ev-b"),
        Override(decision=Decision.FIELD, event="ev-a", field="fatalities.low", value=11),
    ]
    (edited,) = fuse([a, b], overrides=decisions)
    assert edited.rejected
    assert edited.event.fatalities.low == 11


REPORTS = [
    report("ntb", killed=((7, "politiet"),), lang="nb")[1],
    report("npk", place="Baghdad", killed=((30, "helsedepartementet"),), lang="nn")[1],
    report("ap", place="Diyala", day="2021-07-18", days=3, killed=((35, None),))[1],
    report("afp", place="Baqubah", killed=((3, None),), actors=("uag", "civ"))[1],
    report("bbc", place="Mosul")[1],
    report("cnn", place="Mosul", day="2021-07-20", sub="Armed clash", event_type=EventType.BATTLES)[1],
    report("dw", actors=("IS", "army"), sub="Armed clash", event_type=EventType.BATTLES)[1],
    report("kyiv", place="Dnipro", actors=("russia", None), sub="Shelling/artillery/missile attack")[1],
]


def snapshot(fused: list[FusedEvent]) -> list[dict[str, object]]:
    return [{"event": f.event.to_json(), "record": f.merged.record.to_json(), "rejected": f.rejected} for f in fused]


@settings(max_examples=60, deadline=None)
@given(st.permutations(REPORTS), st.integers(min_value=1, max_value=len(REPORTS)))
def test_fusion_is_order_free_and_idempotent(order: list[Event], n: int) -> None:
    chosen = sorted(order[:n], key=lambda e: e.id)
    shuffled = [e for e in order if e in chosen]
    once = fuse(shuffled)
    assert snapshot(once) == snapshot(fuse(chosen))
    # every report lands in exactly one merged event
    assert sorted(m for f in once for m in f.members) == sorted(e.id for e in chosen)
    # fusing the same reports again (or with duplicates) changes nothing
    assert snapshot(fuse(shuffled + shuffled)) == snapshot(once)


def test_comparison_is_symmetric() -> None:
    for a in REPORTS:
        for b in REPORTS:
            assert compare(a, b) == compare(b, a)


def test_bad_decisions_are_named_errors() -> None:
    _, a = report("a")
    with pytest.raises(OverrideError, match="cannot be edited"):
        Override(decision=Decision.FIELD, event="ev-a", field="confidence", value=1.0)
    with pytest.raises(OverrideError, match="location must be an object"):
        fuse([a], overrides=[Override(decision=Decision.FIELD, event="ev-a", field="location", value="Oslo")])
    with pytest.raises(OverrideError, match="needs two events"):
        Override(decision=Decision.SAME_EVENT, event="ev-a")
    with pytest.raises(OverrideError, match="unknown override decision"):
        Override.from_json({"decision": "merge-ish", "event": "ev-a"})
    with pytest.raises(OverrideError, match="names no event"):
        Override.from_json({"decision": "reject"})
    negative = Override(decision=Decision.FIELD, event="ev-a", field="fatalities.best", value=-3)
    with pytest.raises(OverrideError, match="whole number"):
        fuse([a], overrides=[negative])
    retype = Override(decision=Decision.FIELD, event="ev-a", field="event_type", value="Battles")
    (edited,) = fuse([a], overrides=[retype])
    assert (edited.event.event_type, edited.event.sub_event_type) == (EventType.BATTLES, "Armed clash")


def test_later_decisions_win_and_give_the_review_status() -> None:
    _, a = report("a")
    _, b = report("b", place="Baghdad")

    def decide(*pairs: tuple[Decision, str]) -> list[Override]:
        return [Override(decision=d, event=e) for d, e in pairs]

    (joined,) = fuse([a, b])
    assert joined.status is ReviewStatus.UNREVIEWED
    split = [Override(decision=Decision.DIFFERENT_EVENTS, event="ev-a", other="ev-b")]
    again = [*split, Override(decision=Decision.SAME_EVENT, event="ev-b", other="ev-a")]
    assert len(fuse([a, b], overrides=split)) == 2
    assert [f.status for f in fuse([a, b], overrides=again)] == [ReviewStatus.EDITED]  # the merge came last
    assert len(fuse([a, b], overrides=[*again, *split])) == 2  # and a later split undoes it
    half = decide((Decision.CONFIRM, "ev-a"))
    assert fuse([a, b], overrides=half)[0].status is ReviewStatus.UNREVIEWED  # ev-b was not checked
    both = [*half, *decide((Decision.CONFIRM, "ev-b"))]
    assert fuse([a, b], overrides=both)[0].status is ReviewStatus.CONFIRMED
    rejected = [*both, *decide((Decision.REJECT, "ev-b"))]
    assert fuse([a, b], overrides=rejected)[0].rejected
    assert fuse([a, b], overrides=[*rejected, *decide((Decision.CONFIRM, "ev-b"))])[0].status is ReviewStatus.CONFIRMED


def test_human_values_for_place_date_and_actors() -> None:
    _, a = report("a")
    edits = [
        Override(
            decision=Decision.FIELD,
            event="ev-a",
            field="location",
            value={"name": "Sadr City market", "country": "iq", "lat": 33.39, "lon": 44.46, "precision": "site"},
        ),
        Override(
            decision=Decision.FIELD,
            event="ev-a",
            field="date",
            value={"start": "2021-07-18", "end": "2021-07-19", "precision": "days"},
        ),
        Override(decision=Decision.FIELD, event="ev-a", field="actor1", value=None),
        Override(
            decision=Decision.FIELD,
            event="ev-a",
            field="actor2",
            value={"name": "Civilians (Iraq)", "type": "civilians", "country": "IQ"},
        ),
    ]
    (edited,) = fuse([a], overrides=edits)
    event = edited.event
    assert event.location is not None and (event.location.name, event.location.country) == ("Sadr City market", "IQ")
    assert event.date is not None and (event.date.start.isoformat(), event.date.precision.value) == (
        "2021-07-18",
        "days",
    )
    assert event.actor1 is None and event.actor2 is not None and event.actor2.name == "Civilians (Iraq)"
    bad = Override(
        decision=Decision.FIELD, event="ev-a", field="date", value={"start": "2021-07-20", "end": "2021-07-19"}
    )
    with pytest.raises(OverrideError, match="date"):
        fuse([a], overrides=[bad])
