"""The overview across every candidate as a use case: every file read
through the ``ReadOnlyStore`` (nothing locked, nothing written), the rules
in ``domain/overview.py``. ``seance agenda`` prints it; the workspace's
overview screen will show it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..domain.overview import Overview, OverviewLine, Section, overview
from ..domain.record import CandidateRecord
from ..storage.errors import CandidateFileError, CandidateNotFound, Problem
from ..storage.store import ReadOnlyStore

__all__ = ["Overview", "OverviewLine", "Section", "read_overview"]


def read_overview(data_dir: Path, now: datetime) -> tuple[Overview, list]:
    """The overview as of ``now``, and the files that do not read (each a
    storage ``Problem``: they stop nothing; a file name that is no id is
    ``seance check``'s to name). Raises DataDirMissing."""
    store = ReadOnlyStore(data_dir)
    problems: list[Problem] = []  # filled while the overview reads: it consumes the records first
    result = overview(_each_record(store, store.candidate_ids(), problems), now)
    return result, sorted(problems, key=lambda p: str(p.path))


def _each_record(store: ReadOnlyStore, ids: list[str], problems: list) -> Iterator[CandidateRecord]:
    """One record at a time: 5,000 files held at once are a gigabyte."""
    for candidate_id in ids:
        try:
            yield store.load(candidate_id)
        except CandidateNotFound:
            continue  # removed since the folder was listed
        except CandidateFileError as exc:
            problems.append(Problem.from_error(exc))
