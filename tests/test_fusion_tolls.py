"""Reconciled tolls across reports (UCDP style): updates and later reports supersede, low/best/high, claimants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.fusion import fuse
from tests.fusion_helpers import report


def toll(*reports: tuple[object, object]) -> tuple[int | None, int | None, int | None]:
    (merged,) = fuse([r[1] for r in reports])  # type: ignore[misc]
    f = merged.event.fatalities
    return f.low, f.best, f.high


def test_a_later_report_supersedes_an_earlier_lower_figure() -> None:
    morning = report("ntb", killed=((7, "politiet"),), published="2021-07-19")
    next_day = report("reuters", killed=((116, "health ministry"),), published="2021-07-20", day="2021-07-19")
    assert toll(morning, next_day) == (116, 116, 116)


def test_an_update_supersedes_a_lower_figure_of_the_same_day() -> None:
    earlier = report("ap", killed=((14, None),))
    update = report("afp", killed=((30, None),), updates=True)
    assert toll(earlier, update) == (30, 30, 30)


def test_concurrent_sources_give_low_median_best_and_high() -> None:
    ministry = report("a", killed=((116, "health ministry"),))
    monitor = report("b", killed=((123, "SOHR"),))
    activists = report("c", killed=((140, "activists"),))
    assert toll(ministry, monitor, activists) == (116, 123, 140)


def test_each_figure_keeps_its_claimant_and_the_event_lists_them_all() -> None:
    (merged,) = fuse([report("a", killed=((116, "health ministry"),))[1], report("b", killed=((123, "SOHR"),))[1]])
    chosen = {t.field: (t.value, t.doc, t.claimants) for t in merged.merged.record.tolls}
    assert chosen["fatalities.low"] == (116, "a", ("health ministry",))
    assert chosen["fatalities.high"] == (123, "b", ("SOHR",))
    assert merged.merged.record.claimants == ("SOHR", "health ministry")


def test_reports_without_figures_leave_the_toll_empty() -> None:
    assert toll(report("a"), report("b")) == (None, None, None)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=5), st.booleans())
def test_low_best_high_are_ordered_and_come_from_reported_figures(figures: list[int], later: bool) -> None:
    reports = [
        report(f"d{i}", killed=((n, None),), published="2021-07-20" if later and i == len(figures) - 1 else None)[1]
        for i, n in enumerate(figures)
    ]
    fused = fuse(reports)
    assert len(fused) == 1
    f = fused[0].event.fatalities
    assert f.low is not None and f.best is not None and f.high is not None
    assert f.low <= f.best <= f.high
    assert {f.low, f.best, f.high} <= set(figures)
    assert f.high == max(figures)


def test_claims_without_figure_add_no_toll_and_no_figure_evidence() -> None:
    several = report("a", killed=((None, "police sources"),))
    figure = report("b", killed=((30, "health ministry"),))
    assert toll(several, report("c", killed=((None, "residents"),))) == (None, None, None)
    assert toll(several, figure) == (30, 30, 30)
    (merged,) = fuse([several[1], figure[1]])
    chosen = {t.field: (t.value, t.doc, t.claimants) for t in merged.merged.record.tolls}
    assert chosen["fatalities.low"] == (30, "b", ("health ministry",))
    assert merged.merged.record.claimants == ("health ministry", "police sources")
    # "several killed" is not the figure of another report: no shared-figure evidence either way
    (link,) = merged.merged.record.links
    assert not any(e.startswith("figure") for e in link.evidence)
    assert dict(link.reasons)["figures"] == 0.0
