"""`create_app`: the ASGI app of `eventcoder serve` (FastAPI), with its OpenAPI schema at /openapi.json.

All page assets are served by the app itself: its own JS and CSS from `web/static`, and Leaflet,
topojson-client and the world-atlas country outlines from the npm packages that `make setup` installs
(`node_modules`, or the folder named by `assets`).  Nothing is fetched from a CDN or a tile server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response

from eventcoder.fusion.overrides import OverrideError
from eventcoder.review import ReviewConflictError, ReviewError, UnknownEventError
from eventcoder.store.errors import StoreError, StoreQueryError
from eventcoder.web import api, forms, pages
from eventcoder.web.auth import AuthError, Sessions, Tokens
from eventcoder.web.database import Database
from eventcoder.web.params import ParamError
from eventcoder.web.respond import error_response, wants_json
from eventcoder.web.state import WebState

__all__ = ["VENDOR_FILES", "create_app", "find_assets"]

# URL path under /vendor/ -> file inside node_modules
VENDOR_FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}


def find_assets(start: Path | None = None) -> Path | None:
    """The `node_modules` folder holding the page's npm packages: beside the source tree, or in the working
    directory (None when neither has them)."""
    candidates = [Path(__file__).resolve().parents[3] / "node_modules", Path.cwd() / "node_modules"]
    if start is not None:
        candidates.insert(0, start)
    for folder in candidates:
        if (folder / VENDOR_FILES["leaflet.js"]).is_file():
            return folder
    return None


def _json_request(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".json", ".geojson")) or wants_json(request)


def create_app(*, db: Database | Path | str, tokens: Tokens, assets: Path | None = None) -> FastAPI:
    """The app over the store at `db`; writes need one of `tokens`."""
    database = db if isinstance(db, Database) else Database(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database.open()
        try:
            yield
        finally:
            database.close()

    app = FastAPI(
        title="eventcoder",
        summary="Armed-conflict events coded from news reports, with the evidence for every value",
        description="Reading is open. Every write needs `Authorization: Bearer TOKEN`. "
        "Every HTML page has a JSON twin: the same URL with `.json`, or `Accept: application/json`.",
        version="0.1.0",
        docs_url=None,  # the interactive docs load from a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = WebState(db=database, tokens=tokens, sessions=Sessions(), assets=find_assets(assets))

    def fail(status: int) -> object:
        async def handler(request: Request, exc: Exception) -> Response:
            return error_response(request, status=status, message=str(exc), json_twin=_json_request(request))

        return handler

    for error, status in (
        (ParamError, 400),
        (StoreQueryError, 400),
        (OverrideError, 400),
        (UnknownEventError, 404),
        (ReviewConflictError, 409),
        (ReviewError, 400),
        (StoreError, 500),
    ):
        app.add_exception_handler(error, fail(status))  # type: ignore[arg-type]

    async def auth_failed(request: Request, exc: Exception) -> Response:
        status = exc.status if isinstance(exc, AuthError) else 401
        return error_response(request, status=status, message=str(exc), json_twin=_json_request(request))

    app.add_exception_handler(AuthError, auth_failed)

    static = resources.files("eventcoder.web").joinpath("static")

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in ("app.js", "app.css"):
            return Response("not found", status_code=404, media_type="text/plain")
        return FileResponse(str(static.joinpath(name)))

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor_file(request: Request, name: str) -> Response:
        folder = app.state.web.assets
        if name not in VENDOR_FILES:
            return Response("not found", status_code=404, media_type="text/plain")
        if folder is None:
            return Response(
                "the map's npm packages are not installed: run `make setup` (npm ci)",
                status_code=404,
                media_type="text/plain",
            )
        return FileResponse(str(folder / VENDOR_FILES[name]))

    app.include_router(api.router)
    app.include_router(forms.router)
    app.include_router(pages.router)
    return app
