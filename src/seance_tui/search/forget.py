"""A purged candidate's text taken out of every search index of its data dir.

The index's FTS5 table is contentless: it cannot delete a row without the
row's old text, which the purge has already destroyed, and cleaning it means
rebuilding it from every other file (a first build's cost, about a minute at
5,000 candidates, and once per candidate with ``seance purge --due``). So the
purge deletes this data dir's index files (the index, its log, a first
build's other half): they are derived data in the cache dir, rebuilt at the
next review or search, and nothing of the purged text is left in them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .build import remove_part
from .index import _private_umask

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
    """Every index of ``data_dir`` deleted (see the module: ``candidate_id``'s
    rows cannot be taken out alone); returns the index files deleted."""
    done = []
    for path in indexes_of(cache_dir, data_dir):
        remove_part(path)  # a first build's other half, left by a kill
        delete_index(path)
        done.append(path)
    return done


def delete_index(path: Path) -> None:
    for suffix in _SIDE_FILES:
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
