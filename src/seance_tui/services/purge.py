"""The R6313-7 purge as a use case: what goes, what stays, and doing it
so that a kill -9 at any instant leaves it done or undone, never half-done.

The protocol (docs/architecture.md, « La purge »):

1. take the candidate's lock (a workspace holding it: refused);
2. write the journal ``<data-dir>/purges/<id>.json`` (content-free: id,
   start, the names of the crash logs to delete);
3. replace the candidate file by the content-free record, atomically
   (``CandidateWriter.save``, the one write path): **the commit point**;
4. delete the rest: export folders, recovery copies, crash logs, the
   candidate's rows in the search indexes, its listing-cache entry, stray
   temporary files of its file;
5. remove the journal, last; then the lock is given back (its owner file goes).

At each start (workspace, review, ``seance check``, ``seance purge``)
``settle_interrupted`` reads the journals left: a file already purged has
its deletions finished (step 4 again: each is idempotent); a file not
purged means the kill came before the commit point, and the journal alone
goes (undone: nothing of the file had changed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..domain.phases import PhaseSet, load_phases
from ..domain.privacy import private_spans, split_lines
from ..domain.purge import FREE_TOOL, audit_tool_name, check_purgeable, purge_due, purged, retention_end
from ..domain.record import CandidateRecord, RuleError
from ..search.forget import forget_candidate, indexes_of
from ..storage import purge_files as files
from ..storage.errors import CandidateFileError, CandidateNotFound, StorageError
from ..storage.index import listing_cache_file
from .overview import overview_cache_file
from ..storage.layout import Layout
from ..storage.locks import CandidateLocked
from ..storage.store import ReadOnlyStore, WritableStore

Clock = Callable[[], datetime]

# Called with each step's name as the purge reaches it: tests put a kill -9 there.
crash_point: Callable[[str], None] = lambda step: None

LOGS_FOLDER = "logs"  # services/crash_log.py's, in the cache dir
_MIN_NEEDLE = 12  # a note line this long found in a crash log marks the log as the candidate's


@dataclass
class PurgePlan:
    """What a purge of one candidate removes (paths, counts) and what it keeps."""

    candidate_id: str
    retention_end: date | None
    candidate_file: Path
    export_files: list[Path] = field(default_factory=list)
    recovery_copies: list[Path] = field(default_factory=list)
    crash_logs: list[Path] = field(default_factory=list)
    search_indexes: list[Path] = field(default_factory=list)
    # index.json in the data dir, and the read-only commands' copy in the cache dir.
    listing_caches: list[Path] = field(default_factory=list)
    lock_owner: Path | None = None
    temp_files: list[Path] = field(default_factory=list)
    notes: int = 0
    notes_chars: int = 0
    private_parts: int = 0
    next_steps: int = 0
    free_tools: int = 0
    roadmap_texts: int = 0
    synthesis_versions: int = 0
    seances: int = 0


@dataclass(frozen=True)
class Settled:
    candidate_id: str
    completed: bool  # True: the purge was finished; False: it was undone


class Purger:
    def __init__(
        self, data_dir: Path, cache_dir: Path, by: str, clock: Clock = datetime.now,
        recovery_dirs: list[Path] | None = None,
    ) -> None:
        self.layout = Layout(data_dir)
        self.store = ReadOnlyStore(data_dir)
        self.cache_dir = cache_dir
        self.phases: PhaseSet = load_phases(self.layout.phases_file())
        self.by = by
        self.clock = clock
        self._recovery_dirs = recovery_dirs

    def recovery_dirs(self) -> list[Path]:
        if self._recovery_dirs is not None:
            return self._recovery_dirs
        from ..storage import recovery  # looked up at call time: tests point it elsewhere

        return recovery.recovery_dirs()

    # --- what is due, what goes ---------------------------------------------------

    def due(self, today: date) -> tuple[list[CandidateRecord], list]:
        """The bilans whose retention has ended by ``today``, by id; and the files that do not read."""
        records, problems = self.store.load_all()
        return sorted((r for r in records if purge_due(r, today)), key=lambda r: r.candidate.id), problems

    def load(self, candidate_id: str) -> CandidateRecord:
        return self.store.load(candidate_id)

    def plan(self, record: CandidateRecord) -> PurgePlan:
        """Raises RuleError (French) when the file may not be purged."""
        check_purgeable(record)
        cid = record.candidate.id
        plan = PurgePlan(cid, retention_end(record), self.layout.candidate_file(cid))
        for folder in files.export_folders(self.layout, cid, self._other_ids(cid)):
            plan.export_files += files.files_under(folder)
        plan.recovery_copies = files.recovery_copies(cid, self.recovery_dirs())
        plan.crash_logs = self._crash_logs_of(record)
        plan.search_indexes = indexes_of(self.cache_dir, self.layout.data_dir)
        plan.listing_caches = [
            path for path in (self.layout.index_file, listing_cache_file(self.cache_dir, self.layout.data_dir),
                              overview_cache_file(self.cache_dir, self.layout.data_dir))
            if path.exists()
        ]
        owner = self.layout.owner_file(cid)
        plan.lock_owner = owner if owner.exists() else None
        plan.temp_files = files.candidate_temp_files(self.layout, cid)
        for seance in record.seances:
            plan.seances += 1
            if seance.notes:
                plan.notes += 1
                plan.notes_chars += len(seance.notes)
                plan.private_parts += len(private_spans(split_lines(seance.notes)))
            plan.next_steps += bool(seance.next_steps)
            plan.free_tools += sum(audit_tool_name(t, self.phases) == FREE_TOOL for t in seance.tools)
        plan.roadmap_texts = sum(bool(i.objective) + bool(i.means) for i in record.roadmap)
        plan.synthesis_versions = len(record.synthesis)
        return plan

    def _other_ids(self, candidate_id: str) -> list[str]:
        return [i for i in self.store.candidate_ids() if i != candidate_id]

    def _crash_logs_of(self, record: CandidateRecord) -> list[Path]:
        """Crash logs naming the candidate (the command line, an error message) or quoting their text."""
        folder = self.cache_dir / LOGS_FOLDER
        try:
            logs = sorted(p for p in folder.iterdir() if p.is_file() and not p.is_symlink())
        except OSError:
            return []
        needles = {record.candidate.id, record.candidate.name.strip(), (record.candidate.contact or "").strip()}
        for text in _texts(record):
            needles.update(line.strip() for line in text.splitlines() if len(line.strip()) >= _MIN_NEEDLE)
        needles.discard("")
        found = []
        for log in logs:
            try:
                content = log.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if any(needle in content for needle in needles):
                found.append(log)
        return found

    # --- doing it ---------------------------------------------------------------

    def purge(self, candidate_id: str) -> PurgePlan:
        """Purge one closed bilan; raises RuleError, CandidateLocked, StorageError."""
        store = WritableStore(self.layout.data_dir)
        writer = store.open_for_writing(candidate_id, timeout=0)  # CandidateLocked: a workspace has it
        try:
            crash_point("locked")
            record = writer.record
            plan = self.plan(record)
            now = self.clock()
            content_free = purged(record, self.phases, now, self.by)
            journal = files.PurgeJournal(candidate_id, now, tuple(p.name for p in plan.crash_logs))
            files.write_journal(self.layout, journal)
            crash_point("journal")
            writer.save(content_free)  # the commit point
            crash_point("committed")
            self._finish(journal)
        finally:
            writer.close()  # the lock's owner file goes with it
        return plan

    def _finish(self, journal: files.PurgeJournal) -> None:
        """Step 4 and 5: every deletion can run again after a kill."""
        cid = journal.candidate_id
        for folder in files.export_folders(self.layout, cid, self._other_ids(cid)):
            files.remove_tree(folder)
        crash_point("exports")
        for copy in files.recovery_copies(cid, self.recovery_dirs()):
            files.remove_file(copy)
        crash_point("recovery")
        for name in journal.logs:
            files.remove_file(self.cache_dir / LOGS_FOLDER / name)
        crash_point("logs")
        forget_candidate(self.cache_dir, self.layout.data_dir, cid)
        crash_point("search")
        files.drop_index_entry(self.layout, cid)
        files.drop_index_entry(self.layout, cid, listing_cache_file(self.cache_dir, self.layout.data_dir))
        # The overview's cache holds the name and the roadmap's objectives (services/overview.py).
        files.drop_index_entry(self.layout, cid, overview_cache_file(self.cache_dir, self.layout.data_dir))
        crash_point("listing")
        for temp in files.candidate_temp_files(self.layout, cid):
            files.remove_file(temp)
        crash_point("temp")
        files.remove_journal(self.layout, cid)
        crash_point("done")

    # --- after a kill --------------------------------------------------------------

    def settle_interrupted(self) -> list[Settled]:
        """Finish or undo the purges a kill interrupted (see the module's protocol)."""
        journals = files.read_journals(self.layout)
        if not journals:
            return []
        store = WritableStore(self.layout.data_dir)
        settled = []
        for journal in journals:
            if isinstance(journal, str):  # unreadable: the logs it named stay, the rest is found again
                journal = files.PurgeJournal(journal, self.clock())
            try:
                writer = store.open_for_writing(journal.candidate_id, timeout=0)
            except CandidateLocked:
                continue  # a purge running now, or a workspace: settled at a later start
            except CandidateNotFound:
                files.remove_journal(self.layout, journal.candidate_id)
                continue
            except CandidateFileError:
                continue  # `seance check` names the file; the journal waits for it to be repaired
            try:
                if writer.record.purge is not None:
                    self._finish(journal)
                    settled.append(Settled(journal.candidate_id, True))
                else:
                    files.remove_journal(self.layout, journal.candidate_id)
                    settled.append(Settled(journal.candidate_id, False))
            finally:
                writer.close()
        return settled


def settle_interrupted_purges(data_dir: Path, cache_dir: Path, by: str = "") -> list[Settled]:
    """For every start: quiet when there is nothing to settle, and never an
    error that stops the start (a read-only data dir: settled by the next
    start that may write)."""
    if not files.read_journals(Layout(data_dir)):
        return []
    try:
        return Purger(data_dir, cache_dir, by).settle_interrupted()
    except (OSError, StorageError, RuleError, ValueError):
        return []


def _texts(record: CandidateRecord) -> list[str]:
    texts = []
    for seance in record.seances:
        texts += [seance.notes, seance.next_steps, *seance.tools]
    for item in record.roadmap:
        texts += [item.objective, item.means]
    for version in record.synthesis:
        texts += list(version.sections.values())
    return texts
