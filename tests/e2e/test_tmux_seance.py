"""End to end: the installed ``seance`` command, driven in a real terminal (tmux).

A consultant's whole séance on a fresh copy of the demo data: filter the
candidate list, open Jérôme Marchand, start a séance, type a note, close the
séance, quit. Then what matters is checked on disk: the saved notes and the
exported summary.

The ``tmux`` and ``seance_command`` fixtures are in conftest.py.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
CANDIDATE_ID = "jerome-marchand"
CANDIDATE_NAME = "Jérôme Marchand"
NOTE = "Note e2e : l’élève a cité « manœuvre »"
WIDTH, HEIGHT = 100, 30
EXIT_MARKER = "SEANCE-EXITED-"


def _seance_numbers(candidate_file: Path) -> dict[int, dict]:
    data = json.loads(candidate_file.read_text(encoding="utf-8"))
    return {s["number"]: s for s in data["seances"].values()}


@pytest.mark.e2e
def test_a_seance_typed_in_a_real_terminal_is_saved_and_exported(tmux, seance_command, tmp_path):
    data_dir = tmp_path / "donnees"
    shutil.copytree(DEMO, data_dir)
    candidate_file = data_dir / "candidates" / f"{CANDIDATE_ID}.json"
    before = _seance_numbers(candidate_file)
    new_number = max(before) + 1

    env = {
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        # Keep the run hermetic: no user data, cache or config dir involved.
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
    }
    run_seance = shlex.join(
        ["env", "-u", "SEANCE_DATA_DIR", *(f"{k}={v}" for k, v in env.items()),
         str(seance_command), "--data-dir", str(data_dir)]
    )
    # The pane stays alive after seance exits so that its exit code can be read.
    tmux.start(f"sh -c {shlex.quote(f'{run_seance}; echo {EXIT_MARKER}$?; exec sleep 600')}", WIDTH, HEIGHT)

    # 1. The candidate list, then filtered by a few letters typed without accents.
    tmux.wait_for("Vue d'ensemble", why="the overview, the workspace's first screen")
    tmux.keys("F2")  # from the overview to the candidate list
    tmux.wait_for(lambda s: "Candidats" in s and CANDIDATE_NAME in s and "Amélie Dubœuf" in s,
                  why="the candidate list")
    tmux.type("jer")
    tmux.wait_for(lambda s: CANDIDATE_NAME in s and "Amélie Dubœuf" not in s and "Zoé Lefèvre" not in s,
                  why="the list filtered down to Jérôme Marchand")

    # 2. Enter opens the candidate highlighted (the only match).
    tmux.keys("Enter")
    tmux.wait_for(f"seance · {CANDIDATE_NAME}", why="the candidate opened (header)")

    # 3. F6 starts a séance; Enter accepts the proposed (current) phase.
    tmux.keys("F6")
    tmux.wait_for("Phase de la séance", why="the phase picker")
    tmux.keys("Enter")
    tmux.wait_for(f"Notes de la séance n° {new_number}", why="the notes of the new séance")

    # 4. A note with accents, a typographic apostrophe, guillemets and œ, then autosave.
    tmux.type(NOTE)
    tmux.wait_for(
        lambda s: NOTE in s and "enregistré" in s and "modifié" not in s and "enregistrement…" not in s,
        why="the typed note on screen and the indicator back to « enregistré »",
    )

    # 5. F8 closes (after confirmation: « Non » has the focus, Maj+Tab reaches « Oui »);
    # the summary's path is shown.
    tmux.keys("F8")
    tmux.wait_for(f"Clore la séance n° {new_number}", why="the close confirmation")
    tmux.keys("BTab", "Enter")
    tmux.wait_for("Compte rendu", why="the message naming the summary file")

    # 6. ctrl+q quits; wait for the process to end and read its exit code.
    tmux.keys("C-q")
    screen = tmux.wait_for(lambda s: re.search(rf"{EXIT_MARKER}\d+", s) is not None,
                           why="seance to exit")
    assert f"{EXIT_MARKER}0" in screen, screen

    # On disk: the new séance, closed, with the note exactly as typed.
    after = _seance_numbers(candidate_file)
    assert max(after) == new_number
    seance = after[new_number]
    assert seance["status"] == "closed"
    assert seance["end"], seance
    assert NOTE in seance["notes"]
    for number, old in before.items():
        assert after[number] == old, f"séance {number} changed"

    # The summary: one file, private (0600), with the note and the name, valid Markdown.
    summaries = list((data_dir / "exports" / CANDIDATE_ID).glob(f"*-seance-{new_number:02d}.md"))
    assert len(summaries) == 1, summaries
    summary = summaries[0]
    assert re.fullmatch(rf"\d{{4}}-\d{{2}}-\d{{2}}-seance-{new_number:02d}\.md", summary.name)
    assert stat.S_IMODE(summary.stat().st_mode) == 0o600
    text = summary.read_text(encoding="utf-8")
    assert NOTE in text
    assert CANDIDATE_NAME in text
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    types = {t.type for t in tokens}
    assert "heading_open" in types
    assert "table_open" in types
