"""The embedded event store (DuckDB): the only module of eventcoder that speaks SQL.

Concurrency: DuckDB allows ONE process to open a database file for writing (and a file opened for writing
cannot be opened by another process at all).  A `Store` is that single writer: run ingestion through one
`Store` in one process, and let other processes read exports, or open the file with `read_only=True` only
while no writer holds it.  A `Store` object is not meant to be shared between threads.

Schema and layering are described in the migrations: `0001_initial.sql` holds the events extracted from each
document; `0002_fusion.sql` the merged events, their membership, merge records and human decisions on top
(SQL in `merged.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from eventcoder.ledger import LedgerEntry, LedgerSummary, Outcome
from eventcoder.model import SUB_EVENT_TYPES, Document, Event, EventType, Span, SpanMismatchError
from eventcoder.store import audit
from eventcoder.store import ledger as ledger_layer
from eventcoder.store import merged as fused_layer
from eventcoder.store import search as searching
from eventcoder.store.bulk import insert_rows, skip_absent_pandas
from eventcoder.store.columns import FLAT_COLUMNS, flat_values
from eventcoder.store.errors import (
    StoreClosedError,
    StoreError,
    StoreOpenError,
    StoreQueryError,
    StoreVersionError,
    StoreWriteError,
)
from eventcoder.store.migrate import load_migrations, migrate, pending_migrations

if TYPE_CHECKING:
    from eventcoder.fusion import FusedEvent, Override

__all__ = ["MEMORY", "BatchWrite", "Store", "StoreCounts"]

MEMORY = ":memory:"


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreCounts:
    documents: int
    events: int
    claims: int
    evidence: int


def _evidence_rows(event: Event) -> list[tuple[str, Span]]:
    """Every span of `event` with its role, in a fixed order."""
    rows: list[tuple[str, Span]] = []
    if event.trigger is not None:
        rows.append(("trigger", event.trigger))
    rows.extend(("evidence", span) for span in event.evidence)
    if event.date is not None and event.date.span is not None:
        rows.append(("date", event.date.span))
    if event.location is not None and event.location.span is not None:
        rows.append(("place", event.location.span))
    if event.actor1 is not None and event.actor1.span is not None:
        rows.append(("actor1", event.actor1.span))
    if event.actor2 is not None and event.actor2.span is not None:
        rows.append(("actor2", event.actor2.span))
    for claim in event.claims:
        rows.append(("claim", claim.evidence))
        if claim.claimant_span is not None:
            rows.append(("claimant", claim.claimant_span))
    return rows


def _event_row(*, doc_id: str, event: Event) -> list[Any]:
    return [event.id, doc_id, *flat_values(event), json.dumps(event.to_json(), ensure_ascii=False)]


_EVENT_COLUMNS = f"id, doc_id, {FLAT_COLUMNS}, record"
_CLAIM_COLUMNS = (
    "event_id",
    "ordinal",
    "kind",
    "low",
    "high",
    "qualifier",
    "victims",
    "claimant",
    "doc_id",
    "start",
    "end",
    "text",
)
_DOCUMENT_COLUMNS = "id, content_hash, text, published, lang, url, title, outlet, path, headings"


def _type_condition(name: str) -> tuple[str, str]:
    """(column, canonical value) for an ACLED event type or sub-event type name, case-insensitively."""
    wanted = name.strip().casefold()
    for event_type, subs in SUB_EVENT_TYPES.items():
        if event_type.value.casefold() == wanted:
            return "event_type", event_type.value
        for sub in subs:
            if sub.casefold() == wanted:
                return "sub_event_type", sub
    known = ", ".join(t.value for t in EventType)
    raise StoreQueryError(f"unknown event type or sub-event type {name!r} (event types: {known})")


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchWrite:
    stored: tuple[str, ...]  # ids of the documents written (duplicates left out)
    events: int  # events written with them


class _Rows:
    """The rows of documents and their events, gathered to be inserted many per statement."""

    __slots__ = ("claims", "documents", "events", "evidence", "sources")

    def __init__(self) -> None:
        self.documents: list[list[Any]] = []
        self.events: list[list[Any]] = []
        self.claims: list[list[Any]] = []
        self.evidence: list[list[Any]] = []
        self.sources: list[list[Any]] = []

    @classmethod
    def of(cls, documents: Sequence[tuple[Document, Sequence[Event]]]) -> _Rows:
        rows = cls()
        for document, events in documents:
            rows.add_document(document, events)
        return rows

    def add_document(self, document: Document, events: Sequence[Event]) -> None:
        self.documents.append(
            [
                document.id,
                document.content_hash,
                document.text,
                document.published,
                document.lang,
                document.url,
                document.title,
                document.outlet,
                document.path,
                json.dumps([list(h) for h in document.headings]),
            ]
        )
        for event in events:
            self.add_event(doc_id=document.id, event=event)

    def add_event(self, *, doc_id: str, event: Event) -> None:
        self.events.append(_event_row(doc_id=doc_id, event=event))
        self.claims.extend(
            [
                event.id,
                i,
                c.kind.value,
                c.low,
                c.high,
                c.qualifier.value,
                c.victims.value,
                c.claimant,
                c.evidence.doc,
                c.evidence.start,
                c.evidence.end,
                c.evidence.text,
            ]
            for i, c in enumerate(event.claims)
        )
        self.evidence.extend(
            [event.id, i, role, s.doc, s.start, s.end, s.text] for i, (role, s) in enumerate(_evidence_rows(event))
        )
        self.sources.extend([event.id, i, s.doc, s.url, s.outlet, s.published] for i, s in enumerate(event.sources))


class Store:
    """A DuckDB database of documents and the events extracted from them; the single writer of its file."""

    __slots__ = ("_con", "_label", "read_only")

    def __init__(self, *, connection: duckdb.DuckDBPyConnection, label: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = connection
        self._label = label
        self.read_only = read_only

    # -- opening and closing ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, migrations_dir: Path | None = None) -> Store:
        """Open (creating if needed) the database at `path` (":memory:" for a throwaway one) and migrate it.

        `migrations_dir` replaces the packaged migrations (for tests).  With `read_only=True` nothing is
        written: a database that still needs migrations raises StoreVersionError.
        """
        memory = str(path) == MEMORY
        label = MEMORY if memory else str(Path(path))
        if not memory:
            file = Path(path)
            if file.is_dir():
                raise StoreOpenError(f"cannot open store {label}: it is a directory")
            if not file.parent.is_dir():
                raise StoreOpenError(f"cannot open store {label}: directory {file.parent} does not exist")
            if read_only and not file.exists():
                raise StoreOpenError(f"cannot open store {label} read-only: no such file")
        migrations = load_migrations(migrations_dir)
        skip_absent_pandas()
        try:
            con = duckdb.connect(MEMORY if memory else label, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreOpenError(f"cannot open store {label} as a DuckDB database: {exc}") from exc
        try:
            if read_only:
                todo = pending_migrations(con, migrations=migrations, label=label)
                if todo:
                    raise StoreVersionError(
                        f"database {label} needs migration {todo[0].version:04d}_{todo[0].name}; "
                        "open it once without read_only to upgrade it"
                    )
            else:
                migrate(con, migrations=migrations, label=label)
        except BaseException:
            con.close()
            raise
        return cls(connection=con, label=label, read_only=read_only)

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"Store({self._label!r}, {state})"

    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreClosedError(f"store {self._label} is closed")
        return self._con

    @property
    def schema_version(self) -> int:
        row = self._db().execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing ---------------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed when the block ends, rolled back when it raises (a database error becomes a
        StoreWriteError that names `what` and the store)."""
        con = self._db()
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreWriteError(f"could not store {what} in {self._label} (rolled back): {exc}") from exc
            raise

    def add(self, document: Document, events: Sequence[Event]) -> bool:
        """Store `document` and the events extracted from it, in one transaction.

        Returns False and writes nothing when a document with the same id or the same content hash is already
        stored.  Every span that points into `document` must be its slice (else StoreWriteError, nothing
        written).  If any insert fails, the transaction is rolled back and the store is as it was.
        """
        if self.read_only:
            raise StoreWriteError(f"store {self._label} is open read-only")
        self._check_spans(document, events)
        with self._transaction(f"document {document.id!r}"):
            if self._has_document(id=document.id, content_hash=document.content_hash):
                return False  # nothing written: the empty transaction commits
            self._insert_document(document)
            for event in events:
                self._insert_event(doc_id=document.id, event=event)
        return True

    @staticmethod
    def _check_spans(document: Document, events: Sequence[Event]) -> None:
        for event in events:
            for span in event.spans():
                if span.doc != document.id:
                    continue  # a span of another document (a fused event): checked when that one was stored
                try:
                    span.check(document)
                except SpanMismatchError as exc:
                    raise StoreWriteError(
                        f"event {event.id!r}: span {span.start}..{span.end} is not a slice of document "
                        f"{document.id!r}; nothing stored"
                    ) from exc

    def _insert_document(self, document: Document) -> None:
        self._insert_rows(_Rows.of([(document, ())]))

    def _insert_event(self, *, doc_id: str, event: Event) -> None:
        rows = _Rows()
        rows.add_event(doc_id=doc_id, event=event)
        self._insert_rows(rows)

    def _insert_rows(self, rows: _Rows) -> None:
        con = self._db()
        insert_rows(con, "documents", _DOCUMENT_COLUMNS.split(","), rows.documents)
        insert_rows(con, "events", _EVENT_COLUMNS.split(","), rows.events)
        insert_rows(con, "claims", _CLAIM_COLUMNS, rows.claims)
        insert_rows(con, "evidence", ("event_id", "ordinal", "role", "doc_id", "start", "end", "text"), rows.evidence)
        insert_rows(con, "sources", ("event_id", "ordinal", "doc_id", "url", "outlet", "published"), rows.sources)

    # -- writing batches with their ledger (migrations/0003_ledger.sql, SQL in ledger.py) --------------------------

    def write_batch(
        self, documents: Sequence[tuple[Document, Sequence[Event]]], *, ledger: Sequence[LedgerEntry] = ()
    ) -> BatchWrite:
        """Store many documents with their events and their ledger entries in ONE transaction.

        A document whose id or text is already stored (or repeats an earlier one of the batch) is not written, and
        its ledger entry gets the outcome `duplicate`.  On any failure the transaction is rolled back: the batch is
        written whole or not at all, so a killed ingestion resumes from the ledger.
        """
        self._writable()
        for document, events in documents:
            self._check_spans(document, events)
        with self._transaction("a batch of documents") as con:
            taken = self._stored_keys(documents)
            rows = _Rows()
            stored: list[str] = []
            n_events = 0
            for document, evs in documents:
                if document.id in taken or document.content_hash in taken:
                    continue
                taken.update((document.id, document.content_hash))
                rows.add_document(document, evs)
                stored.append(document.id)
                n_events += len(evs)
            self._insert_rows(rows)
            fresh = set(stored)
            ledger_layer.write_entries(
                con,
                [
                    e
                    if e.doc_id is None or e.doc_id in fresh or not e.outcome.done
                    else dataclasses.replace(
                        e, outcome=Outcome.DUPLICATE, events=0, detail="same id or text as a stored document"
                    )
                    for e in ledger
                ],
            )
        return BatchWrite(stored=tuple(stored), events=n_events)

    def _stored_keys(self, documents: Sequence[tuple[Document, Sequence[Event]]]) -> set[str]:
        """The ids and content hashes of `documents` that are stored already."""
        if not documents:
            return set()
        rows = (
            self._db()
            .execute(
                "SELECT id, content_hash FROM documents WHERE id IN (SELECT unnest(?))"
                " OR content_hash IN (SELECT unnest(?))",
                [[d.id for d, _ in documents], [d.content_hash for d, _ in documents]],
            )
            .fetchall()
        )
        return {k for row in rows for k in row}

    def done_sources(self, sources: Sequence[str]) -> set[str]:
        """Those of the ledger keys `sources` that were read before with a final outcome (skipped on resume)."""
        return ledger_layer.done_sources(self._db(), sources)

    def record(self, ledger: Sequence[LedgerEntry]) -> None:
        """Write ledger entries that come with no document (unreadable inputs)."""
        self.write_batch((), ledger=ledger)

    def ledger_summary(self) -> LedgerSummary:
        """How many inputs had each outcome."""
        return ledger_layer.summary(self._db())

    def ledger(self, *, outcome: Outcome | None = None, limit: int | None = None) -> list[LedgerEntry]:
        """Ledger entries in reading order, optionally of one outcome only."""
        return ledger_layer.entries(self._db(), outcome=outcome, limit=limit)

    # -- reading ---------------------------------------------------------------------------------------------

    def has_document(self, *, id: str, content_hash: str) -> bool:
        """True when a document with this id OR this content hash is stored."""
        return self._has_document(id=id, content_hash=content_hash)

    def _has_document(self, *, id: str, content_hash: str) -> bool:
        row = (
            self._db()
            .execute("SELECT count(*) FROM documents WHERE id = ? OR content_hash = ?", [id, content_hash])
            .fetchone()
        )
        return bool(row and row[0])

    def document(self, id: str) -> Document | None:
        rows = self._db().execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [id]).fetchall()
        return _document(rows[0]) if rows else None

    def documents(self) -> list[Document]:
        """Every stored document, in ingestion order."""
        rows = self._db().execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY ingested_at, id").fetchall()
        return [_document(r) for r in rows]

    def event(self, id: str) -> Event | None:
        rows = self._db().execute("SELECT record FROM events WHERE id = ?", [id]).fetchall()
        return _event(rows[0][0]) if rows else None

    def events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        since: dt.date | None = None,
        include_background: bool = True,
        doc_id: str | None = None,
    ) -> list[Event]:
        """Stored events, ordered by date_start (undated last), then id.

        `country`: ISO alpha-2 code (case-insensitive).  `event_type`: an ACLED event type or sub-event type
        name (case-insensitive; StoreQueryError when it is neither).  `since`: events whose date window reaches
        `since` or later (date_end >= since); undated events are left out.  `doc_id`: the events of one document.
        """
        where, params = _filters(country=country, event_type=event_type, since=since, background=include_background)
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        return [_event(r[0]) for r in self._db().execute(_select("events", where), params).fetchall()]

    # -- the fused layer (migrations/0002_fusion.sql, SQL in merged.py) -------------------------------------------

    def events_near(self, *, country: str, start: dt.date, end: dt.date) -> list[Event]:
        """Per-document events of `country` whose date window meets start..end (fusion candidates)."""
        return fused_layer.events_near(self._db(), country=country, start=start, end=end)

    def events_near_any(self, windows: Sequence[tuple[str, dt.date, dt.date]]) -> list[Event]:
        """The events `events_near` gives for any of the (country, start, end) windows, by id, in one query."""
        return fused_layer.events_near_any(self._db(), windows)

    def unfused_events(self) -> list[Event]:
        """Per-document events that belong to no merged event yet."""
        return fused_layer.unfused_events(self._db())

    def replace_merged(self, fused: Sequence[FusedEvent], *, everything: bool = False) -> int:
        """In one transaction: delete the merged events that hold any member of `fused` (all merged events with
        `everything`), then store `fused`.  Returns how many merged events were deleted."""
        self._writable()
        with self._transaction("merged events") as con:
            if everything:
                row = con.execute("SELECT count(*) FROM merged_events").fetchone()
                gone = int(row[0]) if row else 0
                for table in ("merged_events", "merged_members", "merge_records"):
                    con.execute(f"DELETE FROM {table}")
            else:
                gone = fused_layer.delete_merged_of(con, members=[m for f in fused for m in f.members])
            fused_layer.insert_fused(con, fused)
        return gone

    def merged_events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        since: dt.date | None = None,
        include_background: bool = True,
        include_rejected: bool = False,
    ) -> list[Event]:
        """The fused events (one per real-world event), filtered like `events`, ordered by date_start (undated
        last), then id.  Events a human rejected are left out unless `include_rejected`."""
        where, params = _filters(country=country, event_type=event_type, since=since, background=include_background)
        if not include_rejected:
            where.append("NOT rejected")
        return [_event(r[0]) for r in self._db().execute(_select("merged_events", where), params).fetchall()]

    def merge_records(self) -> dict[str, dict[str, Any]]:
        """Merge records (fusion.MergeRecord.to_json()) keyed by merged event id."""
        return fused_layer.merge_records(self._db())

    def merge_records_of(self, merged_id: str) -> dict[str, Any] | None:
        """The merge record of one merged event (None when there is no such event)."""
        return fused_layer.merge_record(self._db(), merged_id)

    def overrides(self) -> list[Override]:
        """Human decisions that fusion respects, in the order they were made."""
        return fused_layer.overrides(self._db())

    def add_override(self, override: Override) -> None:
        """Record a human decision (it takes effect at the next fusion of the events it names)."""
        self._writable()
        try:
            fused_layer.add_override(self._db(), override)
        except duckdb.Error as exc:
            raise StoreWriteError(f"could not store the decision in {self._label}: {exc}") from exc

    # -- review (migration 0004; SQL in search.py and audit.py) ----------------------------------------------------

    def search(self, query: searching.EventQuery) -> searching.EventPage:
        """Merged events matching `query`, sorted and paged, with their review status."""
        return searching.search(self._db(), query, type_condition=_type_condition)

    def timeline(self, query: searching.EventQuery) -> list[tuple[str, str, int]]:
        """(day, event type, count) of the dated merged events matching `query` (paging ignored)."""
        return searching.timeline(self._db(), query, type_condition=_type_condition)

    def listed_event(self, merged_id: str) -> searching.ListedEvent | None:
        """One merged event (rejected ones too) with its review status."""
        return searching.listed(self._db(), merged_id)

    def members(self, merged_id: str) -> list[str]:
        """The per-document event ids of a merged event."""
        return searching.members(self._db(), merged_id)

    def merged_of(self, event_ids: Sequence[str]) -> list[str]:
        """The merged events now holding any of the per-document `event_ids`."""
        return searching.merged_of(self._db(), event_ids)

    def record_review(self, decisions: Sequence[Override], entry: audit.LogEntry) -> None:
        """Store human decisions and their audit log entry in one transaction (re-fuse afterwards)."""
        self._writable()
        with self._transaction("the review") as con:
            for decision in decisions:
                fused_layer.add_override(con, decision)
            audit.add_entry(con, entry)

    def review_log(
        self, *, members: Sequence[str] | None = None, target: str | None = None, limit: int = 200
    ) -> list[audit.LogEntry]:
        """The audit log, newest first: all of it, the entries made on any of `members`, or on merged event
        `target`."""
        return audit.entries(self._db(), members=members, target=target, limit=limit)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreWriteError(f"store {self._label} is open read-only")

    def merged_count(self, *, include_rejected: bool = True) -> int:
        """How many merged events are stored (without reading them)."""
        where = "" if include_rejected else " WHERE NOT rejected"
        row = self._db().execute(f"SELECT count(*) FROM merged_events{where}").fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> StoreCounts:
        row = (
            self._db()
            .execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                "(SELECT count(*) FROM claims), (SELECT count(*) FROM evidence)"
            )
            .fetchone()
        )
        if row is None:  # pragma: no cover - a scalar SELECT always returns a row
            raise StoreError(f"could not count rows of {self._label}")
        return StoreCounts(documents=int(row[0]), events=int(row[1]), claims=int(row[2]), evidence=int(row[3]))


def _filters(
    *, country: str | None, event_type: str | None, since: dt.date | None, background: bool
) -> tuple[list[str], list[Any]]:
    """WHERE conditions and parameters shared by the per-document and the merged event tables."""
    where: list[str] = []
    params: list[Any] = []
    if country is not None:
        where.append("upper(country) = ?")
        params.append(country.strip().upper())
    if event_type is not None:
        column, value = _type_condition(event_type)
        where.append(f"{column} = ?")
        params.append(value)
    if since is not None:
        where.append("date_end >= ?")
        params.append(since)
    if not background:
        where.append("NOT background")
    return where, params


def _select(table: str, where: Sequence[str]) -> str:
    sql = f"SELECT record FROM {table}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY date_start NULLS LAST, id"


def _document(row: tuple[Any, ...]) -> Document:
    doc_id, _hash, text, published, lang, url, title, outlet, path, headings = row
    ranges = json.loads(headings) if headings else []
    return Document(
        id=doc_id,
        text=text,
        published=published,
        lang=lang,
        url=url,
        title=title,
        outlet=outlet,
        path=path,
        headings=tuple((int(a), int(b)) for a, b in ranges),
    )


def _event(record: str) -> Event:
    return Event.from_json(json.loads(record))
