"""Forms typed and pasted into in a real terminal (tmux), checked on disk.

``tmux send-keys`` with several keys writes them to the pane in one go: zero
delay between keys, Tab and backspace included. Pastes go through tmux's
bracketed paste (``load-buffer`` + ``paste-buffer -p``), as a terminal's own.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AMELIE = "amelie-duboeuf"


def roadmap(data_dir: Path) -> list[dict]:
    data = json.loads((data_dir / "candidates" / f"{AMELIE}.json").read_text(encoding="utf-8"))
    return list(data["roadmap"].values())


def start_in_roadmap_form(tmux, seance_command, tmp_path, width, height) -> Path:
    data_dir = tmp_path / "donnees"
    shutil.copytree(REPO / "data" / "demo", data_dir)
    env = {
        "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
    }
    run = shlex.join(["env", "-u", "SEANCE_DATA_DIR", *(f"{k}={v}" for k, v in env.items()),
                      str(seance_command), "--data-dir", str(data_dir)])
    tmux.start(f"sh -c {shlex.quote(run + '; exec sleep 600')}", width, height)
    tmux.wait_for("Vue d'ensemble", why="the overview, the workspace's first screen")
    tmux.keys("F2")  # from the overview to the candidate list
    tmux.wait_for(lambda s: "Candidats" in s and "Amélie Dubœuf" in s, why="the candidate list")
    tmux.type("amelie")
    tmux.wait_for(lambda s: "Zoé Lefèvre" not in s, why="the filtered list")
    tmux.keys("Enter")  # the filter opens its highlighted match
    tmux.wait_for("seance · Amélie Dubœuf", why="the candidate opened")
    tmux.keys("F5")
    tmux.wait_for("Ajouter", why="the roadmap focused (footer: a Ajouter)")
    tmux.keys("a")
    tmux.wait_for("Délai (ex.", why="the roadmap form")
    return data_dir


@pytest.mark.e2e
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_roadmap_form_typed_with_zero_delay(tmux, seance_command, tmp_path, size):
    data_dir = start_in_roadmap_form(tmux, seance_command, tmp_path, *size)
    before = len(roadmap(data_dir))
    # One send-keys: every byte reaches the pane at once.
    tmux.keys("Objx", "BSpace", "Tab", "Moyy", "BSpace", "BSpace", "Left", "e", "End", "ens", "Tab",
              "28/02/2028", "BSpace", "7", "Enter")
    tmux.wait_for(lambda s: "Délai (ex." not in s and len(roadmap(data_dir)) == before + 1,
                  why="the form closed and the objective saved")
    added = roadmap(data_dir)[-1]
    assert (added["objective"], added["means"], added["deadline"]) == ("Obj", "Meoens", "2027-02-28")


@pytest.mark.e2e
def test_bracketed_paste_into_a_form(tmux, seance_command, tmp_path):
    data_dir = start_in_roadmap_form(tmux, seance_command, tmp_path, 100, 30)
    before = len(roadmap(data_dir))
    tmux.run("set-buffer", "-b", "p1", "Amélie \x1b[31mRouge\x1b[0m")
    tmux.run("paste-buffer", "-p", "-d", "-b", "p1", "-t", tmux.target)
    tmux.wait_for("␛[31mRouge␛[0m", why="the escape sequence shown as text")
    tmux.keys("Tab")
    tmux.run("set-buffer", "-b", "p2", "Ligne un\nligne deux\n")
    tmux.run("paste-buffer", "-p", "-r", "-d", "-b", "p2", "-t", tmux.target)
    tmux.wait_for("Ligne un ligne deux", why="the two lines joined")
    tmux.wait_for("jointes", why="the notification saying so")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "Délai (ex." not in s and len(roadmap(data_dir)) == before + 1,
                  why="the form closed and the objective saved")
    items = roadmap(data_dir)
    assert items[-1]["objective"] == "Amélie ␛[31mRouge␛[0m"
    assert items[-1]["means"] == "Ligne un ligne deux"


@pytest.mark.e2e
def test_a_stored_title_sequence_never_retitles_the_terminal(tmux, seance_command, tmp_path):
    """tmux runs what the app writes: an OSC 0 from a stored name or roadmap
    cell would become the pane's title."""
    data_dir = tmp_path / "donnees"
    shutil.copytree(REPO / "data" / "demo", data_dir)
    path = data_dir / "candidates" / f"{AMELIE}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["candidate"]["1"]["name"] = "Amélie\x1b]0;PWNED-NAME\x07 Dubœuf"
    data["roadmap"]["1"]["objective"] = "Stage\x1b]0;PWNED-CELL\x07 court"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "XDG_DATA_HOME": str(tmp_path / "x1"), "XDG_CACHE_HOME": str(tmp_path / "x2"),
           "XDG_CONFIG_HOME": str(tmp_path / "x3")}
    run = shlex.join(["env", "-u", "SEANCE_DATA_DIR", *(f"{k}={v}" for k, v in env.items()),
                      str(seance_command), "--data-dir", str(data_dir)])
    tmux.start(f"sh -c {shlex.quote(run + '; exec sleep 600')}", 160, 48)

    def title() -> str:
        return tmux.run("display-message", "-p", "-t", tmux.target, "#{pane_title}").stdout

    tmux.wait_for("Vue d'ensemble", why="the overview, the workspace's first screen")
    tmux.keys("F2")  # from the overview to the candidate list
    tmux.wait_for("Candidats", why="the candidate list")
    tmux.type("amelie")
    tmux.wait_for(lambda s: "Zoé Lefèvre" not in s, why="the filtered list")
    tmux.keys("Enter")  # the filter opens its highlighted match
    tmux.wait_for("seance · Amélie", why="the candidate opened (header)")
    tmux.keys("F2", "C-g")  # not from the notes, where ctrl+g is only a typed key
    tmux.wait_for("Nom et prénom", why="the candidate form")
    tmux.wait_for("Amélie␛]0;PWNED-NAME␇ Dubœuf", why="the name shown with its controls visible")
    assert "PWNED" not in title()
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Nom et prénom" not in s, why="the form closed")
    tmux.keys("F5")
    tmux.wait_for("Ajouter", why="the roadmap focused")
    tmux.keys("e")
    tmux.wait_for("Stage␛]0;PWNED-CELL␇ court", why="the objective shown with its controls visible")
    assert "PWNED" not in title()
