"""Filling the index from the files: a refresh's changed files, and the
first build, half of it in a second process.

The first build at centre scale reads every file and tokenizes every séance
(50,000 of them): a few times reading the files alone. The second process
reads and tokenizes half the candidates into a database of its own beside the
index (``.part``), whose FTS5 table's rows are then copied as they are into
the index's second table (``fts.TEXT_TABLES``): no word tokenized twice. The
halves are split on the bit of the candidate id's hash that is in the séance
keys (``hits.newest_first_key``), so that the keys each half makes differ.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from ..storage.errors import CandidateFileError, CandidateNotFound, Problem
from ..storage.store import ReadOnlyStore
from .fts import TEXT_TABLES
from .writing import SCHEMA, Writer

BATCH_FILES = 500  # files per transaction: a kill loses little, commits stay few
PARALLEL_FROM = 2000  # files: below, starting a process costs more than it saves

Progress = Callable[[int, int], None]


def fill(db: sqlite3.Connection, store: ReadOnlyStore, candidate_ids: list[str],
         progress: Progress | None = None, lock: contextlib.AbstractContextManager | None = None) -> list[Problem]:
    """The candidates' séances as their files are now, in transactions of
    BATCH_FILES, each under ``lock`` (searches go on in between)."""
    problems: list[Problem] = []
    for start in range(0, len(candidate_ids), BATCH_FILES):
        with lock or contextlib.nullcontext():
            problems += _fill_batch(db, store, candidate_ids, start, progress)
    return problems


def _fill_batch(db: sqlite3.Connection, store: ReadOnlyStore, candidate_ids: list[str], start: int,
                progress: Progress | None) -> list[Problem]:
    problems: list[Problem] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        batch = candidate_ids[start : start + BATCH_FILES]
        writer = Writer(db, bulk=len(batch) > 20)  # the keys in use now: another reviewer may have written
        for done, candidate_id in enumerate(batch, start + 1):
            try:
                record, stamp = store.load_stamped(candidate_id)
            except CandidateNotFound:
                writer.forget(candidate_id)
                continue
            except CandidateFileError as exc:
                problems.append(Problem.from_error(exc))
                continue
            writer.put(record, stamp)
            if progress is not None:
                progress(done, len(candidate_ids))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return problems


def parallel_worth_it(changed: int, empty: bool) -> bool:
    return empty and changed >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2


def fill_in_two(db: sqlite3.Connection, index_path: Path, store: ReadOnlyStore, candidate_ids: list[str],
                progress: Progress | None = None, lock: contextlib.AbstractContextManager | None = None,
                ) -> list[Problem]:
    """The first build: half the candidates here, half in another process;
    that half done here too if the other process fails."""
    here = [cid for cid in candidate_ids if not _other_half(cid)]
    there = [cid for cid in candidate_ids if _other_half(cid)]
    part = part_path(index_path)
    remove_part(index_path)
    worker = _start_part(store.data_dir, there, part)
    try:
        halved = None if progress is None else (lambda done, _: progress(2 * done, len(candidate_ids)))
        problems = fill(db, store, here, halved, lock)
        found = _part_done(worker)
        if found is None:
            copied = False
        else:
            problems += found
            with lock or contextlib.nullcontext():
                copied = _copy_part(db, part)
        if not copied:  # the other process failed, or two keys met: that half here
            problems += fill(db, store, there, None, lock)
    finally:
        if worker is not None and worker.poll() is None:  # this half failed: that one is of no use
            worker.kill()
            worker.wait()
        remove_part(index_path)
    if progress is not None:
        progress(len(candidate_ids), len(candidate_ids))
    return problems


def _start_part(data_dir: Path, candidate_ids: list[str], part: Path) -> subprocess.Popen | None:
    """``python -m seance_tui.search.build``: a process of its own, which
    imports only this package (not the caller's main module, as a
    multiprocessing child would)."""
    from .index import _private_umask

    ids = part.with_name(part.name + ".ids")
    try:
        with _private_umask():
            ids.write_text("\n".join(candidate_ids), encoding="utf-8")
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        return subprocess.Popen([sys.executable, "-m", "seance_tui.search.build", str(data_dir), str(part), str(ids)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    except OSError:
        return None


def _part_done(worker: subprocess.Popen | None) -> list[Problem] | None:
    """The other half's problems, or None when it failed."""
    if worker is None:
        return None
    out, _ = worker.communicate()
    if worker.returncode != 0:
        return None
    try:
        return [Problem(Path(path), message) for path, message in json.loads(out)]
    except (ValueError, TypeError):
        return None


def build_part(data_dir: str, candidate_ids: list[str], path: str) -> list[Problem]:
    """In the other process: its half into a database of its own, made private."""
    from .index import _create_private, _private_umask

    with _private_umask():
        _create_private(Path(path))
        db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")  # a scratch file: thrown away if anything fails
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(SCHEMA)
        db.execute("INSERT INTO seance_text (seance_text, rank) VALUES ('automerge', 0)")
        problems = fill(db, ReadOnlyStore(data_dir), candidate_ids)
        db.execute("INSERT INTO seance_text (seance_text) VALUES ('optimize')")
    finally:
        db.close()
    return problems


def _copy_part(db: sqlite3.Connection, part: Path) -> bool:
    """The part's rows into the index, its FTS5 table's into the second table;
    False (and nothing copied) when one of its keys is already taken."""
    second = TEXT_TABLES[1]
    db.execute("ATTACH DATABASE ? AS part", (str(part),))
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT INTO seances SELECT * FROM part.seances")
            db.execute("INSERT INTO files SELECT * FROM part.files")
            # FTS5 keeps a table in its shadow tables: the segments (_data) and
            # their first terms (_idx). A copy of both is the same table.
            for suffix in ("data", "idx"):
                db.execute(f"DELETE FROM main.{second}_{suffix}")
                db.execute(f"INSERT INTO main.{second}_{suffix} SELECT * FROM part.seance_text_{suffix}")
        except sqlite3.IntegrityError:
            db.execute("ROLLBACK")
            return False
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    finally:
        db.execute("DETACH DATABASE part")
    return True


def _other_half(candidate_id: str) -> bool:
    # The lowest bit of the "spread" in newest_first_key: bit 8 of every key.
    return bool(zlib.crc32(candidate_id.encode()) & 1)


def part_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".part")


def remove_part(index_path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm", ".ids"):
        try:
            os.unlink(f"{part_path(index_path)}{suffix}")
        except FileNotFoundError:
            pass


if __name__ == "__main__":  # the other half of a first build: DATA_DIR PART IDS_FILE
    _data_dir, _part, _ids = sys.argv[1:4]
    _problems = build_part(_data_dir, Path(_ids).read_text(encoding="utf-8").split("\n"), _part)
    print(json.dumps([[str(p.path), p.message] for p in _problems]))
