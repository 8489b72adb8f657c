"""The ledger of ingestion: every input read and what came of it, including what was not coded and why.

PLOVER asks event datasets to publish what was not coded. `Outcome` names the reasons; `outcome_of` reads them off
a finished analysis; `LedgerEntry` is one row (the store keeps them in migration 0003 and uses them as the
checkpoint of a resumable ingest).
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass

from eventcoder.ingest import ReadError
from eventcoder.model import Document
from eventcoder.pipeline import Analysis

__all__ = ["RETRIED", "LedgerEntry", "LedgerSummary", "Outcome", "error_source", "outcome_of", "source_of"]


class Outcome(enum.StrEnum):
    CODED = "coded"  # one or more events
    NOT_CONFLICT = "not_conflict"  # no event words: not about armed conflict
    NO_PLACE = "no_place"  # event words, but no place found
    NO_EVENT = "no_event"  # event words and places, but no event assembled
    DUPLICATE = "duplicate"  # same id or same text as a document already stored
    UNREADABLE = "unreadable"  # the input could not be read (the detail says why)
    NO_LANGUAGE = "no_language"  # no language could be detected
    UNSUPPORTED_LANGUAGE = "unsupported_language"  # a language without language data
    FAILED = "failed"  # the pipeline raised

    @property
    def done(self) -> bool:
        """False for the errors that a rerun tries again (it may bring a fixed stage or a `--lang`)."""
        return self not in RETRIED


RETRIED = frozenset({Outcome.FAILED, Outcome.NO_LANGUAGE, Outcome.UNSUPPORTED_LANGUAGE})


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerEntry:
    source: str  # absolute path + "#" + document id, or path + ":" + line of an unreadable input
    outcome: Outcome
    doc_id: str | None = None
    path: str | None = None
    line: int | None = None
    events: int = 0
    detail: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerSummary:
    counts: tuple[tuple[Outcome, int], ...]  # outcomes in the order of `Outcome`, with how many inputs had each

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, outcome: Outcome) -> int:
        return dict(self.counts).get(outcome, 0)

    def render(self) -> str:
        width = max(len(o.value) for o in Outcome)
        total = self.total or 1
        lines = [f"{o.value:<{width}}  {n:>9}  {100 * n / total:5.1f}%" for o, n in self.counts]
        lines.append(f"{'total':<{width}}  {self.total:>9}")
        return "\n".join(lines) + "\n"


def source_of(document: Document) -> str:
    """The ledger key of a document: its file's absolute path and its id (the id alone when it has no file)."""
    return f"{os.path.abspath(document.path)}#{document.id}" if document.path else document.id


def error_source(error: ReadError) -> str:
    """The ledger key of an input that could not be read: its file's absolute path, and line when known."""
    path = os.path.abspath(error.path)
    return path if error.line is None else f"{path}:{error.line}"


def outcome_of(analysis: Analysis) -> Outcome:
    """Why a finished analysis gave events or not."""
    if analysis.events:
        return Outcome.CODED
    if not analysis.triggers:
        return Outcome.NOT_CONFLICT
    if not analysis.places:
        return Outcome.NO_PLACE
    return Outcome.NO_EVENT
