"""The autosave's decisions (ui/autosave.py), on a clock the test moves: no
Textual, no timer, no waiting."""

from __future__ import annotations

import pytest

from seance_tui.services.autosave import Autosave, Decision


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Screen:
    """Does what the workspace screen does with the decisions: one timer, saves."""

    def __init__(self) -> None:
        self.clock = Clock()
        self.autosave = Autosave(delay=0.4, max_wait=1.0, retry=2.0, clock=self.clock)
        self.timer_at: float | None = None
        self.saves: list[float] = []

    def follow(self, decision: Decision) -> None:
        if decision.save:
            self.saves.append(self.clock.now)
            self.autosave.saving()
        elif decision.arm is not None:
            assert decision.arm > 0
            self.timer_at = self.clock.now + decision.arm

    def key(self) -> None:
        self.follow(self.autosave.changed())

    def run_until(self, until: float) -> None:
        """Time passes; the timer rings when it is due."""
        while self.timer_at is not None and self.timer_at <= until:
            self.clock.now = self.timer_at
            self.timer_at = None
            self.follow(self.autosave.timer_rang())
        self.clock.now = until

    def type_steadily(self, seconds: float, per_second: float = 12.0) -> list[float]:
        """Keys at a steady pace; returns when each was typed."""
        keys = []
        start = self.clock.now
        for n in range(int(seconds * per_second)):
            self.run_until(start + n / per_second)
            self.key()
            keys.append(self.clock.now)
        return keys


def test_max_wait_is_reached_while_keys_keep_coming() -> None:
    screen = Screen()
    keys = screen.type_steadily(5.0)
    assert screen.saves, "steady typing never saved"
    # Never more than max-wait between a key and the save that takes it.
    for key in keys:
        later = [save for save in screen.saves if save >= key]
        if later:
            assert later[0] - key <= 1.0 + 1e-9, (key, later[0])
    assert screen.saves[0] - keys[0] == pytest.approx(1.0)
    assert len(screen.saves) >= 4  # about one a second, not one per key
    assert len(screen.saves) <= 5


def test_a_pause_in_the_typing_saves_after_the_debounce() -> None:
    screen = Screen()
    screen.key()
    screen.run_until(screen.clock.now + 0.3)
    screen.key()
    last = screen.clock.now
    screen.run_until(last + 5)
    assert screen.saves == [pytest.approx(last + 0.4)]


def test_a_late_timer_does_not_delay_the_save_past_max_wait() -> None:
    screen = Screen()
    first = screen.clock.now
    screen.key()
    screen.timer_at = None  # the timer never rang (a busy loop)
    screen.clock.now = first + 1.2
    screen.key()  # the next key sees the save overdue
    assert screen.saves == [first + 1.2]


def test_after_a_failed_save_the_retry_waits_and_typing_does_not_hammer_the_disk() -> None:
    screen = Screen()
    screen.key()
    screen.run_until(screen.clock.now + 0.5)
    assert len(screen.saves) == 1
    failed_at = screen.clock.now
    screen.follow(screen.autosave.failed())
    screen.type_steadily(1.5)  # typing on during the fault: no save before the retry delay
    assert len(screen.saves) == 1
    screen.run_until(failed_at + 2.5)
    assert screen.saves[1] == pytest.approx(failed_at + 2.0)
    screen.autosave.succeeded()
    screen.key()
    screen.run_until(screen.clock.now + 1)
    assert screen.saves[2] - screen.saves[1] < 1.5  # back to the ordinary rules


def test_nothing_pending_nothing_to_do() -> None:
    screen = Screen()
    assert screen.autosave.timer_rang().nothing
    screen.key()
    screen.autosave.stopped()  # candidate left: its timer is gone
    assert screen.autosave.timer_rang().nothing
    assert not screen.autosave.pending
