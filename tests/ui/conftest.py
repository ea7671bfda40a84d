"""Fixtures for the workspace's Pilot tests and snapshots.

Each test gets its own copy of the bundled demo data dir and a clock that only
moves when the test says so, so that what the app shows and saves is the same
on every run. Animations are off and nothing blinks (the app turns blinking
off in its editor and inputs), so that snapshots are stable.

pytest-asyncio is not a dependency: ``async def`` tests are run here with
``asyncio.run`` (see ``pytest_pyfunc_call``).
"""

from __future__ import annotations

import asyncio
import inspect
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

# Read by Textual at import time: set before anything imports it. No animation,
# and the same theme and colours whatever the environment of the run says.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ.pop("TEXTUAL_THEME", None)
os.environ.pop("NO_COLOR", None)

import pytest

from seance_tui import paths
from seance_tui.services.workspace import Workspace
from seance_tui.storage.permissions import make_data_dir_private
from seance_tui.ui.app import SeanceApp

START = datetime(2026, 11, 26, 10, 0)


class FixedClock:
    """A clock for the workspace: ``clock()`` is the current time, moved by the test only."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function):
    """Runs ``async def`` tests in a fresh event loop (no pytest-asyncio here)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**arguments))
        return True
    return None


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of data/demo/ (5 candidates)."""
    target = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), target)
    # As seance writes a data dir (0700/0600): a loose copy would make every
    # app start with a notice that it tightened it (tests/ui/test_private_dirs.py).
    make_data_dir_private(target)
    return target


def keep_notifications(app) -> None:
    """Keeps every message the app notifies, for seance_pilot.notifications:
    Textual drops a notification once its timeout has passed, which a test
    run on a loaded machine can outlast."""
    posted: list[str] = []
    real_notify = app.notify

    def notify(message, *args, **kwargs):
        posted.append(message)
        return real_notify(message, *args, **kwargs)

    app.notify = notify
    app.notified = posted


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def make_app(data_dir: Path, clock: FixedClock):
    """Builds a SeanceApp on the test's data dir and clock; call it again for a 'next start'."""

    def make() -> SeanceApp:
        app = SeanceApp(Workspace(data_dir, clock=clock))
        app.animation_level = "none"
        keep_notifications(app)
        return app

    return make


@pytest.fixture
def app(make_app) -> SeanceApp:
    return make_app()
