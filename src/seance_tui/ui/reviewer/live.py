"""How review keeps up with a file being written: one reload at a time, the
latest wins, and the file on screen looked at more often than the others.

Why (issue 14): the workspace saves a séance being typed about once a second,
and every save changed the file's stamp, so every live tick started a reload.
A reload re-renders the whole séance as Markdown, which for a long séance
takes longer than the tick: reloads piled up, each waiting for the one before
(Textual's Markdown lets one update run at a time), each showing the file as
it was when it started. While typing went on the view fell further behind and
showed nothing new until the typing paused. Now a tick that comes while a
reload runs only leaves word that the file moved; one more reload follows,
of the file as it is then.

The file on screen is stat'ed every ``SHOWN_INTERVAL`` (one ``os.stat``),
the whole folder every second as before: a save shows in review a quarter of
a second after it lands, not up to a second.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

SHOWN_INTERVAL = 0.25  # seconds between two looks at the file of the screen shown

Job = Callable[[], Awaitable[None]]


class LatestOnly:
    """Runs jobs one at a time; a job asked for while one runs replaces any
    other waiting, and runs once that one is done."""

    def __init__(self, start: Callable[[Awaitable[None]], object]) -> None:
        self._start = start  # runs a coroutine as a task of its own (the app's run_worker)
        self._waiting: Job | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def ask(self, job: Job) -> None:
        self._waiting = job
        if not self._running:
            self._running = True
            self._start(self._drain())

    async def _drain(self) -> None:
        try:
            while self._waiting is not None:
                job, self._waiting = self._waiting, None
                await job()
        finally:
            # Cancelled (the app closing) or done: the next ask starts afresh.
            self._running = False
            self._waiting = None
