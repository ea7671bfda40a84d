"""The benchmarks still run: ``run.py --quick --json`` exits 0 and reports
every figure. Values are never checked: timings on a shared machine are
figures to read beside their baselines (docs/benchmarks.md), not assertions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent / "run.py"
SIZES = (100, 200)
PER_SIZE = [
    "cold_start.workspace", "cold_start.review",
    "autosave.p50", "autosave.p99", "autosave.no_fsync.p50",
    "review.open_20", "review.open_20.history", "review.open_20.seance", "review.open_20.core",
    "search.rare", "search.common", "search.rare.ripgrep", "search.common.ripgrep",
    "index.build", "index.size", "index.refresh_one", "index.detect_changes",
    "review.peak_rss", "list.second_run",
    "first_start.first_frame", "first_start.complete",
]
GLOBAL = [
    "autosave.p50.growth",
    "pty.short.80x24", "pty.short.200x50", "pty.mid.80x24", "pty.mid.200x50",
    "pty.idle.80x24", "pty.idle.200x50",
    "saving.kill9.worst_window", "saving.kill9.median_window", "saving.sighup.lost_bytes",
]
FIELDS = {"value", "baseline", "target", "unit", "met"}


@pytest.mark.slow
def test_quick_benchmarks_report_every_figure(tmp_path: Path) -> None:
    sizes = ",".join(map(str, SIZES))
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--json", "--sizes", sizes, "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout)
    expected = {f"{name}@{size}" for name in PER_SIZE for size in SIZES} | set(GLOBAL)
    assert expected <= set(figures), sorted(expected - set(figures))
    for name in expected:
        assert FIELDS <= set(figures[name]), (name, figures[name])
