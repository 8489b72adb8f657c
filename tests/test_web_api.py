"""The HTTP API and pages, in process (httpx through Starlette's TestClient): reading, filters, JSON twins,
escaping, downloads, and review writes that need a token."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventcoder.fusion.sync import refuse_all
from eventcoder.store import Store
from eventcoder.web import Tokens, TokensFileError, create_app, load_tokens
from tests.web_helpers import OTHER_TOKEN, TOKEN, build_store

KARI = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.duckdb"
    build_store(path)
    return path


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(db=db, tokens=Tokens(users={TOKEN: "kari", OTHER_TOKEN: "ola"}))
    with TestClient(app) as c:
        yield c


def ids(client: TestClient, query: str = "") -> dict[str, str]:
    """location name -> merged event id of the listed events."""
    body = client.get("/events.json?" + query).json()
    return {e["location"]: e["id"] for e in body["events"]}


def test_openapi_schema_lists_the_api_and_no_cdn_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/events",
        "/events.json",
        "/events/{event_id}",
        "/events.geojson",
        "/export/{fmt}",
        "/api/events/{event_id}/confirm",
        "/api/events/{event_id}/split",
        "/documents/{doc_id}",
        "/review",
    ):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_filters_sorting_and_paging(client: TestClient) -> None:
    body = client.get("/events.json").json()
    assert body["total"] == 4
    assert [e["location"] for e in body["events"]] == ["Baghdad", "Mosul", "Baqubah", "Dnipro"]  # by date
    assert set(ids(client, "country=ua")) == {"Dnipro"}
    assert set(ids(client, "type=Battles")) == {"Mosul"}
    assert set(ids(client, "type=suicide bomb")) == {"Baghdad", "Baqubah"}
    assert set(ids(client, "actor=russia")) == {"Dnipro"}
    assert set(ids(client, "admin1=baghdad")) == {"Baghdad", "Mosul", "Baqubah"}
    assert set(ids(client, "bbox=43,33,45,34")) == {"Baghdad", "Baqubah"}
    assert set(ids(client, "date_from=2021-08-01&date_to=2021-09-30")) == {"Mosul", "Baqubah"}
    assert set(ids(client, "q=SCRIPT")) == {"Baqubah"}  # words of the evidence, case-insensitive
    assert set(ids(client, "status=confirmed")) == set()
    by_toll = client.get("/events.json?sort=-fatalities").json()["events"]
    assert [e["fatalities"]["best"] for e in by_toll] == [7, 4, 2, None]
    page = client.get("/events.json?limit=2&offset=2").json()
    assert (page["total"], [e["location"] for e in page["events"]]) == (4, ["Baqubah", "Dnipro"])
    merged = client.get("/events.json?country=IQ&type=Suicide bomb").json()["events"][0]
    assert (merged["n_sources"], merged["fatalities"]["low"], merged["fatalities"]["high"]) == (2, 7, 30)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_from=yesterday", "date_from must be a date"),
        ("sort=colour", "cannot sort by 'colour'"),
        ("bbox=1,2", "bbox must be west,south,east,north"),
        ("status=maybe", "unknown review status"),
        ("type=Picnic", "unknown event type"),
        ("limit=0", "limit must lie in 1..500"),
        ("date_from=2022-01-02&date_to=2022-01-01", "date range starts after it ends"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client: TestClient, query: str, message: str) -> None:
    response = client.get("/events.json?" + query)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert client.get("/events?" + query).status_code == 400  # the HTML page too


def test_every_page_has_a_json_twin(client: TestClient) -> None:
    event_id = ids(client)["Mosul"]
    for url in ("/events", "/review", "/documents", f"/events/{event_id}", "/documents/bbc", "/login"):
        html = client.get(url)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), url
        twin = client.get(url + ".json").json()
        assert client.get(url, headers={"Accept": "application/json"}).json() == twin, url
    assert client.get("/events/mv-nope.json").status_code == 404
    assert client.get("/documents/nope").status_code == 404


def test_event_detail_has_claims_highlighted_evidence_sources_and_merge_record(client: TestClient) -> None:
    detail = client.get(f"/events/{ids(client)['Baghdad']}.json").json()
    assert detail["members"] == ["ev-npk", "ev-ntb"]
    assert sorted((c["low"], c["claimant"]) for c in detail["event"]["claims"]) == [
        (7, "politiet"),
        (30, "helsedepartementet"),
    ]
    assert [d["id"] for d in detail["documents"]] == ["npk", "ntb"]
    ntb = detail["documents"][1]
    roles = {tuple(p["roles"]): p["text"] for p in ntb["pieces"] if p["roles"]}
    assert roles[("evidence",)] == "A suicide bomb hit Sadr City."
    assert roles[("claim",)] == "7 people were killed, said politiet."
    assert "".join(p["text"] for p in ntb["pieces"]) == ntb["text"]
    assert detail["merge_record"]["rule"] == "linked reports"
    assert detail["review_log"] == []
    html = client.get(f"/events/{ids(client)['Baghdad']}").text
    assert '<mark class="hl-claim" title="claim">7 people were killed, said politiet.</mark>' in html
    assert "helsedepartementet" in html


def test_a_claim_without_figure_shows_no_figure_and_no_deaths(client: TestClient) -> None:
    detail = client.get(f"/events/{ids(client)['Dnipro']}.json").json()
    (claim,) = detail["event"]["claims"]
    assert (claim["low"], claim["qualifier"], claim["claimant"]) == (None, "vague", "local officials")
    assert detail["event"]["fatalities"]["low"] is None
    html = client.get(f"/events/{ids(client)['Dnipro']}").text
    assert "<td>no figure</td>" in html and "<td>None</td>" not in html


def test_article_text_and_input_are_escaped(client: TestClient) -> None:
    html = client.get(f"/events/{ids(client)['Baqubah']}").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "&lt;b&gt;police&lt;/b&gt;" in html and "<b>police</b>" not in html
    doc = client.get("/documents/evil").text
    assert "<script>alert" not in doc and "&lt;i&gt;Headline&lt;/i&gt;" in doc
    reflected = client.get("/events?actor=<script>x</script>").text
    assert "<script>x</script>" not in reflected and "&lt;script&gt;x&lt;/script&gt;" in reflected


def test_downloads_use_the_exporters_of_the_cli(client: TestClient) -> None:
    acled = client.get("/export/acled?country=IQ")
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert sorted(r["location"] for r in rows) == ["Baghdad", "Baqubah", "Mosul"]
    assert acled.headers["x-export-written"] == "3 of 3"
    parquet = client.get("/export/parquet")
    assert parquet.content[:4] == b"PAR1"
    geo = client.get("/events.geojson?type=Battles").json()
    assert [f["properties"]["location"] for f in geo["features"]] == ["Mosul"]
    assert client.get("/export/xlsx").status_code == 404
    days = client.get("/timeline.json?country=IQ").json()["days"]
    assert days == [
        {"day": "2021-07-19", "event_type": "Explosions/Remote violence", "count": 1},
        {"day": "2021-08-02", "event_type": "Battles", "count": 1},
        {"day": "2021-09-01", "event_type": "Explosions/Remote violence", "count": 1},
    ]


def test_writes_without_a_good_token_change_nothing(client: TestClient, db: Path) -> None:
    event_id = ids(client)["Mosul"]
    before = client.get("/events.json").json()
    for action, body in (
        ("confirm", {}),
        ("reject", {}),
        ("edit", {"changes": {"fatalities.low": 1}}),
        ("merge", {"other": ids(client)["Dnipro"]}),
        ("split", {"members": ["ev-bbc"]}),
    ):
        none = client.post(f"/api/events/{event_id}/{action}", json=body)
        assert none.status_code == 401 and none.headers["www-authenticate"] == "Bearer", action
        bad = client.post(f"/api/events/{event_id}/{action}", json=body, headers={"Authorization": "Bearer guess"})
        assert bad.status_code == 403, action
        form = client.post(f"/events/{event_id}/{action}", data={"note": "x"})
        assert form.status_code == 401, action
    assert client.get("/events.json").json() == before
    assert client.get("/api/log").json() == {"entries": []}


def test_a_server_without_tokens_refuses_every_write(db: Path) -> None:
    with TestClient(create_app(db=db, tokens=Tokens(users={}))) as c:
        event_id = ids(c)["Mosul"]
        response = c.post(f"/api/events/{event_id}/confirm", headers=KARI)
        assert response.status_code == 403 and "accepts no writes" in response.json()["error"]


def test_confirm_puts_the_event_out_of_the_queue_and_in_the_log(client: TestClient) -> None:
    queue = client.get("/review.json").json()["events"]
    assert [e["location"] for e in queue] == ["Baqubah", "Mosul", "Baghdad", "Dnipro"]  # lowest confidence first
    event_id = ids(client)["Baqubah"]
    result = client.post(f"/api/events/{event_id}/confirm", json={"note": "read it"}, headers=KARI).json()
    assert result["events"] == [event_id]
    assert [e["location"] for e in client.get("/review.json").json()["events"]] == ["Mosul", "Baghdad", "Dnipro"]
    detail = client.get(f"/events/{event_id}.json").json()
    assert detail["summary"]["review_status"] == "confirmed"
    (entry,) = detail["review_log"]
    assert (entry["author"], entry["action"], entry["before"], entry["after"], entry["note"]) == (
        "kari",
        "confirm",
        {"status": "unreviewed"},
        {"status": "confirmed"},
        "read it",
    )
    assert entry["logged_at"]
    assert set(ids(client, "status=confirmed")) == {"Baqubah"}


def test_edits_win_over_refusion_and_bad_edits_store_nothing(client: TestClient, db: Path) -> None:
    event_id = ids(client)["Mosul"]
    changes = {
        "fatalities.low": 6,
        "actor2": {"name": "Police Forces of Iraq", "type": "state_forces", "country": "iq"},
        "location": {"name": "Mosul old city", "country": "IQ", "lat": 36.34, "lon": 43.13, "precision": "site"},
        "date": {"start": "2021-08-01", "end": "2021-08-02", "precision": "days"},
        "sub_event_type": "Armed clash",  # unchanged: not recorded
    }
    edited = client.post(f"/api/events/{event_id}/edit", json={"changes": changes}, headers=KARI)
    assert edited.status_code == 200, edited.text
    assert sorted(edited.json()["entry"]["after"]) == ["actor2", "date", "fatalities.low", "location"]
    assert edited.json()["entry"]["before"]["fatalities.low"] == 4
    for response in (
        client.post(f"/api/events/{event_id}/edit", json={"changes": {"confidence": 1}}, headers=KARI),
        client.post(f"/api/events/{event_id}/edit", json={"changes": {"fatalities.low": -2}}, headers=KARI),
        client.post(f"/api/events/{event_id}/edit", json={"changes": {"sub_event_type": "Grenade"}}, headers=KARI),
        client.post(
            f"/api/events/{event_id}/edit", json={"changes": {"actor1": {"name": "X", "type": "gang"}}}, headers=KARI
        ),
        client.post(f"/api/events/{event_id}/edit", json={"changes": {"fatalities.low": 6}}, headers=KARI),
    ):
        assert response.status_code == 400, response.text
    assert client.post("/api/events/mv-gone/confirm", headers=KARI).status_code == 404
    client.app.state.web.db.close()  # type: ignore[attr-defined]
    with Store.open(db) as store:  # re-fusion from scratch keeps the human values
        refuse_all(store)
    event = client.get(f"/events/{event_id}.json").json()["event"]
    assert event["fatalities"]["low"] == 6
    assert (event["actor2"]["name"], event["actor2"]["country"]) == ("Police Forces of Iraq", "IQ")
    assert (event["location"]["name"], event["location"]["precision"]) == ("Mosul old city", "site")
    assert event["date"]["start"] == "2021-08-01"
    log = client.get("/api/log").json()["entries"]
    assert [e["action"] for e in log] == ["edit"]
    assert set(ids(client, "status=edited")) == {"Mosul old city"}


def test_merge_split_and_reject(client: TestClient) -> None:
    baghdad, dnipro = ids(client)["Baghdad"], ids(client)["Dnipro"]
    split = client.post(f"/api/events/{baghdad}/split", json={"members": ["ev-npk"]}, headers=KARI).json()
    assert len(split["events"]) == 2
    assert client.get("/events.json").json()["total"] == 5
    conflict = client.post(f"/api/events/{dnipro}/split", json={"members": ["ev-kyiv"]}, headers=KARI)
    assert conflict.status_code == 409
    merged = client.post(
        f"/api/events/{split['events'][0]}/merge", json={"other": split["events"][1]}, headers=KARI
    ).json()
    assert merged["events"] == [baghdad]  # the same reports again: the same id
    assert client.get(f"/events/{baghdad}.json").json()["members"] == ["ev-npk", "ev-ntb"]
    assert [e["action"] for e in client.get(f"/events/{baghdad}.json").json()["review_log"]] == ["merge", "split"]
    assert client.post(f"/api/events/{baghdad}/merge", json={"other": baghdad}, headers=KARI).status_code == 409
    client.post(f"/api/events/{dnipro}/reject", json={"note": "not an event"}, headers=KARI)
    assert "Dnipro" not in ids(client)
    assert set(ids(client, "status=rejected")) == {"Dnipro"}
    assert "Dnipro" not in client.get("/export/ucdp").text
    assert client.get(f"/events/{dnipro}.json").json()["summary"]["review_status"] == "rejected"


def test_forms_need_a_session_and_its_csrf_token(client: TestClient) -> None:
    event_id = ids(client)["Mosul"]
    assert client.post("/login", data={"token": "guess"}).status_code == 403
    signed = client.post("/login", data={"token": TOKEN, "next": f"/events/{event_id}"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == f"/events/{event_id}"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = client.get(f"/events/{event_id}").text
    csrf = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    assert client.post(f"/events/{event_id}/confirm", data={"csrf_token": "forged"}).status_code == 403
    cross = client.post(
        f"/events/{event_id}/confirm", data={"csrf_token": csrf}, headers={"Origin": "http://evil.example"}
    )
    assert cross.status_code == 403
    assert client.get(f"/events/{event_id}.json").json()["review_log"] == []
    done = client.post(f"/events/{event_id}/confirm", data={"csrf_token": csrf, "note": "ok"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/events/{event_id}?done=confirm"
    edit = client.post(
        f"/events/{event_id}/edit",
        data={
            "csrf_token": csrf,
            "fatalities_low": "5",
            "actor1_name": "Islamic State",
            "actor1_type": "rebel_group",
            "actor2_name": "Military Forces of Iraq",
            "actor2_type": "state_forces",
            "fatalities_best": "4",
        },
        follow_redirects=False,
    )
    assert edit.status_code == 303
    log = client.get(f"/events/{event_id}.json").json()["review_log"]
    assert [(e["author"], e["action"]) for e in log] == [("kari", "edit"), ("kari", "confirm")]
    assert log[0]["after"] == {"fatalities.low": 5}
    retype = {"csrf_token": csrf, "type_sub": "Strategic developments|Looting/property destruction"}
    assert client.post(f"/events/{event_id}/edit", data=retype, follow_redirects=False).status_code == 303
    event = client.get(f"/events/{event_id}.json").json()["event"]
    assert (event["event_type"], event["sub_event_type"]) == ("Strategic developments", "Looting/property destruction")
    wrong = client.post(f"/events/{event_id}/edit", data={"csrf_token": csrf, "type_sub": "Riots|Grenade"})
    assert wrong.status_code == 400 and "not a sub-event type of &#39;Riots&#39;" in wrong.text
    html = client.get(f"/events/{event_id}").text
    assert "signed in as <b>kari</b>" in html and 'id="audit-log"' in html


def test_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/events").text
    assert "http://" not in page.split("<main>")[0] and "https://" not in page
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    leaflet = client.get("/vendor/leaflet.js")
    if client.app.state.web.assets is None:  # type: ignore[attr-defined]
        assert leaflet.status_code == 404 and "make setup" in leaflet.text
    else:
        assert leaflet.status_code == 200 and "Leaflet" in leaflet.text[:500]
        assert client.get("/vendor/countries-110m.json").json()["type"] == "Topology"


def test_tokens_from_the_environment_and_a_file(tmp_path: Path) -> None:
    file = tmp_path / "tokens"
    file.write_text("# analysts\nkari:tok-kari-0123456789\n\nola : tok-ola-0123456789\n", encoding="utf-8")
    tokens = load_tokens(tokens_file=file, env={"EVENTCODER_TOKEN": "env-token-123", "EVENTCODER_USER": "lead"})
    assert dict(tokens.users) == {"env-token-123": "lead", "tok-kari-0123456789": "kari", "tok-ola-0123456789": "ola"}
    assert tokens.user("tok-ola-0123456789") == "ola"
    assert load_tokens(env={}).users == {}
    file.write_text("kari tok\n", encoding="utf-8")
    with pytest.raises(TokensFileError, match=r"tokens:1: expected `name:token`"):
        load_tokens(tokens_file=file, env={})


def test_an_old_id_leads_to_the_event_its_reports_belong_to_now(client: TestClient) -> None:
    baghdad = ids(client)["Baghdad"]
    split = client.post(f"/api/events/{baghdad}/split", json={"members": ["ev-npk"]}, headers=KARI).json()
    gone = client.get(f"/events/{baghdad}.json")
    assert gone.status_code == 404 and all(e in gone.json()["error"] for e in split["events"])
    moved = client.get(f"/events/{baghdad}", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] in [f"/events/{e}" for e in split["events"]]


def test_serve_needs_an_existing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventcoder.cli import build_parser, main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such store (run `eventcoder ingest` first)" in capsys.readouterr().err
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)  # loopback unless told otherwise
