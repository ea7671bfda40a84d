"""Shared by the end-to-end tests: a private tmux server to type into and read
from, and the installed ``seance`` command.

The tmux server is private (its own ``-L`` socket name, no user config) and is
killed at the end, so a user's own tmux sessions are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

POLL = 0.05  # a tmux capture-pane costs milliseconds: polling often costs little and waits less
TIMEOUT = 20.0


class Tmux:
    """One private tmux server holding one pane; keys in, screen text out."""

    def __init__(self, tmux: str):
        self.tmux = tmux
        self.socket = f"seance-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.target = "e2e"
        self.env = {
            **os.environ,
            # The tmux client itself must treat input and output as UTF-8.
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        self.env.pop("TMUX", None)  # not nested in a user's tmux session
        self.last_screen = ""

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.tmux, "-u", "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )

    def start(self, command: str, width: int = 100, height: int = 30) -> None:
        self.run(
            "new-session", "-d", "-s", self.target,
            "-x", str(width), "-y", str(height),
            command,
        )

    def restart(self, command: str) -> None:
        """Replace the pane's process (killing it) by ``command``, same size."""
        self.run("respawn-pane", "-k", "-t", self.target, command)

    def keys(self, *keys: str) -> None:
        """tmux key names: Enter, F6, C-q…"""
        self.run("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Literal text, sent as the terminal would (UTF-8)."""
        self.run("send-keys", "-t", self.target, "-l", text)

    def screen(self) -> str:
        self.last_screen = self.run("capture-pane", "-p", "-t", self.target).stdout
        return self.last_screen

    def wait_for(self, what, timeout: float = TIMEOUT, why: str = "", details=None) -> str:
        """Poll the screen until ``what`` (a text, or a predicate on the screen)
        holds; fail with the last screen captured (and ``details()``, if given)."""
        check = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                extra = f"\n{details()}" if details is not None else ""
                pytest.fail(
                    f"after {timeout:.0f} s, still waiting for {why or repr(what)}; "
                    f"last screen:\n{screen.rstrip()}{extra}"
                )
            time.sleep(POLL)

    def kill(self) -> None:
        """Stop this private server and remove its socket file (tmux leaves it)."""
        where = subprocess.run(
            [self.tmux, "-L", self.socket, "display-message", "-p", "#{socket_path}"],
            env=self.env, capture_output=True, text=True, timeout=10,
        ).stdout.strip()
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"],
            env=self.env, capture_output=True, timeout=10,
        )
        if where.endswith(self.socket):
            Path(where).unlink(missing_ok=True)


@pytest.fixture
def tmux():
    exe = shutil.which("tmux")
    if exe is None:
        pytest.skip("tmux is not installed: the end-to-end tests drive seance inside tmux")
    session = Tmux(exe)
    try:
        yield session
    finally:
        session.kill()


@pytest.fixture
def seance_command() -> Path:
    command = Path(sys.executable).parent / "seance"
    if not command.exists():
        pytest.skip(f"the seance console script is not installed next to {sys.executable}")
    return command
