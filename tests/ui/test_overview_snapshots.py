"""Snapshots of the overview, the workspace's first screen (issue 13 §1), at
80×24 and 160×48: the demo's candidates plus homonyms, names holding markup
and control characters, and a 200-character overdue objective (wrapped), on
the tests' fixed day (Thursday 26/11/2026, conftest.py's clock). Regenerate
with ``--snapshot-update`` and look at the SVGs before committing them."""

from __future__ import annotations

from long_roadmap import add_long_roadmap_candidate
from overview_data import add_week
from seance_pilot import overview_read

WIDE = (160, 48)
NARROW = (80, 24)


async def read(pilot) -> None:
    await overview_read(pilot)
    await pilot.pause()


def test_overview_narrow(app, data_dir, snap_compare):
    add_week(data_dir)
    add_long_roadmap_candidate(data_dir)
    assert snap_compare(app, terminal_size=NARROW, run_before=read)


def test_overview_wide(app, data_dir, snap_compare):
    add_week(data_dir)
    add_long_roadmap_candidate(data_dir)
    assert snap_compare(app, terminal_size=WIDE, run_before=read)


def test_overview_demo_narrow(app, snap_compare):
    """The demo as a new user first sees it."""
    assert snap_compare(app, terminal_size=NARROW, run_before=read)
