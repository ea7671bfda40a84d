"""`seance list` and `seance --version` start without the screens nor the
other commands' machinery (issue 14): every command parses the same parser,
so each command family imports what only its own commands need inside them.

Structural, not timed: a fresh interpreter runs the command and says which
modules it imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seance_tui import paths

SRC = Path(__file__).resolve().parents[2] / "src"

# Never needed to list candidates or to print the version.
HEAVY = (
    "textual",
    "rich",
    "seance_tui.ui.app",
    "seance_tui.ui.screens",
    "seance_tui.services.workspace",
    "seance_tui.services.closing",
    "seance_tui.services.exports",
    "seance_tui.services.purge",
    "seance_tui.export",
    "seance_tui.search",
)

RUN = """
import json, sys
from seance_tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def imported_by(*argv: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, *argv], capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("MODULES "), done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(line.removeprefix("MODULES "))


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.fixture
def child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    env[paths.CACHE_DIR_ENV] = str(tmp_path / "cache")
    env.pop(paths.DATA_DIR_ENV, None)
    return env


def test_seance_list_imports_no_screen_and_no_other_command(tmp_path: Path, child_env):
    data = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), data)
    modules = imported_by("list", "--data-dir", str(data), env=child_env)
    assert "seance_tui.cli.listing" in modules  # it did run the command
    assert heavy(modules) == []


def test_seance_version_imports_no_screen_and_no_other_command(child_env):
    modules = imported_by("--version", env=child_env)
    assert heavy(modules) == []


def test_seance_version_does_not_load_the_store(child_env):
    """storage/__init__ loads its names when asked: reading ``storage.errors``
    (as the CLI's front door does) no longer brings TinyDB and the store."""
    modules = imported_by("--version", env=child_env)
    assert "seance_tui.storage.errors" in modules
    assert [m for m in modules if m == "tinydb" or m.startswith(("tinydb.", "seance_tui.storage.store"))] == []
