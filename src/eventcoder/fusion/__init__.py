"""Cross-article, cross-language fusion: per-document events -> merged events with reconciled tolls.

    merged = fuse(events)                    # pure and order-free; every event lands in one merged event
    merged[0].event                          # the merged Event (all sources, evidence and claims)
    merged[0].merged.record.to_json()        # which reports were joined, with which scores and rule

`similarity` decides whether two reports can be one event, `cluster` groups them, `merge` builds the merged
record, `tolls` reconciles casualty figures UCDP style, `overrides` applies human decisions, and `incremental`
finds what a batch of new reports touches in the store.
"""

from eventcoder.fusion.cluster import Group, group_events
from eventcoder.fusion.fuse import FusedEvent, fuse
from eventcoder.fusion.incremental import affected
from eventcoder.fusion.merge import MergedEvent, MergeRecord, merged_id
from eventcoder.fusion.overrides import Decision, Override, OverrideError, ReviewStatus
from eventcoder.fusion.similarity import LINK_THRESHOLD, PairScore, compare
from eventcoder.fusion.tolls import TollChoice, reconcile_fatalities, reconcile_injured

__all__ = [
    "LINK_THRESHOLD",
    "Decision",
    "FusedEvent",
    "Group",
    "MergeRecord",
    "MergedEvent",
    "Override",
    "OverrideError",
    "PairScore",
    "ReviewStatus",
    "TollChoice",
    "affected",
    "compare",
    "fuse",
    "group_events",
    "merged_id",
    "reconcile_fatalities",
    "reconcile_injured",
]
