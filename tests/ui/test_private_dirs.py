"""What the apps say about folders other accounts could read: the workspace
names what it tightened, once; review names what it found and left alone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.services.review import Review
from seance_tui.services.workspace import Workspace
from seance_tui.ui import texts
from seance_tui.ui.app import SeanceApp
from seance_tui.ui.reviewer.app import ReviewApp
from seance_pilot import notifications, wait_until

TIGHTENED = texts.PERMISSIONS_TIGHTENED.split("{")[0]
LEFT_OPEN = texts.REVIEW_PERMISSIONS_LEFT_OPEN.split("{")[0]


@pytest.fixture
def loose_data_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    target = tmp_path / "donnees"
    shutil.copytree(paths.demo_data_dir(), target)
    for path in [target, *target.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return target


async def start_workspace(data_dir: Path) -> list[str]:
    app = SeanceApp(Workspace(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = notifications(app)
    return said


async def test_the_workspace_says_once_what_it_made_private(loose_data_dir):
    said = [m for m in await start_workspace(loose_data_dir) if m.startswith(TIGHTENED)]
    assert len(said) == 1, said
    assert str(loose_data_dir) in said[0] and "autre(s)" in said[0]

    again = await start_workspace(loose_data_dir)
    assert not [m for m in again if m.startswith(TIGHTENED)], again


async def test_review_names_what_others_can_read(loose_data_dir, tmp_path):
    review = Review(loose_data_dir, tmp_path / "cache")
    app = ReviewApp(review, who="relecteur@poste")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: any(m.startswith(LEFT_OPEN) for m in notifications(app)), "warning")
            warning = next(m for m in notifications(app) if m.startswith(LEFT_OPEN))
    finally:
        review.close()
    assert str(loose_data_dir) in warning
    assert oct(loose_data_dir.stat().st_mode & 0o777) == "0o755"  # review changed nothing
