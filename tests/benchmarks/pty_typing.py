"""Terminal bytes per typed character, in a real pty.

A program runs on the slave side of a pty of a given size; every byte it
writes is read here, time-stamped, and fed to a ``pyte`` terminal emulator, so
that the driver can wait for what is on screen (and check that the typed text
really shows). Characters are written at a steady pace; what the program sends
from the first key until it has settled, divided by the characters typed, is
the figure. Then nothing is sent for a while: the bytes per second at rest.

The same text is typed into ``seance`` (the workspace, as installed) and into
``nano``, at the same pace, in the same pty sizes.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pty_terminal import KEY_CTRL_Q, KEY_CTRL_X, Terminal, open_and_start_seance, terminal_env

TYPED = "La candidate confirme son intérêt pour l’ébénisterie ; elle prévoit deux enquêtes métier d’ici décembre. "
SHORT_ID, SHORT_NAME = "zelie-temoin", "Zélie Témoin"
LONG_ID, LONG_NAME = "zacharie-temoin", "Zacharie Témoin"
LONG_ROW = 100  # where typing starts in the 200-line note (the first blank line under its heading)


@dataclass
class Typing:
    bytes_per_char: float
    idle_bytes_per_second: float
    chars: int
    total_bytes: int
    writes: int
    shown: bool  # the typed text is on the emulated screen


def _measure(term: Terminal, text: str, pace: float, settle: float, idle: float) -> Typing:
    term.wait_quiet(0.8, timeout=8)
    first, last = term.type(text, pace)
    time.sleep(settle)
    settled = time.monotonic()
    total, writes = term.bytes_between(first, settled)
    idle_bytes = 0
    if idle > 0:
        time.sleep(idle)
        idle_bytes, _ = term.bytes_between(settled, time.monotonic())
    tail = text.strip().split(" ")[-1]
    shown = tail in term.text().replace("\n", "")
    return Typing(
        bytes_per_char=total / len(text),
        idle_bytes_per_second=idle_bytes / idle if idle > 0 else 0.0,
        chars=len(text),
        total_bytes=total,
        writes=writes,
        shown=shown,
    )


# --- fixtures: two candidates added to a copy of a small store -----------------------------


def long_note() -> str:
    """200 lines: a heading, 99 lines of a running list, the blank line where
    typing starts, then 99 more lines of paragraphs."""
    import random

    import french

    rng = random.Random("long-note")
    lines = ["## Notes préparatoires (longues)"]
    while len(lines) < LONG_ROW:
        lines.append("- " + french.sentence(rng, 6, 14))
    lines.append("")
    while len(lines) < 199:
        lines.append(french.sentence(rng, 8, 18))
        if len(lines) < 199 and rng.random() < 0.3:
            lines.append("")
    lines.append("Fin des notes.")
    return "\n".join(lines)


def add_fixtures(data_dir: Path) -> None:
    from seance_tui.domain.model import Candidate, FundingRoute, Seance, SeanceStatus
    from seance_tui.domain.record import CandidateRecord
    from seance_tui.storage.store import WritableStore

    store = WritableStore(data_dir)
    day = date(2026, 11, 2)
    for candidate_id, name in ((SHORT_ID, SHORT_NAME), (LONG_ID, LONG_NAME)):
        record = CandidateRecord(
            Candidate(id=candidate_id, name=name, consultant="Inès Bouchard", funding=FundingRoute.CPF,
                      consent_date=day, start_date=day)
        )
        if candidate_id == LONG_ID:
            record.seances.append(
                Seance(number=1, phase="investigation", status=SeanceStatus.PLANNED, planned_date=day,
                       notes=long_note())
            )
        store.create(record)


def short_note_start() -> tuple[str, int, int]:
    """The note a new séance starts with (the preliminaire template) and where typing starts."""
    from seance_tui import paths
    from seance_tui.ui.widgets.notes import _writing_position

    text = paths.template_file("preliminaire").read_text(encoding="utf-8")
    row, column = _writing_position(text)
    return text, row, column


# --- the two programs --------------------------------------------------------------------


def seance_typing(seance_exe: str, data_dir: Path, cols: int, rows: int, long: bool, text: str,
                  pace: float, settle: float, idle: float) -> Typing:
    name, filter_text = (LONG_NAME, "zacharie") if long else (SHORT_NAME, "zelie")
    env = terminal_env()
    if os.environ.get("PYTHONPATH"):  # a worktree measures its own source, not the installed one's
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    term = Terminal([seance_exe, "--data-dir", str(data_dir)], cols, rows, env)
    try:
        open_and_start_seance(term, name, filter_text)
        return _measure(term, text, pace, settle, idle)
    finally:
        term.close([KEY_CTRL_Q])


def nano_typing(nano_exe: str, work: Path, cols: int, rows: int, long: bool, text: str,
                pace: float, settle: float, idle: float) -> Typing:
    if long:
        content, row, column = long_note(), LONG_ROW, 0
    else:
        content, row, column = short_note_start()
    work.mkdir(parents=True, exist_ok=True)
    path = work / ("long.md" if long else "short.md")
    path.write_text(content, encoding="utf-8")
    argv = [nano_exe, "--ignorercfiles", f"+{row + 1},{column + 1}", str(path)]
    term = Terminal(argv, cols, rows, terminal_env(), cwd=work)
    try:
        term.wait_for(path.name)
        return _measure(term, text, pace, settle, idle)
    finally:
        term.close([KEY_CTRL_X, b"n"])


def make_store(source: Path, target: Path) -> Path:
    """A throwaway copy of a small store, with the two typing fixtures."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source / "candidates", target / "candidates")
    add_fixtures(target)
    return target


if __name__ == "__main__":  # a quick look: python pty_typing.py STORE COLS ROWS [long]
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    store = make_store(Path(sys.argv[1]), Path("/tmp/seance-pty-debug"))
    long = len(sys.argv) > 4
    print(seance_typing(shutil.which("seance") or "seance", store, int(sys.argv[2]), int(sys.argv[3]), long,
                        TYPED[:30], 20, 1.5, 2))
    print(nano_typing(shutil.which("nano"), Path("/tmp/seance-pty-debug-nano"), int(sys.argv[2]), int(sys.argv[3]),
                      long, TYPED[:30], 20, 1.5, 2))
