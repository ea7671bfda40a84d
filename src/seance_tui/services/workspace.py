"""The consultant's open candidate file, without any Textual: domain actions
applied to the record in memory, then saved through storage.

The UI thread changes the record and takes a numbered snapshot; saving a
snapshot may run in any worker thread. A snapshot older than one already on
disk is skipped, so saves finishing out of order can never put old text back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import paths
from . import exports
from ..domain.phases import PhaseSet, load_phases
from ..domain.record import CandidateRecord
from ..storage.codec import record_from_tables, record_to_tables
from ..storage.layout import Layout
from ..storage.locks import CandidateLocked
from ..storage.permissions import make_workspace_private
from ..storage.store import CandidateWriter, ReadOnlyStore, WritableStore

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Snapshot:
    version: int
    tables: dict  # the record as storage writes it: a copy, made on the UI thread

    def record(self) -> CandidateRecord:
        """The record as it was (a private copy, for a worker to export)."""
        return record_from_tables(self.tables)


class OpenCandidate:
    """One candidate opened in the workspace: writable if we got its lock."""

    def __init__(
        self,
        record: CandidateRecord,
        writer: CandidateWriter | None,
        locked_by: str | None,
        last_saved: datetime | None,
    ):
        self.record = record
        self._writer = writer
        self.locked_message = locked_by
        self.last_saved = last_saved
        self._version = 0
        self._saved_version = 0
        self._save_lock = threading.Lock()

    @property
    def read_only(self) -> bool:
        return self._writer is None

    @property
    def dirty(self) -> bool:
        return self._saved_version < self._version

    def mark_changed(self) -> None:
        """Call after every change of the record (every keystroke: no copying here)."""
        self._version += 1

    def snapshot(self) -> Snapshot:
        """What a save must write: a copy, so that typing goes on while a worker saves."""
        return Snapshot(self._version, record_to_tables(self.record))

    def save(self, snapshot: Snapshot) -> None:
        """Thread-safe; raises OSError and friends for the caller to show and retry."""
        if self._writer is None:
            return
        with self._save_lock:
            if snapshot.version <= self._saved_version:
                return
            self._writer.save_tables(snapshot.tables)
            self._saved_version = snapshot.version

    def save_now(self) -> None:
        """Save the current state from the calling thread (quitting, switching candidate)."""
        if self.dirty:
            self.save(self.snapshot())

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


class Workspace:
    """The data dir as the workspace sees it: phases, candidates, templates, exports."""

    def __init__(self, data_dir: Path, clock: Clock = datetime.now):
        self.data_dir = data_dir
        self.clock = clock
        self.store = WritableStore(data_dir)
        self.phases: PhaseSet = load_phases(Layout(data_dir).phases_file())
        # Notes readable by other accounts are made private; the UI says what changed.
        self.permissions = make_workspace_private(data_dir, paths.resolve_cache_dir(None))

    def summaries(self):
        return self.store.summaries(self.phases, self.clock())

    def open(self, candidate_id: str) -> OpenCandidate:
        """Writable when the lock is free; otherwise read-only, saying who holds it."""
        try:
            writer = self.store.open_for_writing(candidate_id, timeout=0)
        except CandidateLocked as locked:
            record = ReadOnlyStore(self.data_dir).load(candidate_id)
            return OpenCandidate(record, None, str(locked), self._modified_at(candidate_id))
        return OpenCandidate(writer.record, writer, None, self._modified_at(candidate_id))

    def _modified_at(self, candidate_id: str) -> datetime:
        """The file's last save: the last sign of activity of a séance left open by a crash."""
        return datetime.fromtimestamp(self.store.path_of(candidate_id).stat().st_mtime)

    def create(self, record: CandidateRecord) -> None:
        self.store.create(record)

    def template(self, phase: str) -> str:
        try:
            return Layout(self.data_dir).template_file(phase).read_text(encoding="utf-8")
        except OSError:
            return ""

    def export_summary(self, record: CandidateRecord, number: int) -> Path:
        return exports.export_to_file(
            record, self.phases, exports.Document.SUMMARY, self.clock(), exports.exports_dir(self.data_dir), number
        )
