"""An unexpected error outside the Textual app (``cli.main``): one French
sentence on stderr, no traceback, the details in a private log, exit 70."""

from __future__ import annotations

import stat

from seance_tui import cli
from seance_tui.ui import crash, texts


def test_a_bug_outside_the_app_is_one_french_sentence_and_a_private_log(tmp_path, monkeypatch, capsys):
    cache_dir = tmp_path / "cache"

    def broken(args, data_dir):
        secret_local = "SECRET-LOCAL-1c7d"  # noqa: F841 - what a traceback with locals would show
        raise RuntimeError("forced")

    monkeypatch.setitem(cli.COMMANDS, "search", broken)

    code = cli.main(["search", "--demo", "--cache-dir", str(cache_dir), "x"])

    out, err = capsys.readouterr()
    assert code == crash.EXIT_CRASH != 0
    assert err.startswith(texts.CRASH.split("{")[0]) and out == ""
    assert "Traceback" not in err and "SECRET-LOCAL" not in err
    (log,) = (cache_dir / "logs").iterdir()
    assert str(log) in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    assert "RuntimeError: forced" in log.read_text(encoding="utf-8")
