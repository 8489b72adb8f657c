"""HTML or JSON: every page has a JSON twin (the same URL with `.json`, or `Accept: application/json`)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

__all__ = ["error_response", "page", "templates", "wants_json"]

_ENV: jinja2.Environment | None = None


def templates() -> jinja2.Environment:
    """The page templates; autoescaping is on for every template, so article text and input show as text."""
    global _ENV
    if _ENV is None:
        root = resources.files("eventcoder.web").joinpath("templates")
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(root)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _ENV


def wants_json(request: Request, *, suffix: bool = False) -> bool:
    if suffix:
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def page(
    request: Request, template: str, data: dict[str, Any], *, json_twin: bool, status: int = 200, **extra: Any
) -> Response:
    """`data` as JSON, or rendered into `template` (which also gets `extra`, e.g. the signed-in session)."""
    if json_twin:
        return JSONResponse(data, status_code=status)
    html = templates().get_template(template).render(request=request, data=data, **extra)
    return HTMLResponse(html, status_code=status)


def error_response(request: Request, *, status: int, message: str, json_twin: bool) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if json_twin:
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    html = templates().get_template("error.html").render(request=request, status=status, message=message, session=None)
    return HTMLResponse(html, status_code=status, headers=headers)
