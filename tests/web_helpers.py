"""A small store for the web tests: invented reports (no extraction), one of them with markup in its text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from eventcoder.fusion.sync import fuse_new
from eventcoder.model import Document, EventType, Span
from eventcoder.store import Store
from tests.fusion_helpers import report

TOKEN = "tok-kari-0123456789"
OTHER_TOKEN = "tok-ola-0123456789"


def build_store(path: Path) -> None:
    """Five documents: two reports of one Sadr City bombing, Mosul, Dnipro (a claim without a figure), and a Baqubah
    report whose text holds a <script> tag."""
    reports = [
        report("ntb", killed=((7, "politiet"),), lang="nb"),
        report("npk", place="Baghdad", killed=((30, "helsedepartementet"),), lang="nn"),
        report(
            "bbc",
            place="Mosul",
            day="2021-08-02",
            sub="Armed clash",
            event_type=EventType.BATTLES,
            actors=("IS", "army"),
            killed=((4, None),),
        ),
        report(
            "kyiv",
            place="Dnipro",
            day="2022-10-10",
            actors=("russia", None),
            sub="Shelling/artillery/missile attack",
            killed=((None, "local officials"),),  # "Several people were killed": a claim without a figure
        ),
    ]
    doc, event = report("evil", place="Baqubah", day="2021-09-01", killed=((2, "<b>police</b>"),))
    text = doc.text + "\n<script>alert('x')</script> was in the article."
    evil = Document(id=doc.id, text=text, published=doc.published, lang="en", title="<i>Headline</i>")
    event = replace(
        event,
        evidence=(
            *event.evidence,
            Span(doc="evil", start=len(doc.text) + 1, end=len(text), text=text[len(doc.text) + 1 :]),
        ),
    )
    confidence = {"bbc": 0.6, "evil": 0.3}
    with Store.open(path) as store:
        for d, e in [*reports, (evil, event)]:
            store.add(d, [replace(e, confidence=confidence.get(d.id, e.confidence))])
        fuse_new(store)
