"""Scoring extracted events against gold/1 files (shared/design/EVENTS.md section 5).

    gold = load_gold(["gold/dev"])
    report = score(gold, {doc_id: events, ...})
    print(report.render(by=("corpus", "lang")))
    print(report.render_misses(limit=50))

or, with an extractor, `evaluate_paths(["gold/dev"], extract=my_extract)`.
"""

from eventcoder.evaluate.clusters import ClusterScore, gold_clusters, score_clusters
from eventcoder.evaluate.fields import RADIUS_KM, Check, check_pair
from eventcoder.evaluate.gold import (
    GOLD_SCHEMA,
    GoldActor,
    GoldClaim,
    GoldDate,
    GoldEvent,
    GoldFatalities,
    GoldFile,
    GoldFormatError,
    GoldInjured,
    GoldPlace,
    GoldStatus,
    corpus_of,
    load_gold,
    load_gold_file,
)
from eventcoder.evaluate.match import Pair, Pairing, pair_events, possible, similarity
from eventcoder.evaluate.oracle import oracle_event, oracle_events
from eventcoder.evaluate.report import DocResult, FieldRate, Figures, Measure, Miss, PairRecord, Report, ReportError
from eventcoder.evaluate.scoring import EvaluationError, evaluate_paths, score, score_document
from eventcoder.evaluate.text import find_quote, haversine_km, names_match, normalise_name

__all__ = [
    "GOLD_SCHEMA",
    "RADIUS_KM",
    "Check",
    "ClusterScore",
    "DocResult",
    "EvaluationError",
    "FieldRate",
    "Figures",
    "GoldActor",
    "GoldClaim",
    "GoldDate",
    "GoldEvent",
    "GoldFatalities",
    "GoldFile",
    "GoldFormatError",
    "GoldInjured",
    "GoldPlace",
    "GoldStatus",
    "Measure",
    "Miss",
    "Pair",
    "PairRecord",
    "Pairing",
    "Report",
    "ReportError",
    "check_pair",
    "corpus_of",
    "evaluate_paths",
    "find_quote",
    "gold_clusters",
    "haversine_km",
    "load_gold",
    "load_gold_file",
    "names_match",
    "normalise_name",
    "oracle_event",
    "oracle_events",
    "pair_events",
    "possible",
    "score",
    "score_clusters",
    "score_document",
    "similarity",
]
