"""Scoring results: per-document results, aggregated figures, the report and its renderings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "DocResult",
    "FieldRate",
    "Figures",
    "Measure",
    "Miss",
    "PairRecord",
    "Report",
    "ReportError",
]


class ReportError(ValueError):
    """A report was asked for something it does not have (an unknown grouping or measure)."""


class Measure(StrEnum):
    """The field measures over paired events (EVENTS.md section 5), in report order."""

    EVENT_TYPE = "event_type"
    SUB_EVENT_TYPE = "sub_event_type"
    COUNTRY = "country"
    PLACE = "place"
    DATE = "date"
    ACTORS = "actors"
    DEATHS_LOW = "deaths_low"
    DEATHS_LOW_10PCT = "deaths_low_10pct"
    DEATHS_HIGH = "deaths_high"
    DEATHS_BY_PARTY = "deaths_by_party"
    NO_PHANTOM_DEATHS = "no_phantom_deaths"
    CLAIMS_CLAIMANT = "claims_claimant"


TYPE_MEASURES = (Measure.EVENT_TYPE, Measure.SUB_EVENT_TYPE)

_SHORT = {
    Measure.EVENT_TYPE: "type",
    Measure.SUB_EVENT_TYPE: "subtype",
    Measure.COUNTRY: "country",
    Measure.PLACE: "place",
    Measure.DATE: "date",
    Measure.ACTORS: "actors",
    Measure.DEATHS_LOW: "d.low",
    Measure.DEATHS_LOW_10PCT: "d.low10%",
    Measure.DEATHS_HIGH: "d.high",
    Measure.DEATHS_BY_PARTY: "d.party",
    Measure.NO_PHANTOM_DEATHS: "no.phantom",
    Measure.CLAIMS_CLAIMANT: "claimant",
}

GROUPINGS = ("corpus", "lang", "corpus-lang")
_GROUP_ORDER = {
    "corpus": ("news", "acled"),
    "lang": ("nb", "nn", "en"),
    "corpus-lang": ("news/nb", "news/nn", "news/en", "acled/en"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldRate:
    """One field measure: `hits` of `total` checks passed."""

    measure: Measure
    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: FieldRate) -> FieldRate:
        if other.measure is not self.measure:
            raise ReportError(f"cannot add {other.measure.value} to {self.measure.value}")
        return FieldRate(measure=self.measure, hits=self.hits + other.hits, total=self.total + other.total)


@dataclass(frozen=True, slots=True, kw_only=True)
class Miss:
    """One thing the system got wrong: a missed event, a spurious one, or a field of a paired event."""

    doc_id: str
    path: str
    kind: str  # "false_negative", "false_positive" or a Measure value
    gold_event: str | None
    predicted_event: str | None
    expected: str
    got: str
    evidence: str | None  # the gold evidence quote (for a false positive: the prediction's first evidence text)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "kind": self.kind,
            "gold_event": self.gold_event,
            "predicted_event": self.predicted_event,
            "expected": self.expected,
            "got": self.got,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PairRecord:
    gold_event: str
    predicted_event: str
    score: int
    required: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class DocResult:
    """The scoring of one gold document."""

    doc_id: str
    path: str
    corpus: str
    lang: str | None
    tp: int
    fp: int
    fn: int
    pairs: tuple[PairRecord, ...]
    fields: tuple[FieldRate, ...]
    misses: tuple[Miss, ...]
    background: int = 0  # predictions set aside as background


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    """Detection counts and field rates over a set of documents (P, R, F1 are 0.0 when undefined)."""

    n_docs: int
    tp: int
    fp: int
    fn: int
    fields: tuple[FieldRate, ...]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field(self, measure: Measure | str) -> FieldRate:
        wanted = Measure(measure)
        for rate in self.fields:
            if rate.measure is wanted:
                return rate
        raise ReportError(f"no measure {wanted.value!r}")  # pragma: no cover - every Figures has all measures

    @classmethod
    def of(cls, docs: Iterable[DocResult]) -> Figures:
        totals = {m: FieldRate(measure=m) for m in Measure}
        n = tp = fp = fn = 0
        for doc in docs:
            n, tp, fp, fn = n + 1, tp + doc.tp, fp + doc.fp, fn + doc.fn
            for rate in doc.fields:
                totals[rate.measure] = totals[rate.measure] + rate
        return cls(n_docs=n, tp=tp, fp=fp, fn=fn, fields=tuple(totals[m] for m in Measure))

    def to_json(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "fields": {r.measure.value: {"hits": r.hits, "n": r.total, "rate": r.rate} for r in self.fields},
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The result of `score`: per-document results with overall and grouped figures."""

    docs: tuple[DocResult, ...]
    unknown_docs: tuple[str, ...] = ()  # prediction keys that name no gold document (not scored)

    @property
    def overall(self) -> Figures:
        return Figures.of(self.docs)

    def groups(self, by: str = "corpus") -> dict[str, Figures]:
        """Figures per corpus (`news`, `acled`), per language (`nb`, `nn`, `en`) or per both (`news/nb`), in order."""
        if by not in GROUPINGS:
            raise ReportError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")
        keyed: dict[str, list[DocResult]] = {}
        for doc in self.docs:
            lang = doc.lang or "unknown"
            key = {"corpus": doc.corpus, "lang": lang}.get(by, f"{doc.corpus}/{lang}")
            keyed.setdefault(key, []).append(doc)
        order = _GROUP_ORDER[by]
        names = sorted(keyed, key=lambda k: (order.index(k) if k in order else len(order), k))
        return {name: Figures.of(keyed[name]) for name in names}

    def misses(self) -> list[Miss]:
        return [m for doc in self.docs for m in doc.misses]

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_json(),
            "groups": {by: {k: f.to_json() for k, f in self.groups(by).items()} for by in GROUPINGS},
            "docs": [
                {
                    "doc_id": d.doc_id,
                    "path": d.path,
                    "corpus": d.corpus,
                    "lang": d.lang,
                    "tp": d.tp,
                    "fp": d.fp,
                    "fn": d.fn,
                    "pairs": [
                        {"gold": p.gold_event, "predicted": p.predicted_event, "score": p.score, "required": p.required}
                        for p in d.pairs
                    ],
                }
                for d in self.docs
            ],
            "misses": [m.to_json() for m in self.misses()],
            "unknown_docs": list(self.unknown_docs),
        }

    def render(self, by: Sequence[str] = ("corpus",)) -> str:
        """A plain-text table: one row for all documents, then one per group of each grouping in `by`."""
        rows: list[tuple[str, Figures]] = [("all", self.overall)]
        for grouping in by:
            rows.extend(self.groups(grouping).items())
        header = ["group", "docs", "TP", "FP", "FN", "P", "R", "F1", *(_SHORT[m] for m in Measure)]
        body = [
            [
                name,
                str(f.n_docs),
                str(f.tp),
                str(f.fp),
                str(f.fn),
                f"{f.precision:.3f}",
                f"{f.recall:.3f}",
                f"{f.f1:.3f}",
                *(_rate_cell(r) for r in f.fields),
            ]
            for name, f in rows
        ]
        widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
        lines = [
            "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
            for row in [header, *body]
        ]
        lines.insert(1, "-" * len(lines[0]))
        legend = "field cells: rate (n checks); '-' where nothing was checked"
        return "\n".join([*lines, legend]) + "\n"

    def render_misses(self, *, limit: int | None = None) -> str:
        """The misses, one block each: where, what, expected vs got, and the evidence sentence."""
        misses = self.misses()
        shown = misses if limit is None else misses[:limit]
        blocks: list[str] = []
        for m in shown:
            events = " ".join(
                part
                for part in (
                    f"gold={m.gold_event}" if m.gold_event else "",
                    f"pred={m.predicted_event}" if m.predicted_event else "",
                )
                if part
            )
            lines = [
                f"{m.kind}  {m.doc_id}  {events}".rstrip(),
                f"  file:     {m.path}",
                f"  expected: {m.expected}",
                f"  got:      {m.got}",
            ]
            if m.evidence:
                lines.append(f"  evidence: {' '.join(m.evidence.split())}")
            blocks.append("\n".join(lines))
        if len(shown) < len(misses):
            blocks.append(f"... and {len(misses) - len(shown)} more")
        return "\n\n".join(blocks) + ("\n" if blocks else "")


def _rate_cell(rate: FieldRate) -> str:
    return "-" if rate.rate is None else f"{rate.rate:.2f} ({rate.total})"
