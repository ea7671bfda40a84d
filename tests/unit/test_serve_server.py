"""The server in front of textual-serve, through aiohttp's test client: what
is refused (401, 503) never reaches a process; a browser session is a cookie
that dies with its reviewer; the process a websocket starts ends with it.

App processes are stand-ins here (``FakeProcess``: it records, starts
nothing); the real ``seance review`` in a real browser is tests/e2e/test_web.py.
The last tests run ``ReviewProcess`` on a real child that ignores the quit.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from aiohttp import WSServerHandshakeError

from seance_tui.services.reviewers import ReviewerBook
from seance_tui.web import REVIEWER_ENV, process as process_module
from seance_tui.web.auth import COOKIE
from seance_tui.web.process import ReviewProcess
from seance_tui.web.server import SeanceServer

from serve_support import book, run  # noqa: F401 (book: a fixture)


class FakeProcess:
    def __init__(self, name: str, log: list) -> None:
        self.name, self.log = name, log
        self.pid, self.returncode = 4242, None

    async def start(self, width: int, height: int) -> None:
        self.log.append(("start", self.name))

    async def stop(self) -> None:
        self.log.append(("stop", self.name))

    async def send_bytes(self, data: bytes) -> bool:
        return True

    async def set_terminal_size(self, width: int, height: int) -> None:
        pass


class Spied(SeanceServer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spawned: list = []

    def make_process(self, reviewer_name, websocket):
        return FakeProcess(reviewer_name, self.spawned)


def make_server(tmp_path, book, **options) -> Spied:
    return Spied(tmp_path / "donnees", tmp_path / "cache", book, port=0, **options)


def test_no_absent_wrong_or_revoked_token_reaches_a_process(tmp_path, book):
    token = book.add("Marc")
    server = make_server(tmp_path, book)

    async def scenario(client):
        for path in ("/", "/ws", "/static/js/textual.js", "/download/x", "/nowhere", "/connexion"):
            response = await client.get(path)
            assert response.status == 401, path
            assert "lang=\"fr\"" in await response.text()
        login = await client.get("/")
        assert "Collez le jeton" in await login.text()
        for header in ("Bearer " + token + "x", "Bearer ", "Basic " + token, token):
            response = await client.get("/ws", headers={"Authorization": header})
            assert response.status == 401, header
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={"Cookie": f"{COOKIE}=forged"})
        assert refused.value.status == 401
        wrong = await client.post("/connexion", data={"jeton": "nope"}, allow_redirects=False)
        assert wrong.status == 401 and "Jeton inconnu" in await wrong.text()

        # Revoked: the bearer token and a session opened with it, both refused at once.
        ok = await client.post("/connexion", data={"jeton": token}, allow_redirects=False)
        assert ok.status == 303
        assert (await client.get("/")).status == 200
        ReviewerBook(book.path).remove("Marc")
        assert (await client.get("/")).status == 401
        assert (await client.get("/ws", headers={"Authorization": "Bearer " + token})).status == 401

    run(server, scenario)
    assert server.spawned == []


def test_login_sets_an_httponly_strict_cookie_and_secure_behind_https(tmp_path, book):
    token = book.add("Marc")
    cookies = {}

    def scenario_for(key):
        async def scenario(client):
            response = await client.post("/connexion", data={"jeton": token}, allow_redirects=False)
            assert response.status == 303 and response.headers["Location"] == "/"
            cookies[key] = response.headers["Set-Cookie"]
            assert token not in cookies[key]
        return scenario

    run(make_server(tmp_path, book), scenario_for("http"))
    run(make_server(tmp_path, book, public_url="https://relecture.example"), scenario_for("https"))

    for cookie in cookies.values():
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookies["http"] and "Secure" in cookies["https"]


def test_a_websocket_from_another_site_is_refused_and_starts_nothing(tmp_path, book):
    token = book.add("Marc")
    server = make_server(tmp_path, book, public_url="https://relecture.example")

    async def scenario(client):
        bearer = {"Authorization": "Bearer " + token}
        for origin in ("https://evil.example", "null", "https://relecture.example.evil.example"):
            response = await client.get("/ws", headers={**bearer, "Origin": origin})
            assert response.status == 403, origin
        assert server.spawned == []
        for done, origin in enumerate(("https://relecture.example", f"http://{client.host}:{client.port}"), 1):
            ws = await client.ws_connect("/ws", headers={**bearer, "Origin": origin})
            await wait_for(lambda: len(server.spawned) == 2 * done - 1)
            await ws.close()
            await wait_for(lambda: len(server.spawned) == 2 * done)
        page = await client.get("/", headers=bearer)
        assert page.headers["X-Frame-Options"] == "DENY"

    run(server, scenario)
    assert [what for what, _ in server.spawned] == ["start", "stop", "start", "stop"]


def test_over_the_session_limit_a_french_refusal_and_no_process(tmp_path, book):
    token = book.add("Marc")
    bearer = {"Authorization": "Bearer " + token}
    server = make_server(tmp_path, book, max_sessions=1)

    async def scenario(client):
        first = await client.ws_connect("/ws?width=80&height=24", headers=bearer)
        await wait_for(lambda: ("start", "Marc") in server.spawned)
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers=bearer)
        assert refused.value.status == 503
        page = await client.get("/", headers=bearer)
        assert page.status == 503 and "Trop de sessions ouvertes" in await page.text()
        assert server.spawned == [("start", "Marc")]

        await first.close()  # the browser goes away: its process is stopped, the place freed
        await wait_for(lambda: ("stop", "Marc") in server.spawned and not server.live)
        second = await client.ws_connect("/ws", headers=bearer)
        await wait_for(lambda: server.spawned.count(("start", "Marc")) == 2)
        await second.close()

    run(server, scenario)


def test_removing_a_reviewer_closes_their_open_session(tmp_path, book, monkeypatch):
    from seance_tui.web import server as server_module

    monkeypatch.setattr(server_module, "REVOKED_CHECK", 0.05)
    token = book.add("Marc")
    kept = book.add("Léa")
    server = make_server(tmp_path, book)

    async def scenario(client):
        marc = await client.ws_connect("/ws", headers={"Authorization": "Bearer " + token})
        lea = await client.ws_connect("/ws", headers={"Authorization": "Bearer " + kept})
        await wait_for(lambda: len(server.spawned) == 2)
        ReviewerBook(book.path).remove("Marc")
        await wait_for(lambda: ("stop", "Marc") in server.spawned)
        await marc.receive()  # the close frame
        assert marc.closed and not lea.closed and ("stop", "Léa") not in server.spawned
        await lea.close()

    run(server, scenario)


async def wait_for(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition still false"
        await asyncio.sleep(0.02)


# --- A real child process -------------------------------------------------

STUBBORN_APP = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGTERM, signal.SIG_IGN) if sys.argv[1] == 'deaf' else None\n"
    "sys.stdout.write('__GANGLION__\\n'); sys.stdout.flush()\n"
    "time.sleep(60)\n"  # never reads its input: the quit is ignored
)


async def _noop(*args) -> None:
    return None


@pytest.mark.parametrize("deafness", ["hears-sigterm", "deaf"])
def test_an_app_that_ignores_the_quit_is_ended_and_reaped(monkeypatch, deafness):
    from textual_serve.download_manager import DownloadManager

    monkeypatch.setattr(process_module, "QUIT_GRACE", 0.3)
    monkeypatch.setattr(process_module, "TERM_GRACE", 0.3)

    async def main():
        service = ReviewProcess(
            [sys.executable, "-c", STUBBORN_APP, deafness], "Zoé [b]x[/b]",
            write_bytes=_noop, write_str=_noop, close=_noop, download_manager=DownloadManager(),
        )
        await service.start(80, 24)
        pid = service.pid
        # No shell between: the app is the child itself, the name in its environment only.
        assert Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0] == sys.executable.encode()
        assert f"{REVIEWER_ENV}=Zoé [b]x[/b]".encode() in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        await asyncio.wait_for(service.stop(), 10)
        return pid, service.returncode

    pid, code = asyncio.run(main())

    assert code == (-15 if deafness == "hears-sigterm" else -9)
    assert not Path(f"/proc/{pid}").exists()  # reaped: not even a zombie is left
