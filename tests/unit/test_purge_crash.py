"""A purge killed by kill -9 at any moment: the file is whole or purged, never
both; `seance check` is clean; the next start finishes or undoes it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from purge_world import OTHERS, TARGET, WORD, files_of, hashes, hits, make_world
from test_purge import plant_everywhere

import seance_tui
from seance_tui.cli import main
from seance_tui.storage import ReadOnlyStore
from seance_tui.storage import recovery

CHILD = Path(__file__).with_name("purge_child.py")
STEPS = ("locked", "journal", "committed", "exports", "recovery", "logs", "search", "listing", "temp", "done")
RANDOM_KILLS = 24


@pytest.fixture
def template(tmp_path, monkeypatch):
    """A planted world, copied aside: each run starts again from the same bytes at the same paths."""
    data, xdg = tmp_path / "donnees", tmp_path / "xdg-cache"
    cache = xdg / "seance"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("SEANCE_CACHE_DIR", str(cache))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [cache / "recovery"])
    make_world(data)
    plant_everywhere(data, cache)
    saved = tmp_path / "saved"
    shutil.copytree(data, saved / "donnees")
    shutil.copytree(xdg, saved / "xdg-cache")

    def reset() -> tuple[Path, Path]:
        for folder in (data, xdg):
            shutil.rmtree(folder)
            shutil.copytree(saved / folder.name, folder)
        return data, cache

    return reset


def _child(data: Path, cache: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ)
    package_root = str(Path(seance_tui.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([package_root, str(CHILD.parent), env.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(data), str(cache), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=env,
    )


def _assert_whole_or_purged_then_settled(data: Path, cache: Path, original: bytes, others: dict) -> str:
    path = data / "candidates" / f"{TARGET}.json"
    raw = path.read_bytes()
    purged = ReadOnlyStore(data).load(TARGET).purge is not None
    if purged:
        assert WORD.encode() not in raw.lower(), "purged and still holding text: both at once"
    else:
        assert raw == original, "neither whole nor purged"
    # The next start (here `seance check`) settles it, and finds every file readable.
    assert main(["check", "--data-dir", str(data)]) == 0
    assert not (data / "purges" / f"{TARGET}.json").exists()
    assert ReadOnlyStore(data).load(TARGET).purge is not None if purged else path.read_bytes() == original
    if purged:
        assert hits([data, cache]) == []
    else:
        # Undone: nothing was deleted before the commit point.
        assert {p.name for p in hits([data])} >= {f"{TARGET}.json", "synthese.pdf", "vieux.md"}
    assert hashes(list(others)) == others
    return "completed" if purged else "undone"


def _others(data: Path) -> dict:
    return hashes([p for p in files_of(data) if any(o in p.name or o in str(p.parent) for o in OTHERS)])


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_each_step_is_finished_or_undone(template, step, capsys):
    data, cache = template()
    original = (data / "candidates" / f"{TARGET}.json").read_bytes()
    others = _others(data)
    child = _child(data, cache, "at", step)
    _, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    outcome = _assert_whole_or_purged_then_settled(data, cache, original, others)
    assert outcome == ("undone" if step in ("locked", "journal") else "completed")
    out = capsys.readouterr().out
    if step not in ("locked", "done"):  # before its journal, after its journal's removal: nothing to settle
        assert f"Purge interrompue de {TARGET}" in out


@pytest.mark.slow
def test_kill_9_at_random_moments(template):
    rng = random.Random(12)
    # How long a whole purge takes here, from "ready" to its end: the kills
    # are spread over that span (and a little past it), whatever the machine's load.
    data, cache = template()
    child = _child(data, cache, "random", "0")
    assert child.stdout.readline().strip() == "ready"
    began = time.monotonic()
    child.communicate(timeout=60)
    span = time.monotonic() - began
    assert child.returncode == 0 and ReadOnlyStore(data).load(TARGET).purge is not None
    outcomes = []
    for run in range(RANDOM_KILLS):
        data, cache = template()
        original = (data / "candidates" / f"{TARGET}.json").read_bytes()
        others = _others(data)
        child = _child(data, cache, "random", str(run))
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, span * 1.1))  # the random moment of the kill, not a wait for anything
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        outcomes.append(_assert_whole_or_purged_then_settled(data, cache, original, others))
    assert "completed" in outcomes and "undone" in outcomes, outcomes


@pytest.mark.parametrize(("step", "start"), [("committed", "workspace"), ("journal", "workspace"),
                                             ("search", "review"), ("journal", "review")])
def test_the_workspace_and_review_starts_settle_an_interrupted_purge(template, step, start):
    from seance_tui.services.purge import Settled
    from seance_tui.services.review import Review
    from seance_tui.services.workspace import Workspace

    data, cache = template()
    original = (data / "candidates" / f"{TARGET}.json").read_bytes()
    child = _child(data, cache, "at", step)
    child.communicate(timeout=60)
    assert (data / "purges" / f"{TARGET}.json").exists()
    if start == "workspace":
        settled = Workspace(data).settled_purges
    else:
        review = Review(data, cache)
        settled = review.settled_purges
        review.close()
    completed = step != "journal"
    assert settled == [Settled(TARGET, completed)]
    assert not (data / "purges" / f"{TARGET}.json").exists()
    if completed:
        assert hits([data, cache]) == []
    else:
        assert (data / "candidates" / f"{TARGET}.json").read_bytes() == original
