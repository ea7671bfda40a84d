"""``seance serve`` under attack (an adversarial pass): log injection through
a path or a reviewer's name, a reviewers' file broken while serving, a login
posted from another site, a port out of range."""

from __future__ import annotations

import asyncio
import logging

import pytest

from seance_tui.cli import main
from seance_tui.services.reviewers import ReviewerBook
from seance_tui.web import REVIEWER_ENV
from seance_tui.web.auth import COOKIE
from seance_tui.web.process import ReviewProcess
from seance_tui.web.server import SeanceServer

from serve_support import book, run  # noqa: F401 (book: a fixture)


class Spied(SeanceServer):
    def make_process(self, reviewer_name, websocket):
        raise AssertionError("no process may start in these tests")


def make_server(tmp_path, book) -> Spied:
    return Spied(tmp_path / "donnees", tmp_path / "cache", book, port=0)


def test_a_request_path_cannot_write_a_line_of_the_log(tmp_path, book, caplog):
    server = make_server(tmp_path, book)

    async def scenario(client):
        response = await client.get("/%0A2026-12-02%2004:00:00%20INFO%20connexion%20:%20Admin")
        assert response.status == 401

    with caplog.at_level(logging.INFO, logger="seance.serve"):
        run(server, scenario)
    lines = "\n".join(r.getMessage() for r in caplog.records).splitlines()
    assert not any(line.startswith("2026-12-02") for line in lines)
    assert any("␊2026-12-02 04:00:00 INFO connexion : Admin" in line for line in lines)


def test_a_reviewer_name_on_several_lines_stays_on_one_line_of_the_log(tmp_path, book, caplog):
    token = book.add("Eve\nINFO connexion : Admin")
    server = make_server(tmp_path, book)

    async def scenario(client):
        response = await client.post("/connexion", data={"jeton": token}, allow_redirects=False)
        assert response.status == 303

    with caplog.at_level(logging.INFO, logger="seance.serve"):
        run(server, scenario)
    messages = [r.getMessage() for r in caplog.records]
    assert any("connexion : Eve␊INFO connexion : Admin depuis" in m for m in messages)
    assert all("\n" not in m for m in messages)


def test_the_badge_name_travels_on_one_line(tmp_path):
    service = ReviewProcess(["true"], "Eve\nAdmin", write_bytes=None, write_str=None, close=None,
                            download_manager=None)
    assert service._build_environment()[REVIEWER_ENV] == "Eve␊Admin"


def test_a_reviewers_file_broken_while_serving_refuses_in_french_without_traceback(tmp_path, book, caplog):
    token = book.add("Marc")
    server = make_server(tmp_path, book)

    async def scenario(client):
        session = await client.post("/connexion", data={"jeton": token}, allow_redirects=False)
        assert session.status == 303
        book.path.write_text("pas du JSON", encoding="utf-8")
        for request in (
            client.get("/", headers={"Authorization": f"Bearer {token}"}),
            client.get("/", cookies={COOKIE: session.cookies[COOKIE].value}),
            client.post("/connexion", data={"jeton": token}, allow_redirects=False),
        ):
            response = await request
            assert response.status == 503
            assert "Le fichier des relecteurs de ce serveur est illisible" in await response.text()

    with caplog.at_level(logging.INFO):
        run(server, scenario)
    assert not any(r.exc_info for r in caplog.records)
    assert any(str(book.path) in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)


def test_a_login_posted_from_another_site_opens_no_session(tmp_path, book):
    token = book.add("Marc")
    server = make_server(tmp_path, book)

    async def scenario(client):
        for origin in ("https://evil.example", "null"):  # null: a sandboxed frame, a no-referrer page
            response = await client.post("/connexion", data={"jeton": token}, allow_redirects=False,
                                         headers={"Origin": origin})
            assert response.status == 403 and COOKIE not in response.cookies
        # The login page itself makes the browser send its real Origin (no-referrer would send null).
        page = await client.get("/")
        assert page.status == 401 and page.headers["Referrer-Policy"] == "same-origin"
        same = await client.post("/connexion", data={"jeton": token}, allow_redirects=False,
                                 headers={"Origin": f"http://{client.host}:{client.port}"})
        assert same.status == 303 and COOKIE in same.cookies

    run(server, scenario)


def test_a_port_out_of_range_is_said_plainly(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", "70000", "--data-dir", str(tmp_path), "--config-dir", str(tmp_path / "c")])
    assert exit_.value.code == 2
    assert "un port va de 1 à 65535, pas 70000" in capsys.readouterr().err


def test_names_print_on_one_line(tmp_path, capsys):
    config = str(tmp_path / "c")
    assert main(["serve", "--config-dir", config, "--add-reviewer", "Eve\nFAUX"]) == 0
    assert main(["serve", "--config-dir", config, "--list-reviewers"]) == 0
    out = capsys.readouterr().out
    assert "Relecteur ajouté : Eve␊FAUX\n" in out and "Eve␊FAUX\tajouté le" in out


def test_a_plain_get_of_the_websocket_route_is_a_400_without_traceback(tmp_path, book, caplog):
    token = book.add("Marc")
    server = make_server(tmp_path, book)

    async def scenario(client):
        for method in ("GET", "HEAD"):
            response = await client.request(method, "/ws", headers={"Authorization": f"Bearer {token}"})
            assert response.status == 400
        assert not server.live

    with caplog.at_level(logging.INFO):
        run(server, scenario)
    assert not any(r.exc_info for r in caplog.records)


def test_the_terminal_size_a_browser_asks_for_is_bounded():
    sent, opened = [], []

    class Recorded(ReviewProcess):
        async def send_meta(self, data):
            sent.append(data)

        async def _open_app_process(self, width=80, height=24):
            opened.append((width, height))

        async def run(self):
            pass

    service = Recorded(["true"], "Marc", write_bytes=None, write_str=None, close=None, download_manager=None)

    async def go():
        await service.start(100_000, 100_000)
        await service.set_terminal_size(12_000, "12000")
        await service.set_terminal_size(120, 40)

    asyncio.run(go())
    assert opened == [(500, 200)]
    assert [(m["width"], m["height"]) for m in sent] == [(500, 24), (120, 40)]


class Chatty(SeanceServer):
    """A process that starts nothing, to send the server a browser's messages."""

    def make_process(self, reviewer_name, websocket):
        class Quiet:
            pid, returncode = 4242, None

            async def start(self, width, height):
                pass

            async def stop(self):
                pass

            async def send_bytes(self, data):
                return True

        return Quiet()


@pytest.mark.parametrize("message", ["pas du JSON", "{}", "[]", '["resize", 3]'])
def test_a_message_not_in_the_page_format_ends_the_session_with_one_log_line(tmp_path, book, caplog, message):
    token = book.add("Marc")
    server = Chatty(tmp_path / "donnees", tmp_path / "cache", book, port=0)

    async def scenario(client):
        ws = await client.ws_connect("/ws", headers={"Authorization": f"Bearer {token}"})
        await ws.send_str(message)
        await asyncio.wait_for(ws.receive(), 10)
        await ws.close()
        for _ in range(100):
            if not server.live:
                break
            await asyncio.sleep(0.05)
        assert not server.live

    with caplog.at_level(logging.INFO):
        run(server, scenario)
    assert not any(r.exc_info for r in caplog.records)
    assert any("message illisible du navigateur" in r.getMessage() and "Marc" in r.getMessage() for r in caplog.records)


def test_a_config_dir_that_is_a_file_is_said_plainly(tmp_path, capsys):
    config = tmp_path / "pas-un-dossier"
    config.write_text("x\n", encoding="utf-8")
    assert main(["serve", "--config-dir", str(config), "--add-reviewer", "Marc"]) == 2
    err = capsys.readouterr().err
    assert f"{config / 'relecteurs.json'} : écriture impossible" in err and "erreur inattendue" not in err
