"""A purged candidate's text taken out of every search index of its data dir.

Deleting rows is not enough to destroy text in SQLite: FTS5 records a
deletion as a marker beside the old segment, which keeps the words, and a
deleted page stays in the file (or in the write-ahead log) until reused.
So: the rows are deleted with ``secure_delete`` on (freed pages zeroed), the
FTS5 index is merged into one segment (``optimize``: the markers applied,
the words gone), the file is rebuilt (``VACUUM``) and the log truncated.

The index layout makes the rows easy to find (``seances.candidate_id``), so
the index is kept; only when SQLite refuses (another reviewer holds the
index, a corrupt file) are the index files of this data dir deleted: they
are derived data, rebuilt at the next review or search.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .index import _private_umask

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


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
        try:
            _forget_in(path, candidate_id)
        except sqlite3.Error:
            delete_index(path)
        done.append(path)
    return done


def _forget_in(path: Path, candidate_id: str) -> None:
    with _private_umask():
        db = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete = ON")
        db.execute("BEGIN IMMEDIATE")
        try:
            keys = [(k,) for (k,) in db.execute("SELECT key FROM seances WHERE candidate_id = ?", (candidate_id,))]
            db.executemany("DELETE FROM seance_text WHERE rowid = ?", keys)
            db.execute("DELETE FROM seances WHERE candidate_id = ?", (candidate_id,))
            db.execute("DELETE FROM files WHERE candidate_id = ?", (candidate_id,))
            db.execute("INSERT INTO seance_text (seance_text) VALUES ('optimize')")
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
