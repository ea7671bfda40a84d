"""Closing a bilan from the command line (``seance close-bilan``): the file
taken for writing under the candidate's lock, as the workspace takes it, its
check list read, then the domain's close and one save.

The workspace closes through the same domain rule (domain/closing.py) on
the record it already holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from ..domain.closing import ClosingCheck, close_bilan, closing_checks
from ..domain.record import CandidateRecord
from ..storage.locks import CandidateLocked
from ..storage.store import CandidateWriter, WritableStore
from .errors import SaveFailed, reported_as


class BilanBusy(Exception):
    """The candidate is open for writing elsewhere (a workspace): nothing was changed."""


class ClosingFile:
    def __init__(self, writer: CandidateWriter) -> None:
        self._writer = writer
        self.record: CandidateRecord = writer.record

    def checks(self) -> list[ClosingCheck]:
        return closing_checks(self.record)

    def close(self, end: date, now: datetime, cancel_planned: bool = False) -> None:
        """The domain's close (RuleError, ClosingRefused), then saved (SaveFailed)."""
        close_bilan(self.record, end, now, cancel_planned)
        with reported_as(SaveFailed):
            self._writer.save(self.record)


@contextmanager
def open_to_close(data_dir: Path, candidate_id: str) -> Iterator[ClosingFile]:
    """The candidate's file, locked for as long as the block runs. Raises BilanBusy."""
    try:
        writer = WritableStore(data_dir).open_for_writing(candidate_id, timeout=0)
    except CandidateLocked as locked:
        holder = locked.owner.describe() if locked.owner else "un autre programme"
        raise BilanBusy(
            f"le dossier est ouvert en écriture par {holder} (espace de travail) : "
            "fermez-le là-bas d'abord ; rien n'a été modifié."
        ) from locked
    try:
        yield ClosingFile(writer)
    finally:
        writer.close()
