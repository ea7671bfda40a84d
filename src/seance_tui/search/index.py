"""The derived search index over every séance: SQLite FTS5 (standard library).

The candidate JSON files stay the truth. The index lives in a cache dir,
outside the data dir, and is rebuilt from the files when missing and
refreshed file by file when their (inode, mtime, size) stamp changes; without
it, search falls back to a plain scan (``search.scan``), only slower.

Choices measured for issue 5:
- ``unicode61 remove_diacritics 2`` folds accents and case and splits words
  on both apostrophes, but keeps œ, æ and ß whole: the text is indexed as
  written (snippets quote it exactly) and a query's "oe", "ae" or "ss" also
  asks for the ligature.
- Every term is quoted and the whole expression bound as a parameter: user
  text never reaches FTS5's query syntax.
- A séance's rowid grows with its date, so "newest first" is FTS5 walking its
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

from ..domain.record import CandidateRecord
from ..storage.atomic import make_private_dir
from ..storage.errors import CandidateFileError, CandidateNotFound, Problem
from ..storage.index import Stamp
from ..storage.store import ReadOnlyStore
from .highlight import HIT_END, HIT_START
from .hits import SearchHit, indexed_text, newest_first_key
from .query import Term, parse_query

# 2: text NFKC-normalized before indexing; 3: ligatures kept as written;
# 4: names its data dir (meta 'data_dir'), so that orphans can be pruned
INDEX_VERSION = 4
SNIPPET_WORDS = 16

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (candidate_id TEXT PRIMARY KEY, stamp TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seances (
    key INTEGER PRIMARY KEY, candidate_id TEXT NOT NULL, number INTEGER NOT NULL,
    day TEXT, phase TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seances_by_candidate ON seances (candidate_id);
CREATE VIRTUAL TABLE IF NOT EXISTS seance_text USING fts5(
    body, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT OR IGNORE INTO meta VALUES ('version', '{INDEX_VERSION}');
"""


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


def fts_expression(terms: list[Term]) -> str:
    """Each term as quoted FTS5 phrases (a prefix one gets ``*``), all required."""
    parts = []
    for term in terms:
        phrases = [
            '"' + " ".join(words).replace('"', '""') + '"' + ("*" if term.prefix else "")
            for words in _ligature_spellings(term.words, term.prefix)
        ]
        parts.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    return " AND ".join(parts)


# What fold() writes for each ligature the tokenizer keeps whole.
_LIGATURES = {"oe": "œ", "ae": "æ", "ss": "ß"}
MAX_SPELLINGS = 16  # per term: "coeur", "cœur"; a long word full of "ss" stops there


def _ligature_spellings(words: tuple[str, ...], prefix: bool = False) -> list[tuple[str, ...]]:
    """Every way the folded words may be written in the text, ligatures or not."""
    spellings: list[tuple[str, ...]] = [()]
    for i, word in enumerate(words):
        forms = _word_spellings(word)
        if prefix and i == len(words) - 1:
            # "mano*" must also find "manœuvre": the prefix may stop inside a ligature.
            forms += [form[:-1] + ligature for form in forms for pair, ligature in _LIGATURES.items()
                      if form.endswith(pair[0])]
        spellings = [start + (form,) for start in spellings for form in forms][:MAX_SPELLINGS]
    return spellings


def _word_spellings(word: str) -> list[str]:
    forms = [""]
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _LIGATURES:
            forms = [f + written for f in forms for written in (pair, _LIGATURES[pair])][:MAX_SPELLINGS]
            i += 2
        else:
            forms = [f + word[i] for f in forms]
            i += 1
    return forms


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
            self._db.execute("PRAGMA synchronous=NORMAL")
            if self._version() not in (None, str(INDEX_VERSION)):
                self._db.executescript("DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS files; "
                                       "DROP TABLE IF EXISTS seances; DROP TABLE IF EXISTS seance_text;")
            self._db.executescript(_SCHEMA)
            # Which data dir this index is about: without it, an index whose
            # data dir is gone (a --demo copy) could never be told from a live one.
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('data_dir', ?)", (str(store.data_dir.resolve()),))
        except sqlite3.OperationalError as exc:  # unreadable, locked or read-only cache
            raise SearchIndexUnavailable(path, exc) from exc

    def _version(self) -> str | None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @property
    def is_empty(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def stale_files(self) -> tuple[list[str], list[str], list[Problem]]:
        """(changed or new candidate ids, removed ids, unreadable folder entries)."""
        stamps, problems = self.store.stamps()
        with self._lock:
            known = dict(self._db.execute("SELECT candidate_id, stamp FROM files"))
        changed = [cid for cid, stamp in stamps.items() if known.get(cid) != _stamp_text(stamp)]
        removed = [cid for cid in known if cid not in stamps]
        return changed, removed, problems

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> RefreshReport:
        changed, removed, problems = self.stale_files()
        for candidate_id in removed:
            with self._transaction():
                self._forget(candidate_id)
        for done, candidate_id in enumerate(changed, 1):
            try:
                record, stamp = self.store.load_stamped(candidate_id)
            except CandidateNotFound:
                with self._transaction():
                    self._forget(candidate_id)
                continue
            except CandidateFileError as exc:
                problems.append(Problem.from_error(exc))
                continue
            with self._transaction():
                self._forget(candidate_id)
                self._add(record, stamp)
            if progress is not None:
                progress(done, len(changed))
        return RefreshReport(len(changed), len(removed), problems)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        # A repeated term changes no hit, but FTS5's snippet() slows down with
        # each copy (a pasted "e* e* …" of 200 terms took seconds, 3,000 never ended).
        terms = list(dict.fromkeys(parse_query(query)))
        if not terms:
            return []
        with self._lock:
            rows = self._search_rows(terms, limit)
        return [
            SearchHit(cid, name, number, date.fromisoformat(day) if day else None, phase, " ".join(snippet.split()))
            for cid, name, number, day, phase, snippet in rows
        ]

    def _search_rows(self, terms: list[Term], limit: int) -> list[tuple]:
        return self._db.execute(
            """
            SELECT s.candidate_id, f.name, s.number, s.day, s.phase,
                   snippet(seance_text, 0, ?, ?, '…', ?)
            FROM seance_text
            JOIN seances s ON s.key = seance_text.rowid
            JOIN files f ON f.candidate_id = s.candidate_id
            WHERE seance_text MATCH ?
            ORDER BY seance_text.rowid DESC
            LIMIT ?
            """,
            (HIT_START, HIT_END, SNIPPET_WORDS, fts_expression(terms), limit),
        ).fetchall()

    # --- writing ---------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._db, self._lock)

    def _forget(self, candidate_id: str) -> None:
        keys = [k for (k,) in self._db.execute("SELECT key FROM seances WHERE candidate_id = ?", (candidate_id,))]
        self._db.executemany("DELETE FROM seance_text WHERE rowid = ?", [(k,) for k in keys])
        self._db.execute("DELETE FROM seances WHERE candidate_id = ?", (candidate_id,))
        self._db.execute("DELETE FROM files WHERE candidate_id = ?", (candidate_id,))

    def _add(self, record: CandidateRecord, stamp: Stamp) -> None:
        candidate = record.candidate
        for seance in record.seances:
            key = _first_free_key(self._db, newest_first_key(seance.day, candidate.id, seance.number))
            self._db.execute(
                "INSERT INTO seances VALUES (?, ?, ?, ?, ?)",
                (key, candidate.id, seance.number, seance.day.isoformat() if seance.day else None, seance.phase),
            )
            self._db.execute("INSERT INTO seance_text (rowid, body) VALUES (?, ?)", (key, indexed_text(seance)))
        self._db.execute(
            "INSERT INTO files VALUES (?, ?, ?)", (candidate.id, _stamp_text(stamp), candidate.name)
        )


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
        for suffix in ("", "-wal", "-shm", "-journal"):
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


def _stamp_text(stamp: Stamp) -> str:
    return ":".join(map(str, stamp))


def _first_free_key(db: sqlite3.Connection, key: int) -> int:
    while db.execute("SELECT 1 FROM seances WHERE key = ?", (key,)).fetchone():
        key += 1
    return key
