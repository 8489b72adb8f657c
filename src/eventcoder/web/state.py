"""What every view needs: the store, the tokens and the browser sessions (kept on `app.state.web`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from eventcoder.web.auth import SESSION_COOKIE, Session, Sessions, Tokens
from eventcoder.web.database import Database

__all__ = ["WebState", "session_of", "web_state"]


@dataclass(frozen=True, slots=True, kw_only=True)
class WebState:
    db: Database
    tokens: Tokens
    sessions: Sessions
    assets: Path | None  # the node_modules folder with leaflet, topojson-client and world-atlas


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def session_of(request: Request) -> Session | None:
    return web_state(request).sessions.get(request.cookies.get(SESSION_COOKIE))
