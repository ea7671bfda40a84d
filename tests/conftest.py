"""Shared by the whole suite: what lets its tests run side by side.

The suite runs on several pytest-xdist workers (``addopts`` in pyproject.toml),
so no test may rely on a file or a name that another test uses at the same
time. Each test already works in its own ``tmp_path`` (data dirs, caches,
``--demo`` copies under their own ``TMPDIR``), tmux servers have their own
socket names and sshd takes a free port. What is left shared by default is
the user's own platform dirs: each worker gets its own XDG dirs here, so that
a test (or a child process it starts) that falls back on the platform's data
or cache dir never reads or writes another worker's files, nor the user's.
Hypothesis's example database (.hypothesis/) stays shared: it keeps one
folder per test, which only the worker running that test writes, each
example by an atomic rename.

The slowest tests (marked ``slow`` or ``e2e``: kill -9 loops, terminals,
sshd, the wheel build, the benchmark) are handed out first, so that the
workers do not end the run waiting on one long test started last.
"""

from __future__ import annotations

import os

import pytest

XDG_DIRS = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


@pytest.fixture(scope="session", autouse=True)
def own_xdg_dirs(tmp_path_factory: pytest.TempPathFactory):
    """This worker's own XDG dirs, for the whole session (tmp_path_factory is per worker)."""
    base = tmp_path_factory.mktemp("xdg")
    saved = {name: os.environ.get(name) for name in XDG_DIRS}
    for name in XDG_DIRS:
        os.environ[name] = str(base / name.lower())
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _slow_first(item: pytest.Item) -> int:
    return 0 if item.get_closest_marker("slow") or item.get_closest_marker("e2e") else 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=_slow_first)  # stable: the order inside each group is kept
