"""``SeanceServer``: textual-serve's ``Server`` with seance's gate in front of
every route, a limit on app processes, and ``seance review`` as the app.

What is textual-serve's is kept: its routes (page, websocket, static,
download), its page script (xterm.js) and its message loop. What changes:
the aiohttp app gets the authentication middleware and the login routes
(``_make_app``), the page is a French template without any font fetched from
the internet, and the websocket handler starts a ``ReviewProcess`` (no shell,
the reviewer's name in its environment) only for an authenticated reviewer
and under the limit, and always ends and reaps it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server, to_int

from ..services.reviewers import ReviewerBook
from . import pages
from .auth import LOGIN_PATH, LOGOUT_PATH, REVIEWER, Gate
from .process import ReviewProcess

log = logging.getLogger("seance.serve")

TEMPLATES = Path(__file__).resolve().parent / "templates"
HEARTBEAT = 15  # seconds: a browser gone without closing (laptop shut, network lost) is noticed within ~2 of these
REVOKED_CHECK = 5.0  # seconds: how soon an open session of a removed reviewer is closed


class SeanceServer(Server):
    def __init__(
        self,
        data_dir: Path,
        cache_dir: Path,
        book: ReviewerBook,
        host: str = "127.0.0.1",
        port: int = 8000,
        max_sessions: int = 4,
        public_url: str | None = None,
    ) -> None:
        self.review_argv = [
            sys.executable, "-m", "seance_tui.cli", "review",
            "--data-dir", str(data_dir), "--cache-dir", str(cache_dir),
        ]
        super().__init__(
            " ".join(self.review_argv), host=host, port=port, title="seance · relecture",
            public_url=public_url, templates_path=TEMPLATES,
        )
        self.data_dir = data_dir
        self.book = book
        self.max_sessions = max_sessions
        self.gate = Gate(book, secure_cookie=self.public_url.startswith("https:"), public_url=self.public_url)
        self.live: set[ReviewProcess] = set()

    # -- the aiohttp app ---------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.gate.middleware)
        app.router.add_post(LOGIN_PATH, self.gate.handle_login)
        app.router.add_get(LOGIN_PATH, self.gate.handle_login_page)
        app.router.add_get(LOGOUT_PATH, self.gate.handle_logout)
        return app

    def initialize_logging(self) -> None:
        # Plain dated lines on stderr (for journald or a file), never a token.
        logging.basicConfig(
            level=logging.DEBUG if self.debug else logging.INFO,
            format="%(asctime)s %(levelname)s %(message)s",
            datefmt="%Y-%m-%d %H:%M:%S",
        )
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        log.info(
            "seance serve : %s (données : %s ; au plus %d session(s)) ; Ctrl+C pour arrêter",
            self.public_url, self.data_dir, self.max_sessions,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(service.stop() for service in list(self.live)), return_exceptions=True)

    # -- the routes that start something -----------------------------------

    def full(self) -> bool:
        return len(self.live) >= self.max_sessions

    async def handle_index(self, request: web.Request):
        if self.full():
            log.warning("refusé (limite de %d sessions) : %s", self.max_sessions, pages.shown(request[REVIEWER].name))
            return pages.too_many(self.max_sessions)
        response = await super().handle_index(request)
        response.headers["Cache-Control"] = "no-store"
        return response

    def make_process(self, reviewer_name: str, websocket: web.WebSocketResponse) -> ReviewProcess:
        return ReviewProcess(
            self.review_argv, reviewer_name,
            write_bytes=websocket.send_bytes, write_str=websocket.send_str, close=websocket.close,
            download_manager=self.download_manager, debug=self.debug,
        )

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        reviewer = request[REVIEWER]
        name = pages.shown(reviewer.name)
        if self.full():  # checked and the place taken with no await in between
            log.warning("refusé (limite de %d sessions) : %s", self.max_sessions, name)
            return pages.too_many(self.max_sessions)
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        if not websocket.can_prepare(request).ok:  # a plain GET or HEAD: nothing to start, nothing to log as a bug
            return pages.not_a_websocket()
        service = self.make_process(reviewer.name, websocket)
        self.live.add(service)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        try:
            await websocket.prepare(request)
            await service.start(width, height)
            log.info("session ouverte : %s, processus %s (%d/%d)", name, service.pid, len(self.live), self.max_sessions)
            watch = asyncio.create_task(self._close_if_revoked(websocket, reviewer.token_hash, name))
            try:
                await self._process_messages(websocket, service)
            except (ValueError, AssertionError, LookupError, TypeError, AttributeError) as error:
                # A message that is not textual-serve's [type, data]: this session ends, one line in the log.
                log.warning("message illisible du navigateur (%s) : session de %s fermée", type(error).__name__, name)
            finally:
                watch.cancel()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - logged; the finally still ends the process
            log.exception(error)
        finally:
            await service.stop()
            self.live.discard(service)
            if service.pid is not None:
                log.info("session fermée : %s, processus %s (code %s)", name, service.pid, service.returncode)
        return websocket

    async def _close_if_revoked(self, websocket: web.WebSocketResponse, token_hash: str, name: str) -> None:
        """A reviewer removed while reading: their open session ends too, not only their next request."""
        while not websocket.closed:
            await asyncio.sleep(REVOKED_CHECK)
            try:
                still_there = self.book.by_hash(token_hash) is not None
            except Exception:  # noqa: BLE001 - an unreadable reviewers' file: refuse rather than keep serving
                still_there = False
            if not still_there:
                log.warning("relecteur retiré : session de %s fermée", name)
                await websocket.close()
                return
