"""The candidate store: reading a data dir, and writing it one candidate at a time.

``ReadOnlyStore`` (review mode, the read-only commands) cannot write by
construction: it has no method that writes, opens files for reading only,
creates no folder and no lock, and uses plain JSON reads (an atomic replace
guarantees a whole file) with no long-lived TinyDB instance, whose query cache
would go stale while a writer works.

The one exception: ``summaries(..., cache_file=...)`` keeps the listing index
in a file the caller names in the cache dir, never in the data dir.

``WritableStore`` (the workspace) holds the candidate's lock for as long as
the candidate is open: nobody else writes the file meanwhile, so the record in
memory is the file's content, and each save writes the whole record atomically
(``CandidateWriter.save_tables``, the one write path). A file changed behind
the lock (a hand edit) is re-read before it is replaced: one that does not
parse, or has a version we do not know, is refused, never overwritten.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .atomic import AtomicJSONStorage, make_private_dir, remove_orphan_temp_files, write_json_atomically
from .codec import SchemaError, check_schema, record_from_tables, record_to_tables
from .errors import (
    CandidateExists,
    CandidateFileError,
    CandidateNotFound,
    DataDirMissing,
    FileContentError,
    Problem,
    StorageError,
)
from .index import (
    CandidateSummary,
    Progress,
    Stamp,
    entry_for,
    index_document,
    read_index,
    stamp_of,
    summarize,
    summaries_from_index,
    summary_from_entry,
)
from .jsonfile import decode_json
from .layout import CANDIDATE_SUFFIX, Layout, check_candidate_id, is_valid_candidate_id
from .locks import CandidateLock


def _decode_tables(path: Path, raw: bytes) -> dict[str, Any]:
    """The file's TinyDB tables, checked to be JSON of a version we know; else CandidateFileError."""
    try:
        tables = decode_json(path, raw)
        check_schema(tables)
    except FileContentError as exc:
        raise CandidateFileError(path, exc.reason) from exc
    except SchemaError as exc:
        raise CandidateFileError(path, str(exc)) from exc
    return tables


def _decode_record(path: Path, candidate_id: str, raw: bytes) -> CandidateRecord:
    tables = _decode_tables(path, raw)
    try:
        record = record_from_tables(tables)
    except SchemaError as exc:
        raise CandidateFileError(path, str(exc)) from exc
    if record.candidate.id != candidate_id:
        # Renaming or copying a file by hand would otherwise make two dossiers claim one identity.
        raise CandidateFileError(
            path, f"l'identifiant inscrit dans le fichier ({record.candidate.id}) n'est pas celui du nom du fichier"
        )
    return record


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CandidateNotFound(path) from None
    except OSError as exc:
        raise CandidateFileError(path, f"lecture impossible ({exc.strerror})") from exc


_SETTLED_NS = 1_000_000_000


class ReadOnlyStore:
    """A data dir, read: raises DataDirMissing when there is none."""

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        data_dir = Path(data_dir)
        if not data_dir.is_dir():
            raise DataDirMissing(data_dir)
        self.layout = Layout(data_dir)
        self._last_stamps: tuple[Stamp, dict[str, Stamp], list[Problem]] | None = None

    @property
    def data_dir(self) -> Path:
        return self.layout.data_dir

    def path_of(self, candidate_id: str) -> Path:
        return self.layout.candidate_file(candidate_id)

    def candidate_ids(self) -> list[str]:
        return self._scan()[0]

    def load(self, candidate_id: str) -> CandidateRecord:
        """Raises CandidateNotFound, or CandidateFileError naming the file and the reason."""
        path = self.layout.candidate_file(candidate_id)
        return _decode_record(path, candidate_id, _read_bytes(path))

    def load_stamped(self, candidate_id: str) -> tuple[CandidateRecord, Stamp]:
        """The record and the stamp of the very bytes it was read from."""
        path = self.layout.candidate_file(candidate_id)
        try:
            with open(path, "rb") as file:
                stamp = stamp_of(os.fstat(file.fileno()))
                raw = file.read()
        except FileNotFoundError:
            raise CandidateNotFound(path) from None
        except OSError as exc:
            raise CandidateFileError(path, f"lecture impossible ({exc.strerror})") from exc
        return _decode_record(path, candidate_id, raw), stamp

    def stamps(self) -> tuple[dict[str, Stamp], list[Problem]]:
        """Each candidate file's (inode, mtime, size): what changed since, without reading it.

        Review asks once a second. Every save replaces a file (a rename), which
        changes the folder's mtime: while that has not moved, the last answer
        stands, and 5,000 stats a second are saved. A folder changed in the last
        second is always listed again: its clock may tick coarser than writes.
        """
        try:
            folder = os.stat(self.layout.candidates_dir)
        except OSError:
            folder = None
        if folder is not None and self._last_stamps is not None:
            settled = time.time_ns() - folder.st_mtime_ns > _SETTLED_NS
            if settled and self._last_stamps[0] == stamp_of(folder):
                return dict(self._last_stamps[1]), list(self._last_stamps[2])
        stamps, problems = self._stat_every_file()
        if folder is not None:
            self._last_stamps = (stamp_of(folder), stamps, problems)
        return dict(stamps), list(problems)

    def _stat_every_file(self) -> tuple[dict[str, Stamp], list[Problem]]:
        ids, problems = self._scan()
        stamps = {}
        for candidate_id in ids:
            try:
                stamps[candidate_id] = stamp_of(os.stat(self.layout.candidate_file(candidate_id)))
            except FileNotFoundError:
                continue
        return stamps, problems

    def load_all(self) -> tuple[list[CandidateRecord], list[Problem]]:
        """Every candidate that loads; each file that does not is a problem, and stops nothing."""
        ids, problems = self._scan()
        records = []
        for candidate_id in ids:
            try:
                records.append(self.load(candidate_id))
            except CandidateNotFound:
                continue  # removed since the folder was listed
            except CandidateFileError as exc:
                problems.append(Problem.from_error(exc))
        return records, _sorted(problems)

    def check(self) -> list[Problem]:
        return self.load_all()[1]

    def summaries(
        self, phases: PhaseSet, now: datetime, cache_file: Path | None = None, progress: Progress | None = None
    ) -> tuple[list[CandidateSummary], list[Problem]]:
        """One summary per candidate that loads, by name; reads only the files the index cannot vouch for.

        With ``cache_file`` (in the cache dir, see index.listing_cache_file) the
        index is read from there and refreshed there: a reader never writes the
        data dir, and its second listing reads no file whose stamp is unchanged.
        ``progress(done, total, summaries)`` is called as the files the index
        could not vouch for are read (see index.Progress).
        """
        index_file = cache_file if cache_file is not None else self.layout.index_file
        summaries, problems, index, entries = self._summaries_and_index(phases, now, index_file, progress)
        if cache_file is not None and index != entries:
            _refresh_index(cache_file, entries, phases, make_folder=True)
        return summaries, problems

    def cached_summaries(self, phases: PhaseSet, cache_file: Path | None = None) -> list[CandidateSummary] | None:
        """What the index says, by name, without a stat or a read: None without
        a usable index. Possibly stale: for a first frame, verified by ``summaries``."""
        index = read_index(cache_file or self.layout.index_file, phases)
        if index is None:
            return None
        return sorted(summaries_from_index(index), key=_by_name)

    def _summaries_and_index(
        self, phases: PhaseSet, now: datetime, index_file: Path | None = None, progress: Progress | None = None
    ) -> tuple[list[CandidateSummary], list[Problem], dict[str, Any] | None, dict[str, Any]]:
        """Also returns the index as read (None if unusable) and as it should now be."""
        index = read_index(index_file or self.layout.index_file, phases)
        cached_entries = index or {}
        ids, problems = self._scan()
        summaries = []
        entries = {}
        to_read = []
        # Plain strings and one stat per file: at 5,000 candidates, Path objects
        # and opening files the index vouches for were most of the start-up.
        folder = os.fspath(self.layout.candidates_dir)
        for candidate_id in ids:
            path = os.path.join(folder, candidate_id + CANDIDATE_SUFFIX)
            try:
                stamp = stamp_of(os.stat(path))
            except FileNotFoundError:
                continue
            except OSError as exc:
                problems.append(Problem(Path(path), f"lecture impossible ({exc.strerror})"))
                continue
            summary = summary_from_entry(candidate_id, cached_entries.get(candidate_id), stamp)
            if summary is not None:
                entries[candidate_id] = cached_entries[candidate_id]
                summaries.append(summary)
            else:
                to_read.append((candidate_id, path))
        # Then the files the index could not vouch for (every file at the very
        # first start: seconds at 5,000), the caller told of each one read.
        for done, (candidate_id, path) in enumerate(to_read, 1):
            try:
                # The stamp and the bytes from one open file: a replace
                # meanwhile cannot pair new content with an old stamp.
                with open(path, "rb") as file:
                    stamp = stamp_of(os.fstat(file.fileno()))
                    raw = file.read()
                record = _decode_record(Path(path), candidate_id, raw)
            except FileNotFoundError:
                pass
            except OSError as exc:
                problems.append(Problem(Path(path), f"lecture impossible ({exc.strerror})"))
            except CandidateFileError as exc:
                problems.append(Problem.from_error(exc))
            else:
                summary = summarize(record, phases, now)
                entries[candidate_id] = entry_for(record, summary, stamp)
                summaries.append(summary)
            if progress is not None:
                progress(done, len(to_read), summaries)
        summaries.sort(key=_by_name)
        return summaries, _sorted(problems), index, entries

    def _scan(self) -> tuple[list[str], list[Problem]]:
        """Candidate ids from file names; a name that is not an id is a problem, not a candidate."""
        folder = self.layout.candidates_dir
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            return [], []
        except OSError as exc:
            raise StorageError(f"{folder} : lecture impossible ({exc.strerror})") from exc
        ids = []
        problems = []
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(CANDIDATE_SUFFIX):
                continue  # temporary files of a write in progress, editor backups
            candidate_id = entry.name[: -len(CANDIDATE_SUFFIX)]
            if is_valid_candidate_id(candidate_id):
                ids.append(candidate_id)
            else:
                problems.append(
                    Problem(
                        Path(entry.path), "nom de fichier qui n'est pas un identifiant de dossier : fichier ignoré"
                    )
                )
        return sorted(ids), problems


def _by_name(summary: CandidateSummary) -> tuple[str, str]:
    return summary.name.casefold(), summary.id


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: str(p.path))


def _refresh_index(path: Path, entries: dict[str, Any], phases: PhaseSet, make_folder: bool = False) -> None:
    # Other listings may refresh it at the same time: the last whole file
    # wins, and a lost entry is only recomputed next time.
    try:
        if make_folder:
            make_private_dir(path.parent)
        write_json_atomically(path, index_document(entries, phases))
    except OSError:
        pass  # a cache: the listing is right without it, and the next one tries again


# Creating a file takes milliseconds; a lock held longer is a writer at work on that id.
_CREATE_TIMEOUT_SECONDS = 2.0


class WritableStore(ReadOnlyStore):
    """A data dir, made (0700) if missing, cleaned of dead writers' temporary files at start-up."""

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        layout = Layout(Path(data_dir))
        folders = (layout.data_dir, layout.candidates_dir, layout.locks_dir)
        try:
            for folder in folders:
                make_private_dir(folder)
        except OSError as exc:
            raise StorageError(
                f"Impossible de créer le dossier de données {layout.data_dir} : {exc.strerror}"
            ) from exc
        super().__init__(layout.data_dir)
        for folder in folders:
            remove_orphan_temp_files(folder)

    def create(self, record: CandidateRecord, before: Callable[[], None] | None = None) -> None:
        """Write a new candidate's file; raises CandidateExists rather than overwrite one.

        ``before`` runs under the lock, just before the file is written (an
        import's documents: the file, written last, makes the candidate exist)."""
        candidate_id = check_candidate_id(record.candidate.id)
        path = self.layout.candidate_file(candidate_id)
        lock = self._lock(candidate_id, _CREATE_TIMEOUT_SECONDS)
        try:
            if os.path.lexists(path):
                raise CandidateExists(path)
            if before is not None:
                before()
            _CandidateFileStorage(path).write(record_to_tables(record))
        finally:
            lock.release()

    def open_for_writing(self, candidate_id: str, timeout: float = 0.0) -> CandidateWriter:
        """Take the candidate's lock (CandidateLocked names who holds it) and load the file inside it."""
        path = self.layout.candidate_file(candidate_id)
        return CandidateWriter(path, candidate_id, self._lock(candidate_id, timeout))

    def summaries(
        self, phases: PhaseSet, now: datetime, cache_file: Path | None = None, progress: Progress | None = None
    ) -> tuple[list[CandidateSummary], list[Problem]]:
        """As ReadOnlyStore's, and brings the data dir's index up to date when it was stale."""
        if cache_file is not None:
            return super().summaries(phases, now, cache_file, progress)
        summaries, problems, index, entries = self._summaries_and_index(phases, now, progress=progress)
        if index != entries:
            _refresh_index(self.layout.index_file, entries, phases)
        return summaries, problems

    def _lock(self, candidate_id: str, timeout: float) -> CandidateLock:
        return CandidateLock(
            candidate_id, self.layout.lock_file(candidate_id), self.layout.owner_file(candidate_id), timeout
        )


class _CandidateFileStorage(AtomicJSONStorage):
    """Refuses, rather than overwrites, a file that is not a candidate file of our version."""

    def read(self) -> dict[str, dict[str, Any]]:
        return _decode_tables(self.path, _read_bytes(self.path))


class CandidateWriter:
    """One candidate's file, held for writing until ``close()``.

    ``record`` is the last version loaded or written. Methods may be called
    from several threads (the UI's workers): they run one at a time.
    """

    def __init__(self, path: Path, candidate_id: str, lock: CandidateLock) -> None:
        self.path = path
        self.candidate_id = candidate_id
        self._lock = lock
        # Kept from save to save: it re-encodes only the documents that changed.
        self._storage = _CandidateFileStorage(path)
        self._stamp: Stamp | None = None  # of the file as we last read or wrote it
        # The flock keeps other processes out; this keeps two threads of the
        # holder from interleaving a read-modify-write.
        self._mutex = threading.Lock()
        self._tables: dict[str, dict[str, Any]] | None = None
        try:
            self._record: CandidateRecord | None = self._load()
        except BaseException:
            lock.release()
            raise

    @property
    def record(self) -> CandidateRecord:
        """The last version loaded or written (decoded only when asked for)."""
        if self._record is None:
            self._record = record_from_tables(self._tables)
        return self._record

    @property
    def closed(self) -> bool:
        return not self._lock.held

    def save(self, record: CandidateRecord) -> None:
        """``save_tables`` of the record encoded here; ``record`` becomes ``self.record``."""
        tables = record_to_tables(record)
        self.save_tables(tables)
        with self._mutex:
            if self._tables is tables:
                self._record = record

    def save_tables(self, tables: dict[str, dict[str, Any]]) -> None:
        """Write a record already encoded (by ``codec.record_to_tables``), e.g. by
        the UI thread, so that typing goes on while a worker writes."""
        with self._mutex:
            self._check_open()
            if self._stamp_now() != self._stamp:
                # Changed behind the lock (a hand edit): refuse to overwrite a bad file.
                self._load()
            self._write(tables)
            self._record, self._tables = None, tables

    def close(self) -> None:
        with self._mutex:
            self._lock.release()

    def __enter__(self) -> CandidateWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _load(self) -> CandidateRecord:
        record = _decode_record(self.path, self.candidate_id, _read_bytes(self.path))
        self._stamp = self._stamp_now()
        return record

    def _stamp_now(self) -> Stamp | None:
        try:
            return stamp_of(os.stat(self.path))
        except OSError:
            return None

    def _write(self, tables: dict[str, dict[str, Any]]) -> None:
        written_id = tables["candidate"]["1"]["id"]
        if written_id != self.candidate_id:
            # The file would then be refused at every later load.
            raise ValueError(f"Ce dossier est {self.candidate_id}, pas {written_id}.")
        self._storage.write(tables)
        self._stamp = self._stamp_now()

    def _check_open(self) -> None:
        if self.closed:
            raise StorageError(f"{self.path} : dossier fermé, rouvrez-le pour écrire")
