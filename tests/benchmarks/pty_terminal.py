"""One program in a real pty, its screen followed through ``pyte``: the
shared ground of the pty benchmarks (bytes per keystroke, loss under kill -9
and SIGHUP) and of the end-to-end tests that need a real terminal's
behaviour (signals, a hung-up terminal), which tmux cannot give.

A program runs on the slave side of a pty of a given size; every byte it
writes is read here, time-stamped, and fed to a ``pyte`` terminal emulator, so
that the driver can wait for what is on screen.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import threading
import time
from pathlib import Path

import pyte

KEY_F2 = b"\x1bOQ"
KEY_F6 = b"\x1b[17~"
KEY_ENTER = b"\r"
KEY_CTRL_Q = b"\x11"
KEY_CTRL_X = b"\x18"


class Terminal:
    """One program on a pty; output read in a thread, counted and emulated."""

    def __init__(self, argv: list[str], cols: int, rows: int, env: dict[str, str], cwd: Path | None = None):
        self.cols, self.rows = cols, rows
        pid, fd = pty.fork()
        if pid == 0:  # the child: set the size before the program asks for it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.log: list[tuple[float, int]] = []
        self.lock = threading.Lock()
        self.exited = False
        self._stop_reading = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._stop_reading:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if not ready:
                    continue
                data = os.read(self.fd, 65536)
            except (OSError, ValueError):  # ValueError: close() set fd to -1 meanwhile
                break
            if not data:
                break
            now = time.monotonic()
            with self.lock:
                self.log.append((now, len(data)))
                self.stream.feed(data)

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.screen.display)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def wait_for(self, what, timeout: float = 30.0) -> str:
        check = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise RuntimeError(f"still waiting for {what!r} after {timeout} s; screen:\n{screen}")
            time.sleep(0.05)

    def wait_quiet(self, quiet: float = 0.6, timeout: float = 10.0) -> None:
        """Until nothing was written for ``quiet`` seconds (or ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                last = self.log[-1][0] if self.log else 0.0
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.05)

    def bytes_between(self, start: float, end: float) -> tuple[int, int]:
        """(bytes, reads) written by the program between two monotonic instants."""
        with self.lock:
            chunks = [n for t, n in self.log if start <= t < end]
        return sum(chunks), len(chunks)

    def type(self, text: str, chars_per_second: float) -> tuple[float, float]:
        """Types at a steady pace; returns the instants of the first and last key."""
        interval = 1.0 / chars_per_second
        first = time.monotonic()
        for i, char in enumerate(text):
            delay = first + i * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.send(char.encode("utf-8"))
        return first, time.monotonic()

    def close(self, keys: list[bytes] = (), timeout: float = 5.0) -> None:
        for key in keys:
            try:
                self.send(key)
            except OSError:
                break
            time.sleep(0.3)
        if not self.exited and self.exit_status(timeout) is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.exited = True
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1

    def exit_status(self, timeout: float) -> int | None:
        """Waits up to ``timeout`` for the program to end: its exit status
        (negative: killed by that signal), or None if it still runs."""
        deadline = time.monotonic() + timeout
        while True:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exited = True
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)

    def hang_up(self) -> None:
        """What sshd does when the connection drops: the pty's master side is
        closed, the kernel hangs the terminal up and sends SIGHUP."""
        # A read in progress holds the master open: stop the reader first.
        self._stop_reading = True
        self._reader.join()
        os.close(self.fd)
        self.fd = -1


def terminal_env() -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    return env


def open_and_start_seance(term: Terminal, name: str, filter_text: str) -> None:
    """In the workspace: filter the candidate list, open ``name``, start a
    séance in the phase offered (F6, Enter), and wait for its notes."""
    from seance_tui.ui import texts

    def opened(screen: str) -> bool:
        return texts.NO_RUNNING_SEANCE in screen and name in screen

    term.wait_for(texts.OVERVIEW_TITLE, timeout=60)  # the workspace opens on the overview
    term.wait_quiet(0.5)
    term.send(KEY_F2)  # to the candidate list, its filter focused
    term.wait_for(texts.PANE_CANDIDATES, timeout=60)
    term.wait_quiet(0.5)
    term.type(filter_text, 50)
    term.wait_for(lambda s: name in s and s.count(name.split()[-1]) == 1)
    term.send(KEY_ENTER)  # to the list (or, where Enter in the filter opens the match, opened)
    term.wait_for(lambda s: opened(s) or "Ouvrir" in s)
    if not opened(term.text()):
        term.send(KEY_ENTER)  # open the candidate
        term.wait_for(opened)
    term.wait_quiet(0.5)
    term.send(KEY_F6)  # start a séance: the phase picker
    term.wait_for(texts.START_PHASE)
    term.wait_quiet(0.3)
    term.send(KEY_ENTER)  # the phase offered first
    term.wait_for(texts.NOTES_OF.split("{")[0])
