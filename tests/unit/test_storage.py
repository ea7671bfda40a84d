"""The candidate file on disk: what is written, with which modes, and that it reads back."""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import datetime
from pathlib import Path

import pytest
from tinydb import TinyDB

from seance_tui.domain.model import RoadmapStatus
from seance_tui.storage import (
    CandidateExists,
    CandidateFileError,
    CandidateNotFound,
    DataDirMissing,
    FileContentError,
    InvalidCandidateId,
    ReadOnlyStore,
    StorageError,
    WritableStore,
)
from seance_tui.storage.atomic import AtomicJSONStorage, remove_orphan_temp_files, write_json_atomically
from seance_tui.storage.codec import SCHEMA_VERSION
from writing import save_notes, update


# Above Linux's PID_MAX_LIMIT: a writer that can only be dead.
NO_SUCH_PID = 2**22 + 1


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_round_trip_keeps_everything(tmp_path, make_record):
    record = make_record()
    store = WritableStore(tmp_path / "data")
    store.create(record)

    assert store.load(record.candidate.id) == record
    assert ReadOnlyStore(tmp_path / "data").load(record.candidate.id) == record
    assert store.candidate_ids() == [record.candidate.id]


def test_file_is_greppable_utf8_with_schema_version(tmp_path, make_record):
    store = WritableStore(tmp_path / "data")
    record = make_record()
    store.create(record)
    raw = store.path_of("c-helene").read_bytes()

    text = raw.decode("utf-8")
    assert "Hélène Dupré-Lefèvre" in text
    assert "« ça m'a plu » 🙂" in text
    assert "\\u00e9" not in text and "\\ud83d" not in text
    # One document per line: grep shows the candidate, or the one séance that matches.
    assert '\n"candidate": {\n "1": {"id": "c-helene"' in text
    seance_lines = [line for line in text.splitlines() if '"number": ' in line]
    assert len(seance_lines) == len(record.seances) >= 2
    assert json.loads(text)["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_modes_are_private_whatever_the_umask(tmp_path, make_record):
    data = tmp_path / "a" / "data"
    previous = os.umask(0o277)  # would give 0500 folders and 0400 files
    try:
        store = WritableStore(data)
        store.create(make_record())
        with store.open_for_writing("c-helene") as writer:
            save_notes(writer, 1, "modifié")
    finally:
        os.umask(previous)
    for folder in (tmp_path / "a", data, data / "candidates", data / "locks"):
        assert mode(folder) == 0o700, folder
    assert mode(store.path_of("c-helene")) == 0o600
    assert mode(data / "locks" / "c-helene.lock") == 0o600


def test_index_and_owner_files_are_private(tmp_path, make_record, phases):
    store = WritableStore(tmp_path)
    store.create(make_record())
    store.summaries(phases, datetime(2027, 3, 8, 16, 0))
    assert mode(tmp_path / "index.json") == 0o600
    with store.open_for_writing("c-helene"):
        assert mode(tmp_path / "locks" / "c-helene.owner.json") == 0o600
    assert not (tmp_path / "locks" / "c-helene.owner.json").exists()


def test_update_rereads_applies_and_writes_whole_record(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    with store.open_for_writing("c-helene") as writer:
        item = writer.record.roadmap[1]
        returned = update(writer, 
            lambda r: r.set_roadmap_status(item.id, RoadmapStatus.ACHIEVED, datetime(2027, 3, 8, 16, 0), 2)
        )
        assert writer.record is returned
    loaded = store.load("c-helene")
    assert loaded.roadmap_item(item.id).status is RoadmapStatus.ACHIEVED
    assert loaded.events[-1].after == {"status": "atteint"}
    assert loaded == returned


def test_save_notes_changes_only_that_seance(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    before = json.loads(store.path_of("c-helene").read_bytes())
    with store.open_for_writing("c-helene") as writer:
        save_notes(writer, 2, "Nouvelles notes : réussite\n")
        assert writer.record.seance(2).notes == "Nouvelles notes : réussite\n"
    after = json.loads(store.path_of("c-helene").read_bytes())

    before["seances"]["2"]["notes"] = "Nouvelles notes : réussite\n"
    assert after == before
    assert temp_files(tmp_path) == []


def test_save_writes_the_given_record(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    with store.open_for_writing("c-helene") as writer:
        record = writer.record
        record.close_seance(2, datetime(2027, 3, 8, 17, 0))
        writer.save(record)
        with pytest.raises(ValueError):
            writer.save(make_record("autre"))
    assert store.load("c-helene") == record


def test_a_change_of_identity_is_refused(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    before = store.path_of("c-helene").read_bytes()
    with store.open_for_writing("c-helene") as writer, pytest.raises(ValueError, match="c-helene"):
        update(writer, lambda record: setattr(record.candidate, "id", "autre"))
    assert store.path_of("c-helene").read_bytes() == before


def test_lone_surrogate_in_notes_survives(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    with store.open_for_writing("c-helene") as writer:
        save_notes(writer, 1, "octet perdu : \udcff fin")
    assert store.load("c-helene").seance(1).notes == "octet perdu : \udcff fin"
    store.path_of("c-helene").read_bytes().decode("utf-8")  # still valid UTF-8


def test_closed_writer_refuses_to_write(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    writer = store.open_for_writing("c-helene")
    writer.close()
    writer.close()
    assert writer.closed
    with pytest.raises(StorageError, match="fermé"):
        save_notes(writer, 1, "trop tard")


def test_create_never_overwrites(tmp_path, make_record):
    store = WritableStore(tmp_path)
    store.create(make_record())
    before = store.path_of("c-helene").read_bytes()
    with pytest.raises(CandidateExists, match="c-helene.json"):
        store.create(make_record(name="Quelqu'un d'autre"))
    assert store.path_of("c-helene").read_bytes() == before


def test_missing_candidate_is_named(tmp_path):
    store = WritableStore(tmp_path)
    with pytest.raises(CandidateNotFound, match="absent.json"):
        store.load("absent")
    with pytest.raises(CandidateNotFound, match="absent.json"):
        store.open_for_writing("absent")
    # The failed open gave its lock back.
    assert not (tmp_path / "locks" / "absent.owner.json").exists()


@pytest.mark.parametrize("bad_id", ["", "../evil", "a/b", ".cache", "Majuscule", "x" * 65, "é"])
def test_ids_cannot_escape_the_folder(tmp_path, make_record, bad_id):
    store = WritableStore(tmp_path)
    with pytest.raises(InvalidCandidateId):
        store.load(bad_id)
    with pytest.raises(InvalidCandidateId):
        store.open_for_writing(bad_id)
    with pytest.raises(InvalidCandidateId):
        store.create(make_record(bad_id))


def test_missing_data_dir_is_named_and_not_created(tmp_path):
    missing = tmp_path / "nulle-part"
    with pytest.raises(DataDirMissing, match="nulle-part") as caught:
        ReadOnlyStore(missing)
    assert "introuvable" in str(caught.value)
    assert not missing.exists()


# --- atomic writes and the TinyDB storage ------------------------------------


def test_atomic_storage_reads_none_for_missing_or_empty_file(tmp_path):
    path = tmp_path / "db.json"
    assert AtomicJSONStorage(path).read() is None
    path.write_text(" \n")
    assert AtomicJSONStorage(path).read() is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b'{"a": [1, 2', "tronqué"), (b'{"a": nul}', "illisible ligne 1"), (b"[1]", "objet JSON"), (b"\xff{}", "UTF-8"),
     (b"[" * 100_000 + b"]" * 100_000, "imbriqué trop profondément")],
    ids=["truncated", "unreadable", "not-an-object", "not-utf8", "too-deep"],
)
def test_atomic_storage_names_the_file_it_cannot_read(tmp_path, content, reason):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(FileContentError, match=reason) as caught:
        AtomicJSONStorage(path).read()
    assert str(path) in str(caught.value)


def test_tinydb_works_on_the_atomic_storage(tmp_path):
    path = tmp_path / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.table("t").insert({"nom": "Éloïse"})
        db.table("t").update({"nom": "Éloïse B."}, doc_ids=[1])
    assert json.loads(path.read_text("utf-8")) == {"t": {"1": {"nom": "Éloïse B."}}}
    assert "Éloïse" in path.read_text("utf-8")
    assert mode(path) == 0o600
    assert temp_files(tmp_path) == []


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    write_json_atomically(path, {"v": 1})

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_json_atomically(path, {"v": 2})
    assert json.loads(path.read_bytes()) == {"v": 1}
    assert temp_files(tmp_path) == []


def test_orphan_temp_files_of_dead_writers_are_removed(tmp_path):
    orphan = tmp_path / f".c1.json.{NO_SUCH_PID}.abc_x123.tmp"
    old_own = tmp_path / f".c2.json.{os.getpid()}.zzz.tmp"
    in_flight = tmp_path / f".c3.json.{os.getpid()}.yyy.tmp"
    unrelated = [tmp_path / "c1.json", tmp_path / ".notes.tmp", tmp_path / "x.1.y.tmp"]
    for path in (orphan, old_own, in_flight, *unrelated):
        path.write_text("{")
    two_hours_ago = time.time() - 7200
    os.utime(old_own, (two_hours_ago, two_hours_ago))

    removed = remove_orphan_temp_files(tmp_path)

    assert sorted(removed) == sorted([orphan, old_own])
    assert in_flight.exists()  # a live writer of this very process
    assert all(path.exists() for path in unrelated)


def test_writable_store_start_up_cleans_every_folder(tmp_path):
    WritableStore(tmp_path)
    planted = [
        tmp_path / f".index.json.{NO_SUCH_PID}.aaaaaaaa.tmp",
        tmp_path / "candidates" / f".c1.json.{NO_SUCH_PID}.bbbbbbbb.tmp",
        tmp_path / "locks" / f".c1.owner.json.{NO_SUCH_PID}.cccccccc.tmp",
    ]
    for path in planted:
        path.write_text('{"partial')
    ReadOnlyStore(tmp_path)
    assert all(path.exists() for path in planted)
    WritableStore(tmp_path)
    assert not any(path.exists() for path in planted)


def test_tables_encoder_reuses_lines_without_changing_a_byte(make_record):
    from seance_tui.storage.codec import record_to_tables
    from seance_tui.storage.jsonfile import TablesEncoder

    record = make_record()
    reused = TablesEncoder()
    reused.encode(record_to_tables(record))
    record.seances[0].notes += "\nUne ligne de plus, « typographique »."
    record.roadmap.pop()
    tables = record_to_tables(record)
    assert reused.encode(tables) == TablesEncoder().encode(tables)
    assert json.loads(reused.encode(tables)) == tables


def test_stamps_see_every_save_and_skip_the_stats_when_the_folder_is_quiet(tmp_path, make_record, monkeypatch):
    import os
    import time

    from seance_tui.storage import store as store_module

    writable = WritableStore(tmp_path / "data")
    writable.create(make_record())
    reader = ReadOnlyStore(tmp_path / "data")
    first, _ = reader.stamps()
    with writable.open_for_writing("c-helene") as writer:
        update(writer, lambda r: setattr(r.seances[0], "notes", "changé"))
    assert reader.stamps()[0] != first, "a save is seen at once"

    # Once the folder has not moved for a second, the files are not stat'ed again.
    past = time.time_ns() - 5_000_000_000
    os.utime(writable.layout.candidates_dir, ns=(past, past))
    calls = []
    real = store_module.ReadOnlyStore._stat_every_file
    monkeypatch.setattr(store_module.ReadOnlyStore, "_stat_every_file",
                        lambda self: calls.append(1) or real(self))
    settled = reader.stamps()[0]
    assert reader.stamps()[0] == settled and len(calls) == 1
    with writable.open_for_writing("c-helene") as writer:
        update(writer, lambda r: setattr(r.seances[0], "notes", "encore"))
    assert reader.stamps()[0] != settled and len(calls) == 2
