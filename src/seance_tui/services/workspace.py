"""The consultant's open candidate file, without any Textual: domain actions
applied to the record in memory, then saved through storage.

The UI thread changes the record and takes a numbered snapshot; saving a
snapshot may run in any worker thread. A snapshot older than one already on
disk is skipped, so saves finishing out of order can never put old text back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path

from .. import paths
from . import exports
from .listing import CandidateSummary
from ..domain import agreement
from ..domain.hours import BudgetLevel
from ..domain.model import Candidate
from ..domain.phases import PhaseSet, load_phases
from ..domain.record import CandidateRecord
from ..domain.slug import new_candidate_id
from ..storage.codec import record_from_tables, record_to_tables
from ..storage.layout import FOLLOW_UP_TEMPLATE, Layout
from ..storage.locks import CandidateLocked
from ..storage.permissions import make_workspace_private
from ..storage.store import CandidateWriter, ReadOnlyStore, WritableStore
from .errors import RecoveryFailed, SaveFailed, reported_as
from .purge import settle_interrupted_purges

Clock = Callable[[], datetime]

# The candidate's fields a form gives (name, contact, consultant, funding,
# consent_date, keep_documents_consent, synthesis_to_adviser,
# agreement_sent_date, agreement_date, start_date, hours_budget): id, status,
# end date and follow-up decision are the workspace's to keep.
CandidateValues = dict


class StartBudget(Enum):
    """What starting a séance means for the hours budget."""

    OK = "ok"
    LOW = "low"  # less than one hour left: said, not asked
    OVER = "over"  # going past the budget: asked, then logged by the domain


def write_recovery_copy(record: CandidateRecord) -> Path:
    """Last resort when a save is refused at quit time or on a crash: the notes
    go to a recovery file in the user cache dir. Raises RecoveryFailed."""
    from ..storage import recovery  # looked up at call time: tests point it elsewhere

    try:
        return recovery.write_recovery_copy(record)
    except OSError as exc:
        raise RecoveryFailed(str(exc)) from exc


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
        clock: Clock = datetime.now,
    ):
        self.record = record
        self.clock = clock
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
    def purged(self) -> bool:
        """The R6313-7 purge ran: read-only for good, whoever holds the lock."""
        return self.record.purge is not None

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
        """Thread-safe; raises SaveFailed for the caller to show and retry."""
        if self._writer is None:
            return
        with self._save_lock:
            if snapshot.version <= self._saved_version:
                return
            with reported_as(SaveFailed):
                self._writer.save_tables(snapshot.tables)
            self._saved_version = snapshot.version

    def save_now(self) -> None:
        """Save the current state from the calling thread (quitting, switching candidate)."""
        if self.dirty:
            self.save(self.snapshot())

    def try_save_now(self) -> SaveFailed | None:
        try:
            self.save_now()
        except SaveFailed as exc:
            return exc
        return None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    # --- use cases ------------------------------------------------------------

    def set_notes(self, text: str) -> bool:
        """The editor's text into the open séance; True if that changed it.
        Raises RuleError on a closed bilan (but for its follow-up) or a purged one."""
        seance = self.record.open_seance
        if self.read_only or seance is None or seance.notes == text:
            return False
        self.record.ensure_editable(seance.number)
        seance.notes = text
        self.mark_changed()
        return True

    def leave(self) -> SaveFailed | None:
        """Switching candidate: save what is not saved yet, give the lock back.
        A refused save is returned (the record is still there to rescue)."""
        error = self.try_save_now()
        self.close()
        return error

    def quit(self) -> SaveFailed | None:
        """Quitting (ctrl+q, a hang-up): a running séance is paused, since the
        time away must not count, and stays open for next time; then saved and
        closed. A refused save is returned and the lock kept: the caller
        rescues the notes, and may try again or close()."""
        if self.read_only:
            return None
        if self.record.pause_for_absence(self.clock()):
            self.mark_changed()
        error = self.try_save_now()
        if error is None:
            self.close()
        return error

    def edit_candidate(self, values: CandidateValues) -> None:
        """The form's values; consent and agreement changes logged. Raises
        RuleError on a closed or purged bilan."""
        agreement.edit_candidate(self.record, replace(self.record.candidate, **values), self.clock())
        self.mark_changed()

    def resume_after_absence(self, last_activity: datetime) -> None:
        """The séance left open is taken back; the time since last_activity never counts."""
        seance = self.record.open_seance
        self.record.resume_after_absence(seance.number, last_activity, self.clock())

    def close_at(self, last_activity: datetime) -> int:
        """The séance left open is closed at the last sign of activity; returns its number."""
        return self.record.close_seance(self.record.open_seance.number, last_activity).number

    def start_budget(self) -> StartBudget:
        now = self.clock()
        if self.record.budget_level(now) is BudgetLevel.OVER:
            return StartBudget.OVER
        if self.record.budget_left(now) < timedelta(hours=1):
            return StartBudget.LOW
        return StartBudget.OK

    def budget_warning(self, before: datetime, now: datetime) -> bool:
        """Whether the warning level (20 h of 24) was crossed between two ticks.
        The budget reached itself is hold_at_budget's."""
        return BudgetLevel.WARNING in self.record.budget_crossings(before, now)

    def held_at_budget(self, now: datetime) -> bool:
        """The open séance is stopped at the budget, waiting for a confirmed F7."""
        seance = self.record.open_seance
        return seance is not None and not self.read_only and self.record.held_at_budget(seance.number, now)

    def must_hold_at_budget(self, now: datetime) -> bool:
        """A running séance that reached the budget: the caller pauses it (pause_at_budget)."""
        seance = self.record.open_seance
        return seance is not None and not seance.is_paused and self.held_at_budget(now)


class LeftOpen:
    """A séance left open (a quit, a crash) offered back at start. The
    candidate's lock is held while the consultant answers."""

    def __init__(self, opened: OpenCandidate) -> None:
        self._opened = opened
        seance = opened.record.open_seance
        self.candidate_id = opened.record.candidate.id
        self.name = opened.record.candidate.name
        self.number = seance.number
        self.start = seance.start
        # The last sign of activity: where a quit paused it, or the file's last save after a crash.
        self.last = seance.pauses[-1].start if seance.is_paused else opened.last_saved

    def later(self) -> SaveFailed | None:
        """"Plus tard": left open, but the time away must not count meanwhile:
        paused where activity stopped (if not already)."""
        if self._opened.record.pause_for_absence(self.last):
            self._opened.mark_changed()
        error = self._opened.try_save_now()
        self._opened.close()
        return error

    def release(self) -> None:
        """The consultant takes it back: the screen opens the candidate itself."""
        self._opened.close()


class Workspace:
    """The data dir as the workspace sees it: phases, candidates, templates, exports."""

    def __init__(self, data_dir: Path, clock: Clock = datetime.now):
        self.data_dir = data_dir
        self.clock = clock
        self.store = WritableStore(data_dir)
        self.phases: PhaseSet = load_phases(Layout(data_dir).phases_file())
        # A purge a kill interrupted is finished or undone before anything is shown.
        self.settled_purges = settle_interrupted_purges(data_dir, paths.resolve_cache_dir(None))
        # Notes readable by other accounts are made private; the UI says what changed.
        self.permissions = make_workspace_private(data_dir, paths.resolve_cache_dir(None))

    def summaries(self) -> tuple[list[CandidateSummary], list]:
        return self.store.summaries(self.phases, self.clock())

    def open(self, candidate_id: str) -> OpenCandidate:
        """Writable when the lock is free; otherwise read-only, saying who holds it."""
        try:
            writer = self.store.open_for_writing(candidate_id, timeout=0)
        except CandidateLocked as locked:
            record = ReadOnlyStore(self.data_dir).load(candidate_id)
            return OpenCandidate(record, None, str(locked), self._modified_at(candidate_id), self.clock)
        if writer.record.purge is not None:
            # Purged (R6313-7): nothing may change, so no lock is kept from others.
            writer.close()
            return OpenCandidate(writer.record, None, None, self._modified_at(candidate_id), self.clock)
        return OpenCandidate(writer.record, writer, None, self._modified_at(candidate_id), self.clock)

    def left_open(self, summaries) -> Iterator[LeftOpen]:
        """The séances left open, one at a time, each candidate locked while
        offered; one another workspace holds is theirs to resume and skipped."""
        for summary in summaries:
            if summary.open_seance is None:
                continue
            opened = self.open(summary.id)
            if opened.read_only or opened.record.open_seance is None:
                opened.close()
                continue
            yield LeftOpen(opened)

    def _modified_at(self, candidate_id: str) -> datetime:
        """The file's last save: the last sign of activity of a séance left open by a crash."""
        return datetime.fromtimestamp(self.store.path_of(candidate_id).stat().st_mtime)

    def create(self, record: CandidateRecord) -> None:
        with reported_as(SaveFailed):
            self.store.create(record)

    def create_candidate(self, values: CandidateValues) -> str:
        """A new candidate file from the form's values; returns its id. Raises SaveFailed."""
        candidate_id = new_candidate_id(values["name"])
        record = CandidateRecord(Candidate(id=candidate_id, **values))
        agreement.log_consent_and_agreement(record, None, self.clock())  # the consent given, on record
        self.create(record)
        return candidate_id

    def template(self, phase: str, follow_up: bool = False) -> str:
        """The notes a new séance starts with: the follow-up interview's own
        template for a follow-up (a centre without one: the phase's)."""
        layout = Layout(self.data_dir)
        keys = [FOLLOW_UP_TEMPLATE, phase] if follow_up else [phase]
        for key in keys:
            try:
                return layout.template_file(key).read_text(encoding="utf-8")
            except OSError:
                continue
        return ""

    def export_summary(self, record: CandidateRecord, number: int) -> Path:
        with reported_as(SaveFailed):
            return exports.export_to_file(
                record, self.phases, exports.Document.SUMMARY, self.clock(), exports.exports_dir(self.data_dir), number
            )

    def save_and_export_summary(self, opened: OpenCandidate, snapshot: Snapshot, number: int) -> Path:
        """A séance just closed (any worker thread): its closing is saved, then
        its summary exported from that same snapshot. Raises SaveFailed."""
        opened.save(snapshot)
        return self.export_summary(snapshot.record(), number)
