"""A reviewer watches a séance while the consultant types it (issue 14).

The installed workspace and the installed review each run in a real pty
(pty_terminal.py) on one data dir, as two people on one server would. The
workspace starts a séance for Zélie Témoin; review opens that séance. Then
words (``mot0z mot1z …``, each one unique and never a part of another) are
typed into the workspace at a steady pace with no pause, while a watcher looks
every ``SAMPLE`` seconds at the file on disk and at review's screen.

For each word: when its last key was sent, when it was first on disk (the
workspace's own save: the baseline) and when it was first on review's
screen. Used by tests/e2e/test_review_sees_typing.py and by run.py
(``review.live.*`` figures).
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pty_saving
from pty_terminal import KEY_CTRL_Q, KEY_ENTER, Terminal, open_and_start_seance, terminal_env

PACE = 12.0  # keys per second, as pty_saving: steady typing, no pause for the debounce
SAMPLE = 0.05
KEY_SHIFT_TAB = b"\x1b[Z"
REVIEW_SIZE = (100, 30)


@dataclass
class Watch:
    words: list[str]
    sent_at: dict[str, float] = field(default_factory=dict)  # the word's last key sent
    on_disk_at: dict[str, float] = field(default_factory=dict)
    shown_at: dict[str, float] = field(default_factory=dict)  # first seen on review's screen
    typing_ended_at: float = 0.0
    review_screen: str = ""

    def shown_while_typing(self) -> list[str]:
        return [w for w, at in self.shown_at.items() if at < self.typing_ended_at]

    def delays(self, seen: dict[str, float]) -> list[float]:
        return [seen[w] - self.sent_at[w] for w in self.sent_at if w in seen]


def _env(home: Path) -> dict[str, str]:
    env = terminal_env()
    env.update({"XDG_CACHE_HOME": str(home / "xdg-cache"), "XDG_DATA_HOME": str(home / "xdg-data"),
                "XDG_CONFIG_HOME": str(home / "xdg-config"), "TEXTUAL_ANIMATIONS": "none"})
    if os.environ.get("PYTHONPATH"):  # a worktree's tests run its own source, in the children too
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def _notes_on_disk(data_dir: Path) -> str:
    path = data_dir / "candidates" / f"{pty_saving.CANDIDATE_ID}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # never half a file (atomic replace), but a read may race a rename
        return ""
    for seance in data.get("seances", {}).values():
        if seance.get("number") == 1:
            return seance.get("notes", "")
    return ""


def open_in_review(review: Terminal) -> None:
    """Review's candidate list → filter on Zélie → her history → séance 1."""
    from seance_tui.ui import texts

    review.wait_for(texts.READ_ONLY_BADGE, timeout=60)
    review.wait_quiet(0.5)
    review.send(KEY_SHIFT_TAB)  # from the list to the filter box above it
    time.sleep(0.2)
    review.type(pty_saving.FILTER, 30)
    review.wait_for(lambda s: s.count(pty_saving.CANDIDATE_NAME) == 1)
    review.send(KEY_ENTER)  # to the list
    review.wait_quiet(0.3)
    review.send(KEY_ENTER)  # her history
    review.wait_for(lambda s: "Entretien préliminaire" in s and pty_saving.CANDIDATE_NAME in s)
    review.wait_quiet(0.3)
    review.send(KEY_ENTER)  # séance 1
    review.wait_for("séance n° 1", timeout=30)
    review.wait_quiet(0.3)


def watch_typing(seance_exe: str, data_dir: Path, seconds: float, settle: float = 6.0) -> Watch:
    """Types words for ``seconds`` into a new séance; watches disk and review
    until every word is shown in review or ``settle`` seconds after the last key."""
    home = data_dir.parent
    os.system(f"chmod -R go-rwx '{data_dir}'")  # no permission notice over review's séance
    env = _env(home)
    workspace = Terminal([seance_exe, "--data-dir", str(data_dir)], 80, 24, env)
    review = None
    try:
        open_and_start_seance(workspace, pty_saving.CANDIDATE_NAME, pty_saving.FILTER)
        review = Terminal([seance_exe, "review", "--data-dir", str(data_dir), "--cache-dir",
                           str(home / "review-cache")], *REVIEW_SIZE, env)
        open_in_review(review)
        workspace.wait_quiet(0.3)
        words = [f"mot{i}z" for i in range(int(seconds * PACE / 5) + 2)]
        watch = Watch(words)
        stop = threading.Event()

        def look() -> None:
            while not stop.is_set():
                now = time.monotonic()
                disk = _notes_on_disk(data_dir)
                screen = " " + review.text().replace("\n", " ") + " "
                for word in list(watch.sent_at):
                    if word not in watch.on_disk_at and word in disk:
                        watch.on_disk_at[word] = now
                    if word not in watch.shown_at and f" {word} " in screen:
                        watch.shown_at[word] = now
                stop.wait(SAMPLE)

        watcher = threading.Thread(target=look, daemon=True)
        watcher.start()
        text = " ".join(words) + " "
        interval = 1.0 / PACE
        first = time.monotonic()
        word_start = 0
        for i, char in enumerate(text):
            due = first + i * interval
            if due >= first + seconds:
                break
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            workspace.send(char.encode())
            if char == " ":
                watch.sent_at[text[word_start:i]] = time.monotonic()
                word_start = i + 1
        watch.typing_ended_at = time.monotonic()
        deadline = watch.typing_ended_at + settle
        while time.monotonic() < deadline and len(watch.shown_at) < len(watch.sent_at):
            time.sleep(SAMPLE)
        stop.set()
        watcher.join()
        watch.review_screen = review.text()
        return watch
    finally:
        if review is not None:
            review.close([b"q"])
        workspace.close([KEY_CTRL_Q])
