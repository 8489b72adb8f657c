"""The foundation's acceptance: the user's seed article gives the prison battle and the coalition air strikes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.extraction import extract_document
from eventcoder.ingest import ReadError, read_documents
from eventcoder.model import ClaimKind, Event, EventType

pytestmark = pytest.mark.shared


def _seed_events(shared_dir: Path) -> list[Event]:
    seed = shared_dir / "seed" / "ghwayran-2022-01.nb.txt"
    docs = [d for d in read_documents([seed]) if not isinstance(d, ReadError)]
    assert len(docs) == 1
    return extract_document(docs[0])


def test_seed_prison_battle(shared_dir: Path) -> None:
    events = [e for e in _seed_events(shared_dir) if not e.background]
    battles = [e for e in events if e.event_type is EventType.BATTLES and e.sub_event_type == "Armed clash"]
    assert len(battles) == 1
    battle = battles[0]
    names = {battle.actor1.name if battle.actor1 else None, battle.actor2.name if battle.actor2 else None}
    assert names == {"Islamic State", "Syrian Democratic Forces"}
    assert battle.location is not None
    assert battle.location.country == "SY"
    assert battle.location.admin1 is not None and "asak" in battle.location.admin1
    assert battle.date is not None
    assert battle.date.start.isoformat() >= "2022-01-01" and battle.date.end.isoformat() <= "2022-01-31"
    f = battle.fatalities
    assert (f.low, f.civilians) == (123, 7)
    assert {f.actor1, f.actor2} == {77, 39}
    side_of_is = f.actor1 if battle.actor1 and battle.actor1.name == "Islamic State" else f.actor2
    assert side_of_is == 77
    killed = [c for c in battle.claims if c.kind is ClaimKind.KILLED]
    assert sorted(c.low for c in killed) == [7, 39, 77]
    assert {c.claimant for c in killed} == {"Syrian Observatory for Human Rights"}


def test_seed_air_strikes(shared_dir: Path) -> None:
    events = [e for e in _seed_events(shared_dir) if not e.background]
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].event_type is EventType.EXPLOSIONS
    assert strikes[0].location is not None and strikes[0].location.country == "SY"


def test_seed_nothing_dated_2019(shared_dir: Path) -> None:
    for event in _seed_events(shared_dir):
        assert event.date is None or event.date.start.year != 2019


def test_seed_as_json_line_gives_the_same_events(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed" / "ghwayran-2022-01.nb.txt"
    doc = next(d for d in read_documents([seed]) if not isinstance(d, ReadError))
    line = tmp_path / "seed.jsonl"
    line.write_text(json.dumps({"id": doc.id, "text": doc.text, "published": doc.published}) + "\n", encoding="utf-8")
    from_line = next(d for d in read_documents([line]) if not isinstance(d, ReadError))
    assert from_line.text == doc.text
    a = [e.to_json() for e in extract_document(doc)]
    b = [e.to_json() for e in extract_document(from_line)]
    assert a == b
