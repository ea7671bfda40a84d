"""What the apps say about files other accounts could read (the report comes
from the services: ``Workspace.permissions``, ``Review.permissions``)."""

from __future__ import annotations

from pathlib import Path

from ..domain.text import visible_controls
from ..services.listing import PermissionReport
from . import texts

SHOWN_PATHS = 3  # the top folders come first; the rest is counted


def permission_notices(report: PermissionReport, left_open_text: str = texts.PERMISSIONS_LEFT_OPEN) -> list[tuple[str, str]]:
    """(message, severity) pairs: one for what was tightened, one for what could not be."""
    notices = []
    if report.tightened:
        notices.append((texts.PERMISSIONS_TIGHTENED.format(paths=_paths(report.tightened)), "information"))
    if report.left_open:
        notices.append((left_open_text.format(paths=_paths(report.left_open)), "warning"))
    return notices


def show_permission_notices(app, report: PermissionReport, left_open_text: str = texts.PERMISSIONS_LEFT_OPEN) -> None:
    for message, severity in permission_notices(report, left_open_text):
        app.notify(message, severity=severity, timeout=30, markup=False)  # paths are data, never markup


def _paths(paths: list[Path]) -> str:
    shown = ", ".join(visible_controls(str(p)) for p in paths[:SHOWN_PATHS])
    if len(paths) > SHOWN_PATHS:
        return texts.PATHS_AND_MORE.format(paths=shown, more=len(paths) - SHOWN_PATHS)
    return shown


def show_settled_purges(app, settled) -> None:
    """A purge a kill interrupted, finished or undone at this start (services/purge.py)."""
    if settled:
        done = sum(1 for s in settled if s.completed)
        app.notify(texts.PURGES_SETTLED.format(done=done, undone=len(settled) - done), timeout=15, markup=False)
