"""Which files to read and with which reader: directories walked in sorted order, formats chosen by extension."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.ingest.errors import BadInputFormatError, ReadError

__all__ = ["EXTENSIONS", "INPUT_FORMATS", "Input", "check_format", "discover", "format_of"]

INPUT_FORMATS: tuple[str, ...] = ("seed", "txt", "jsonl", "html", "feed")

# `.txt` is read as `seed` when its content starts with a date prefix (decided when the file is read).
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".feed": "feed",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """One file to read and the format to read it as (None: unknown, an error unless the caller names one)."""

    path: Path
    input_format: str | None


def check_format(input_format: str | None) -> str | None:
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise BadInputFormatError(f"unknown input format {input_format!r} (use one of {', '.join(INPUT_FORMATS)})")
    return input_format


def format_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Sequence[str | Path], *, input_format: str | None) -> Iterator[Input | ReadError]:
    """Files in the order given; a directory's files recursively in sorted order, hidden ones and unknown
    extensions skipped. A file named directly with an unknown extension is a ReadError unless a format is given."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                fmt = format_of(child)
                if fmt is not None:
                    yield Input(path=child, input_format=input_format or fmt)
            continue
        fmt = input_format or format_of(path)
        if fmt is None and path.exists():
            yield ReadError(path=str(path), message="unknown format, use --input-format")
            continue
        yield Input(path=path, input_format=fmt)
