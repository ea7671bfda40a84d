"""Nothing typed is lost: kill -9, a dropped SSH connection (SIGHUP), SIGTERM.

The installed ``seance`` runs in a real pty (tests/benchmarks/pty_terminal.py,
shared with the benchmarks; tmux cannot hang a terminal up or say how a
process ended). Text is typed at a steady 12 keys a second, with no pause
for the 0.4 s debounce to save on, then the process is interrupted mid-burst.

The bound under kill -9. A save is due at most ``MAX_WAIT`` (1 s) after the
first key not yet saved, even while typing goes on. That key reaches the
app after the machine's lag, measured in the same run as the longest a sent
key waited to show on screen (reading, handling and painting it: more than
handling it alone). Then the save itself: the timer may ring late and the
save runs in a thread (an atomic write, two fsyncs: milliseconds, p99 3 ms in
docs/benchmarks.md); ``SAVE_MARGIN`` (0.5 s) covers both on this shared,
slow machine. So a kill -9 may lose the keys sent in the last
``MAX_WAIT + lag + SAVE_MARGIN`` seconds, never more, and what is on disk is
always exactly a beginning of what was typed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.services import autosave
from seance_tui.ui import signals

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pty_saving  # noqa: E402
from pty_terminal import Terminal, terminal_env  # noqa: E402

SAVE_MARGIN = 0.5
EXIT_WAIT = signals.GRACE - 2  # an exit left to the watchdog is a failure
DEMO_PREFIX = "seance-demo-"

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return pty_saving.make_data_dir(paths.demo_data_dir(), tmp_path / "donnees")


def _explain(cut: pty_saving.Cut) -> str:
    return (f"typed {len(cut.typed)}, saved {len(cut.saved or '')}, shown at the signal {cut.shown_at_signal}, "
            f"lag {cut.lag:.3f} s, loss window {cut.loss_window:.3f} s, status {cut.status} after {cut.exit_after:.2f} s\n"
            f"notes on disk: {cut.notes!r}\nscreen after:\n{cut.screen_after}")


def test_kill_9_while_typing_steadily_loses_at_most_a_second_and_the_lag(seance_command, data_dir):
    seed = random.randrange(1 << 30)
    after = random.Random(seed).uniform(2.0, 4.0)  # any moment of the burst, past the first max-wait
    cut = pty_saving.cut_typing(str(seance_command), data_dir, signal.SIGKILL, after)
    why = f"seed {seed}, kill -9 after {after:.2f} s; {_explain(cut)}"
    assert cut.status == -signal.SIGKILL, why
    assert cut.prefix, why
    bound = autosave.MAX_WAIT + cut.lag + SAVE_MARGIN
    assert cut.loss_window <= bound, f"lost the last {cut.loss_window:.2f} s of typing (bound {bound:.2f} s); {why}"
    assert cut.saved, why


@pytest.mark.parametrize("how", [pty_saving.HANG_UP, signal.SIGHUP, signal.SIGTERM],
                         ids=["connection-dropped", "sighup", "sigterm"])
def test_sighup_and_sigterm_mid_burst_save_everything_pause_and_exit_0(seance_command, data_dir, how):
    cut = pty_saving.cut_typing(str(seance_command), data_dir, how, 2.5)
    why = _explain(cut)
    assert cut.status == 0, why
    assert cut.prefix, why
    # Every key the app had shown had reached it; keys in flight at the signal may be lost with the terminal.
    assert len(cut.saved) >= cut.shown_at_signal > 0, why
    assert cut.paused, f"the séance's pause was not recorded; {why}"
    assert not cut.lock_owner_left, f"the lock was not given back; {why}"
    assert "Traceback" not in cut.screen_after, why


def _env(tmp_path: Path) -> dict[str, str]:
    env = terminal_env()
    env.update({"TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
                "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
                "TEXTUAL_ANIMATIONS": "none"})
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


@pytest.mark.parametrize("how", [signal.SIGHUP, signal.SIGTERM, pty_saving.HANG_UP],
                         ids=["sighup", "sigterm", "connection-dropped"])
def test_review_exits_quietly_with_0(seance_command, data_dir, tmp_path, how):
    term = Terminal([str(seance_command), "review", "--data-dir", str(data_dir)], 100, 30, _env(tmp_path))
    try:
        term.wait_for("Amélie Dubœuf", timeout=60)
        term.wait_quiet(0.3)
        if how == pty_saving.HANG_UP:
            term.hang_up()
        else:
            os.kill(term.pid, how)
        status = term.exit_status(EXIT_WAIT)
        screen = term.text()
    finally:
        term.close()
    assert status == 0, screen
    assert "Traceback" not in screen and "Error" not in screen, screen


def _demo_copies(tmp_path: Path) -> set[Path]:
    return set((tmp_path / "tmp").glob(f"{DEMO_PREFIX}*"))


def test_demo_copies_go_with_their_run_and_a_killed_runs_copy_at_the_next_start(seance_command, tmp_path):
    env = _env(tmp_path)
    killed = Terminal([str(seance_command), "--demo"], 100, 30, env)
    try:
        killed.wait_for("Amélie Dubœuf", timeout=60)
        left_behind = _demo_copies(tmp_path)
        assert len(left_behind) == 1, left_behind
        os.kill(killed.pid, signal.SIGKILL)
        assert killed.exit_status(10) == -signal.SIGKILL
    finally:
        killed.close()
    assert _demo_copies(tmp_path) == left_behind  # nothing ran to remove it

    alive = Terminal([str(seance_command), "--demo"], 100, 30, env)
    try:
        alive.wait_for("Amélie Dubœuf", timeout=60)
        live_copy = _demo_copies(tmp_path)
        assert len(live_copy) == 1 and not (live_copy & left_behind), (live_copy, left_behind)

        # Another --demo run meanwhile cleans up only dead runs' copies: the live one stays.
        listed = subprocess.run([str(seance_command), "list", "--demo"], env=env, capture_output=True, text=True,
                                timeout=60)
        assert listed.returncode == 0, listed.stderr
        assert _demo_copies(tmp_path) == live_copy
        assert (next(iter(live_copy)) / "donnees" / "candidates").is_dir()

        alive.hang_up()  # the SSH connection drops
        assert alive.exit_status(EXIT_WAIT) == 0
    finally:
        alive.close()
    assert _demo_copies(tmp_path) == set()
    shutil.rmtree(tmp_path / "tmp", ignore_errors=True)
