"""The page in a real browser: `eventcoder serve` on loopback over the sample articles, driven in Debian's
Chromium by npm playwright-core (tests/browser/review_flow.cjs).  `make test` installs node_modules and
chromium; without them this test skips and says why."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventcoder.cli import main as cli
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCRIPT = ROOT / "tests" / "browser" / "review_flow.cjs"
OUTPUT = ROOT / "tests" / "output"
TOKEN = "browser-test-token-0123"


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (make setup installs the browser test's tools)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (make setup runs apt-get install chromium chromium-driver)"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "node_modules/playwright-core is missing (make setup runs npm ci)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        body: bytes = response.read()
        return body


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    db = tmp_path / "samples.duckdb"
    assert cli(["ingest", str(SAMPLES), "--db", str(db)]) == 0
    port = _free_port()
    env = {**os.environ, "EVENTCODER_TOKEN": TOKEN, "EVENTCODER_USER": "browser-analyst"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    process = subprocess.Popen(
        [sys.executable, "-m", "eventcoder.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                _get(base + "/events.json")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer within 15 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_map_marker_event_evidence_confirm_and_audit(server: str) -> None:
    events = json.loads(_get(server + "/events.json?country=SY"))["events"]
    assert [e["location"] for e in events] == ["Tadmur"]
    event_id = events[0]["id"]
    OUTPUT.mkdir(exist_ok=True)
    run = subprocess.run(
        ["node", str(SCRIPT), server, event_id, TOKEN, str(OUTPUT)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["failures"] == []  # no script error, no failed request, nothing fetched from outside the app
    assert seen["markers"] == 7 and seen["table_rows"] == 7 and seen["timeline_bars"] >= 6
    assert len(seen["bbox"].split(",")) == 4 and seen["bbox_rows"] == 7  # the map view holds every event
    assert seen["popup"] == "Explosions/Remote violence / Air/drone strike"
    assert all(seen["highlights"][role] >= 1 for role in ("evidence", "trigger", "actor1", "place", "date", "claim"))
    # "Minst åtte ... drepne ..., ifølgje SOHR. Fleire vart såra." (injured, no figure, the same source) and the
    # government's 15
    assert seen["claimants"] == [
        "Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
        "Syriske styresmakter",
    ]
    assert (seen["status_before"], seen["status_after"]) == ("unreviewed", "confirmed")
    assert seen["audit"][1:3] == ["browser-analyst", "confirm"]
    assert seen["audit"][-1] == "checked against the source <b>text</b>"  # shown as typed, not as markup
    log = json.loads(_get(server + "/api/log"))["entries"]
    assert [(e["author"], e["action"], e["target"]) for e in log] == [("browser-analyst", "confirm", event_id)]
    assert (OUTPUT / "events.png").stat().st_size > 10_000 and (OUTPUT / "event.png").stat().st_size > 10_000
