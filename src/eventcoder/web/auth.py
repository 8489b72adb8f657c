"""Who may write: tokens (from $EVENTCODER_TOKEN or a tokens file), browser sessions and CSRF tokens.

Reading is open.  A write needs a known token:
- API clients send it as `Authorization: Bearer TOKEN` (no cookie is involved, so no CSRF is possible);
- the web page signs in once with the token (POST /login); the server keeps the session in memory and sets an
  HttpOnly, SameSite=Strict cookie.  Every form carries the session's CSRF token, which the server checks, and a
  cross-site Origin header is refused.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SESSION_COOKIE",
    "AuthError",
    "Session",
    "Sessions",
    "Tokens",
    "TokensFileError",
    "load_tokens",
]

SESSION_COOKIE = "eventcoder_session"


class AuthError(Exception):
    """A write without a valid token (status 401) or with a bad one (status 403)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class TokensFileError(ValueError):
    """The tokens file cannot be read or has a line that is not `name:token`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    """Known tokens and the analyst each belongs to (the name written to the audit log)."""

    users: Mapping[str, str]  # token -> analyst name

    def user(self, token: str | None) -> str:
        """The analyst of `token`; AuthError 401 when there is none, 403 when it is not known."""
        if not self.users:
            raise AuthError(
                "this server accepts no writes: start it with EVENTCODER_TOKEN set or --tokens FILE", status=403
            )
        if not token:
            raise AuthError("a token is needed to change anything (Authorization: Bearer TOKEN)", status=401)
        found = None
        for known, name in self.users.items():
            if hmac.compare_digest(known.encode("utf-8"), token.encode("utf-8")):
                found = name
        if found is None:
            raise AuthError("unknown token", status=403)
        return found


def load_tokens(*, tokens_file: Path | None = None, env: Mapping[str, str] | None = None) -> Tokens:
    """$EVENTCODER_TOKEN (its analyst named by $EVENTCODER_USER, default "analyst") and the lines `name:token` of
    `tokens_file` (blank lines and lines starting with # are skipped)."""
    environ = os.environ if env is None else env
    users: dict[str, str] = {}
    token = environ.get("EVENTCODER_TOKEN", "").strip()
    if token:
        users[token] = environ.get("EVENTCODER_USER", "").strip() or "analyst"
    if tokens_file is not None:
        try:
            lines = tokens_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise TokensFileError(f"cannot read tokens file {tokens_file}: {exc}") from exc
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, secret = line.partition(":")
            if not sep or not name.strip() or len(secret.strip()) < 8:
                raise TokensFileError(f"{tokens_file}:{number}: expected `name:token` with a token of 8+ characters")
            users[secret.strip()] = name.strip()
    return Tokens(users=users)


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    user: str
    csrf: str


class Sessions:
    """Browser sessions, kept in memory (a restart signs everybody out)."""

    __slots__ = ("_lock", "_sessions")

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def start(self, user: str) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        session = Session(user=user, csrf=secrets.token_urlsafe(32))
        with self._lock:
            self._sessions[sid] = session
        return sid, session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        with self._lock:
            return self._sessions.get(sid)

    def end(self, sid: str | None) -> None:
        with self._lock:
            self._sessions.pop(sid or "", None)

    def check_form(self, sid: str | None, csrf: str | None) -> Session:
        """The session of a form post; AuthError 401 without a session, 403 when the CSRF token is wrong."""
        session = self.get(sid)
        if session is None:
            raise AuthError("sign in with your token first", status=401)
        if not csrf or not hmac.compare_digest(session.csrf.encode("utf-8"), csrf.encode("utf-8")):
            raise AuthError("the form's CSRF token is missing or wrong: reload the page", status=403)
        return session
