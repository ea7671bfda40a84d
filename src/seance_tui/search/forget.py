"""A purged candidate's text taken out of every search index of its data dir.

Deleting rows is not enough to destroy text in SQLite: the index's FTS5
table is contentless and cannot delete a row without its old text (gone:
the purge has already rewritten the file), a dead row's words stay in it
(``writing``), and a deleted page stays in the file (or in the write-ahead
log) until reused. So: the candidate's rows are deleted with
``secure_delete`` on (freed pages zeroed), the FTS5 table is rebuilt from the
files of the séances left (``rebuild_text``: no dead row, nobody's words
but theirs), the file is rebuilt (``VACUUM``) and the log truncated.

The index layout makes the rows easy to find (``seances.candidate_id``), so
the index is kept; only when SQLite refuses (another reviewer holds the
index, a corrupt file) are the index files of this data dir deleted: they
are derived data, rebuilt at the next review or search.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..storage.store import ReadOnlyStore
from .build import remove_part
from .index import _private_umask
from .writing import rebuild_text

_SIDE_FILES = ("", "-wal", "-shm", "-journal", ".part", ".part-journal", ".part.ids")


def indexes_of(cache_dir: Path, data_dir: Path) -> list[Path]:
    """The search indexes in ``cache_dir`` that index ``data_dir``."""
    wanted = str(data_dir.resolve())
    found = []
    try:
        candidates = sorted(cache_dir.glob("search-*.sqlite3"))
    except OSError:
        return []
    for path in candidates:
        try:
            with _private_umask():
                db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
                try:
                    row = db.execute("SELECT value FROM meta WHERE key = 'data_dir'").fetchone()
                finally:
                    db.close()
        except sqlite3.Error:
            continue  # not an index we can read: not one of ours
        if row is not None and row[0] == wanted:
            found.append(path)
    return found


def forget_candidate(cache_dir: Path, data_dir: Path, candidate_id: str) -> list[Path]:
    """Every index of ``data_dir`` without ``candidate_id``'s rows, nor its text
    in free pages; returns the index files cleaned or deleted."""
    done = []
    for path in indexes_of(cache_dir, data_dir):
        remove_part(path)  # a first build's other half, left by a kill
        try:
            _forget_in(path, data_dir, candidate_id)
        except sqlite3.Error:
            delete_index(path)
        done.append(path)
    return done


def _forget_in(path: Path, data_dir: Path, candidate_id: str) -> None:
    with _private_umask():
        db = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete = ON")
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM seances WHERE candidate_id = ?", (candidate_id,))
            db.execute("DELETE FROM files WHERE candidate_id = ?", (candidate_id,))
            rebuild_text(db, ReadOnlyStore(data_dir))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("VACUUM")
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise sqlite3.OperationalError("index in use: its log cannot be truncated")
    finally:
        db.close()


def delete_index(path: Path) -> None:
    for suffix in _SIDE_FILES:
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
