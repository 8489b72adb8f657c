"""The HTTP API and web page of `eventcoder serve`: map, timeline, evidence, and an analyst's review queue.

    app = create_app(db="eventcoder.duckdb", tokens=load_tokens())    # an ASGI app (FastAPI)

`pages` (HTML pages and their JSON twins), `api` (GeoJSON, timeline, downloads, review writes), `forms` (sign
in, review forms), `auth` (tokens, sessions, CSRF), `views` (what a page shows), `params` (query parameters).
"""

from eventcoder.web.app import create_app, find_assets
from eventcoder.web.auth import AuthError, Tokens, TokensFileError, load_tokens

__all__ = ["AuthError", "Tokens", "TokensFileError", "create_app", "find_assets", "load_tokens"]
