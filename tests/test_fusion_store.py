"""The fused layer in the store: incremental fusion equals a full rebuild in any order; decisions survive."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.fusion import Decision, Override
from eventcoder.fusion.sync import fuse_new, refuse_all
from eventcoder.model import EventType
from eventcoder.store import Store
from tests.fusion_helpers import report

REPORTS = [
    report("ntb", killed=((7, "politiet"),), lang="nb"),
    report("npk", place="Baghdad", killed=((30, "helsedepartementet"),), lang="nn"),
    report("ap", place="Diyala", day="2021-07-18", days=3, killed=((30, None),)),  # a province: needs the figure too
    report("bbc", place="Mosul"),
    report("cnn", place="Mosul", day="2021-07-20", sub="Armed clash", event_type=EventType.BATTLES),
    report("dw", actors=("IS", "army"), sub="Armed clash", event_type=EventType.BATTLES),
    report("kyiv", place="Dnipro", actors=("russia", None), sub="Shelling/artillery/missile attack"),
]


def snapshot(store: Store) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    return [e.to_json() for e in store.merged_events(include_rejected=True)], store.merge_records()


def test_full_rebuild_groups_the_reports() -> None:
    with Store.open(":memory:") as store:
        for doc, event in REPORTS:
            store.add(doc, [event])
        summary = refuse_all(store)
        assert (summary.reports, summary.multi_source) == (7, 1)
        merged = store.merged_events()
        docs = sorted(tuple(sorted(s.doc for s in e.sources)) for e in merged)
        assert docs == [("ap", "npk", "ntb"), ("bbc",), ("cnn",), ("dw",), ("kyiv",)]
        assert refuse_all(store).replaced == 5  # rebuilding replaces, never duplicates
        assert len(store.merged_events()) == 5


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(REPORTS))), st.integers(min_value=1, max_value=4))
def test_incremental_fusion_in_any_order_and_batches_equals_a_full_rebuild(order: list[int], batch: int) -> None:
    with Store.open(":memory:") as full:
        for doc, event in REPORTS:
            full.add(doc, [event])
        refuse_all(full)
        expected = snapshot(full)
    with Store.open(":memory:") as store:
        for start in range(0, len(order), batch):
            added = [REPORTS[i] for i in order[start : start + batch]]
            for doc, event in added:
                store.add(doc, [event])
            fuse_new(store, [event for _, event in added])
        assert snapshot(store) == expected
        fuse_new(store)  # nothing left unfused: changes nothing
        assert fuse_new(store, store.events()).merged == 5  # re-fusing everything gives the same
        assert snapshot(store) == expected


def test_human_decisions_survive_refusion() -> None:
    with Store.open(":memory:") as store:
        for doc, event in REPORTS:
            store.add(doc, [event])
        fuse_new(store)
        store.add_override(Override(decision=Decision.DIFFERENT_EVENTS, event="ev-ntb", other="ev-npk", author="kari"))
        store.add_override(Override(decision=Decision.REJECT, event="ev-kyiv"))
        refuse_all(store)
        docs = {tuple(sorted(s.doc for s in e.sources)) for e in store.merged_events()}
        assert not any({"ntb", "npk"} <= set(d) for d in docs)
        assert ("kyiv",) not in docs
        assert ("kyiv",) in {tuple(s.doc for s in e.sources) for e in store.merged_events(include_rejected=True)}
        assert [o.author for o in store.overrides()] == ["kari", None]
        # a new report of the rejected event joins it and keeps it rejected
        doc, event = report("kyiv2", place="Dnipro", actors=("russia", None), sub="Shelling/artillery/missile attack")
        store.add(doc, [event])
        fuse_new(store, [event])
        rejected = [e for e in store.merged_events(include_rejected=True) if e not in store.merged_events()]
        assert [sorted(s.doc for s in e.sources) for e in rejected] == [["kyiv", "kyiv2"]]


def test_merged_events_filter_like_events() -> None:
    with Store.open(":memory:") as store:
        for doc, event in REPORTS:
            store.add(doc, [event])
        fuse_new(store)
        assert {e.location.country for e in store.merged_events(country="ua") if e.location} == {"UA"}
        battles = store.merged_events(event_type="armed clash")
        assert sorted(s.doc for e in battles for s in e.sources) == ["cnn", "dw"]
        assert store.merged_events(since=dt.date(2021, 7, 20)) == [
            e for e in store.merged_events() if e.date is not None and e.date.end >= dt.date(2021, 7, 20)
        ]
