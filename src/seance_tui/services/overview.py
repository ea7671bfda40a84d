"""The overview across every candidate as a use case: every file read
through the ``ReadOnlyStore`` (nothing locked, nothing written), the rules
in ``domain/overview.py``. ``seance agenda`` prints it; the workspace's
overview screen will show it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..domain.overview import Overview, OverviewLine, Section, overview
from ..storage.store import ReadOnlyStore

__all__ = ["Overview", "OverviewLine", "Section", "read_overview"]


def read_overview(data_dir: Path, now: datetime) -> tuple[Overview, list]:
    """The overview as of ``now``, and the files that do not read (each a
    storage ``Problem``: they stop nothing). Raises DataDirMissing."""
    records, problems = ReadOnlyStore(data_dir).load_all()
    return overview(records, now), problems
