"""Rows written into the search index: a candidate's séances added, dropped,
and the whole FTS5 table rebuilt from the files.

The FTS5 table is contentless: it cannot delete a row without being given
the text that row was indexed from, and that text is gone once its file has
changed. So a séance whose text changed leaves its old row in the FTS5
table, listed in ``dead`` (its key never used again until the rebuild) and
no longer in ``seances``, which every search joins: the row can never be a
hit. When dead rows pass a quarter of the live ones, or when a purge wants a
candidate's words out of the file, the FTS5 table is rebuilt from the files
(``rebuild_text``). A séance whose text did not change (same digest, same
day) keeps its row: saving one séance leaves one dead row, not ten.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable

from ..domain.record import CandidateRecord
from ..storage.errors import CandidateFileError, CandidateNotFound
from ..storage.index import Stamp
from ..storage.store import ReadOnlyStore
from .fts import TEXT_TABLES, text_table
from .hits import indexed_text, newest_first_key

# 5: contentless FTS5 table, no text kept (snippets from the files), dead rows
INDEX_VERSION = 5

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (candidate_id TEXT PRIMARY KEY, stamp TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seances (
    key INTEGER PRIMARY KEY, candidate_id TEXT NOT NULL, number INTEGER NOT NULL,
    day TEXT, phase TEXT NOT NULL, digest INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS seances_by_candidate ON seances (candidate_id);
CREATE TABLE IF NOT EXISTS dead (key INTEGER PRIMARY KEY);
{";".join(text_table(name) for name in TEXT_TABLES)};
INSERT OR IGNORE INTO meta VALUES ('version', '{INDEX_VERSION}');
"""
TABLES = ("meta", "files", "seances", "dead", *TEXT_TABLES)


def stamp_text(stamp: Stamp) -> str:
    return ":".join(map(str, stamp))


def digest(text: str) -> int:
    """Whether a séance's text changed: its length and CRC-32 (a change that
    keeps both would leave one séance stale until the next rebuild)."""
    data = text.encode("utf-8", "surrogatepass")
    return (len(data) << 32) | zlib.crc32(data)


class Writer:
    """The writes of one transaction. A long one (``bulk``) keeps the keys in
    use (live and dead) in memory rather than asking for each one; a short
    one (a refresh of a few files) asks, rather than reading 50,000 keys."""

    def __init__(self, db: sqlite3.Connection, bulk: bool = True) -> None:
        self.db = db
        self.used = (
            {k for (k,) in db.execute("SELECT key FROM seances UNION ALL SELECT key FROM dead")} if bulk else None
        )

    def _taken(self, key: int) -> bool:
        if self.used is not None:
            return key in self.used
        return self.db.execute("SELECT 1 FROM seances WHERE key = ?1 UNION ALL SELECT 1 FROM dead WHERE key = ?1",
                               (key,)).fetchone() is not None

    def forget(self, candidate_id: str) -> None:
        """The candidate's séances out of every search: their rows become dead."""
        self.db.execute("INSERT INTO dead SELECT key FROM seances WHERE candidate_id = ?", (candidate_id,))
        self.db.execute("DELETE FROM seances WHERE candidate_id = ?", (candidate_id,))
        self.db.execute("DELETE FROM files WHERE candidate_id = ?", (candidate_id,))

    def put(self, record: CandidateRecord, stamp: Stamp) -> None:
        """The record's séances as they are now; unchanged ones keep their row."""
        candidate = record.candidate
        old = {number: (key, dig, day) for key, number, dig, day in self.db.execute(
            "SELECT key, number, digest, day FROM seances WHERE candidate_id = ?", (candidate.id,))}
        rows, texts, kept, gone = [], [], [], []
        for seance in record.seances:
            text = indexed_text(seance)
            dig = digest(text)
            day = seance.day.isoformat() if seance.day else None
            previous = old.pop(seance.number, None)
            if previous is not None and previous[1:] == (dig, day):
                kept.append((seance.phase, previous[0]))
                continue
            if previous is not None:
                gone.append(previous[0])
            key = newest_first_key(seance.day, candidate.id, seance.number)
            while self._taken(key) or key in (row[0] for row in rows):
                key += 1
            if self.used is not None:
                self.used.add(key)
            rows.append((key, candidate.id, seance.number, day, seance.phase, dig))
            texts.append((key, text))
        gone += [key for key, _, _ in old.values()]
        if gone:
            self.db.executemany("INSERT INTO dead VALUES (?)", [(k,) for k in gone])
            self.db.executemany("DELETE FROM seances WHERE key = ?", [(k,) for k in gone])
        self.db.executemany("UPDATE seances SET phase = ? WHERE key = ?", kept)
        self.db.executemany("INSERT INTO seances VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.db.executemany("INSERT INTO seance_text (rowid, body) VALUES (?, ?)", texts)
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                        (candidate.id, stamp_text(stamp), candidate.name))


MIN_DEAD = 1000  # below this, a rebuild costs more than the rows it frees
DEAD_SHARE = 0.25  # of the live rows: what the dead ones may add to the index's size and searches


def too_many_dead(db: sqlite3.Connection) -> bool:
    (dead,) = db.execute("SELECT count(*) FROM dead").fetchone()
    (live,) = db.execute("SELECT count(*) FROM seances").fetchone()
    return dead > max(MIN_DEAD, live * DEAD_SHARE)


def rebuild_text(db: sqlite3.Connection, store: ReadOnlyStore,
                 progress: Callable[[int, int], None] | None = None) -> None:
    """The FTS5 table made again from the files of the séances listed live,
    in the caller's transaction: every dead row's words gone. A file changed
    since it was indexed loses its rows; the next refresh indexes it anew."""
    groups: dict[str, tuple[str, dict[int, int]]] = {}
    for candidate_id, stamp, number, key in db.execute(
            "SELECT s.candidate_id, f.stamp, s.number, s.key FROM seances s JOIN files f USING (candidate_id)"):
        groups.setdefault(candidate_id, (stamp, {}))[1][number] = key
    for name in TEXT_TABLES:
        db.execute(f"DROP TABLE {name}")
        db.execute(text_table(name))
    db.execute("DELETE FROM dead")
    db.execute("INSERT INTO seance_text (seance_text, rank) VALUES ('automerge', 0)")
    stale = []
    for done, (candidate_id, (stamp, keys)) in enumerate(groups.items(), 1):
        try:
            record, now = store.load_stamped(candidate_id)
        except (CandidateNotFound, CandidateFileError):
            record, now = None, None
        if record is None or stamp_text(now) != stamp:
            stale.append((candidate_id,))
            continue
        db.executemany("INSERT INTO seance_text (rowid, body) VALUES (?, ?)",
                       [(keys[s.number], indexed_text(s)) for s in record.seances if s.number in keys])
        if progress is not None:
            progress(done, len(groups))
    db.executemany("DELETE FROM seances WHERE candidate_id = ?", stale)
    db.executemany("DELETE FROM files WHERE candidate_id = ?", stale)
    merge_all(db)


def merge_all(db: sqlite3.Connection) -> None:
    """One segment per table (the fastest to search, the smallest), then merging back on."""
    for name in TEXT_TABLES:
        db.execute(f"INSERT INTO {name} ({name}) VALUES ('optimize')")
        db.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('automerge', 4)")
