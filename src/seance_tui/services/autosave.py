"""When the notes are saved, decided without Textual.

Every keystroke changes the record in memory; a save writes it. Saving after
each key would fsync a dozen times a second, so a save waits for a pause in
the typing (``delay`` after the last change). A pause may never come: steady
typing must still reach the disk, so a save is also due ``max_wait`` after the
first change not yet saved, keys or no keys. A kill -9 then loses at most
``max_wait`` of typing (plus the time the machine takes to get there).

After a failed save the next attempt waits ``retry`` seconds (a full or
read-only disk is not hammered at typing speed), then the same rules apply.

The screen owns one timer and asks this class what to do with it: each
method returns a :class:`Decision`, "save now", "arm the timer for that many
seconds" or nothing. The timer may ring early or late; when it rings the
decision is taken again from the clock, so one armed timer is enough and a
keystroke usually costs no timer at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

DELAY = 0.4  # a pause in the typing this long is a moment to save
MAX_WAIT = 1.0  # the longest a change waits, even while typing goes on
RETRY = 2.0  # after a failed save
EARLY = 0.005  # a timer ringing this much before its time is on time


@dataclass(frozen=True)
class Decision:
    save: bool = False
    arm: float | None = None  # seconds until the timer must ring

    @property
    def nothing(self) -> bool:
        return not self.save and self.arm is None


NOTHING = Decision()
SAVE = Decision(save=True)


class Autosave:
    def __init__(
        self,
        delay: float = DELAY,
        max_wait: float = MAX_WAIT,
        retry: float = RETRY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.delay, self.max_wait, self.retry = delay, max_wait, retry
        self._clock = clock
        self._first: float | None = None  # the first change not in any save started since
        self._last: float | None = None
        self._failed_at: float | None = None
        self._timer_at: float | None = None  # when the armed timer rings, if one is armed

    @property
    def pending(self) -> bool:
        """Changes that no save has taken yet."""
        return self._first is not None

    def due(self) -> float | None:
        """When the pending changes must be saved (clock time), or None."""
        if self._first is None:
            return None
        due = min(self._last + self.delay, self._first + self.max_wait)
        if self._failed_at is not None:
            due = max(due, self._failed_at + self.retry)
        return due

    def changed(self) -> Decision:
        """The record changed in memory (a keystroke)."""
        now = self._clock()
        if self._first is None:
            self._first = now
        self._last = now
        return self._decide(now)

    def timer_rang(self) -> Decision:
        self._timer_at = None
        return self._decide(self._clock())

    def saving(self) -> None:
        """A save took every change made so far (the screen started it, for
        any reason: this timer, leaving the pane, a séance change)."""
        self._first = self._last = None

    def failed(self) -> Decision:
        """That save failed: what it held is pending again, retried later."""
        now = self._clock()
        self._failed_at = now
        if self._first is None:
            self._first = self._last = now
        return self._decide(now)

    def succeeded(self) -> None:
        self._failed_at = None

    def stopped(self) -> None:
        """The timer was stopped (candidate left, quitting): forget everything."""
        self._first = self._last = self._failed_at = self._timer_at = None

    def _decide(self, now: float) -> Decision:
        due = self.due()
        if due is None:
            return NOTHING
        if due <= now + EARLY:
            return SAVE
        if self._timer_at is not None and self._timer_at <= due:
            return NOTHING  # it will ring in time, and the decision is taken again then
        self._timer_at = due
        return Decision(arm=due - now)
