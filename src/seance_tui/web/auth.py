"""Who is asking: a reviewer's token (``Authorization: Bearer``, for scripts)
or a browser session opened by posting the token to the login form.

A session is a random id in an HttpOnly, SameSite=Strict cookie; the server
keeps, in memory only, which token hash it stands for. Every request checks
that hash against the reviewers' file again, so removing a reviewer closes
their sessions at their next request. Nothing here starts a process: the
middleware answers 401 before any handler runs.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import web

from ..services.reviewers import Reviewer, ReviewerBook
from ..storage.errors import StorageError
from . import pages

log = logging.getLogger("seance.serve")

COOKIE = "seance_session"
LOGIN_PATH = "/connexion"
LOGOUT_PATH = "/deconnexion"
SESSION_SECONDS = 12 * 3600
# Where the middleware leaves the reviewer for the handlers (RequestKey: aiohttp 3.11 on).
REVIEWER = web.RequestKey("reviewer", Reviewer) if hasattr(web, "RequestKey") else "seance.reviewer"


@dataclass
class Session:
    token_hash: str
    expires: float


def client(request: web.Request) -> str:
    """The address to log: the peer, and what a reverse proxy says it forwarded."""
    forwarded = request.headers.get("X-Forwarded-For")
    peer = request.remote or "?"
    return pages.shown(f"{peer} (pour {forwarded})" if forwarded else peer)


def same_origin(request: web.Request, public_url: str) -> bool:
    """A websocket opened by a page of this server (or by a script: no Origin).

    The SameSite=Strict cookie already stays home on a cross-site handshake;
    this refuses one whatever the browser does with cookies."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parsed = urlsplit(public_url)
    allowed = {f"{parsed.scheme}://{parsed.netloc}", f"http://{request.host}", f"https://{request.host}"}
    return origin.rstrip("/") in allowed


class Gate:
    def __init__(self, book: ReviewerBook, secure_cookie: bool, public_url: str) -> None:
        self.book = book
        self.secure_cookie = secure_cookie
        self.public_url = public_url
        self.sessions: dict[str, Session] = {}

    def reviewer_of(self, request: web.Request) -> Reviewer | None:
        header = request.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            return self.book.by_token(header[7:].strip())
        session_id = request.cookies.get(COOKIE)
        session = self.sessions.get(session_id) if session_id else None
        if session is None:
            return None
        if session.expires < time.monotonic():
            del self.sessions[session_id]
            return None
        reviewer = self.book.by_hash(session.token_hash)
        if reviewer is None:  # removed since: the session goes with it
            del self.sessions[session_id]
        return reviewer

    @web.middleware
    async def middleware(self, request: web.Request, handler):
        try:
            return await self._guarded(request, handler)
        except StorageError as exc:  # a reviewers' file that does not read: nobody in, one line in the log
            log.error("%s", pages.shown(str(exc)))
            return pages.reviewers_file_unreadable()

    async def _guarded(self, request: web.Request, handler):
        if request.path == LOGIN_PATH and request.method == "POST":
            if not same_origin(request, self.public_url):  # login CSRF: another site logging the browser in
                log.warning("connexion refusée (origine %s) depuis %s",
                            pages.shown(request.headers["Origin"]), client(request))
                return pages.forbidden_origin()
            return await handler(request)
        reviewer = self.reviewer_of(request)
        if reviewer is None:
            log.warning("refusé (401) : %s %s depuis %s", request.method, pages.shown(request.path), client(request))
            if request.method == "GET" and request.path in ("/", LOGIN_PATH):
                return pages.login(LOGIN_PATH)
            return pages.unauthorized()
        if request.path == "/ws" and not same_origin(request, self.public_url):
            log.warning("refusé (403, origine %s) : %s", pages.shown(request.headers["Origin"]), pages.shown(reviewer.name))
            return pages.forbidden_origin()
        request[REVIEWER] = reviewer
        response = await handler(request)
        if not response.prepared:  # a websocket's headers are already sent
            response.headers.setdefault("X-Frame-Options", "DENY")  # never inside another site's frame
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        token = str(form.get("jeton", "")).strip()
        reviewer = self.book.by_token(token)
        if reviewer is None:
            log.warning("connexion refusée (jeton inconnu) depuis %s", client(request))
            return pages.login(LOGIN_PATH, "Jeton inconnu ou retiré.")
        now = time.monotonic()
        for stale in [key for key, session in self.sessions.items() if session.expires < now]:
            del self.sessions[stale]  # sessions never used again would otherwise stay forever
        session_id = secrets.token_urlsafe(32)
        self.sessions[session_id] = Session(reviewer.token_hash, time.monotonic() + SESSION_SECONDS)
        log.info("connexion : %s depuis %s", pages.shown(reviewer.name), client(request))
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(
            COOKIE, session_id, httponly=True, samesite="Strict", secure=self.secure_cookie,
            path="/", max_age=SESSION_SECONDS,
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_logout(self, request: web.Request) -> web.StreamResponse:
        self.sessions.pop(request.cookies.get(COOKIE, ""), None)
        response = pages.logged_out(LOGIN_PATH)
        response.del_cookie(COOKIE, path="/")
        return response

    async def handle_login_page(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPSeeOther("/")  # already in: straight to review
