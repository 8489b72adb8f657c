"""Builders of small per-document events for the fusion and export tests (invented reports)."""

from __future__ import annotations

import datetime as dt

from eventcoder.model import (
    Actor,
    ActorType,
    Claim,
    ClaimKind,
    DatePrecision,
    DateWindow,
    Document,
    Event,
    EventType,
    Place,
    PlacePrecision,
    Qualifier,
    Source,
    Victims,
)
from eventcoder.stages.tolls import fatalities_from_claims, injured_from_claims

PLACES = {
    "Sadr City": (33.3889, 44.4583, "IQ", 98182, PlacePrecision.TOWN),
    "Baghdad": (33.3406, 44.4009, "IQ", 98182, PlacePrecision.TOWN),
    "Baqubah": (33.7466, 44.6437, "IQ", 98860, PlacePrecision.TOWN),
    "Diyala": (33.9, 45.0, "IQ", 98229, PlacePrecision.ADMIN1),
    "Mosul": (36.335, 43.1189, "IQ", 99072, PlacePrecision.TOWN),
    "Dnipro": (48.4666, 35.0407, "UA", 709930, PlacePrecision.TOWN),
    "Marinka": (47.9428, 37.5042, "UA", 701845, PlacePrecision.NEAR_TOWN),  # a front-line village
    "Krasnohorivka": (48.0086, 37.5128, "UA", 704508, PlacePrecision.NEAR_TOWN),  # the next one, 7 km north
    "Donetsk oblast": (48.0, 37.8, "UA", 709716, PlacePrecision.ADMIN1),
    "Luhansk oblast": (48.57, 39.31, "UA", 702657, PlacePrecision.ADMIN1),
}

ADMIN1 = {"Marinka": "Donetsk", "Krasnohorivka": "Donetsk", "Donetsk oblast": "Donetsk", "Luhansk oblast": "Luhansk"}

ACTORS = {
    "IS": ("Islamic State", ActorType.REBEL_GROUP, None),
    "army": ("Military Forces of Iraq", ActorType.STATE_FORCES, None),
    "police": ("Police Forces of Iraq", ActorType.STATE_FORCES, None),
    "civ": ("Civilians (Iraq)", ActorType.CIVILIANS, None),
    "uag": ("Unidentified Armed Group (Iraq)", ActorType.REBEL_GROUP, None),
    "russia": ("Military Forces of Russia", ActorType.STATE_FORCES, "RU"),
    "ukraine": ("Military Forces of Ukraine", ActorType.STATE_FORCES, "UA"),
    "naf": ("NAF: United Armed Forces of Novorossiya", ActorType.REBEL_GROUP, "UA"),
    "uag-ua": ("Unidentified Armed Group (Ukraine)", ActorType.REBEL_GROUP, "UA"),
    "protesters": ("Protesters (Iraq)", ActorType.PROTESTERS, "IQ"),
}


def report(
    doc_id: str,
    *,
    place: str = "Sadr City",
    day: str = "2021-07-19",
    days: int = 1,
    published: str | None = None,
    sub: str = "Suicide bomb",
    event_type: EventType = EventType.EXPLOSIONS,
    actors: tuple[str | None, str | None] = ("IS", "civ"),
    killed: tuple[tuple[int | None, str | None], ...] = (),  # None: "Several people were killed"
    updates: bool = False,
    lang: str = "en",
    site: str | None = None,
    victims: Victims = Victims.TOTAL,
    date_text: str | None = None,
) -> tuple[Document, Event]:
    """A document with one sentence per fact and the event extracted from it."""
    lines = [f"A {sub.lower()} hit {site or place}."]
    lines += [f"{'Several' if n is None else n} people were killed, said {who or 'nobody'}." for n, who in killed]
    text = "\n".join(lines)
    doc = Document(id=doc_id, text=text, published=published or day, lang=lang, outlet=f"Outlet {doc_id}")
    lat, lon, country, gid, precision = PLACES[place]
    loc = Place(
        name=site or place,
        country=country,
        precision=PlacePrecision.SITE if site else precision,
        lat=lat,
        lon=lon,
        geonameid=gid,
        admin1=ADMIN1.get(place, "Baghdad" if country == "IQ" else None),
        text=place,
    )
    start = dt.date.fromisoformat(day)
    date = DateWindow(
        start=start,
        end=start + dt.timedelta(days=days - 1),
        precision=DatePrecision.DAY if days == 1 else DatePrecision.DAYS if days < 7 else DatePrecision.MONTH,
        text=date_text,
    )
    claims: list[Claim] = []
    offset = len(lines[0]) + 1
    for (n, who), line in zip(killed, lines[1:], strict=True):
        claims.append(
            Claim(
                kind=ClaimKind.KILLED,
                low=n,
                high=None,
                qualifier=Qualifier.VAGUE if n is None else Qualifier.EXACT,
                victims=victims,
                evidence=doc.span(offset, offset + len(line)),
                claimant=who,
                updates=updates,
            )
        )
        offset += len(line) + 1
    a1, a2 = (Actor(name=ACTORS[k][0], type=ACTORS[k][1], country=ACTORS[k][2]) if k else None for k in actors)
    event = Event(
        id=f"ev-{doc_id}",
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        location=loc,
        actor1=a1,
        actor2=a2,
        fatalities=fatalities_from_claims(claims),
        injured=injured_from_claims(claims),
        claims=tuple(claims),
        evidence=(doc.span(0, len(lines[0])),),
        sources=(Source(doc=doc_id, outlet=doc.outlet, published=doc.published),),
        confidence=0.8,
    )
    return doc, event
