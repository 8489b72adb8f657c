"""Geocoding check against the dev gold: does some place mention of the document hit each gold event's place?

    /tmp/venv/bin/python benchmarks/geo_check.py [--gold ../shared/gold/dev] [--misses N]

For each gold event with a location: hit when ANY resolved mention has the gold country and lies within the
scoring radius (50 km site/town/near_town/admin2, 150 km admin1, 300 km region; country-precision gold checks the
country only).  Reports the rate for news and acled, the gazetteer's build/load time and resolution throughput.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.geo.build import cache_path, load_gazetteer
from eventcoder.geo.finder import country_cues, find_raw_mentions
from eventcoder.geo.gazetteer import distance_km
from eventcoder.geo.resolver import resolve_mentions
from eventcoder.geo.words import place_words
from eventcoder.mentions import PlaceMention, Sentence
from eventcoder.model import Document
from eventcoder.pipeline import Analysis
from eventcoder.stages.places import find_places

RADIUS = {"site": 50.0, "town": 50.0, "near_town": 50.0, "admin2": 50.0, "admin1": 150.0, "region": 300.0}
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"–-])|\n+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    events: int
    hits: int
    country_hits: int


def sentences(doc: Document, *, real: bool) -> tuple[Sentence, ...]:
    """The real `segment` stage when asked (`--segment`), else a trivial splitter."""
    if real:
        from eventcoder.pipeline import Pipeline

        return Pipeline.from_names(["segment"]).analyse(doc, lang=doc.lang or "en").sentences
    out: list[Sentence] = []
    start = 0
    for m in _SPLIT.finditer(doc.text + "\n"):
        if m.start() > start:
            out.append(Sentence(span=doc.span(start, min(m.start(), len(doc.text))), index=len(out)))
        start = m.end()
    return tuple(out)


def hit(mentions: tuple[PlaceMention, ...], loc: dict[str, Any]) -> tuple[bool, bool]:
    country_ok = False
    for m in mentions:
        p = m.place
        if p is None or p.country != loc.get("country"):
            continue
        country_ok = True
        prec = loc.get("precision")
        if prec == "country":
            return True, True
        if p.lat is None or p.lon is None or loc.get("lat") is None:
            continue
        if distance_km(p.lat, p.lon, float(loc["lat"]), float(loc["lon"])) <= RADIUS.get(str(prec), 50.0):
            return True, True
    return False, country_ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev"))
    ap.add_argument("--segment", action="store_true", help="split sentences with eventcoder.stages.segment")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses per group")
    args = ap.parse_args()

    fresh = not cache_path().is_file()
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    t_load = time.perf_counter() - t0
    print(
        f"gazetteer: {len(gaz)} entries, {len(gaz.exact)} aliases; {'built+loaded' if fresh else 'loaded'} "
        f"in {t_load:.2f} s; maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )

    tallies: dict[str, Counter[str]] = {"news": Counter(), "acled": Counter()}
    misses: dict[str, list[str]] = {"news": [], "acled": []}
    n_mentions = 0
    t_stage = 0.0
    all_raw = []
    for path in sorted(Path(args.gold).rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        group = "acled" if "acled" in path.parts else "news"
        doc = Document.from_json(gold["doc"])
        lang = doc.lang or "en"
        analysis = Analysis(document=doc, lang=lang, sentences=sentences(doc, real=args.segment))
        t = time.perf_counter()
        mentions = find_places(analysis, gazetteer=gaz)
        t_stage += time.perf_counter() - t
        n_mentions += len(mentions)
        words = place_words(lang)
        all_raw.append(
            (
                find_raw_mentions(
                    doc.text, sentence_starts=[s.span.start for s in analysis.sentences], gazetteer=gaz, words=words
                ),
                country_cues(doc.text, words),
            )
        )
        for ev in gold.get("events", []):
            loc = ev.get("location")
            if not loc or loc.get("country") is None:
                continue
            ok, cok = hit(mentions, loc)
            tallies[group]["events"] += 1
            tallies[group]["hits"] += ok
            tallies[group]["country"] += cok or ok
            if not ok and len(misses[group]) < args.misses:
                found = "; ".join(
                    f"{m.span.text}->{m.place.name if m.place else None}/{m.place.country if m.place else ''}"
                    for m in mentions
                )
                misses[group].append(f"{path.name}: gold {loc['name']} {loc['country']} {loc['precision']} | {found}")
    for group, c in tallies.items():
        n = max(1, c["events"])
        print(f"{group}: {c['events']} events, within radius {c['hits'] / n:.3f}, right country {c['country'] / n:.3f}")
    n_raw = sum(len(r) for r, _ in all_raw)
    t = time.perf_counter()
    reps = 5
    for _ in range(reps):
        for raw, cues in all_raw:
            resolve_mentions(raw, gazetteer=gaz, cues=cues)
    t_res = time.perf_counter() - t
    print(f"stage: {n_mentions} mentions in {t_stage:.2f} s; resolver: {reps * n_raw / t_res:,.0f} resolutions/s")
    for group, lines in misses.items():
        for line in lines:
            print(f"MISS {group} {line}")


if __name__ == "__main__":
    main()
