"""SIGHUP and SIGTERM: a dropped SSH connection is not a crash.

Over SSH a closed laptop lid or a lost network ends in SIGHUP; a shutdown or a
``kill`` sends SIGTERM. Their default action kills Python on the spot: the
workspace would lose what it had not saved, leave its séance running and its
lock's owner file behind. Instead the running app is told (``hang_up``)
through its own message queue, behind the keys it has already read, and exits
with status 0.

After SIGHUP the terminal is gone: reading it gives end of file at once and
writing gives EIO (Textual's output thread dies on the first one, and the app
blocks once its queue of 30 writes is full). So first of all the terminal is
swapped for /dev/null, and Textual's output thread for a fresh one writing
there. SIGTERM does the same when the terminal no longer answers. And when
the kernel hangs a terminal up it sends SIGCONT with SIGHUP, on which Textual
restarts its application mode: a second input thread that nothing stops
would keep the process from ever ending. SIGCONT is passed on to Textual only
while the terminal answers (a real resume after ctrl+z or SIGTSTP).

If the app has still not exited ``GRACE`` seconds after the signal (a
terminal that blocks writes, a disk that hangs), the last-resort cleanups run
(the ``--demo`` copy is removed) and the process ends: status 0 if the app had
finished (the workspace asks to exit only after its final save), 1 if not.

Outside a running app (``seance list --demo``, or before the app has
mounted), :func:`unwinding` turns the two signals into ``SystemExit(0)`` so
that ``finally`` blocks and context managers still clean up.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGHUP, signal.SIGTERM)
GRACE = 10.0

_last_resort: list[Callable[[], None]] = []
_watchdog: threading.Thread | None = None


def install(app, hang_up: Callable[[], None] | None = None) -> None:
    """Called from the app's ``on_mount``, inside its event loop. ``hang_up``
    runs on the app's queue and must end in ``app.exit()``; without it the
    app simply exits."""
    try:
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            loop.add_signal_handler(sig, _received, app, hang_up, sig)
        resume = signal.getsignal(signal.SIGCONT)
        if callable(resume):

            def resume_if_terminal(signum, frame) -> None:
                if _terminal_answers():  # a real resume (after SIGTSTP), not a hang-up
                    resume(signum, frame)

            signal.signal(signal.SIGCONT, resume_if_terminal)
    except (RuntimeError, ValueError, NotImplementedError):
        pass  # not in the main thread (a test harness): the signals keep their default


def add_last_resort(cleanup: Callable[[], None]) -> None:
    """Something to do before a forced exit (it must be quick and thread-safe)."""
    _last_resort.append(cleanup)


def remove_last_resort(cleanup: Callable[[], None]) -> None:
    if cleanup in _last_resort:
        _last_resort.remove(cleanup)


@contextmanager
def unwinding() -> Iterator[None]:
    """While no app handles them, SIGHUP and SIGTERM raise ``SystemExit(0)``
    in the main thread, once (a second signal does not cut the cleanup short)."""

    def unwind(signum, frame) -> None:
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise SystemExit(0)

    try:
        previous = {sig: signal.signal(sig, unwind) for sig in SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _received(app, hang_up: Callable[[], None] | None, sig: int) -> None:
    if sig == signal.SIGHUP or not _terminal_answers():
        _detach_terminal(app)
    _start_watchdog(app)
    if hang_up is None or not app.call_later(hang_up):
        app.exit(return_code=0)


def _terminal_answers() -> bool:
    try:
        termios.tcgetattr(sys.__stdin__.fileno())
    except (termios.error, OSError, ValueError, AttributeError):
        return False
    return True


def _detach_terminal(app) -> None:
    # Reads of /dev/null end at once, like those of a hung-up terminal: an
    # input thread between its select and its read never blocks (a pipe
    # with nothing to read would hold it, and the exit that joins it, forever).
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass
    # Textual internals (8.2.x, pinned): the driver writes through a thread
    # that may already have died of EIO; a fresh one never blocks the app.
    driver = getattr(app, "_driver", None)
    if getattr(driver, "_writer_thread", None) is not None:
        from textual.drivers._writer_thread import WriterThread

        fresh = WriterThread(open(os.devnull, "w", encoding="utf-8"))
        fresh.start()
        driver._writer_thread = fresh


def _start_watchdog(app) -> None:
    global _watchdog
    if _watchdog is not None:
        return

    def force_exit() -> None:
        time.sleep(GRACE)
        for cleanup in list(_last_resort):
            try:
                cleanup()
            except Exception:
                pass
        os._exit(0 if app.return_code is not None else 1)

    _watchdog = threading.Thread(target=force_exit, name="seance-hangup-watchdog", daemon=True)
    _watchdog.start()
