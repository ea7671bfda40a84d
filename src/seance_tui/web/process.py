"""One reviewer's app process: textual-serve's ``AppService`` running
``seance review`` directly (no shell: the reviewer's name travels in the
environment, never through a command line), and always ended and reaped.

textual-serve's own ``stop`` sends the app a « quit » and waits for its output
to end, without a bound and without waiting for the process: an app that
ignores the quit would hold its websocket handler forever. Here the quit gets
``QUIT_GRACE`` seconds, then SIGTERM (review exits quietly on it), then SIGKILL,
and the process is always waited for, so no zombie is left.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex

from textual_serve.app_service import AppService

from ..domain.text import one_line
from . import REVIEWER_ENV

log = logging.getLogger("seance.serve")

QUIT_GRACE = 3.0
TERM_GRACE = 3.0
# The browser says its terminal's size; 12000×12000 cells cost the app ~1 GB, so it is bounded.
MAX_COLUMNS = 500
MAX_LINES = 200


def cells(value: object, limit: int, default: int) -> int:
    """A terminal size from the browser: an int from 1 to ``limit``, else ``default``."""
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return max(1, min(value, limit))


class ReviewProcess(AppService):
    def __init__(self, argv: list[str], reviewer_name: str, **options) -> None:
        super().__init__(shlex.join(argv), **options)
        self.argv = argv
        self.reviewer_name = reviewer_name

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def returncode(self) -> int | None:
        return self._process.returncode if self._process is not None else None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment[REVIEWER_ENV] = one_line(self.reviewer_name)  # the badge is one line: a newline shows as ␊
        environment["COLORTERM"] = "truecolor"  # xterm.js: review's own colours, not the 16-colour SSH palette
        return environment

    async def start(self, width: int, height: int) -> None:
        await super().start(cells(width, MAX_COLUMNS, 80), cells(height, MAX_LINES, 24))

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(cells(width, MAX_COLUMNS, 80), cells(height, MAX_LINES, 24))

    async def _open_app_process(self, width: int = 80, height: int = 24):
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
        )
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        task, process = self._task, self._process
        if task is not None:
            self._task = None
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            await self.send_meta({"type": "quit"})
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), QUIT_GRACE)
        if process is not None:
            try:  # an exit in progress is waited for: signalling it now would reap it behind asyncio's back
                await asyncio.wait_for(process.wait(), QUIT_GRACE)
            except asyncio.TimeoutError:
                await _end(process)
            await process.wait()  # reaped: no zombie, whatever happened before
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _end(process: asyncio.subprocess.Process) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        await asyncio.wait_for(process.wait(), TERM_GRACE)
    except asyncio.TimeoutError:
        log.warning("processus %s sans réponse à SIGTERM : SIGKILL", process.pid)
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
