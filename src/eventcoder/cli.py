"""The `eventcoder` command: thin subcommands over the library."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eventcoder.ingest import INPUT_FORMATS, ReadError, read_documents
from eventcoder.model import Document, Event, ModelError, parse_partial_date

if TYPE_CHECKING:
    from eventcoder.progress import RunProgress
    from eventcoder.scale import Scale

__all__ = ["main"]


def _err(message: str) -> None:
    print(f"eventcoder: {message}", file=sys.stderr)


def _published(value: str) -> str:
    try:
        parse_partial_date(value)
    except ModelError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return value


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to read")
    p.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default=None,
        help="read every file in this format (default: by extension)",
    )
    p.add_argument("--lang", default="auto", help="auto (default), nb, nn or en")
    p.add_argument(
        "--published",
        type=_published,
        default=None,
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) for documents that carry none",
    )


def _scale_options(p: argparse.ArgumentParser) -> None:
    from eventcoder.scale import DEFAULT_BATCH_SIZE

    p.add_argument(
        "--workers", type=int, default=None, help="worker processes on this machine (default: every core); 1: none"
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="run on a Dask distributed scheduler (tcp://host:8786), or 'local' for a local Dask cluster",
    )
    p.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help=f"documents per batch (default {DEFAULT_BATCH_SIZE})"
    )
    p.add_argument(
        "--log-every",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="when stderr is not a terminal, a progress line this often (default 10)",
    )


def _scale(args: argparse.Namespace, *, total: int) -> Scale:
    """The executor the options ask for; by default every core, but no more workers than there are batches."""
    from eventcoder.scale import Scale, available_cores

    workers = args.workers
    if workers is None and args.scheduler is None:
        workers = max(1, min(available_cores(), -(-total // max(1, args.batch_size))))
    return Scale(workers=workers, scheduler=args.scheduler, batch_size=args.batch_size)


def _run_setup(args: argparse.Namespace, description: str) -> tuple[Scale, RunProgress]:
    from eventcoder.ingest.estimate import estimate_documents
    from eventcoder.progress import RunProgress

    total = estimate_documents(args.paths, input_format=args.input_format)
    return _scale(args, total=total), RunProgress(description=description, total=total, interval=args.log_every)


def _batches(items: Iterable[Document | ReadError], size: int, errors: list[ReadError]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, ReadError):
            _err(f"error: {item}")
            errors.append(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def cmd_extract(args: argparse.Namespace) -> int:
    from eventcoder.pipeline import Pipeline
    from eventcoder.render import events_jsonl, events_table
    from eventcoder.scale import code_stream

    lang = None if args.lang == "auto" else args.lang
    scale, progress = _run_setup(args, "extract")
    items = read_documents(args.paths, input_format=args.input_format, published=args.published, lang=lang)
    errors: list[ReadError] = []
    events: list[Event] = []
    failures = 0
    with progress as bar:
        stream = code_stream(
            _batches(items, scale.batch_size, errors), scale=scale, stages=Pipeline.default().names, lang=lang
        )
        for docs, result in stream:
            for doc, coded in zip(docs, result.coded, strict=True):
                if not coded.outcome.done:
                    _err(f"error: {doc.path or doc.id}: {coded.detail}")
                    failures += 1
                events.extend(coded.events)
            bar.advance(documents=len(docs), events=sum(len(c.events) for c in result.coded))
    if args.format == "jsonl":
        sys.stdout.write(events_jsonl(events))
    elif args.format == "json":
        json.dump([e.to_json() for e in events], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(events_table(events))
    return 1 if errors or failures else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from eventcoder.ingestion import ingest_paths
    from eventcoder.store import Store

    lang = None if args.lang == "auto" else args.lang
    scale, progress = _run_setup(args, "ingest")
    with Store.open(args.db) as store, progress as bar:
        summary = ingest_paths(
            args.paths,
            store=store,
            scale=scale,
            input_format=args.input_format,
            published=args.published,
            lang=lang,
            bar=bar,
            report=_err,
        )
        counts = store.counts()
        merged = store.merged_count()
    print(
        f"read {summary.read} documents ({summary.errors} errors, {summary.skipped} done by an earlier run); "
        f"stored {summary.stored} new documents with {summary.events} events ({summary.not_coded} without events, "
        f"{summary.duplicates} duplicates; see `eventcoder ledger`) on {scale.describe()}; "
        f"the store at {args.db} now holds {counts.documents} documents and {counts.events} events"
        f" in {merged} merged events ({summary.multi_source} of the {summary.merged} re-fused ones have several "
        "sources)",
        file=sys.stderr,
    )
    return 1 if summary.errors else 0


def cmd_ledger(args: argparse.Namespace) -> int:
    from eventcoder.ledger import Outcome
    from eventcoder.store import Store

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    with Store.open(args.db, read_only=True) as store:
        if args.outcome is None and not args.list:
            sys.stdout.write(store.ledger_summary().render())
            return 0
        entries = store.ledger(outcome=Outcome(args.outcome) if args.outcome else None, limit=args.limit)
    for e in entries:
        record = {
            "source": e.source,
            "doc_id": e.doc_id,
            "path": e.path,
            "line": e.line,
            "outcome": e.outcome.value,
            "events": e.events,
            "detail": e.detail,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_fuse(args: argparse.Namespace) -> int:
    from eventcoder.fusion.sync import fuse_new, refuse_all
    from eventcoder.store import Store

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    with Store.open(args.db) as store:
        summary = refuse_all(store) if args.all else fuse_new(store)
    print(
        f"fused {summary.reports} reports into {summary.merged} merged events ({summary.multi_source} with several "
        f"sources); replaced {summary.replaced} merged events",
        file=sys.stderr,
    )
    return 0


def cmd_merges(args: argparse.Namespace) -> int:
    from eventcoder.store import Store

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    with Store.open(args.db, read_only=True) as store:
        records = store.merge_records()
    for record in records.values():
        if args.all or len(record["docs"]) > 1:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from eventcoder.export import export_events
    from eventcoder.store import Store

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    with Store.open(args.db, read_only=True) as store:
        events = store.merged_events(include_background=args.background)
        unfused = len(store.unfused_events())
    if unfused:
        _err(f"warning: {unfused} stored reports are not fused yet: run `eventcoder fuse --db {args.db}` first")
    out = Path(args.output) if args.output else None
    loss = export_events(events, fmt=args.format, out=out)
    sys.stderr.write(loss.render())
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from eventcoder.render import events_csv, events_jsonl, events_table
    from eventcoder.store import Store

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    since = dt.date.fromisoformat(args.since) if args.since else None
    with Store.open(args.db, read_only=True) as store:
        read = store.merged_events if args.merged else store.events
        events = read(country=args.country, event_type=args.type, since=since, include_background=args.background)
    render = {"table": events_table, "jsonl": events_jsonl, "csv": events_csv}[args.format]
    sys.stdout.write(render(events))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from eventcoder.evaluate import evaluate_paths, load_gold, score_clusters
    from eventcoder.extraction import extract_document
    from eventcoder.fusion import fuse

    extracted: dict[str, list[Event]] = {}

    def run(document: Document) -> list[Event]:
        extracted[document.id] = extract_document(document)
        return extracted[document.id]

    report = evaluate_paths(args.paths, extract=run)
    gold = load_gold(args.paths)
    clusters = None
    if any(e.cluster for g in gold for e in g.events):
        clusters = score_clusters(gold, [f.event for f in fuse([e for evs in extracted.values() for e in evs])])
    if args.json:
        out = report.to_json()
        if clusters is not None:
            out["clusters"] = clusters.to_json()
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    by = ["corpus"] + ([] if args.by == "corpus" else [args.by])
    print(report.render(by=by))
    if clusters is not None:
        print(clusters.render())
    if args.misses:
        print(report.render_misses(limit=args.limit))
        if clusters is not None:
            for a, b in clusters.missed:
                print(f"fusion_missed  {a}  {b}")
            for a, b in clusters.wrong:
                print(f"fusion_wrong   {a}  {b}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from eventcoder.web import create_app, load_tokens

    if not Path(args.db).exists():
        _err(f"error: {args.db}: no such store (run `eventcoder ingest` first)")
        return 2
    tokens = load_tokens(tokens_file=Path(args.tokens) if args.tokens else None)
    app = create_app(db=args.db, tokens=tokens)
    writes = f"{len(tokens.users)} token(s) may write" if tokens.users else "read-only: no token is set"
    _err(f"serving {args.db} on http://{args.host}:{args.port}/ ({writes})")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _err(f"warning: {args.host} is reachable from other machines, and tokens travel without TLS")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from eventcoder.export import FORMATS
    from eventcoder.ledger import Outcome
    from eventcoder.settings import load_settings

    settings = load_settings()
    parser = argparse.ArgumentParser(prog="eventcoder", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the events of each document (no merging across documents)")
    _input_options(p)
    _scale_options(p)
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="table")
    p.set_defaults(fn=cmd_extract)

    p = sub.add_parser(
        "ingest", help="extract and store documents in the embedded DuckDB store (rerun to resume a killed run)"
    )
    _input_options(p)
    _scale_options(p)
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.set_defaults(fn=cmd_ingest)

    p = sub.add_parser("events", help="list stored events")
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. SY")
    p.add_argument("--type", help="ACLED event type or sub-event type")
    p.add_argument("--since", help="events ending on or after this date (YYYY-MM-DD)")
    p.add_argument("--no-background", dest="background", action="store_false", help="leave out recalled events")
    p.add_argument("--merged", action="store_true", help="list merged events (one per real-world event)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.set_defaults(fn=cmd_events)

    p = sub.add_parser("ledger", help="what ingestion read and why documents were not coded")
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("--outcome", choices=[o.value for o in Outcome], help="list the inputs with this outcome")
    p.add_argument("--list", action="store_true", help="list every input as JSON lines (default: a summary)")
    p.add_argument("--limit", type=int, default=None, help="at most this many inputs")
    p.set_defaults(fn=cmd_ledger)

    p = sub.add_parser("fuse", help="merge stored reports of the same event (ingest does this for new reports)")
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("--all", action="store_true", help="rebuild every merged event, not only unfused reports")
    p.set_defaults(fn=cmd_fuse)

    p = sub.add_parser("merges", help="print merge records (which reports were joined, why, how tolls were chosen)")
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("--all", action="store_true", help="also single-report events")
    p.set_defaults(fn=cmd_merges)

    p = sub.add_parser("export", help="write merged events as ACLED, UCDP, PLOVER, GeoJSON or Parquet")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("-o", "--output", help="output file (default: standard output; required for parquet)")
    p.add_argument("--no-background", dest="background", action="store_false", help="leave out recalled events")
    p.set_defaults(fn=cmd_export)

    p = sub.add_parser("serve", help="serve the events: HTTP API, map, timeline, evidence and review queue")
    p.add_argument("--db", default=settings.default_db, help=f"store file (default: {settings.default_db})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--tokens",
        default=os.environ.get("EVENTCODER_TOKENS_FILE"),
        help="file of `name:token` lines allowed to write (also $EVENTCODER_TOKEN, $EVENTCODER_TOKENS_FILE)",
    )
    p.set_defaults(fn=cmd_serve)

    p = sub.add_parser("evaluate", help="score extraction against gold/1 files")
    p.add_argument("paths", nargs="+", metavar="GOLD_PATH")
    p.add_argument(
        "--by",
        choices=("corpus", "lang", "corpus-lang"),
        default="corpus",
        help="rows per corpus, per language, or per corpus and language (news/nb, news/en, ...)",
    )
    p.add_argument("--misses", action="store_true", help="list the misses")
    p.add_argument("--limit", type=int, default=None, help="at most this many misses")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.set_defaults(fn=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from eventcoder.scale import ScaleError
    from eventcoder.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        code: int = args.fn(args)
    except (StoreError, ScaleError, ValueError, OSError) as exc:
        _err(f"error: {exc}")
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
