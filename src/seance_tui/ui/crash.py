"""Unexpected errors: a short French message, the details in a private log
file, a non-zero exit, and in the workspace a recovery copy of the notes.

Textual's answer to an exception in a handler is ``App._handle_exception``:
it sets the return code to 1, keeps the error for ``run_test`` to re-raise,
and ``_fatal_error`` renders a Rich traceback with ``show_locals=True``,
printed on the terminal at exit. Over SSH that terminal is a reviewer's, and
the locals hold notes, names and paths. ``CrashGuard`` (mixed in ahead of
``App`` by both apps) keeps the first two and replaces the third: the
traceback goes to ``<cache dir>/logs/`` (0600 in 0700 folders, without
locals) and the terminal gets one French sentence naming that file.

Errors outside a running app (``cli.main``) go through ``report``, the same
log and message.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from rich.text import Text

from .. import paths
from ..domain.text import visible_controls
from ..services.crash_log import write_log
from . import texts

EXIT_CRASH = 70  # EX_SOFTWARE (sysexits.h): an internal error, not the user's


def _message(error: BaseException, cache_dir: Path) -> tuple[str, Path | None]:
    try:
        log = write_log(error, cache_dir)
    except Exception as exc:  # noqa: BLE001 - the message must come out whatever happens
        return texts.CRASH_NO_LOG.format(error=visible_controls(str(exc))), None
    return texts.CRASH.format(log=visible_controls(str(log))), log


def report(error: BaseException, cache_dir: str | os.PathLike[str] | None = None) -> int:
    """For an error outside a running app: message on stderr, details logged."""
    try:
        folder = paths.resolve_cache_dir(cache_dir)
    except Exception:  # noqa: BLE001
        folder = Path(paths.default_user_cache_dir())
    message, _ = _message(error, folder)
    print(message, file=sys.stderr)
    return EXIT_CRASH


def exit_code(app) -> int:
    """What the command returns once ``app.run()`` is over."""
    return EXIT_CRASH if getattr(app, "crashed", False) or app.return_code else 0


class CrashGuard:
    """Mix in ahead of ``App``: ``class ReviewApp(CrashGuard, App)``."""

    crashed = False
    crash_log: Path | None = None  # None when it could not be written
    _crash_text = ""

    def crash_cache_dir(self) -> Path:
        return paths.resolve_cache_dir(None)

    def rescue_on_crash(self) -> str | None:
        """Last words before exiting: a sentence to add to the message, or None."""
        return None

    def _handle_exception(self, error: Exception) -> None:
        if not self.crashed:
            self.crashed = True
            text, self.crash_log = _message(error, self.crash_cache_dir())
            try:
                rescued = self.rescue_on_crash()
            except Exception as exc:  # noqa: BLE001
                rescued = texts.CRASH_NOT_RESCUED.format(error=visible_controls(str(exc)))
            self._crash_text = f"{text}\n{rescued}" if rescued else text
        elif self.crash_log is not None:
            try:  # a later error (often a consequence of the first) goes to the same file
                with open(self.crash_log, "a", encoding="utf-8", errors="backslashreplace") as log:
                    log.write("\n" + "".join(traceback.format_exception(error)))
            except OSError:
                pass
        super()._handle_exception(error)  # return code 1, run_test's re-raise, shutdown
        self._exit_renderables[:] = [Text(self._crash_text)]

    def _fatal_error(self) -> None:
        # Textual's own renders a traceback with local variables for the
        # terminal: nothing of it is wanted there. Only the shutdown is kept.
        self._close_messages_no_wait()


class WorkspaceCrashGuard(CrashGuard):
    """The workspace's notes are copied to a recovery file before exiting."""

    def rescue_on_crash(self) -> str | None:
        from ..services.errors import RecoveryFailed
        from ..services.workspace import write_recovery_copy
        from .screens.workspace import WorkspaceScreen

        screens = [s for s in self.screen_stack if isinstance(s, WorkspaceScreen)]
        current = getattr(screens[0], "current", None) if screens else None
        if current is None or current.read_only:
            return None  # nothing open, or another workspace's to save
        try:
            screens[0]._flush_editor()  # what the editor shows, even if not in the record yet
        except Exception:  # noqa: BLE001 - the record as it is will do
            pass
        try:
            path = write_recovery_copy(current.record)
        except RecoveryFailed as exc:
            return texts.CRASH_NOT_RESCUED.format(error=visible_controls(str(exc)))
        return texts.CRASH_RESCUED.format(path=visible_controls(str(path)))
