"""Typing cut short: what a kill -9, a dropped SSH connection (SIGHUP) or a
SIGTERM leaves on disk. Used by the end-to-end tests (tests/e2e/test_signals.py)
and by the benchmark (run.py, ``saving.*`` figures).

The installed workspace runs in a real pty (pty_terminal.py) on a data dir
holding Zélie Témoin, a candidate without séances. A séance is started and
its template's first blank line receives text typed at a steady ``PACE``.
While typing, the screen is sampled to measure the machine's lag: the age of
the oldest key sent but not yet shown. At the chosen moment the signal goes;
typing stops. Then the typed part of the notes on disk is compared with what
was sent.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pty_typing
from pty_terminal import Terminal, open_and_start_seance, terminal_env

PACE = 12.0  # keys per second: steady typing, the pace issue 9 measured
SAMPLE = 0.05  # seconds between two looks at the screen
CANDIDATE_ID, CANDIDATE_NAME, FILTER = pty_typing.SHORT_ID, pty_typing.SHORT_NAME, "zelie"
HANG_UP = "hang-up"  # not a signal number: the pty's master side is closed, as sshd does on a dropped connection


@dataclass
class Cut:
    """One burst of typing and how it ended."""

    typed: str  # everything sent before the signal
    sent_at: list[float]  # when each character was sent (monotonic)
    signal_at: float
    shown_at_signal: int  # characters of ``typed`` on screen just before the signal
    lag: float  # the longest a sent key waited to be shown, during the burst (+ one sampling period)
    notes: str | None  # the séance's notes on disk afterwards (None: no séance 1)
    saved: str | None  # the typed part of them (None: the template around it is not intact)
    status: int | None  # exit status (negative: killed by that signal; None: still running after the wait)
    exit_after: float  # seconds from the signal to the end of the process
    paused: bool  # séance 1 has an open pause on disk
    lock_owner_left: bool  # the lock's owner file is still there
    screen_after: str = ""
    samples: list[tuple[float, int]] = field(default_factory=list)

    @property
    def lost(self) -> int:
        """Characters sent before the signal and not on disk."""
        return len(self.typed) - len(self.saved or "")

    @property
    def loss_window(self) -> float:
        """How long before the signal the first character missing on disk was
        sent: typing of the last ``loss_window`` seconds was lost (0: nothing)."""
        saved = len(self.saved or "")
        if saved >= len(self.typed):
            return 0.0
        return self.signal_at - self.sent_at[saved]

    @property
    def prefix(self) -> bool:
        """What is on disk is exactly a beginning of what was typed."""
        return self.saved is not None and self.typed.startswith(self.saved)


def make_data_dir(source: Path, target: Path) -> Path:
    """A copy of a data dir (the demo's, or a benchmark store) with the typing fixtures."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    pty_typing.add_fixtures(target)
    return target


def burst_text(seconds: float) -> str:
    text = pty_typing.TYPED
    while len(text) < seconds * PACE + 10:
        text += pty_typing.TYPED
    return text


def typed_part(notes: str) -> str | None:
    """What was typed into the template (at its first blank line), or None."""
    template, row, _ = pty_typing.short_note_start()
    lines = template.split("\n")
    before = "\n".join(lines[:row]) + "\n"
    after = template[len(before):]
    if not notes.startswith(before) or not notes.endswith(after) or len(notes) < len(before) + len(after):
        return None
    return notes[len(before):len(notes) - len(after)]


def shown(screen: str, typed: str) -> int:
    """How many characters of ``typed`` the screen shows (soft-wrapped at
    spaces inside the bordered notes pane)."""
    inner = []
    for line in screen.split("\n"):
        if line.startswith("│"):
            inner.append(line[1:].rstrip().rstrip("│").rstrip().removeprefix(" "))
    joined = " ".join(inner)
    low, high = 0, len(typed)  # a prefix on screen means every shorter one is too
    while low < high:
        mid = (low + high + 1) // 2
        if typed[:mid] in joined:
            low = mid
        else:
            high = mid - 1
    return low


def cut_typing(seance_exe: str, data_dir: Path, how: int | str, after: float, *,
               cols: int = 80, rows: int = 24, wait_exit: float = 8.0) -> Cut:
    """Types for ``after`` seconds into a new séance, then ``how``: a signal
    number (sent to the workspace) or HANG_UP. The exit is awaited
    ``wait_exit`` seconds: less than the 10 s after which ui/signals.py's
    watchdog would end a process whose exit hangs, so that such an exit shows
    as a failure (status None), not as a success."""
    env = terminal_env()
    home = data_dir.parent
    env.update({"XDG_CACHE_HOME": str(home / "xdg-cache"), "XDG_DATA_HOME": str(home / "xdg-data"),
                "XDG_CONFIG_HOME": str(home / "xdg-config"), "TEXTUAL_ANIMATIONS": "none"})
    term = Terminal([seance_exe, "--data-dir", str(data_dir)], cols, rows, env)
    try:
        open_and_start_seance(term, CANDIDATE_NAME, FILTER)
        term.wait_quiet(0.3)
        text = burst_text(after)
        sent_at: list[float] = []
        samples: list[tuple[float, int]] = []
        lags: list[float] = []
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                now = time.monotonic()
                count = len(sent_at)
                seen = shown(term.text(), text)
                samples.append((now, seen))
                if seen < count:
                    lags.append(now - sent_at[seen])
                stop.wait(SAMPLE)

        watcher = threading.Thread(target=watch, daemon=True)
        interval = 1.0 / PACE
        first = time.monotonic()
        watcher.start()
        for i, char in enumerate(text):
            due = first + i * interval
            if due >= first + after:
                break
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            sent_at.append(time.monotonic())
            term.send(char.encode("utf-8"))
        delay = first + after - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        stop.set()
        watcher.join()
        typed = text[:len(sent_at)]
        shown_now = shown(term.text(), typed)
        signal_at = time.monotonic()
        if how == HANG_UP:
            term.hang_up()
        else:
            os.kill(term.pid, how)
        status = term.exit_status(wait_exit)
        exit_after = time.monotonic() - signal_at
        screen_after = term.text()
    finally:
        term.close()
    notes, paused = _on_disk(data_dir)
    return Cut(
        typed=typed, sent_at=sent_at, signal_at=signal_at, shown_at_signal=shown_now, exit_after=exit_after,
        lag=(max(lags) if lags else 0.0) + SAMPLE, notes=notes,
        saved=typed_part(notes) if notes is not None else None, status=status, paused=paused,
        lock_owner_left=(data_dir / "locks" / f"{CANDIDATE_ID}.owner.json").exists(),
        screen_after=screen_after, samples=samples,
    )


def _on_disk(data_dir: Path) -> tuple[str | None, bool]:
    """Séance 1's notes and whether it has an open pause, read as plain JSON."""
    data = json.loads((data_dir / "candidates" / f"{CANDIDATE_ID}.json").read_text(encoding="utf-8"))
    for seance in data.get("seances", {}).values():
        if seance.get("number") == 1:
            pauses = seance.get("pauses") or []
            return seance.get("notes", ""), bool(pauses) and pauses[-1].get("end") is None
    return None, False
