"""The lean editor must look and behave exactly like Textual's TextArea.

The same keystrokes are sent to both, each running in a real pseudo-terminal;
everything they write goes through a terminal emulator (pyte), and the two
screens must match cell by cell: characters, colours, bold, reverse. If a
Textual upgrade changes the internals LeanTextArea relies on, this is the test
that says so.
"""

import os
import pty
import select
import struct
import sys
import time
from pathlib import Path

import pytest

pyte = pytest.importorskip("pyte")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

APP = Path(__file__).with_name("editor_app.py")
# Each key is sent once the app has shown the previous one: the two editors
# then see the same keys in the same frames, however loaded the machine is.
# (A fixed pace let a slow run batch "down right right x" into one read on one
# side only, and a key handled before the reflow of the last edit moves
# differently: the screens then differed for a reason that is not the editor.)
QUIET = 0.05  # seconds without output: the app has finished painting
BOUND = 20.0  # seconds: the longest wait for a change, a bound and never a pace
# Keys that change no cell (tab moves the focus off the only widget): only quiet is awaited.
UNSEEN = {"tab"}

KEYS = {
    "left": "\x1b[D", "right": "\x1b[C", "up": "\x1b[A", "down": "\x1b[B",
    "home": "\x1b[H", "end": "\x1b[F", "shift+left": "\x1b[1;2D", "shift+right": "\x1b[1;2C",
    "shift+down": "\x1b[1;2B", "backspace": "\x7f", "delete": "\x1b[3~", "enter": "\r",
    "pagedown": "\x1b[6~", "pageup": "\x1b[5~", "ctrl+z": "\x1a", "tab": "\t",
}

TEXT = "\n".join(
    [
        "# Séance n° 3",
        "",
        "Le consultant note l’entretien avec l'élève ; il évoque « manœuvre » et 12:30.",
        "Une ligne assez longue pour être repliée à l'écran, " * 3,
        *[f"Ligne {i} : notes de séance, avec des accents éàçùœ." for i in range(60)],
    ]
)

SCRIPT = [
    *"Bonjour ",                              # typing at the top
    "down", "down", "end", *" Ajout en fin.",  # end of a line
    "home", *"Début : ",                       # start of a line: the rest shifts
    "down", "right", "right", *"xyz",          # middle of a wrapped line: reflow
    "backspace", "backspace", "delete",
    "enter", *"Nouvelle ligne", "enter",
    "shift+right", "shift+right", "shift+right", "shift+down",  # a selection
    "left", "ctrl+z",                          # undo
    "up", "up", "up",
    "pagedown", *"plus bas", "pageup", "tab", *"é",
]


def run_in_terminal(kind: str, text_file: Path, cols: int, rows: int) -> "pyte.Screen":
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, alone in its terminal
        os.environ.update(TERM="xterm-256color", TEXTUAL_ANIMATIONS="none", COLORTERM="truecolor")
        os.execv(sys.executable, [sys.executable, str(APP), kind, str(text_file)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def settle(before: list[list[tuple]] | str | None) -> None:
        """Reads until the screen's cells differ from ``before`` (None: until
        the text shows) and the app has then been quiet for QUIET seconds;
        gives up after BOUND (the comparison below then says what differs)."""
        deadline = time.monotonic() + BOUND
        changed = False
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], QUIET)
            if ready:
                try:
                    stream.feed(os.read(fd, 65536))
                except OSError:
                    return
                continue
            if not changed:
                changed = (
                    "Séance" in "".join(screen.display) if before is None
                    else before == "unseen" or cells(screen) != before
                )
            if changed:
                return

    try:
        settle(None)
        for key in SCRIPT:
            before = "unseen" if key in UNSEEN else cells(screen)
            os.write(fd, KEYS.get(key, key).encode())
            settle(before)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return screen


def cells(screen: "pyte.Screen") -> list[list[tuple]]:
    return [
        [
            (c.data, c.fg, c.bg, c.bold, c.reverse, c.italics, c.underscore, c.strikethrough)
            for c in (screen.buffer[y][x] for x in range(screen.columns))
        ]
        for y in range(screen.lines)
    ]


@pytest.mark.parametrize("cols, rows", [(80, 24), (120, 30)])
def test_lean_editor_paints_exactly_what_textarea_paints(tmp_path, cols, rows):
    text_file = tmp_path / "notes.md"
    text_file.write_text(TEXT, encoding="utf-8")
    stock = run_in_terminal("stock", text_file, cols, rows)
    lean = run_in_terminal("lean", text_file, cols, rows)
    assert "Bonjour" in "".join(stock.display), "the scripted edits did not reach the stock editor"
    assert stock.display == lean.display, "LeanTextArea shows different text: check it against this Textual version"
    assert cells(stock) == cells(lean), "LeanTextArea shows different colours or styles than TextArea"
    assert (stock.cursor.x, stock.cursor.y) == (lean.cursor.x, lean.cursor.y)
