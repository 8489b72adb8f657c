"""The page's forms: sign in with a token, and the review actions (session cookie + CSRF token + same origin)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from eventcoder import review
from eventcoder.web.auth import SESSION_COOKIE, AuthError, Session
from eventcoder.web.respond import page, wants_json
from eventcoder.web.state import session_of, web_state

__all__ = ["edit_changes", "router"]

router = APIRouter(include_in_schema=False)


def _same_origin(request: Request) -> None:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise AuthError(f"cross-site form post from {urlsplit(origin).netloc!r} refused", status=403)


@router.get("/login")
def login_page(request: Request) -> Response:
    session = session_of(request)
    data = {"user": session.user if session else None}
    return page(
        request,
        "login.html",
        data,
        json_twin=wants_json(request),
        session=session,
        next=request.query_params.get("next", "/events"),
    )


@router.get("/login.json")
def login_json(request: Request) -> Response:
    session = session_of(request)
    return page(request, "login.html", {"user": session.user if session else None}, json_twin=True)


def _local(target: str) -> str:
    """Only redirect inside this site."""
    return target if target.startswith("/") and not target.startswith("//") else "/events"


@router.post("/login")
async def login(request: Request) -> Response:
    _same_origin(request)
    form = await request.form()
    user = web_state(request).tokens.user(str(form.get("token") or "").strip() or None)
    sid, _ = web_state(request).sessions.start(user)
    response = RedirectResponse(_local(str(form.get("next") or "/events")), status_code=303)
    response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    _same_origin(request)
    form = await request.form()
    sid = request.cookies.get(SESSION_COOKIE)
    web_state(request).sessions.check_form(sid, str(form.get("csrf_token") or ""))
    web_state(request).sessions.end(sid)
    response = RedirectResponse("/events", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _text(form: Any, name: str) -> str | None:
    value = str(form.get(name) or "").strip()
    return value or None


def _number(form: Any, name: str, kind: type[int] | type[float]) -> int | float | None:
    value = _text(form, name)
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError as exc:
        raise review.ReviewError(f"{name} must be a number, not {value!r}") from exc


def edit_changes(form: Any) -> dict[str, Any]:
    """The edit form's fields -> `review.edit` changes.  A field the form does not send is left alone; a field
    sent empty clears the value (an actor, a toll); unchanged values are dropped by `edit`."""
    changes: dict[str, Any] = {}
    both = _text(form, "type_sub")  # "Type|Sub-type": one select keeps the pair consistent
    if both:
        event_type, sep, sub = both.partition("|")
        if not sep:
            raise review.ReviewError(f"type_sub must be 'event type|sub-event type', not {both!r}")
        changes["event_type"], changes["sub_event_type"] = event_type, sub
    if _text(form, "event_type"):
        changes["event_type"] = _text(form, "event_type")
    if _text(form, "sub_event_type"):
        changes["sub_event_type"] = _text(form, "sub_event_type")
    if _text(form, "date_start"):
        changes["date"] = {
            "start": _text(form, "date_start"),
            "end": _text(form, "date_end") or _text(form, "date_start"),
            "precision": _text(form, "date_precision"),
        }
    if _text(form, "location_name"):
        changes["location"] = {
            "name": _text(form, "location_name"),
            "country": _text(form, "location_country"),
            "admin1": _text(form, "location_admin1"),
            "lat": _number(form, "location_lat", float),
            "lon": _number(form, "location_lon", float),
            "precision": _text(form, "location_precision"),
        }
    for actor in ("actor1", "actor2"):
        if f"{actor}_name" not in form:
            continue
        name = _text(form, f"{actor}_name")
        changes[actor] = (
            {"name": name, "type": _text(form, f"{actor}_type"), "country": _text(form, f"{actor}_country")}
            if name
            else None
        )
    for part in ("low", "best", "high"):
        if f"fatalities_{part}" in form:
            changes[f"fatalities.{part}"] = _number(form, f"fatalities_{part}", int)
    return changes


@router.post("/events/{event_id}/{action}")
async def review_form(request: Request, event_id: str, action: str) -> Response:
    _same_origin(request)
    form = await request.form()
    session: Session = web_state(request).sessions.check_form(
        request.cookies.get(SESSION_COOKIE), str(form.get("csrf_token") or "")
    )
    note = _text(form, "note")
    with web_state(request).db.store() as store:
        if action == "confirm":
            result = review.confirm(store, event_id, author=session.user, note=note)
        elif action == "reject":
            result = review.reject(store, event_id, author=session.user, note=note)
        elif action == "edit":
            result = review.edit(store, event_id, author=session.user, changes=edit_changes(form), note=note)
        elif action == "merge":
            other = _text(form, "other") or ""
            result = review.merge(store, event_id, other, author=session.user, note=note)
        elif action == "split":
            members = [str(m) for m in form.getlist("members")]
            result = review.split(store, event_id, members=members, author=session.user, note=note)
        else:
            raise review.UnknownEventError(f"no review action {action!r} (one of {', '.join(review.ACTIONS)})")
    target = result.events[0] if result.events else event_id
    return RedirectResponse(f"/events/{quote(target)}?done={quote(action)}", status_code=303)
