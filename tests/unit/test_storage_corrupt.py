"""A file that does not parse, or has an unknown version, is reported by name,
never overwritten, and every other candidate still loads."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from seance_tui.storage import CandidateExists, CandidateFileError, ReadOnlyStore, WritableStore
from seance_tui.storage.codec import record_to_tables
from writing import save_notes, update

NOW = datetime(2027, 3, 8, 16, 0)
GOOD = ["bon-1", "bon-2"]
# file name -> what its problem must say
BAD = {
    "tronque.json": "tronqué",
    "version-99.json": "schema_version 99 inconnu",
    "pas-objet.json": "pas un objet JSON",
    "vide.json": "fichier vide",
    "mal-forme.json": "document mal formé",
    "autre-id.json": "n'est pas celui du nom du fichier",
}


@pytest.fixture
def data_dir(tmp_path, make_record):
    store = WritableStore(tmp_path)
    for candidate_id in GOOD:
        store.create(make_record(candidate_id))
    folder = tmp_path / "candidates"
    whole = json.dumps(record_to_tables(make_record("tronque")), ensure_ascii=False, indent=1)
    (folder / "tronque.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    v99 = record_to_tables(make_record("version-99"))
    v99["meta"]["1"]["schema_version"] = 99
    (folder / "version-99.json").write_text(json.dumps(v99), encoding="utf-8")
    (folder / "pas-objet.json").write_text('["une", "liste"]', encoding="utf-8")
    (folder / "vide.json").write_bytes(b"")
    malformed = record_to_tables(make_record("mal-forme"))
    malformed["seances"]["1"]["start"] = "lundi matin"
    (folder / "mal-forme.json").write_text(json.dumps(malformed), encoding="utf-8")
    (folder / "autre-id.json").write_text(json.dumps(record_to_tables(make_record("bon-1"))), encoding="utf-8")
    return tmp_path


def bad_bytes(data_dir):
    return {name: (data_dir / "candidates" / name).read_bytes() for name in BAD}


def assert_reported(problems, data_dir):
    assert {p.path.name: p.message for p in problems}.keys() == BAD.keys()
    for problem in problems:
        assert BAD[problem.path.name] in problem.message
        assert str(data_dir / "candidates" / problem.path.name) in str(problem)


@pytest.mark.parametrize("store_class", [ReadOnlyStore, WritableStore])
def test_each_bad_file_is_reported_and_the_others_load(data_dir, phases, store_class):
    store = store_class(data_dir)

    assert_reported(store.check(), data_dir)

    records, problems = store.load_all()
    assert [r.candidate.id for r in records] == GOOD
    assert_reported(problems, data_dir)

    summaries, problems = store.summaries(phases, NOW)
    assert [s.id for s in summaries] == GOOD
    assert_reported(problems, data_dir)


@pytest.mark.parametrize("name", sorted(BAD))
def test_load_names_the_file_and_the_reason(data_dir, name):
    path = data_dir / "candidates" / name
    with pytest.raises(CandidateFileError) as caught:
        ReadOnlyStore(data_dir).load(path.stem)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path} : ")
    assert BAD[name] in str(caught.value)


def test_bad_files_are_never_overwritten(data_dir, phases, make_record):
    before = bad_bytes(data_dir)
    store = WritableStore(data_dir)
    store.summaries(phases, NOW)
    for name in BAD:
        candidate_id = name.removesuffix(".json")
        for _ in range(2):  # a failed open gives its lock back: the second try fails the same way
            with pytest.raises(CandidateFileError, match=name):
                store.open_for_writing(candidate_id)
        with pytest.raises(CandidateExists, match=name):
            store.create(make_record(candidate_id))
    WritableStore(data_dir)
    assert bad_bytes(data_dir) == before


def test_a_file_broken_while_held_is_not_overwritten(data_dir, make_record):
    store = WritableStore(data_dir)
    path = store.path_of("bon-1")
    with store.open_for_writing("bon-1") as writer:
        path.write_text('{"meta": {"1": {"schema_version": 99}}}')  # someone edits it by hand
        broken = path.read_bytes()
        with pytest.raises(CandidateFileError, match="schema_version 99"):
            save_notes(writer, 1, "perdu")
        with pytest.raises(CandidateFileError, match="schema_version 99"):
            update(writer, lambda record: None)
        with pytest.raises(CandidateFileError, match="schema_version 99"):
            writer.save(make_record("bon-1"))
        path.write_text('{"meta": {"1": {"schema_')
        broken_again = path.read_bytes()
        with pytest.raises(CandidateFileError, match="tronqué"):
            save_notes(writer, 1, "perdu")
        assert path.read_bytes() == broken_again
        path.write_bytes(broken)
    assert path.read_bytes() == broken
