"""Helpers shared by the workspace's Pilot tests: driving the app, reading
the screen as text, and reading what is on disk."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from seance_tui.domain.record import CandidateRecord
from seance_tui.storage.store import ReadOnlyStore


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the whole screen stack, dialogs on top)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True,
        color_system=None, record=True, legacy_windows=False, safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def load(data_dir: Path, candidate_id: str) -> CandidateRecord:
    """The candidate as the files on disk say, read like review mode does."""
    return ReadOnlyStore(data_dir).load(candidate_id)


def raw(data_dir: Path, candidate_id: str) -> dict[str, Any]:
    """The candidate's JSON file, parsed as plain JSON."""
    return json.loads((data_dir / "candidates" / f"{candidate_id}.json").read_text(encoding="utf-8"))


async def wait_until(pilot: Pilot, condition: Callable[[], object], what: str = "", timeout: float = 5.0) -> None:
    """Lets the app run until ``condition()`` is true; fails after ``timeout`` seconds (a bound, never a timing)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {what or condition}")
        await pilot.pause(0.05)


def _key(character: str) -> events.Key:
    if character == "\n":
        return events.Key("enter", "\r")
    if character == " ":
        return events.Key("space", " ")
    return events.Key(character if character.isalnum() else _character_to_key(character), character)


async def type_text(pilot: Pilot, text: str) -> None:
    """Types ``text`` as a fast typist would: every key is queued at once
    (``Pilot.press`` waits for the app to go idle after each key), then waits
    until the app has handled them all. Newlines are Enter."""
    for character in text:
        pilot.app.post_message(_key(character))
    await pilot.pause()


async def open_candidate(pilot: Pilot, filter_text: str) -> None:
    """F2, filter the list, Enter: the first match, highlighted as typed, opens."""
    await pilot.press("f2")
    await type_text(pilot, filter_text)
    await pilot.press("enter")
    await pilot.pause()


def notifications(app) -> list[str]:
    """Every notification the app posted (kept even when run_test hides the toasts,
    and even after its timeout when the app comes from the make_app fixture)."""
    posted = getattr(app, "notified", None)
    if posted is not None:
        return list(posted)
    return [n.message for n in app._notifications]


async def answer(pilot: Pilot, label: str) -> None:
    """Answers the open ChoiceDialog from the keyboard, deliberately: Tab to the
    button that says ``label`` (the safe answer has the focus first), Enter."""
    from seance_tui.ui.dialogs.choice import ChoiceDialog

    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog), dialog
    await wait_until(pilot, lambda: pilot.app.focused in dialog.query("Button"), what="dialog ready")
    labels = [str(button.label) for button in dialog.query("Button")]
    assert label in labels, labels
    for _ in range(len(labels)):
        if str(pilot.app.focused.label) == label:
            break
        await pilot.press("tab")
    assert str(pilot.app.focused.label) == label
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen is not dialog, what="dialog closed")


async def keys_from_terminal(pilot: Pilot, data: str) -> None:
    """Sends ``data`` as a terminal without bracketed paste does (tmux, a paste
    into some terminals): bytes read by Textual's own input parser, so a BEL
    byte is the key ctrl+g. All queued at once, like ``type_text``."""
    from textual._xterm_parser import XTermParser

    for message in XTermParser().feed(data):
        if isinstance(message, events.Key):
            pilot.app.post_message(message)
    await pilot.pause()


async def overview_read(pilot: Pilot) -> None:
    """Waits until the overview (the workspace's first screen) has read every file."""
    await wait_until(pilot, lambda: not pilot.app.overview.reading, what="overview read", timeout=15)


async def leave_overview(pilot: Pilot) -> None:
    """From the overview at start to the workspace's candidate list (Échap)."""
    from seance_tui.ui.screens.overview import OverviewScreen

    await wait_until(pilot, lambda: isinstance(pilot.app.screen, OverviewScreen), what="overview shown")
    await pilot.press("escape")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, OverviewScreen), what="overview left")
