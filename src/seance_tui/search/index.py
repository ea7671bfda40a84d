"""The derived search index over every séance: SQLite FTS5 (standard library).

The candidate JSON files stay the truth. The index lives in a cache dir,
outside the data dir, and is rebuilt from the files when missing and
refreshed file by file when their (inode, mtime, size) stamp changes; without
it, search falls back to a plain scan (``search.scan``), only slower.

It keeps no séance text: where each word occurs (``fts``), the séances'
details, and the stamps. A hit's snippet is made from its file
(``snippets``); how rows are written and rebuilt is ``writing``'s.
A séance's rowid grows with its date, so "newest first" is FTS5 walking its
doclist backwards (``ORDER BY rowid DESC``), never a sort of every hit.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..storage.atomic import make_private_dir
from ..storage.errors import Problem
from ..storage.store import ReadOnlyStore
from .build import BATCH_FILES, fill, fill_in_two, parallel_worth_it, remove_part
from .fts import TEXT_TABLES, fts_expression
from .hits import SearchHit
from .query import parse_query
from .snippets import Snippets
from .writing import INDEX_VERSION, SCHEMA, TABLES, Writer, merge_all, rebuild_text, stamp_text, too_many_dead

PAGE_ROWS = 200  # rows asked of FTS5 at once: their texts are read to make the snippets

class SearchIndexUnavailable(OSError):
    """The cache dir refuses the index (read-only, full, not a database):
    callers fall back to scanning the files."""

    def __init__(self, path: Path, error: Exception) -> None:
        super().__init__(f"{path} : {error}")


@dataclass(frozen=True)
class RefreshReport:
    reindexed: int
    removed: int
    problems: list[Problem]


def default_index_path(cache_dir: Path, data_dir: Path) -> Path:
    """One index per data dir, named after its absolute path."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"search-{digest}.sqlite3"


class SearchIndex:
    """One connection, shared by the threads of one process under a lock
    (review refreshes in one worker and searches in another)."""

    def __init__(self, path: Path, store: ReadOnlyStore) -> None:
        make_private_dir(path.parent)
        self.path = path
        self.store = store
        self._lock = threading.RLock()
        try:
            with _private_umask():
                _create_private(path)
                self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")  # creates -wal and -shm, under the same umask
            # A rebuildable cache: a commit need not reach the disk before the
            # next one (WAL keeps the file whole; a power cut loses the last
            # refresh, redone from the stamps).
            self._db.execute("PRAGMA synchronous=NORMAL")
            if self._version() not in (None, str(INDEX_VERSION)):
                self._db.executescript("".join(f"DROP TABLE IF EXISTS {table};" for table in TABLES))
            self._db.executescript(SCHEMA)
            # Which data dir this index is about: without it, an index whose
            # data dir is gone (a --demo copy) could never be told from a live one.
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('data_dir', ?)", (str(store.data_dir.resolve()),))
        except sqlite3.OperationalError as exc:  # unreadable, locked or read-only cache
            raise SearchIndexUnavailable(path, exc) from exc
        remove_part(path)  # a first build's other half, left by a kill: séance words
        self._snippets = Snippets(store)

    def _version(self) -> str | None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._snippets.close()

    @property
    def is_empty(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def stale_files(self) -> tuple[list[str], list[str], list[Problem]]:
        """(changed or new candidate ids, removed ids, unreadable folder entries)."""
        stamps, problems = self.store.stamps()
        with self._lock:
            known = dict(self._db.execute("SELECT candidate_id, stamp FROM files"))
        changed = [cid for cid, stamp in stamps.items() if known.get(cid) != stamp_text(stamp)]
        removed = [cid for cid in known if cid not in stamps]
        return changed, removed, problems

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> RefreshReport:
        changed, removed, problems = self.stale_files()
        if not changed and not removed:
            return RefreshReport(0, 0, problems)
        # A long build merges its segments once, at the end, rather than as it goes.
        long_build = len(changed) > BATCH_FILES
        with self._transaction():
            writer = Writer(self._db, bulk=False)
            for candidate_id in removed:
                writer.forget(candidate_id)
            empty = self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None
            if long_build:
                for name in TEXT_TABLES:
                    self._db.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('automerge', 0)")
        if parallel_worth_it(len(changed), empty):
            problems += fill_in_two(self._db, self.path, self.store, changed, progress, self._lock)
        else:
            problems += fill(self._db, self.store, changed, progress, self._lock)
        with self._transaction():
            if too_many_dead(self._db):
                rebuild_text(self._db, self.store)
            elif long_build:
                merge_all(self._db)
        if long_build:  # the log holds the whole build: back into the file, and emptied
            with self._lock:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return RefreshReport(len(changed), len(removed), problems)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        # A repeated term changes no hit, but FTS5's snippet() slows down with
        # each copy (a pasted "e* e* …" of 200 terms took seconds, 3,000 never ended).
        terms = list(dict.fromkeys(parse_query(query)))
        if not terms:
            return []
        expression = fts_expression(terms)
        hits: list[SearchHit] = []
        below = 1 << 62
        with self._lock:
            while len(hits) < limit:
                wanted = min(limit - len(hits), PAGE_ROWS)
                rows = self._search_rows(expression, wanted, below)
                snippets = self._snippets.of([(key, cid, number) for key, cid, _, number, *_ in rows], expression)
                hits += [
                    SearchHit(cid, name, number, date.fromisoformat(day) if day else None, phase,
                              " ".join(snippets[key].split()))
                    for key, cid, name, number, day, phase in rows
                    if key in snippets  # else changed since it was indexed, and no longer a hit
                ]
                if len(rows) < wanted:
                    break
                below = rows[-1][0]
        return hits

    def count(self, query: str) -> int:
        """How many séances match, as indexed (no file read: no snippet to make)."""
        terms = list(dict.fromkeys(parse_query(query)))
        if not terms:
            return 0
        with self._lock:
            return sum(self._db.execute(
                f"SELECT count(*) FROM {name} t JOIN seances s ON s.key = t.rowid WHERE {name} MATCH ?",
                (fts_expression(terms),)).fetchone()[0] for name in TEXT_TABLES)

    def _search_rows(self, expression: str, limit: int, below: int) -> list[tuple]:
        """The newest ``limit`` live rows under key ``below``, from both tables."""
        rows = []
        for name in TEXT_TABLES:
            rows += self._db.execute(
                f"""
                SELECT s.key, s.candidate_id, f.name, s.number, s.day, s.phase
                FROM {name} t
                JOIN seances s ON s.key = t.rowid
                JOIN files f ON f.candidate_id = s.candidate_id
                WHERE {name} MATCH ? AND t.rowid < ?
                ORDER BY t.rowid DESC
                LIMIT ?
                """,
                (expression, below, limit),
            ).fetchall()
        return sorted(rows, reverse=True)[:limit]

    # --- writing ---------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._db, self._lock)


_UMASK_LOCK = threading.Lock()


class _private_umask:
    """umask 077 while SQLite creates the index and its side files (-journal,
    -wal, -shm): private from their first byte, not after a chmod. The umask
    is the whole process's, hence the lock; another thread creating a file
    meanwhile only gets it more private."""

    def __enter__(self) -> None:
        _UMASK_LOCK.acquire()
        self._saved = os.umask(0o077)

    def __exit__(self, *_) -> None:
        os.umask(self._saved)
        _UMASK_LOCK.release()


def _create_private(path: Path) -> None:
    """An empty file is an empty SQLite database: made 0600 with O_EXCL, so no
    one else can have opened it before its mode was set. An existing one
    (made by an older version, or copied) is tightened."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.chmod(f"{path}{suffix}", 0o600)
            except FileNotFoundError:
                pass
            except OSError:
                pass  # another account's file: SQLite says whether it can use it
        return
    os.close(fd)


def prune_orphan_indexes(cache_dir: Path) -> list[Path]:
    """Deletes the indexes (and SQLite's side files) of data dirs that no longer
    exist, such as deleted --demo copies; returns the index files deleted.

    An index names its data dir in its meta table. One of an older version
    names none: it would be rebuilt from scratch at its next opening anyway,
    so it goes too. One that cannot be read (being created, locked, another
    account's, not a database) is left alone.
    """
    pruned: list[Path] = []
    if not cache_dir.is_dir():
        return pruned
    for path in sorted(cache_dir.glob("search-*.sqlite3")):
        try:
            with _private_umask():  # reading a WAL database makes its -shm
                db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=0)
                try:
                    meta = dict(db.execute("SELECT key, value FROM meta"))
                finally:
                    db.close()
        except sqlite3.Error:
            continue
        data_dir = meta.get("data_dir")
        if meta.get("version") == str(INDEX_VERSION) and data_dir is None:
            continue  # current, its data dir not recorded yet: being created right now
        try:
            if data_dir is not None and Path(data_dir).is_dir():
                continue
        except OSError:
            continue  # cannot tell (a folder we may not search): keep it
        for suffix in ("", "-wal", "-shm", "-journal", ".part", ".part-journal", ".part.ids"):
            try:
                os.unlink(f"{path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError:
                break  # not ours to delete
        else:
            pruned.append(path)
    return pruned


class _Transaction:
    """BEGIN IMMEDIATE: two reviewers refreshing at once queue instead of failing."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def __enter__(self) -> None:
        self._lock.acquire()
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_) -> None:
        try:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self._lock.release()
