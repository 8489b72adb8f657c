"""Typed, frozen records of the event contract (shared/design/EVENTS.md).

Every vocabulary of the contract is an enum; every record converts to and from the contract's JSON
(`to_json` / `from_json`) without loss.  A `Span` cannot be built with text that is not the slice of its
document: build spans with `Document.span(start, end)`, and `Span.check(document)` verifies spans read back
from JSON.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "SUB_EVENT_TYPES",
    "Actor",
    "ActorType",
    "Claim",
    "ClaimKind",
    "DatePrecision",
    "DateWindow",
    "Document",
    "Event",
    "EventType",
    "Fatalities",
    "Injured",
    "ModelError",
    "Place",
    "PlacePrecision",
    "Qualifier",
    "Source",
    "Span",
    "SpanMismatchError",
    "Victims",
    "parse_partial_date",
]


class ModelError(ValueError):
    """A record violates the event contract."""


class SpanMismatchError(ModelError):
    """A span's text is not the slice of its document."""


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"


SUB_EVENT_TYPES: Mapping[EventType, tuple[str, ...]] = {
    EventType.BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EventType.EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    EventType.VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    EventType.PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    EventType.RIOTS: ("Violent demonstration", "Mob violence"),
    EventType.STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


class DatePrecision(StrEnum):
    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class PlacePrecision(StrEnum):
    SITE = "site"
    TOWN = "town"
    NEAR_TOWN = "near_town"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    REGION = "region"
    COUNTRY = "country"
    WATER = "water"


class ActorType(StrEnum):
    """ACLED actor types; the value order follows ACLED inter codes 1-8."""

    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_FORCES = "external_forces"

    @property
    def inter_code(self) -> int:
        return list(ActorType).index(self) + 1


class ClaimKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    CAPTURED = "captured"
    ARRESTED = "arrested"
    ABDUCTED = "abducted"
    FREED = "freed"
    ESCAPED = "escaped"
    DISPLACED = "displaced"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    ABOUT = "about"
    VAGUE = "vague"


class Victims(StrEnum):
    ACTOR1 = "actor1"
    ACTOR2 = "actor2"
    CIVILIANS = "civilians"
    UNKNOWN = "unknown"
    TOTAL = "total"


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: str) -> tuple[dt.date, dt.date, DatePrecision]:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` -> (first day, last day, precision)."""
    m = _PARTIAL_DATE.match(value.strip())
    if not m:
        raise ModelError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day, DatePrecision.DAY
        if m.group(2):
            month = int(m.group(2))
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1), DatePrecision.MONTH
    except ValueError as exc:
        raise ModelError(f"not a valid date: {value!r} ({exc})") from exc
    return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range of one document, with the text it covers."""

    doc: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ModelError(f"bad span offsets {self.start}..{self.end} in {self.doc!r}")
        if len(self.text) != self.end - self.start:
            raise SpanMismatchError(
                f"span {self.start}..{self.end} of {self.doc!r} has {len(self.text)} characters of text"
            )

    def check(self, document: Document) -> Span:
        """Raise SpanMismatchError unless this span is the slice of `document`; return self."""
        if document.id != self.doc or document.text[self.start : self.end] != self.text:
            raise SpanMismatchError(f"span {self.start}..{self.end} is not a slice of document {document.id!r}")
        return self

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Span:
        return cls(doc=str(obj["doc"]), start=int(obj["start"]), end=int(obj["end"]), text=str(obj["text"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A normalised article: every span of every later record points into `text`."""

    id: str
    text: str
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    lang: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    path: str | None = None  # the file it was read from, for error messages and provenance
    headings: tuple[tuple[int, int], ...] = ()  # character ranges of heading lines inside `text`

    def __post_init__(self) -> None:
        if not self.id:
            raise ModelError("a document needs an id")
        if self.published is not None:
            parse_partial_date(self.published)

    def span(self, start: int, end: int) -> Span:
        if not 0 <= start <= end <= len(self.text):
            raise ModelError(f"span {start}..{end} outside document {self.id!r} of {len(self.text)} characters")
        return Span(doc=self.id, start=start, end=end, text=self.text[start:end])

    def published_window(self) -> tuple[dt.date, dt.date, DatePrecision] | None:
        return parse_partial_date(self.published) if self.published else None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "published": self.published,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Document:
        return cls(
            id=str(obj["id"]),
            text=str(obj["text"]),
            published=obj.get("published"),
            lang=obj.get("lang"),
            url=obj.get("url"),
            title=obj.get("title"),
            outlet=obj.get("outlet"),
        )


def _opt_span(obj: Any) -> Span | None:
    return Span.from_json(obj) if obj else None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateWindow:
    start: dt.date
    end: dt.date
    precision: DatePrecision
    text: str | None = None
    span: Span | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ModelError(f"date window starts after it ends: {self.start} > {self.end}")
        if self.span is not None and self.text is not None and self.span.text != self.text:
            raise SpanMismatchError("date text differs from its span")

    def overlaps(self, other: DateWindow) -> bool:
        return self.start <= other.end and other.start <= self.end

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision.value,
            "text": self.text,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> DateWindow:
        return cls(
            start=dt.date.fromisoformat(obj["start"]),
            end=dt.date.fromisoformat(obj["end"]),
            precision=DatePrecision(obj["precision"]),
            text=obj.get("text"),
            span=_opt_span(obj.get("span")),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    precision: PlacePrecision
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    text: str | None = None
    span: Span | None = None

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ModelError("a place has both coordinates or neither")
        if self.lat is not None and self.lon is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ModelError(f"coordinates out of range: {self.lat}, {self.lon}")

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision.value,
            "text": self.text,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Place:
        return cls(
            name=str(obj["name"]),
            geonameid=obj.get("geonameid"),
            admin1=obj.get("admin1"),
            admin2=obj.get("admin2"),
            country=obj.get("country"),
            lat=obj.get("lat"),
            lon=obj.get("lon"),
            precision=PlacePrecision(obj["precision"]),
            text=obj.get("text"),
            span=_opt_span(obj.get("span")),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    name: str
    type: ActorType
    country: str | None = None
    text: str | None = None
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "country": self.country,
            "text": self.text,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Actor:
        return cls(
            name=str(obj["name"]),
            type=ActorType(obj["type"]),
            country=obj.get("country"),
            text=obj.get("text"),
            span=_opt_span(obj.get("span")),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One casualty figure as the article states it, with who said it.

    A claim may have no figure: "several people were killed, police said", "et stort antall soldater ble drept"
    (`low` and `high` None, qualifier `vague`). It records who said what happened, but adds nothing to a toll.
    """

    kind: ClaimKind
    low: int | None
    high: int | None
    qualifier: Qualifier
    victims: Victims
    evidence: Span
    victims_text: str | None = None
    claimant: str | None = None
    claimant_span: Span | None = None
    updates: bool = False  # "the death toll rose to 30": supersedes earlier figures of the same total
    subgroup: bool = False  # "among them 12 children": a part of another figure, never added to a total

    def __post_init__(self) -> None:
        if self.low is None:
            if self.high is not None or self.qualifier is not Qualifier.VAGUE:
                raise ModelError(f"a claim without a figure has no high and qualifier vague, not {self.high=}")
            return
        if self.low < 0 or (self.high is not None and self.high < self.low):
            raise ModelError(f"bad claim figures low={self.low} high={self.high}")

    @property
    def figure(self) -> bool:
        """Whether the claim gives a number ("3 killed"), not only that some were hit ("several killed")."""
        return self.low is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "victims": self.victims.value,
            "victims_text": self.victims_text,
            "claimant": self.claimant,
            "claimant_span": self.claimant_span.to_json() if self.claimant_span else None,
            "updates": self.updates,
            "subgroup": self.subgroup,
            "evidence": self.evidence.to_json(),
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Claim:
        return cls(
            kind=ClaimKind(obj["kind"]),
            low=None if obj.get("low") is None else int(obj["low"]),
            high=None if obj.get("high") is None else int(obj["high"]),
            qualifier=Qualifier(obj["qualifier"]),
            victims=Victims(obj["victims"]),
            victims_text=obj.get("victims_text"),
            claimant=obj.get("claimant"),
            claimant_span=_opt_span(obj.get("claimant_span")),
            updates=bool(obj.get("updates", False)),
            subgroup=bool(obj.get("subgroup", False)),
            evidence=Span.from_json(obj["evidence"]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    actor1: int | None = None
    actor2: int | None = None
    civilians: int | None = None
    unknown: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "civilians": self.civilians,
            "unknown": self.unknown,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any] | None) -> Fatalities:
        obj = obj or {}
        return cls(**{k: obj.get(k) for k in ("low", "best", "high", "actor1", "actor2", "civilians", "unknown")})


@dataclass(frozen=True, slots=True, kw_only=True)
class Injured:
    low: int | None = None
    best: int | None = None
    high: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any] | None) -> Injured:
        obj = obj or {}
        return cls(low=obj.get("low"), best=obj.get("best"), high=obj.get("high"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    doc: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "url": self.url, "outlet": self.outlet, "published": self.published}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Source:
        return cls(doc=str(obj["doc"]), url=obj.get("url"), outlet=obj.get("outlet"), published=obj.get("published"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    event_type: EventType
    sub_event_type: str
    date: DateWindow | None
    location: Place | None
    actor1: Actor | None
    actor2: Actor | None
    fatalities: Fatalities = field(default_factory=Fatalities)
    injured: Injured = field(default_factory=Injured)
    claims: tuple[Claim, ...] = ()
    evidence: tuple[Span, ...] = ()
    sources: tuple[Source, ...] = ()
    background: bool = False
    confidence: float = 0.5
    trigger: Span | None = None

    def __post_init__(self) -> None:
        if self.sub_event_type not in SUB_EVENT_TYPES[self.event_type]:
            raise ModelError(f"{self.sub_event_type!r} is not a sub-event type of {self.event_type.value!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ModelError(f"confidence out of range: {self.confidence}")

    def spans(self) -> Sequence[Span]:
        """Every span the record carries (for the 'evidence equals the document slice' invariant)."""
        out: list[Span] = list(self.evidence)
        for part in (self.date, self.location, self.actor1, self.actor2):
            if part is not None and part.span is not None:
                out.append(part.span)
        for claim in self.claims:
            out.append(claim.evidence)
            if claim.claimant_span is not None:
                out.append(claim.claimant_span)
        if self.trigger is not None:
            out.append(self.trigger)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type.value,
            "sub_event_type": self.sub_event_type,
            "date": self.date.to_json() if self.date else None,
            "location": self.location.to_json() if self.location else None,
            "actor1": self.actor1.to_json() if self.actor1 else None,
            "actor2": self.actor2.to_json() if self.actor2 else None,
            "fatalities": self.fatalities.to_json(),
            "injured": self.injured.to_json(),
            "claims": [c.to_json() for c in self.claims],
            "evidence": [s.to_json() for s in self.evidence],
            "sources": [s.to_json() for s in self.sources],
            "background": self.background,
            "confidence": self.confidence,
            "trigger": self.trigger.to_json() if self.trigger else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Event:
        return cls(
            id=str(obj["id"]),
            event_type=EventType(obj["event_type"]),
            sub_event_type=str(obj["sub_event_type"]),
            date=DateWindow.from_json(obj["date"]) if obj.get("date") else None,
            location=Place.from_json(obj["location"]) if obj.get("location") else None,
            actor1=Actor.from_json(obj["actor1"]) if obj.get("actor1") else None,
            actor2=Actor.from_json(obj["actor2"]) if obj.get("actor2") else None,
            fatalities=Fatalities.from_json(obj.get("fatalities")),
            injured=Injured.from_json(obj.get("injured")),
            claims=tuple(Claim.from_json(c) for c in obj.get("claims", ())),
            evidence=tuple(Span.from_json(s) for s in obj.get("evidence", ())),
            sources=tuple(Source.from_json(s) for s in obj.get("sources", ())),
            background=bool(obj.get("background", False)),
            confidence=float(obj.get("confidence", 0.5)),
            trigger=_opt_span(obj.get("trigger")),
        )


def event_id(*, docs: Sequence[str], event_type: EventType, place: str | None, date: str | None, key: str = "") -> str:
    """A stable id: a hash of (doc ids, type, place, date) and a disambiguating key."""
    raw = "|".join([",".join(sorted(docs)), event_type.value, place or "", date or "", key])
    return "ev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
