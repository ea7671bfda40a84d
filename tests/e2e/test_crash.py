"""End to end: an unexpected error in a handler of the installed ``seance``,
in a real terminal (tmux). The terminal gets one French sentence, never a
traceback nor the local variables Textual would print; the details go to a
private log in the cache dir; the exit code is not 0; in the workspace, the
notes typed are in a recovery copy.

The error is forced by a ``sitecustomize`` module put on PYTHONPATH by the
test: it replaces F1's action by one that raises, with a secret in a local
variable. Everything the pane receives is recorded (``pipe-pane``) and
searched too, not only the last screen.
"""

from __future__ import annotations

import re
import shlex
import shutil
import stat
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
EXIT_MARKER = "SEANCE-EXITED-"
LOCAL_SECRET = "SECRET-LOCAL-9b2e"
ERROR = "forced by the crash test"
CRASH_SENTENCE = "seance s'est arrêté sur une erreur inattendue"

SITECUSTOMIZE = f'''
import os

def _boom(self, *args, **kwargs):
    secret_local = "{LOCAL_SECRET}"
    raise RuntimeError("{ERROR}")

if os.environ.get("SEANCE_TEST_CRASH") == "review":
    from seance_tui.ui.reviewer.app import ReviewApp
    ReviewApp.action_help = _boom
elif os.environ.get("SEANCE_TEST_CRASH") == "workspace":
    from seance_tui.ui.screens.workspace import WorkspaceScreen
    WorkspaceScreen.action_help = _boom
'''


def start(tmux, tmp_path: Path, seance_command: Path, which: str, *args: str) -> Path:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = {
        "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"), "PYTHONPATH": str(hook), "SEANCE_TEST_CRASH": which,
    }
    command = shlex.join(["env", "-u", "SEANCE_DATA_DIR", "-u", "SEANCE_CACHE_DIR",
                          *(f"{k}={v}" for k, v in env.items()), str(seance_command), *args])
    tmux.start(f"sh -c {shlex.quote(f'{command}; echo {EXIT_MARKER}$?; exec sleep 600')}", 100, 30)
    recording = tmp_path / "pane-output"
    tmux.run("pipe-pane", "-t", tmux.target, "-o", f"cat >> {shlex.quote(str(recording))}")
    return recording


def wait_for_exit(tmux) -> str:
    return tmux.wait_for(lambda s: re.search(rf"{EXIT_MARKER}\d+", s) is not None, why="seance to exit")


def check_terminal_and_log(screen: str, recording: Path, cache_dir: Path) -> Path:
    code = int(re.search(rf"{EXIT_MARKER}(\d+)", screen).group(1))
    assert code != 0, screen
    assert CRASH_SENTENCE in screen, screen
    seen = recording.read_bytes().decode("utf-8", "replace") + screen
    for leak in (LOCAL_SECRET, "secret_local", "Traceback", ERROR, "locals"):
        assert leak not in seen, leak
    logs = list((cache_dir / "logs").glob("*.log"))
    assert len(logs) == 1, logs
    log = logs[0]
    assert str(log) in screen.replace("\n", "") or log.name in screen
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and f"RuntimeError: {ERROR}" in text
    assert LOCAL_SECRET not in text  # no local variables in the log either
    return log


@pytest.mark.e2e
def test_an_error_in_review_gives_a_french_sentence_and_a_private_log(tmux, seance_command, tmp_path):
    data_dir = tmp_path / "donnees"
    shutil.copytree(DEMO, data_dir)
    cache_dir = tmp_path / "cache-relecture"
    recording = start(tmux, tmp_path, seance_command, "review",
                      "review", "--data-dir", str(data_dir), "--cache-dir", str(cache_dir))
    tmux.wait_for(lambda s: "Amélie Dubœuf" in s and "lecture seule" in s, why="the candidate list")
    tmux.keys("F1")

    screen = wait_for_exit(tmux)

    check_terminal_and_log(screen, recording, cache_dir)


@pytest.mark.e2e
def test_an_error_in_the_workspace_keeps_the_notes(tmux, seance_command, tmp_path):
    data_dir = tmp_path / "donnees"
    shutil.copytree(DEMO, data_dir)
    note = "Note avant la panne : « manœuvre »"
    recording = start(tmux, tmp_path, seance_command, "workspace", "--data-dir", str(data_dir))
    tmux.wait_for("Vue d'ensemble", why="the overview, the workspace's first screen")
    tmux.keys("F2")  # from the overview to the candidate list
    tmux.wait_for(lambda s: "Candidats" in s and "Jérôme Marchand" in s, why="the candidate list")
    tmux.type("jer")
    tmux.wait_for(lambda s: "Amélie Dubœuf" not in s, why="the list filtered")
    tmux.keys("Enter")  # the filter opens its highlighted match
    tmux.wait_for("seance · Jérôme Marchand", why="the candidate opened")
    tmux.keys("F6")
    tmux.wait_for("Phase de la séance", why="the phase picker")
    tmux.keys("Enter")
    tmux.wait_for("Notes de la séance n°", why="the notes of the new séance")
    tmux.type(note)
    tmux.wait_for(note, why="the note on screen")
    tmux.keys("F1")

    screen = wait_for_exit(tmux)

    cache_dir = tmp_path / "xdg-cache" / "seance"
    check_terminal_and_log(screen, recording, cache_dir)
    copies = list((cache_dir / "recovery").glob("jerome-marchand-*.md"))
    assert len(copies) == 1, copies
    assert note in copies[0].read_text(encoding="utf-8")
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    assert "Vos notes sont copiées dans" in screen
