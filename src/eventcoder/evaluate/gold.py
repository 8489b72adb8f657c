"""Read and validate gold/1 files (shared/design/EVENTS.md section 2) into frozen records.

`load_gold` takes files or directories (searched recursively for `*.json`, in sorted order) and returns one
`GoldFile` per article.  Anything that is not a well-formed gold/1 file raises `GoldFormatError` naming the file
and the problem; nothing is silently skipped.

The corpus of a file is decided by one rule: it is `"acled"` when any directory name on the way to the file is
`acled`, and `"news"` otherwise.  The names considered are, for a file found under a directory argument, that
directory's own name and every directory below it down to the file; for a file given directly, the directory
parts of the path as given.  (`gold/dev/acled/x.json` and `load_gold(["gold/dev/acled"])` are both `acled`;
`gold/dev/news/nb/y.json` and `gold/dev/seed.json` are `news`.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any, TypeVar

from eventcoder.evaluate.text import find_quote
from eventcoder.model import (
    SUB_EVENT_TYPES,
    ClaimKind,
    Document,
    EventType,
    ModelError,
    PlacePrecision,
    Qualifier,
)

__all__ = [
    "GOLD_SCHEMA",
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
    "corpus_of",
    "load_gold",
    "load_gold_file",
]

GOLD_SCHEMA = "gold/1"
_ALL_SUB_EVENT_TYPES = frozenset(sub for subs in SUB_EVENT_TYPES.values() for sub in subs)


class GoldFormatError(ValueError):
    """A gold file is not gold/1 or is malformed; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class GoldStatus(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldActor:
    """An actor (or a claimant): its analyst name and the forms a reader would accept."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDate:
    earliest: dt.date
    latest: dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldFatalities:
    low: int | None = None
    high: int | None = None
    actor1: int | None = None
    actor2: int | None = None
    civilians: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldInjured:
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldClaim:
    kind: ClaimKind
    count: int | None  # null for a figure-less statement ("many were killed", qualifier vague)
    qualifier: Qualifier
    claimant: GoldActor | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    id: str
    status: GoldStatus
    event_type: EventType
    sub_event_type: str
    alt_sub_event_types: tuple[str, ...]
    date: GoldDate | None
    location: GoldPlace | None
    actors: tuple[GoldActor, ...]
    fatalities: GoldFatalities
    injured: GoldInjured
    claims: tuple[GoldClaim, ...]
    evidence: str
    evidence_span: tuple[int, int] | None  # where `evidence` was found in the document text, if it was
    cluster: str | None = None

    @property
    def required(self) -> bool:
        return self.status is GoldStatus.REQUIRED

    def accepts_sub_event_type(self, sub_event_type: str) -> bool:
        return sub_event_type == self.sub_event_type or sub_event_type in self.alt_sub_event_types


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldFile:
    path: Path
    corpus: str
    doc: Document
    events: tuple[GoldEvent, ...]
    scope: str | None = None  # "type": scored on detection and type only
    notes: str | None = None

    @property
    def type_only(self) -> bool:
        return self.scope == "type"

    @property
    def deaths_unscored(self) -> bool:
        """The annotator marked the file's death figures as not scored ("(not scored: figure not stated in
        notes)"): a null `fatalities.low` there means "unknown", not "no deaths reported", so no death measure
        is checked. EVENTS.md gives null the second meaning only; this marker overrides it for the file."""
        return self.notes is not None and _NOT_SCORED.search(self.notes) is not None


_NOT_SCORED = re.compile(r"\bnot scored\b", re.IGNORECASE)


def corpus_of(parts: Sequence[str]) -> str:
    """`"acled"` when any of the directory names is `acled`, else `"news"`."""
    return "acled" if "acled" in parts else "news"


def load_gold(paths: Sequence[str | Path]) -> list[GoldFile]:
    """Load gold/1 files from files and directories (recursive `*.json`, sorted); doc ids must be unique."""
    files: list[GoldFile] = []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for path in sorted(root.rglob("*.json")):
                below = path.relative_to(root).parent.parts
                files.append(load_gold_file(path, corpus=corpus_of((root.name, *below))))
        elif root.is_file():
            files.append(load_gold_file(root))
        else:
            raise GoldFormatError(root, "no such file or directory")
    seen: dict[str, Path] = {}
    for gold in files:
        if gold.doc.id in seen:
            raise GoldFormatError(gold.path, f"document id {gold.doc.id!r} already used by {seen[gold.doc.id]}")
        seen[gold.doc.id] = gold.path
    return files


def load_gold_file(path: str | Path, *, corpus: str | None = None) -> GoldFile:
    """Load one gold/1 file; `corpus` defaults to the rule of `corpus_of` over the path's directories."""
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(path, f"cannot read JSON ({exc})") from exc
    try:
        return _parse_file(obj, path=path, corpus=corpus if corpus is not None else corpus_of(path.parent.parts))
    except _Invalid as exc:
        raise GoldFormatError(path, str(exc)) from exc


class _Invalid(Exception):
    """Internal: a problem inside a file; `load_gold_file` adds the file name."""


def _parse_file(obj: Any, *, path: Path, corpus: str) -> GoldFile:
    top = _mapping(obj, "file")
    if top.get("schema") != GOLD_SCHEMA:
        raise _Invalid(f"not a {GOLD_SCHEMA} file (schema is {top.get('schema')!r})")
    scope = top.get("scope")
    if scope not in (None, "type"):
        raise _Invalid(f"scope must be 'type' or absent, not {scope!r}")
    doc = _parse_doc(_mapping(top.get("doc"), "doc"), path=path)
    events_raw = top.get("events")
    if not isinstance(events_raw, list):
        raise _Invalid("events must be a list")
    events = tuple(_parse_event(_mapping(e, f"events[{i}]"), i, doc.text) for i, e in enumerate(events_raw))
    ids = [e.id for e in events]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise _Invalid(f"duplicate event ids {dupes}")
    notes = top.get("notes")
    return GoldFile(
        path=path,
        corpus=corpus,
        doc=doc,
        events=events,
        scope=scope,
        notes=_opt_str(notes, "notes"),
    )


def _parse_doc(obj: Mapping[str, Any], *, path: Path) -> Document:
    doc_id = _str(obj.get("id"), "doc.id")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _Invalid("doc.text must be a string")
    published = _opt_str(obj.get("published"), "doc.published") or None
    try:
        return Document(
            id=doc_id,
            text=text,
            published=published,
            lang=_opt_str(obj.get("lang"), "doc.lang"),
            url=_opt_str(obj.get("url"), "doc.url"),
            title=_opt_str(obj.get("title"), "doc.title"),
            path=str(path),
        )
    except ModelError as exc:
        raise _Invalid(f"doc: {exc}") from exc


def _parse_event(obj: Mapping[str, Any], index: int, text: str) -> GoldEvent:
    where = f"events[{index}]"
    event_id = _str(obj.get("id"), f"{where}.id")
    where = f"event {event_id!r}"
    status = _enum(GoldStatus, obj.get("status"), f"{where}.status")
    event_type = _enum(EventType, obj.get("event_type"), f"{where}.event_type")
    sub = _str(obj.get("sub_event_type"), f"{where}.sub_event_type")
    if sub not in SUB_EVENT_TYPES[event_type]:
        raise _Invalid(f"{where}: {sub!r} is not a sub-event type of {event_type.value!r}")
    alts = tuple(_str(a, f"{where}.alt_sub_event_types") for a in _list(obj.get("alt_sub_event_types"), where))
    for alt in alts:
        if alt not in _ALL_SUB_EVENT_TYPES:
            raise _Invalid(f"{where}: alternative {alt!r} is not a sub-event type")
    evidence = _str(obj.get("evidence"), f"{where}.evidence")
    return GoldEvent(
        id=event_id,
        status=status,
        event_type=event_type,
        sub_event_type=sub,
        alt_sub_event_types=alts,
        date=_parse_date(obj.get("date"), where),
        location=_parse_place(obj.get("location"), where),
        actors=tuple(_parse_actor(a, f"{where}.actors") for a in _list(obj.get("actors"), where)),
        fatalities=GoldFatalities(**_counts(obj.get("fatalities"), f"{where}.fatalities", _FATALITY_KEYS)),
        injured=_parse_injured(obj.get("injured"), where),
        claims=tuple(_parse_claim(c, f"{where}.claims") for c in _list(obj.get("claims"), where)),
        evidence=evidence,
        evidence_span=find_quote(text, evidence),
        cluster=_opt_str(obj.get("cluster"), f"{where}.cluster"),
    )


_FATALITY_KEYS = ("low", "high", "actor1", "actor2", "civilians")
_E = TypeVar("_E", bound=Enum)


def _parse_injured(obj: Any, where: str) -> GoldInjured:
    # Per-party injured figures are allowed (and validated) but not scored.
    counts = _counts(obj, f"{where}.injured", _FATALITY_KEYS)
    return GoldInjured(low=counts["low"], high=counts["high"])


def _parse_date(obj: Any, where: str) -> GoldDate | None:
    if obj is None:
        return None
    m = _mapping(obj, f"{where}.date")
    try:
        earliest = dt.date.fromisoformat(_str(m.get("earliest"), f"{where}.date.earliest"))
        latest = dt.date.fromisoformat(_str(m.get("latest"), f"{where}.date.latest"))
    except ValueError as exc:
        raise _Invalid(f"{where}.date: {exc}") from exc
    if earliest > latest:
        raise _Invalid(f"{where}.date: earliest {earliest} is after latest {latest}")
    return GoldDate(earliest=earliest, latest=latest)


def _parse_place(obj: Any, where: str) -> GoldPlace | None:
    if obj is None:
        return None
    m = _mapping(obj, f"{where}.location")
    lat, lon = _opt_float(m.get("lat"), f"{where}.location.lat"), _opt_float(m.get("lon"), f"{where}.location.lon")
    if (lat is None) != (lon is None):
        raise _Invalid(f"{where}.location: give both lat and lon or neither")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _Invalid(f"{where}.location: coordinates out of range ({lat}, {lon})")
    return GoldPlace(
        name=_str(m.get("name"), f"{where}.location.name"),
        country=_opt_str(m.get("country"), f"{where}.location.country"),
        lat=lat,
        lon=lon,
        precision=_enum(PlacePrecision, m.get("precision"), f"{where}.location.precision"),
    )


def _parse_actor(obj: Any, where: str) -> GoldActor:
    m = _mapping(obj, where)
    aliases = tuple(_str(a, f"{where}.aliases") for a in _list(m.get("aliases"), where))
    return GoldActor(name=_str(m.get("name"), f"{where}.name"), aliases=aliases)


def _parse_claim(obj: Any, where: str) -> GoldClaim:
    m = _mapping(obj, where)
    count = m.get("count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
        raise _Invalid(f"{where}.count must be a non-negative integer or null, not {count!r}")
    claimant = m.get("claimant")
    return GoldClaim(
        kind=_enum(ClaimKind, m.get("kind"), f"{where}.kind"),
        count=count,
        qualifier=_enum(Qualifier, m.get("qualifier"), f"{where}.qualifier"),
        claimant=None if claimant is None else _parse_actor(claimant, f"{where}.claimant"),
    )


def _counts(obj: Any, where: str, keys: tuple[str, ...]) -> dict[str, int | None]:
    if obj is None:
        return dict.fromkeys(keys)
    m = _mapping(obj, where)
    unknown = sorted(set(m) - set(keys))
    if unknown:
        raise _Invalid(f"{where}: unknown keys {unknown}")
    out: dict[str, int | None] = {}
    for key in keys:
        value = m.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise _Invalid(f"{where}.{key} must be a non-negative integer or null, not {value!r}")
        out[key] = value
    return out


def _mapping(obj: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(obj, dict):
        raise _Invalid(f"{where} must be an object, not {type(obj).__name__}")
    return obj


def _list(obj: Any, where: str) -> list[Any]:
    if obj is None:
        return []
    if not isinstance(obj, list):
        raise _Invalid(f"{where}: expected a list, not {type(obj).__name__}")
    return obj


def _str(obj: Any, where: str) -> str:
    if not isinstance(obj, str) or not obj:
        raise _Invalid(f"{where} must be a non-empty string, not {obj!r}")
    return obj


def _opt_str(obj: Any, where: str) -> str | None:
    if obj is None:
        return None
    if not isinstance(obj, str):
        raise _Invalid(f"{where} must be a string or null, not {obj!r}")
    return obj


def _opt_float(obj: Any, where: str) -> float | None:
    if obj is None:
        return None
    if not isinstance(obj, int | float) or isinstance(obj, bool):
        raise _Invalid(f"{where} must be a number or null, not {obj!r}")
    return float(obj)


def _enum(cls: type[_E], obj: Any, where: str) -> _E:
    try:
        return cls(obj)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)
        raise _Invalid(f"{where}: {obj!r} is not one of {allowed}") from None
