"""The embedded DuckDB store: round trips, idempotence, rollback, filters, migrations, opening errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pytest

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
    Fatalities,
    Injured,
    Place,
    PlacePrecision,
    Qualifier,
    Source,
    Span,
    Victims,
)
from eventcoder.store import (
    Store,
    StoreClosedError,
    StoreCounts,
    StoreMigrationError,
    StoreOpenError,
    StoreQueryError,
    StoreVersionError,
    StoreWriteError,
)
from eventcoder.store.migrate import load_migrations

# Invented example articles (not taken from any real report).
NB_TEXT = (
    "Væpnede menn angrep tirsdag en militærpost utenfor Gao.\n"
    "Minst 14 soldater ble drept i kampene, ifølge hæren.\n"
    "Lokale kilder sier at opptil 20 mennesker døde, og at flere sivile ble såret."
)
EN_TEXT = (
    "Drone strikes hit a fuel depot near Idlib on Friday, killing three people.\n"
    "The depot had already been shelled in 2019, when 40 people were killed."
)


def at(doc: Document, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return doc.span(start, start + len(phrase))


def nb_doc(**overrides: Any) -> Document:
    base = Document(
        id="nb-gao-1",
        text=NB_TEXT,
        published="2023-05-10",
        lang="nb",
        url="https://example.org/nyheter/gao",
        title="Angrep ved Gao",
        outlet="Eksempelavisen",
        path="/data/in/gao.txt",
        headings=((0, 10),),
    )
    return replace(base, **overrides)


def battle(doc: Document) -> Event:
    return Event(
        id="ev-gao-battle",
        event_type=EventType.BATTLES,
        sub_event_type="Armed clash",
        date=DateWindow(
            start=dt.date(2023, 5, 9),
            end=dt.date(2023, 5, 9),
            precision=DatePrecision.DAY,
            text="tirsdag",
            span=at(doc, "tirsdag"),
        ),
        location=Place(
            name="Gao",
            country="ML",
            precision=PlacePrecision.NEAR_TOWN,
            lat=16.2717,
            lon=-0.0447,
            geonameid=2457163,
            admin1="Gao",
            text="Gao",
            span=at(doc, "Gao"),
        ),
        actor1=Actor(
            name="Unidentified Armed Group (Mali)",
            type=ActorType.REBEL_GROUP,
            country="ML",
            text="Væpnede menn",
            span=at(doc, "Væpnede menn"),
        ),
        actor2=Actor(
            name="Military Forces of Mali",
            type=ActorType.STATE_FORCES,
            country="ML",
            text="soldater",
            span=at(doc, "soldater"),
        ),
        fatalities=Fatalities(low=14, best=14, high=20, actor2=14),
        injured=Injured(),
        claims=(
            Claim(
                kind=ClaimKind.KILLED,
                low=14,
                high=None,
                qualifier=Qualifier.AT_LEAST,
                victims=Victims.ACTOR2,
                evidence=at(doc, "Minst 14 soldater ble drept i kampene, ifølge hæren."),
                victims_text="soldater",
                claimant="Military Forces of Mali",
                claimant_span=at(doc, "hæren"),
            ),
            Claim(
                kind=ClaimKind.KILLED,
                low=20,
                high=20,
                qualifier=Qualifier.UP_TO,
                victims=Victims.TOTAL,
                evidence=at(doc, "opptil 20 mennesker døde"),
                victims_text="mennesker",
                updates=True,
            ),
        ),
        evidence=(at(doc, "Væpnede menn angrep tirsdag en militærpost utenfor Gao."),),
        sources=(Source(doc=doc.id, url=doc.url, outlet=doc.outlet, published=doc.published),),
        background=False,
        confidence=0.8125,
        trigger=at(doc, "angrep"),
    )


def en_doc() -> Document:
    return Document(id="en-idlib-1", text=EN_TEXT, published="2021-03", lang="en")


def en_events(doc: Document) -> list[Event]:
    strike = Event(
        id="ev-idlib-strike",
        event_type=EventType.EXPLOSIONS,
        sub_event_type="Air/drone strike",
        date=DateWindow(
            start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 31), precision=DatePrecision.MONTH, text="Friday"
        ),
        location=Place(name="Idlib", country="SY", precision=PlacePrecision.NEAR_TOWN, lat=35.93, lon=36.63),
        actor1=None,
        actor2=None,
        fatalities=Fatalities(low=3, best=3, high=3, unknown=3),
        evidence=(at(doc, "Drone strikes hit a fuel depot near Idlib on Friday, killing three people."),),
        trigger=at(doc, "Drone strikes"),
        confidence=0.6,
    )
    recalled = Event(
        id="ev-idlib-2019",
        event_type=EventType.EXPLOSIONS,
        sub_event_type="Shelling/artillery/missile attack",
        date=DateWindow(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31), precision=DatePrecision.YEAR),
        location=Place(name="Idlib", country="SY", precision=PlacePrecision.NEAR_TOWN, lat=35.93, lon=36.63),
        actor1=None,
        actor2=None,
        fatalities=Fatalities(low=40, best=40, high=40),
        evidence=(at(doc, "The depot had already been shelled in 2019, when 40 people were killed."),),
        background=True,
        confidence=0.4,
    )
    undated = Event(
        id="ev-idlib-aaa-undated",
        event_type=EventType.STRATEGIC,
        sub_event_type="Looting/property destruction",
        date=None,
        location=None,
        actor1=None,
        actor2=None,
        evidence=(at(doc, "a fuel depot"),),
    )
    return [strike, recalled, undated]


@pytest.fixture()
def store() -> Store:
    return Store.open(":memory:")


# -- round trip and idempotence --------------------------------------------------------------------------------


def test_round_trip_is_lossless(store: Store) -> None:
    doc = nb_doc()
    event = battle(doc)
    assert store.add(doc, [event]) is True

    back = store.event("ev-gao-battle")
    assert back == event
    assert back is not None and back.claims[0].claimant_span == at(doc, "hæren")
    assert store.events() == [event]
    assert store.document("nb-gao-1") == doc
    assert store.documents() == [doc]
    # trigger, evidence, date, place, actor1, actor2, claim + claimant, claim
    assert store.counts() == StoreCounts(documents=1, events=1, claims=2, evidence=9)
    assert store.event("missing") is None
    assert store.document("missing") is None


def test_flat_columns_and_span_rows() -> None:
    with Store.open(":memory:") as store:
        doc = nb_doc()
        store.add(doc, [battle(doc)])
        con = store._db()
        row = con.execute(
            "SELECT doc_id, date_start, country, admin1, location_name, lat, geo_precision, actor1_type, "
            "actor2, fatalities_low, fatalities_best, fatalities_high, injured_low, background FROM events"
        ).fetchone()
        assert row == (
            "nb-gao-1",
            dt.date(2023, 5, 9),
            "ML",
            "Gao",
            "Gao",
            16.2717,
            "near_town",
            "rebel_group",
            "Military Forces of Mali",
            14,
            14,
            20,
            None,
            False,
        )
        roles = con.execute('SELECT role, "start", "end", text FROM evidence ORDER BY ordinal').fetchall()
        assert [r[0] for r in roles] == [
            "trigger",
            "evidence",
            "date",
            "place",
            "actor1",
            "actor2",
            "claim",
            "claimant",
            "claim",
        ]
        for _role, start, end, text in roles:
            assert NB_TEXT[start:end] == text
        claims = con.execute("SELECT ordinal, kind, low, high, qualifier, victims, claimant FROM claims").fetchall()
        assert sorted(claims) == [
            (0, "killed", 14, None, "at_least", "actor2", "Military Forces of Mali"),
            (1, "killed", 20, 20, "up_to", "total", None),
        ]
        assert con.execute("SELECT doc_id, outlet, published FROM sources").fetchall() == [
            ("nb-gao-1", "Eksempelavisen", "2023-05-10")
        ]


def with_figureless_claim(doc: Document) -> Event:
    """The battle with "flere sivile ble såret" as a claim without a figure."""
    event = battle(doc)
    several = Claim(
        kind=ClaimKind.INJURED,
        low=None,
        high=None,
        qualifier=Qualifier.VAGUE,
        victims=Victims.CIVILIANS,
        evidence=at(doc, "flere sivile ble såret"),
        victims_text="sivile",
        claimant="Lokale kilder",
        claimant_span=at(doc, "Lokale kilder"),
    )
    return replace(event, claims=(*event.claims, several))


def test_claim_without_figure_round_trips_with_null_low(store: Store) -> None:
    doc = nb_doc()
    event = with_figureless_claim(doc)
    store.add(doc, [event])
    assert store.event(event.id) == event
    row = store._db().execute("SELECT kind, low, high, qualifier, claimant FROM claims WHERE ordinal = 2").fetchone()
    assert row == ("injured", None, None, "vague", "Lokale kilder")


def test_database_of_schema_4_takes_claims_without_figure_after_migration(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    folder = packaged_migrations(tmp_path)
    for entry in folder.iterdir():
        if int(entry.name[:4]) > 4:
            entry.unlink()
    doc = nb_doc()
    with Store.open(path, migrations_dir=folder) as store:
        assert store.schema_version == 4
        store.add(doc, [battle(doc)])
    with Store.open(path) as store:
        assert store.schema_version == NEWEST
        other = replace(doc, id="nb-gao-2", text=NB_TEXT + "\n")  # another text: the same one is a duplicate
        event = replace(with_figureless_claim(other), id="ev-gao-2")
        assert store.add(other, [event]) is True
        assert store.event("ev-gao-2") == event
        assert store.event("ev-gao-battle") == battle(doc)


def test_adding_the_same_document_twice_adds_nothing(store: Store) -> None:
    doc = nb_doc()
    assert store.add(doc, [battle(doc)])
    before = store.counts()
    assert store.add(doc, [battle(doc)]) is False
    # same text under another id (same content hash)
    assert store.add(nb_doc(id="nb-gao-copy", url="https://example.org/copy"), []) is False
    # same id with other text
    assert store.add(Document(id="nb-gao-1", text="Noe helt annet."), []) is False
    assert store.counts() == before
    assert store.has_document(id="nb-gao-1", content_hash="x")
    assert store.has_document(id="other", content_hash=doc.content_hash)
    assert not store.has_document(id="other", content_hash="x")


# -- rollback ----------------------------------------------------------------------------------------------------


def test_failure_after_document_row_rolls_everything_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = en_doc()
    assert store.add(first, en_events(first))
    before = store.counts()
    assert before == StoreCounts(documents=1, events=3, claims=0, evidence=4)

    original = Store._insert_event
    calls: list[str] = []

    def flaky(self: Store, *, doc_id: str, event: Event) -> None:
        calls.append(event.id)
        if len(calls) == 2:  # the document row and the first event are already written
            raise RuntimeError("disk full (simulated)")
        original(self, doc_id=doc_id, event=event)

    monkeypatch.setattr(Store, "_insert_event", flaky)
    doc = nb_doc()
    second = Event.from_json({**battle(doc).to_json(), "id": "ev-gao-second"})
    with pytest.raises(RuntimeError, match="disk full"):
        store.add(doc, [battle(doc), second])
    assert calls == ["ev-gao-battle", "ev-gao-second"]
    assert store.counts() == before
    assert not store.has_document(id=doc.id, content_hash=doc.content_hash)
    assert store.event("ev-gao-battle") is None

    monkeypatch.setattr(Store, "_insert_event", original)
    assert store.add(doc, [battle(doc)])
    assert store.counts() == StoreCounts(documents=2, events=4, claims=2, evidence=13)


def test_database_error_midway_is_a_store_write_error(store: Store) -> None:
    doc = nb_doc()
    event = battle(doc)
    with pytest.raises(StoreWriteError, match=r"nb-gao-1.*rolled back"):
        store.add(doc, [event, event])  # duplicate event id violates the primary key
    assert store.counts() == StoreCounts(documents=0, events=0, claims=0, evidence=0)
    assert store.add(doc, [event])


def test_span_that_is_not_a_slice_is_refused(store: Store) -> None:
    doc = nb_doc()
    bad = Event.from_json(
        {**battle(doc).to_json(), "trigger": Span(doc=doc.id, start=0, end=6, text="xxxxxx").to_json()}
    )
    with pytest.raises(StoreWriteError, match="not a slice"):
        store.add(doc, [bad])
    assert store.counts().documents == 0


# -- filters -----------------------------------------------------------------------------------------------------


@pytest.fixture()
def filled(store: Store) -> Store:
    nb = nb_doc()
    en = en_doc()
    store.add(nb, [battle(nb)])
    store.add(en, en_events(en))
    return store


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_events_are_ordered_by_date_then_id_undated_last(filled: Store) -> None:
    assert ids(filled.events()) == ["ev-idlib-2019", "ev-idlib-strike", "ev-gao-battle", "ev-idlib-aaa-undated"]


def test_filter_by_country(filled: Store) -> None:
    assert ids(filled.events(country="ML")) == ["ev-gao-battle"]
    assert ids(filled.events(country="sy")) == ["ev-idlib-2019", "ev-idlib-strike"]
    assert filled.events(country="NO") == []


def test_filter_by_document(filled: Store) -> None:
    assert ids(filled.events(doc_id=nb_doc().id)) == ["ev-gao-battle"]
    assert ids(filled.events(doc_id=en_doc().id)) == ["ev-idlib-2019", "ev-idlib-strike", "ev-idlib-aaa-undated"]
    assert filled.events(doc_id="no-such-document") == []


def test_filter_by_type_or_sub_type(filled: Store) -> None:
    assert ids(filled.events(event_type="Explosions/Remote violence")) == ["ev-idlib-2019", "ev-idlib-strike"]
    assert ids(filled.events(event_type="Air/drone strike")) == ["ev-idlib-strike"]
    assert ids(filled.events(event_type="battles")) == ["ev-gao-battle"]
    assert filled.events(event_type="Riots") == []
    with pytest.raises(StoreQueryError, match="Skirmish"):
        filled.events(event_type="Skirmish")


def test_filter_since_and_background(filled: Store) -> None:
    assert ids(filled.events(since=dt.date(2021, 3, 15))) == ["ev-idlib-strike", "ev-gao-battle"]
    assert ids(filled.events(since=dt.date(2023, 5, 10))) == []
    assert ids(filled.events(include_background=False)) == [
        "ev-idlib-strike",
        "ev-gao-battle",
        "ev-idlib-aaa-undated",
    ]
    assert ids(filled.events(country="SY", event_type="Explosions/Remote violence", include_background=False)) == [
        "ev-idlib-strike"
    ]


# -- migrations --------------------------------------------------------------------------------------------------


def packaged_migrations(tmp_path: Path) -> Path:
    folder = tmp_path / "migrations"
    folder.mkdir()
    source = resources.files("eventcoder.store").joinpath("migrations")
    for entry in source.iterdir():
        if entry.name.endswith(".sql"):
            (folder / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def recorded(path: Path) -> list[tuple[int, str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [
            (int(v), str(n))
            for v, n in con.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()
        ]
    finally:
        con.close()


PACKAGED = [(m.version, m.name) for m in load_migrations()]
NEWEST = PACKAGED[-1][0]


def test_packaged_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    assert PACKAGED[:2] == [(1, "initial"), (2, "fusion")]
    with Store.open(path) as store:
        assert store.schema_version == NEWEST
    assert recorded(path) == PACKAGED
    with Store.open(path) as store:  # re-opening applies nothing new
        assert store.schema_version == NEWEST
    assert recorded(path) == PACKAGED


def test_later_migration_runs_once_and_old_code_refuses_newer_db(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        doc = nb_doc()
        store.add(doc, [battle(doc)])
    folder = packaged_migrations(tmp_path)
    # plain CREATE TABLE and INSERT: running this migration twice would fail or double the row
    (folder / f"{NEWEST + 1:04d}_review_notes.sql").write_text(
        "CREATE TABLE review_notes (event_id TEXT PRIMARY KEY, note TEXT);\n"
        "INSERT INTO review_notes VALUES ('ev-gao-battle', 'checked');\n",
        encoding="utf-8",
    )
    for _ in range(2):
        with Store.open(path, migrations_dir=folder) as store:
            assert store.schema_version == NEWEST + 1
            assert store._db().execute("SELECT count(*) FROM review_notes").fetchone() == (1,)
            assert store.counts().events == 1
    assert recorded(path) == [*PACKAGED, (NEWEST + 1, "review_notes")]

    newer = f"schema version {NEWEST + 1}, newer than this code knows \\({NEWEST}\\)"
    with pytest.raises(StoreVersionError, match=newer):
        Store.open(path)


def test_failing_migration_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    Store.open(path).close()
    folder = packaged_migrations(tmp_path)
    (folder / f"{NEWEST + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x INTEGER);\nSELECT * FROM no_such_table;\n", encoding="utf-8"
    )
    with pytest.raises(StoreMigrationError, match=f"{NEWEST + 1:04d}_broken"):
        Store.open(path, migrations_dir=folder)
    assert recorded(path) == PACKAGED
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    assert "half_done" not in tables
    assert {"documents", "events", "claims", "evidence", "sources", "schema_migrations"} <= tables


def test_badly_named_migration_file(tmp_path: Path) -> None:
    folder = packaged_migrations(tmp_path)
    (folder / "2_oops.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreMigrationError, match=r"2_oops\.sql"):
        Store.open(":memory:", migrations_dir=folder)


# -- files -------------------------------------------------------------------------------------------------------


def test_reopen_from_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "events.duckdb"
    path.parent.mkdir()
    nb, en = nb_doc(), en_doc()
    with Store.open(str(path)) as store:
        store.add(nb, [battle(nb)])
        store.add(en, en_events(en))
    with Store.open(path) as store:
        assert store.event("ev-gao-battle") == battle(nb)
        assert store.documents() == [nb, en]
        assert store.counts() == StoreCounts(documents=2, events=4, claims=2, evidence=13)
        assert store.add(nb, []) is False


def test_read_only_store(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    nb = nb_doc()
    with Store.open(path) as store:
        store.add(nb, [battle(nb)])
    with Store.open(path, read_only=True) as store:
        assert store.events() == [battle(nb)]
        with pytest.raises(StoreWriteError, match="read-only"):
            store.add(en_doc(), [])
    with pytest.raises(StoreOpenError, match="no such file"):
        Store.open(tmp_path / "absent.duckdb", read_only=True)


def test_text_file_is_not_a_store_and_is_left_intact(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    content = b"Dette er ikke en database.\nBare tekst.\n"
    path.write_bytes(content)
    with pytest.raises(StoreOpenError, match=re.escape(str(path))):
        Store.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_directory_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(StoreOpenError, match="directory"):
        Store.open(tmp_path)
    with pytest.raises(StoreOpenError, match="does not exist"):
        Store.open(tmp_path / "nope" / "events.duckdb")


def test_closed_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "events.duckdb")
    store.close()
    store.close()
    with pytest.raises(StoreClosedError, match="closed"):
        store.events()
    assert "closed" in repr(store)
    # the file is released: another store can open it
    with Store.open(tmp_path / "events.duckdb") as again:
        assert again.counts().documents == 0
