"""``seance review`` without a terminal (``ssh -T``, a pipe, a redirection):
a clear French message and exit code 2, quickly, with nothing left behind.

Textual would otherwise wait for a terminal that never comes: over SSH that is
a session hanging on the server until someone kills it.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

# seance_tui.cli has no ``if __name__ == "__main__"``: call main() as the console script does.
RUN_SEANCE = "import sys; from seance_tui.cli import main; sys.exit(main(sys.argv[1:]))"
TIMEOUT = 20.0  # generous for a slow CI machine; a hang is what this guards against


def _session_members(sid: int) -> list[tuple[int, str]]:
    """Live processes of session ``sid`` (Linux /proc), as (pid, command)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append((int(entry.name), stat[stat.index("(") + 1:stat.rindex(")")]))
    return members


def _review_without_terminal(tmp_path: Path, stdin, stdout) -> tuple[subprocess.Popen, str]:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEANCE_")}
    env.update(
        TMPDIR=str(temp),  # where --demo copies the data: must be empty again afterwards
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        LANG="C.UTF-8",
        TERM="xterm-256color",
    )
    child = subprocess.Popen(
        [sys.executable, "-c", RUN_SEANCE, "review", "--demo"],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own session: whatever it starts can be found by session id
    )
    try:
        _, err = child.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        child.communicate()
        pytest.fail(f"seance review without a terminal still running after {TIMEOUT:.0f} s")
    return child, err.decode("utf-8")


def _assert_clean_exit(child: subprocess.Popen, err: str, tmp_path: Path) -> None:
    assert child.returncode == 2, err
    assert "terminal" in err, err
    assert "seance review a besoin d'un terminal" in err, err
    assert "Traceback" not in err, err
    # Nothing of the session survives the command (no Textual driver thread
    # turned process, no helper); give the kernel a moment to reap.
    deadline = time.monotonic() + 5
    while (left := _session_members(child.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left == [], f"processes left behind: {left}"
    # The throwaway --demo copy is removed too.
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find leftover processes")
@pytest.mark.parametrize("stdin_kind", ["devnull", "pty"])
def test_review_with_stdout_piped_says_it_needs_a_terminal_and_exits_2(tmp_path, stdin_kind):
    """``ssh -T`` (stdin /dev/null-like) or ``seance review | less`` (stdin a terminal)."""
    if stdin_kind == "pty":
        controller, terminal = pty.openpty()
        stdin = terminal
    else:
        controller = terminal = None
        stdin = subprocess.DEVNULL
    try:
        child, err = _review_without_terminal(tmp_path, stdin, subprocess.PIPE)
        assert child.stdout is not None
    finally:
        for fd in (controller, terminal):
            if fd is not None:
                os.close(fd)
    _assert_clean_exit(child, err, tmp_path)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find leftover processes")
def test_review_with_stdin_redirected_says_it_needs_a_terminal_and_exits_2(tmp_path):
    """``seance review < file``: stdout is a terminal, stdin is not."""
    controller, terminal = pty.openpty()
    try:
        child, err = _review_without_terminal(tmp_path, subprocess.DEVNULL, terminal)
        os.set_blocking(controller, False)
        try:
            shown = os.read(controller, 65536)
        except (BlockingIOError, OSError):
            shown = b""
    finally:
        os.close(controller)
        os.close(terminal)
    _assert_clean_exit(child, err, tmp_path)
    # Nothing was drawn: no switch to the alternate screen, no escape sequence at all.
    assert b"\x1b" not in shown, shown
