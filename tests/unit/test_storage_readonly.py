"""A read-only store changes nothing on disk, by construction and in fact;
the listing index is used when it can vouch for a file and only then."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from seance_tui.domain.phases import PhaseSet
from seance_tui.storage import CandidateFileError, CandidateSummary, ReadOnlyStore, WritableStore
from seance_tui.storage.index import summarize
from writing import save_notes, update

NOW = datetime(2027, 3, 8, 16, 0)
WRITE_WORDS = ("write", "writ", "save", "create", "update", "delete", "remove", "lock", "flush", "dump")


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file's bytes, mode and mtime, and every folder's mode and mtime (a
    file created then removed still changes its folder's mtime)."""
    shot = {}
    for path in [root, *root.rglob("*")]:
        st = path.stat()
        content = None if path.is_dir() else path.read_bytes()
        shot[str(path.relative_to(root))] = (content, st.st_mode, st.st_mtime_ns)
    return shot


@pytest.fixture
def data_dir(tmp_path, make_record, phases):
    store = WritableStore(tmp_path)
    closed = make_record("a-closed", "Éric Aubé")
    closed.close_seance(2, NOW)
    store.create(closed)
    store.create(make_record("b-open", "Béatrice Noël"))  # a séance still running
    store.create(make_record("c-other", "Céline Ançay"))
    (tmp_path / "candidates" / "d-broken.json").write_text('{"meta": {"1": {"schema_ver', encoding="utf-8")
    (tmp_path / "candidates" / "Pas Un Id.json").write_text("{}")
    # A dead writer's temporary file: only a writable store may remove it.
    (tmp_path / "candidates" / f".c-other.json.{2**22 + 1}.abcdefgh.tmp").write_text('{"par')
    store.summaries(phases, NOW)
    return tmp_path


def exercise_every_reader_method(data_dir: Path, phases: PhaseSet) -> None:
    store = ReadOnlyStore(data_dir)
    for candidate_id in store.candidate_ids():
        store.path_of(candidate_id)
        try:
            store.load(candidate_id)
        except CandidateFileError:
            pass
    store.load_all()
    store.check()
    store.summaries(phases, NOW)
    store.summaries(phases, NOW + timedelta(hours=1))


def make_index_stale(data_dir, phases):
    with WritableStore(data_dir).open_for_writing("c-other") as writer:
        save_notes(writer, 1, "changé après l'index")


def remove_index(data_dir, phases):
    (data_dir / "index.json").unlink()


def corrupt_index(data_dir, phases):
    (data_dir / "index.json").write_text('{"index_version": 1, "cand')


def index_of_another_timeline(data_dir, phases):
    doc = json.loads((data_dir / "index.json").read_bytes())
    doc["phases"] = ["preliminaire", "investigation", "conclusion"]
    (data_dir / "index.json").write_text(json.dumps(doc))


def no_candidates_folder(data_dir, phases):
    for path in (data_dir / "candidates").iterdir():
        path.unlink()
    (data_dir / "candidates").rmdir()


@pytest.mark.parametrize(
    "prepare",
    [None, make_index_stale, remove_index, corrupt_index, index_of_another_timeline, no_candidates_folder],
)
def test_reading_changes_nothing_on_disk(data_dir, phases, prepare):
    if prepare:
        prepare(data_dir, phases)
    before = snapshot(data_dir)
    exercise_every_reader_method(data_dir, phases)
    assert snapshot(data_dir) == before


def test_read_only_store_has_no_way_to_write():
    names = [name for name in dir(ReadOnlyStore) if any(word in name.lower() for word in WRITE_WORDS)]
    assert names == []


def test_read_only_store_leaves_an_empty_data_dir_empty(tmp_path, phases):
    store = ReadOnlyStore(tmp_path)
    assert store.candidate_ids() == []
    assert store.summaries(phases, NOW) == ([], [])
    assert list(tmp_path.iterdir()) == []


# --- the index ---------------------------------------------------------------


def expected_summaries(data_dir, phases, now):
    records, _ = ReadOnlyStore(data_dir).load_all()
    return sorted((summarize(r, phases, now) for r in records), key=lambda s: s.name)


@pytest.mark.parametrize("prepare", [None, make_index_stale, remove_index, corrupt_index, index_of_another_timeline])
@pytest.mark.parametrize("store_class", [ReadOnlyStore, WritableStore])
def test_summaries_match_the_files(data_dir, phases, prepare, store_class):
    if prepare:
        prepare(data_dir, phases)
    summaries, problems = store_class(data_dir).summaries(phases, NOW)
    assert summaries == expected_summaries(data_dir, phases, NOW)
    assert [p.path.name for p in problems] == ["Pas Un Id.json", "d-broken.json"]


def test_summary_fields(data_dir, phases):
    summaries, _ = ReadOnlyStore(data_dir).summaries(phases, NOW)
    assert summaries[0] == CandidateSummary(
        id="b-open",
        name="Béatrice Noël",
        current_phase="investigation",
        seance_count=2,
        hours_used=timedelta(hours=2, minutes=15 + 90),
        hours_budget=20.0,
        last_seance_date=date(2027, 3, 8),
        open_seance=2,
        consultant="Zoé Ménard",
    )


def tamper_index_names(data_dir):
    """Renames every candidate in the index only: a name read back proves the file was not parsed."""
    doc = json.loads((data_dir / "index.json").read_bytes())
    for entry in doc["candidates"].values():
        if "name" in entry:
            entry["name"] = "VENU DE L'INDEX"
    (data_dir / "index.json").write_text(json.dumps(doc))


def test_fresh_entries_are_used_and_changed_files_are_read(data_dir, phases):
    tamper_index_names(data_dir)
    make_index_stale(data_dir, phases)
    names = {s.id: s.name for s in ReadOnlyStore(data_dir).summaries(phases, NOW)[0]}
    assert names == {"a-closed": "VENU DE L'INDEX", "b-open": "Béatrice Noël", "c-other": "Céline Ançay"}


def test_a_running_seance_counts_up_to_now_despite_the_index(data_dir, phases):
    later = NOW + timedelta(hours=1)  # b-open's séance 2 is paused: unchanged
    with WritableStore(data_dir).open_for_writing("b-open") as writer:
        update(writer, lambda r: r.resume_seance(2, NOW))
    WritableStore(data_dir).summaries(phases, NOW)
    hours = {s.id: s.hours_used for s in ReadOnlyStore(data_dir).summaries(phases, later)[0]}
    assert hours["b-open"] == timedelta(hours=2, minutes=15 + 90 + 60)


def test_writable_store_refreshes_a_stale_index_and_leaves_a_fresh_one(data_dir, phases):
    index = data_dir / "index.json"
    store = WritableStore(data_dir)
    before = index.stat()
    store.summaries(phases, NOW + timedelta(days=1))
    assert index.stat().st_ino == before.st_ino  # nothing changed, nothing written

    make_index_stale(data_dir, phases)
    stamp = os.stat(data_dir / "candidates" / "c-other.json")
    store.summaries(phases, NOW)
    entry = json.loads(index.read_bytes())["candidates"]["c-other"]
    assert entry["stamp"] == [stamp.st_ino, stamp.st_mtime_ns, stamp.st_size]


def test_writable_store_rebuilds_a_corrupt_index(data_dir, phases):
    corrupt_index(data_dir, phases)
    WritableStore(data_dir).summaries(phases, NOW)
    doc = json.loads((data_dir / "index.json").read_bytes())
    assert sorted(doc["candidates"]) == ["a-closed", "b-open", "c-other"]
    assert "Éric Aubé" in (data_dir / "index.json").read_text("utf-8")


def test_listing_does_not_fail_when_the_index_cannot_be_written(data_dir, phases, monkeypatch):
    from seance_tui.storage import store as store_module

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    remove_index(data_dir, phases)
    monkeypatch.setattr(store_module, "write_json_atomically", disk_full)
    summaries, _ = WritableStore(data_dir).summaries(phases, NOW)
    assert summaries == expected_summaries(data_dir, phases, NOW)


def test_a_seance_reopened_for_correction_is_offered_back_at_every_listing(tmp_path, phases):
    from datetime import datetime

    from seance_tui.domain.model import Candidate, FundingRoute
    from seance_tui.domain.record import CandidateRecord
    from seance_tui.storage.store import WritableStore

    record = CandidateRecord(Candidate(id="c-reopen", name="Régis Ouvert", consultant="Inès", funding=FundingRoute.CPF))
    t0 = datetime(2027, 3, 15, 9, 0)
    seance = record.start_seance("preliminaire", t0)
    record.close_seance(seance.number, t0.replace(hour=11))
    record.reopen_seance(seance.number, t0.replace(day=16))
    store = WritableStore(tmp_path / "data")
    store.create(record)
    for _ in range(2):  # the second listing comes from the index
        summaries, _ = store.summaries(phases, t0.replace(day=17))
        assert summaries[0].open_seance == seance.number
