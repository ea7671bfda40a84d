"""End to end over real SSH: a reviewer reaches ``seance review`` through an
``authorized_keys`` forced command, as docs/ssh.md tells an administrator to set
it up, and browses the demo data at 80×24 inside tmux.

A private sshd (127.0.0.1, a free unprivileged port, its own config, host key,
pid file and log) accepts one client key whose line is
``command="… seance review --data-dir … --cache-dir …",restrict,pty``. The
reviewer opens a candidate, a séance, goes back, searches a word written
without its ligature (``manoeuvre`` finds « manœuvre »), opens the hit and
quits. Asking for another command (``sh -c 'touch …'``) still lands in the app
and creates nothing; a connection that drops takes the app with it; without a
terminal (``ssh -T``) the app says so and exits 2. Afterwards no byte and no mtime has changed under the data dir and no app
process is left.

Skipped, with the reason, only where sshd cannot run at all (no binary, or it
does not start: the end of its log is in the reason).
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
WIDTH, HEIGHT = 80, 24
DEMO_NAMES = ("Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre")
WORD, FOUND_IN = "manoeuvre", "Hélène Chaussée"  # her séance 6 says « manœuvre »
SSHD_PATHS = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/usr/bin/sshd")
PRIVSEP_DIR = Path("/run/sshd")  # sshd started as root refuses to run without it
START_TIMEOUT = 10.0


@dataclass
class Sshd:
    """A running private sshd and what a client needs to log in."""

    exe: str
    dir: Path
    port: int
    user: str
    client_key: Path
    process: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        return self.dir / "sshd.log"

    @property
    def pid_file(self) -> Path:
        return self.dir / "sshd.pid"

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return "(no sshd log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty sshd log)"

    def ssh_args(self, *extra: str) -> list[str]:
        """The reviewer's client: this key only, no user or system config, no prompt."""
        return [
            "ssh", "-F", os.devnull, *extra,
            "-p", str(self.port), "-i", str(self.client_key),
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR",
            f"{self.user}@127.0.0.1",
        ]

    def stop(self) -> None:
        """Kill the listener named in the pid file (and our child, should they differ)."""
        pids = set()
        try:
            pids.add(int(self.pid_file.read_text().split()[0]))
        except (OSError, ValueError, IndexError):
            pass
        if self.process is not None and self.process.poll() is None:
            pids.add(self.process.pid)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers_ssh(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.settimeout(2)
            return conn.recv(64).startswith(b"SSH-")
    except OSError:
        return False


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every entry under ``folder``: a file's bytes and mtime, a folder as None."""
    shot: dict[str, tuple[bytes, int] | None] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        shot[rel] = (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
    return shot


def _processes_naming(text: str) -> list[tuple[int, str]]:
    """Live processes whose command line contains ``text`` (Linux /proc)."""
    found = []
    needle = text.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if needle in cmdline:
            found.append((int(entry.name), cmdline.replace(b"\0", b" ").decode(errors="replace").strip()))
    return found


def _wait_no_process_naming(text: str, timeout: float = 10.0) -> list[tuple[int, str]]:
    deadline = time.monotonic() + timeout
    while (left := _processes_naming(text)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@pytest.fixture
def data_dir(tmp_path) -> Path:
    copy = tmp_path / "donnees"
    shutil.copytree(DEMO, copy)
    return copy


@pytest.fixture
def data_before(data_dir) -> dict[str, tuple[bytes, int] | None]:
    """Taken before sshd starts: nothing may change from here on."""
    shot = _snapshot(data_dir)
    assert shot, "the demo data is missing"
    return shot


@pytest.fixture
def sshd(tmp_path, seance_command, data_dir):
    exe = next((p for p in SSHD_PATHS if os.access(p, os.X_OK)), None)
    if exe is None:
        pytest.skip(f"sshd is not installed (looked for {', '.join(SSHD_PATHS)}): apt-get install openssh-server")
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed: apt-get install openssh-client")
    if os.geteuid() == 0 and not PRIVSEP_DIR.is_dir():
        PRIVSEP_DIR.mkdir(mode=0o755, parents=True, exist_ok=True)  # normally made at boot

    where = tmp_path / "ssh"
    where.mkdir()
    host_key, client_key = where / "host_ed25519", where / "client_ed25519"
    for key in (host_key, client_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", key.name, "-f", str(key)],
                       check=True, capture_output=True, timeout=30)

    # The line docs/ssh.md gives the administrator. sshd runs it through the
    # account's login shell with a minimal environment: absolute paths only.
    cache_dir = tmp_path / "cache"
    forced = shlex.join([str(seance_command), "review", "--data-dir", str(data_dir), "--cache-dir", str(cache_dir)])
    assert '"' not in forced and "\\" not in forced, forced
    authorized_keys = where / "authorized_keys"
    authorized_keys.write_text(f'command="{forced}",restrict,pty {client_key.with_suffix(".pub").read_text().strip()}\n')

    user = pwd.getpwuid(os.getuid()).pw_name
    server = Sshd(exe=exe, dir=where, port=0, user=user, client_key=client_key)
    try:
        for _attempt in range(3):  # another process may take the free port first
            server.port = _free_port()
            config = where / "sshd_config"
            config.write_text("\n".join([
                "ListenAddress 127.0.0.1",
                f"Port {server.port}",
                f"HostKey {host_key}",
                f"PidFile {server.pid_file}",
                f"AuthorizedKeysFile {authorized_keys}",
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "UseDNS no",
                "StrictModes no",  # tmp_path's modes are not sshd's business here
                "PrintMotd no",
                "PrintLastLog no",
                "LogLevel VERBOSE",
                "",
            ]))
            server.log.unlink(missing_ok=True)
            server.pid_file.unlink(missing_ok=True)
            # -D: stays our child (no daemon to lose); -E: its log, for failures and skips.
            server.process = subprocess.Popen(
                [exe, "-D", "-f", str(config), "-E", str(server.log)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            deadline = time.monotonic() + START_TIMEOUT
            while server.process.poll() is None and time.monotonic() < deadline:
                if server.pid_file.exists() and _answers_ssh(server.port):
                    break
                time.sleep(0.05)
            if server.process.poll() is None and server.pid_file.exists():
                break
            server.stop()
            if "Address already in use" not in server.log_tail():
                pytest.skip(f"sshd cannot run here ({exe}); end of its log:\n{server.log_tail()}")
        else:
            pytest.skip(f"sshd found no free port in 3 attempts; end of its log:\n{server.log_tail()}")
        yield server
    finally:
        server.stop()
        # Should a step fail mid-session, no app may outlive the test.
        for pid, _ in _processes_naming(str(data_dir)):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.mark.e2e
def test_a_reviewer_over_ssh_browses_and_searches_and_cannot_run_anything_else(
    tmux, data_dir, data_before, sshd, tmp_path
):
    cache_dir = tmp_path / "cache"
    pwned = tmp_path / "pwned"
    started = time.monotonic()

    def details() -> str:
        return f"end of the sshd log:\n{sshd.log_tail()}"

    def wait(what, why: str) -> str:
        return tmux.wait_for(what, why=why, details=details)

    def session_ended(marker: str) -> None:
        screen = wait(lambda s: re.search(rf"{marker}\d+", s) is not None, why=f"the ssh session to end ({marker})")
        assert f"{marker}0" in screen, f"ssh exited non-zero:\n{screen}\n{details()}"

    def in_pane(ssh: list[str], marker: str) -> str:
        # The pane outlives ssh so that its exit code can be read.
        return f"sh -c {shlex.quote(f'{shlex.join(ssh)}; echo {marker}$?; exec sleep 600')}"

    # 1. Log in: the forced command opens review (candidates, badge, user@host).
    tmux.start(in_pane(sshd.ssh_args("-tt"), "SSH1-EXITED-"), WIDTH, HEIGHT)
    screen = wait(lambda s: "lecture seule" in s and all(name in s for name in DEMO_NAMES),
                  why="review's candidate list with the lecture seule badge")
    assert f"{sshd.user}@" in screen, screen

    # 2. A candidate's history, one séance, back.
    tmux.keys("Enter")
    wait(lambda s: "Début des notes" in s and "n° 1" in s and any(n in s for n in DEMO_NAMES),
         why="a candidate's history of séances")
    tmux.keys("Enter")
    wait(lambda s: " · séance n° " in s and "Notes de séance" in s and "Séance suivante" in s, why="the séance view")
    tmux.keys("Escape")
    wait(lambda s: "Début des notes" in s and " · séance n° " not in s, why="back to the history")

    # 3. Search a word typed without its ligature; open the hit at the match.
    tmux.keys("/")
    wait("Rechercher dans toutes les séances", why="the search screen")
    tmux.type(WORD)
    wait(lambda s: f"{FOUND_IN} · " in s and "séance(s)" in s, why=f"a hit in {FOUND_IN}'s séances")
    tmux.keys("Enter")
    wait("Ouvrir la séance", why="the hit list focused (footer: ⏎ Ouvrir la séance)")
    tmux.keys("Enter")
    # The data dir's permission warning (a 30 s toast at start) may lie over the word at 80 columns.
    tmux.wait_for(lambda s: "Séance suivante" in s and "manœuvre" in s, timeout=60,
                  why="the séance opened at « manœuvre »", details=details)

    # 4. q quits the app from the séance view, and with it the SSH session.
    tmux.keys("q")
    session_ended("SSH1-EXITED-")
    assert _wait_no_process_naming(str(data_dir)) == []

    # 5. Another command asked for: the forced command runs instead, nothing else.
    attack = f"sh -c {shlex.quote(f'touch {pwned}')}"
    tmux.restart(in_pane([*sshd.ssh_args("-tt"), attack], "SSH2-EXITED-"))
    wait(lambda s: "lecture seule" in s and all(name in s for name in DEMO_NAMES),
         why="review again, whatever the command asked for")
    assert not pwned.exists()
    tmux.keys("q")
    session_ended("SSH2-EXITED-")
    assert not pwned.exists(), "the command the client asked for ran"

    # 6. The reviewer's terminal closes mid-session (ssh killed): the app ends too.
    tmux.restart(in_pane(sshd.ssh_args("-tt"), "SSH3-EXITED-"))
    wait(lambda s: "lecture seule" in s and all(name in s for name in DEMO_NAMES), why="review a third time")
    tmux.restart("exec sleep 600")  # respawn-pane -k: the pane's ssh is killed
    assert _wait_no_process_naming(str(data_dir)) == [], "review outlived its SSH connection"

    # 7. Without a terminal the app says so and exits 2 (ssh passes the code on).
    no_tty = subprocess.run([*sshd.ssh_args("-T"), attack], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30)
    assert no_tty.returncode == 2, f"{no_tty}\n{details()}"
    assert "besoin d'un terminal" in no_tty.stderr, no_tty.stderr
    assert not pwned.exists()

    # sshd ran the key's command each time (four logins), whatever was asked for.
    assert sshd.log.read_text(errors="replace").count("forced-command (key-option)") >= 4, details()

    # Nothing left running, nothing changed under the data dir; the index lives in the cache dir.
    assert _wait_no_process_naming(str(data_dir)) == []
    assert _snapshot(data_dir) == data_before, "review changed something under the data dir"
    assert list(cache_dir.glob("search-*.sqlite3")), f"no search index in {cache_dir}"
    assert time.monotonic() - started < 60
