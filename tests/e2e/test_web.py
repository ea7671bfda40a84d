"""End to end in a real browser: ``seance serve`` on a free port of
127.0.0.1, Debian's headless Chromium driven through its chromedriver
(selenium, both given by path: nothing is downloaded), as docs/web.md tells a
reviewer to use it.

The reviewer pastes their token in the login page, gets review (the badge
names them, as typed), opens a candidate and a séance, searches a word
written without its ligature and opens the hit. What the page shows is read
from xterm.js's own buffer: textual.js keeps its terminal in a closure, so a
script injected before the page's own (``Page.addScriptToEvaluateOnNewDocument``)
catches it as it is assigned (a setter for ``terminal`` on Object.prototype).
Closing the browser ends and reaps the app process. Then, without a token
(or with a wrong or revoked one), every route answers 401 and no process is
started: the server's children are counted and its log holds no new
session. The data dir is byte-identical (bytes and mtimes) afterwards.

Skipped, with the reason, only where Chromium or its driver is not
installed (``.ci/run`` installs Debian's ``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver",)
DEMO_NAMES = ("Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre")
WORD, FOUND_IN = "manoeuvre", "Hélène Chaussée"  # her séance 6 says « manœuvre »
REVIEWER = "Zoé [b]Audit[/b] \x1b[31m"  # markup and an escape: shown as typed, the escape made visible
SHOWN_REVIEWER = "Zoé [b]Audit[/b] ␛[31m"
TIMEOUT = 30.0
POLL = 0.1

# Catches textual.js's xterm Terminal as the page assigns it (this.terminal = new Terminal(…)).
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true, enumerable: true});
    window.__seanceTerminal = value;
  },
  get() { return undefined; },
});
"""
# The rows xterm.js shows (its active buffer, from the top of the viewport).
READ_SCREEN = """
const term = window.__seanceTerminal;
if (!term) return null;
const buffer = term.buffer.active, rows = [];
for (let i = 0; i < term.rows; i++) {
  const line = buffer.getLine(buffer.viewportY + i);
  rows.push(line ? line.translateToString(true) : '');
}
return rows.join('\\n');
"""


def _first(paths: tuple[str, ...]) -> str | None:
    return next((p for p in paths if os.access(p, os.X_OK)), None)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every entry under ``folder``: a file's bytes and mtime, a folder as None."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


def _children(pid: int) -> list[str]:
    """Command lines of the live (not zombie) children of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(f"{fields[0]} " + (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _status(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def _wait(check, why: str, details=lambda: "", timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"after {timeout:.0f} s, still waiting for {why}\n{details()}")
        time.sleep(POLL)


@pytest.fixture
def browser_paths() -> tuple[str, str]:
    chromium, driver = _first(CHROMIUM), _first(CHROMEDRIVER)
    if chromium is None or driver is None:
        pytest.skip("Chromium or chromedriver is not installed (Debian: apt-get install chromium chromium-driver)")
    return chromium, driver


def _browser(chromium: str, driver: str, profile: Path):
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager: never download a browser or a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1100,760", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    return browser


def test_a_reviewer_reads_and_searches_in_chromium_and_nobody_else_starts_anything(
    tmp_path, seance_command, browser_paths
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    data_dir, cache_dir, config_dir = tmp_path / "donnees", tmp_path / "cache", tmp_path / "config"
    shutil.copytree(DEMO, data_dir)
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    where = ["--data-dir", str(data_dir), "--cache-dir", str(cache_dir), "--config-dir", str(config_dir)]

    # A reviewer: the token printed once, only its hash on disk, 0600.
    added = subprocess.run([str(seance_command), "serve", *where, "--add-reviewer", REVIEWER],
                           capture_output=True, text=True, env=env, timeout=30, check=True)
    token = added.stdout.strip().splitlines()[-1]
    stored = config_dir / "relecteurs.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert token not in stored.read_text(encoding="utf-8")
    data_before = _snapshot(data_dir)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [str(seance_command), "serve", *where, "--port", str(port), "--max-sessions", "2"],
            stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        )

    def log() -> str:
        return log_path.read_text(encoding="utf-8", errors="replace")

    browser = None
    try:
        _wait(lambda: server.poll() is not None or _status_or_none(base) == 401,
              "the server to answer 401", details=log)
        assert server.poll() is None, log()

        # 1. Log in with the token: review, the badge naming the reviewer as typed.
        browser = _browser(*browser_paths, Path(tempfile.mkdtemp(dir=tmp_path, prefix="profil-")))
        browser.get(base + "/")
        assert "Collez le jeton" in browser.find_element(By.TAG_NAME, "body").text
        browser.find_element(By.ID, "jeton").send_keys(token)
        browser.find_element(By.ID, "connexion").click()

        def screen() -> str:
            return browser.execute_script(READ_SCREEN) or ""

        def wait_screen(check, why: str) -> str:
            return _wait(lambda: (lambda s: s if check(s) else None)(screen()), why,
                         details=lambda: f"last screen:\n{screen()}\nserver log:\n{log()}")

        shown = wait_screen(lambda s: all(n in s for n in DEMO_NAMES), "review's candidate list in the page")
        assert f"lecture seule · navigateur · {SHOWN_REVIEWER}" in shown, shown
        assert len(_children(server.pid)) == 1, _children(server.pid)

        keys = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

        # 2. A candidate's history, one séance, back.
        keys.send_keys(Keys.ENTER)
        wait_screen(lambda s: "Début des notes" in s and "n° 1" in s, "a candidate's history of séances")
        keys.send_keys(Keys.ENTER)
        wait_screen(lambda s: " · séance n° " in s and "Notes de séance" in s, "the séance view")
        keys.send_keys(Keys.ESCAPE)
        wait_screen(lambda s: "Début des notes" in s and " · séance n° " not in s, "back to the history")

        # 3. Search a word typed without its ligature; open the hit at the match.
        keys.send_keys("/")
        wait_screen(lambda s: "Rechercher dans toutes les séances" in s, "the search screen")
        keys.send_keys(WORD)
        wait_screen(lambda s: f"{FOUND_IN} · " in s and "séance(s)" in s, f"a hit in {FOUND_IN}'s séances")
        keys.send_keys(Keys.ENTER)
        wait_screen(lambda s: "Ouvrir la séance" in s, "the hit list focused")
        keys.send_keys(Keys.ENTER)
        wait_screen(lambda s: "Séance suivante" in s and "manœuvre" in s, "the séance opened at « manœuvre »")

        # 4. The browser goes away: its app process ends and is reaped.
        browser.quit()
        browser = None
        _wait(lambda: not _children(server.pid), "the app process to end with the browser",
              details=lambda: f"children: {_children(server.pid)}\n{log()}")
        _wait(lambda: "session fermée" in log(), "the server to log the session's end", details=log)
        sessions = log().count("session ouverte")
        assert sessions == 1, log()

        # 5. Without a valid token: 401 on every route, and no process started.
        ws_upgrade = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
                      "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
        refused = {
            "page": _status(base + "/"),
            "websocket": _status(base + "/ws?width=80&height=24", ws_upgrade),
            "static": _status(base + "/static/js/textual.js"),
            "download": _status(base + "/download/x"),
            "wrong bearer": _status(base + "/ws", {**ws_upgrade, "Authorization": "Bearer " + token[:-2] + "xx"}),
            "forged cookie": _status(base + "/ws", {**ws_upgrade, "Cookie": "seance_session=forged"}),
            "wrong token posted": _status(base + "/connexion", data=b"jeton=nope"),
        }
        assert {what: code for what, (code, _) in refused.items()} == {what: 401 for what in refused}
        assert "Collez le jeton" in refused["page"][1] and 'lang="fr"' in refused["page"][1]

        # A revoked token is refused too, the server still running.
        subprocess.run([str(seance_command), "serve", *where, "--remove-reviewer", REVIEWER],
                       capture_output=True, env=env, timeout=30, check=True)
        assert _status(base + "/ws", {**ws_upgrade, "Authorization": "Bearer " + token})[0] == 401

        assert _children(server.pid) == []
        assert log().count("session ouverte") == sessions, log()
        assert log().count("refusé (401)") >= 7, log()
        assert token not in log()
    finally:
        if browser is not None:
            browser.quit()
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)

    assert _snapshot(data_dir) == data_before, "serving review changed something under the data dir"
    assert list(cache_dir.glob("search-*.sqlite3")), f"no search index in {cache_dir}"


def _status_or_none(url: str) -> int | None:
    try:
        return _status(url)[0]
    except OSError:
        return None  # not listening yet
