"""The notes' autosave on the screen: one small object owning the one save
timer and the retry after a failure. When to save is decided by
services/autosave.py; saving is the open candidate's (services/workspace.py).

Saves run in a thread worker that posts a typed :class:`SaveFinished` to the
screen when done, naming the candidate it saved: a save of a candidate left
meanwhile says nothing about the one now open."""

from __future__ import annotations

from textual.message import Message
from textual.timer import Timer

from ...services.autosave import Autosave, Decision
from ...services.workspace import OpenCandidate, Snapshot


class SaveFinished(Message):
    """A save worker finished: ``error`` is the French message, or None."""

    def __init__(self, opened: OpenCandidate, error: str | None) -> None:
        super().__init__()
        self.opened = opened
        self.error = error


class Saver:
    def __init__(self, screen) -> None:
        self._screen = screen
        self._autosave = Autosave()
        self._timer: Timer | None = None
        self.error: str | None = None  # the last save's failure, until a save succeeds

    def changed(self) -> None:
        """A keystroke changed the record: save now or (re)arm the timer."""
        self._follow(self._autosave.changed())

    def save(self, opened: OpenCandidate | None) -> bool:
        """Save at once (leaving the pane, a séance change); True if a save started."""
        if opened is None or opened.read_only:
            return False
        self._autosave.saving()  # whatever the reason for this save, it takes every change so far
        if not opened.dirty:
            return False
        snapshot = opened.snapshot()
        self._screen.run_worker(
            lambda: self._save_in_thread(opened, snapshot), thread=True, group="save", exit_on_error=False
        )
        return True

    def _save_in_thread(self, opened: OpenCandidate, snapshot: Snapshot) -> None:
        try:
            opened.save(snapshot)
        except Exception as exc:  # noqa: BLE001 - shown and retried, never lost
            self._screen.post_message(SaveFinished(opened, str(exc)))
        else:
            self._screen.post_message(SaveFinished(opened, None))

    def finished(self, message: SaveFinished) -> tuple[bool, bool]:
        """The screen got a SaveFinished for its open candidate: (recovered,
        newly failed), what it has to say. A failure is retried later."""
        if message.error is None:
            recovered = self.error is not None
            self.error = None
            self._autosave.succeeded()
            return recovered, False
        first = self.error is None
        self.error = message.error
        self._follow(self._autosave.failed())
        return False, first

    def stop(self) -> None:
        """The candidate is left or the app quits: no timer, nothing pending."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._autosave.stopped()

    def _follow(self, decision: Decision) -> None:
        if decision.save:
            self._screen.save_now()
        elif decision.arm is not None:
            if self._timer is not None:
                self._timer.stop()
            self._timer = self._screen.set_timer(decision.arm, self._rang)

    def _rang(self) -> None:
        self._timer = None
        self._follow(self._autosave.timer_rang())
