"""seance serve's reviewers: a token printed once, only its hash on disk
(0600 in a 0700 folder, in the config dir), names kept as typed, removal
that takes effect at once."""

from __future__ import annotations

import hashlib
import json
import stat

import pytest

from seance_tui import paths
from seance_tui.cli import main
from seance_tui.services.reviewers import ReviewerBook, ReviewerError

from serve_support import book  # noqa: F401 (book: a fixture)


def test_the_token_is_random_and_only_its_hash_is_stored_0600(book, tmp_path):
    token = book.add("Zoé Lefèvre")
    other = book.add("Marc")

    assert token != other and len(token) >= 43  # 32 random bytes, URL-safe base64
    text = book.path.read_text(encoding="utf-8")
    assert token not in text and other not in text
    stored = json.loads(text)["reviewers"]
    assert [r["name"] for r in stored] == ["Zoé Lefèvre", "Marc"]
    assert stored[0]["token_hash"] == "sha256:" + hashlib.sha256(token.encode()).hexdigest()
    assert stat.S_IMODE(book.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(book.path.parent.stat().st_mode) == 0o700
    assert book.by_token(token).name == "Zoé Lefèvre"
    assert book.by_token(token + "x") is None and book.by_token("") is None


def test_removed_reviewer_token_is_refused_by_a_book_already_open(book):
    token = book.add("Marc")
    server_side = ReviewerBook(book.path)
    assert server_side.by_token(token).name == "Marc"

    ReviewerBook(book.path).remove("Marc")  # another process: the admin's command

    assert server_side.by_token(token) is None


def test_a_name_twice_or_unknown_or_empty_is_refused_in_french(book):
    book.add("Marc")
    with pytest.raises(ReviewerError, match="a déjà un jeton"):
        book.add(" Marc ")
    with pytest.raises(ReviewerError, match="aucun relecteur ne s'appelle"):
        book.remove("Luc")
    with pytest.raises(ReviewerError, match="vide"):
        book.add("   ")


def test_the_reviewers_file_is_in_the_config_dir_not_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(tmp_path / "cfg"))
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "donnees"))
    assert paths.reviewers_file(paths.resolve_config_dir(None)) == tmp_path / "cfg" / "relecteurs.json"
    monkeypatch.delenv(paths.CONFIG_DIR_ENV)
    assert paths.resolve_config_dir(None) != paths.resolve_data_dir(None)


def test_the_commands_print_the_token_once_and_names_as_typed(tmp_path, capsys):
    config = ["--config-dir", str(tmp_path / "cfg")]
    name = "Zoé [b]x[/b] \x1b[31m"

    assert main(["serve", *config, "--add-reviewer", name]) == 0
    out = capsys.readouterr().out
    token = out.strip().splitlines()[-1]
    assert "Zoé [b]x[/b] ␛[31m" in out and "\x1b" not in out
    assert token not in (tmp_path / "cfg" / "relecteurs.json").read_text(encoding="utf-8")

    assert main(["serve", *config, "--list-reviewers"]) == 0
    listed = capsys.readouterr().out
    assert "Zoé [b]x[/b] ␛[31m\tajouté le " in listed and token not in listed

    assert main(["serve", *config, "--remove-reviewer", name]) == 0
    assert "Relecteur retiré" in capsys.readouterr().out
    assert main(["serve", *config, "--remove-reviewer", name]) == 2
    assert "aucun relecteur ne s'appelle" in capsys.readouterr().err


def test_listening_beyond_localhost_warns_that_tls_is_a_reverse_proxy_s(tmp_path, capsys, monkeypatch):
    from seance_tui.web.server import SeanceServer

    started = []
    monkeypatch.setattr(SeanceServer, "serve", lambda self, debug=False: started.append((self.host, self.port)))
    data = tmp_path / "donnees"
    data.mkdir()
    where = ["--data-dir", str(data), "--config-dir", str(tmp_path / "cfg"), "--cache-dir", str(tmp_path / "c")]

    assert main(["serve", *where, "--port", "8123"]) == 0
    local = capsys.readouterr().err
    assert main(["serve", *where, "--host", "0.0.0.0"]) == 0
    public = capsys.readouterr().err

    assert started == [("127.0.0.1", 8123), ("0.0.0.0", 8000)]
    assert "TLS" not in local and "aucun relecteur" in local
    assert "sans chiffrement" in public and "proxy inverse" in public


def test_a_port_already_taken_is_said_plainly(tmp_path, capsys):
    import asyncio
    import socket

    data = tmp_path / "donnees"
    data.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            code = main(["serve", "--data-dir", str(data), "--config-dir", str(tmp_path / "cfg"),
                         "--cache-dir", str(tmp_path / "c"), "--port", str(port)])
        finally:
            asyncio.set_event_loop(None)  # the server's loop, closed, is not left as this thread's

    assert code == 2
    assert f"impossible d'écouter sur 127.0.0.1:{port}" in capsys.readouterr().err
