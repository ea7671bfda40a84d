"""A candidate's whole file moves between data dirs (issue 15): export
``--dossier`` → import into an empty data dir → the documents are the same
bytes, the history differs by the import line only."""

from __future__ import annotations

import difflib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.domain.dossier import ArchiveRefused
from seance_tui.domain.purge import purged
from seance_tui.services import dossier, exports
from seance_tui.storage import ReadOnlyStore, WritableStore

from dossier_support import (
    CENTRE, LATER, NOW, PHASES, VERSION, demo_copy, members, sha, snapshot, with_documents,
)
from purge_world import planted_record

ZOE = "zoe-lefevre"


@pytest.fixture
def origin(tmp_path) -> Path:
    data_dir = demo_copy(tmp_path / "origine")
    with_documents(data_dir, ZOE)
    return data_dir


def _export(data_dir: Path, candidate_id: str = ZOE) -> Path:
    return dossier.export_dossier(data_dir, candidate_id, NOW, None, VERSION, CENTRE).path


def _documents(record) -> dict[str, str]:
    texts = {
        f"séance {s.number}": exports.render(record, PHASES, exports.Document.SUMMARY, NOW, s.number)[0]
        for s in record.seances if s.start is not None
    }
    texts["synthèse"] = exports.render(record, PHASES, exports.Document.SYNTHESIS, NOW)[0]
    return texts


def test_the_archive_is_private_and_lists_every_member_with_its_sum(origin):
    archive = _export(origin)
    assert archive.parent == origin / "exports" / ZOE and archive.name == "2026-12-02-dossier.zip"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    manifest, contents = members(archive)
    assert manifest["schema_version"] == 2 and manifest["app_version"] == VERSION
    assert manifest["candidate"] == {"id": ZOE, "name": "Zoé Lefèvre"}
    assert manifest["created_at"] == "2026-12-02T10:30:00" and manifest["centre"] == CENTRE
    assert contents["dossier.json"] == (origin / "candidates" / f"{ZOE}.json").read_bytes()
    on_disk = sorted(p.name for p in (origin / "exports" / ZOE).iterdir() if p != archive)
    assert sorted(n.removeprefix("exports/") for n in contents if n != "dossier.json") == on_disk
    assert {m["path"]: (m["sha256"], m["size"]) for m in manifest["members"]} == {
        n: (sha(d), len(d)) for n, d in contents.items()
    }
    # The next archive never holds the previous one.
    assert "exports/2026-12-02-dossier.zip" not in members(_export(origin))[1]


def test_round_trip_into_an_empty_data_dir_keeps_every_byte(origin, tmp_path):
    archive = _export(origin)
    target = tmp_path / "ailleurs" / "donnees"  # not even there yet
    imported = dossier.import_dossier(target, archive, LATER, VERSION)
    assert imported.candidate_id == ZOE and imported.previous_id is None
    before, after = ReadOnlyStore(origin).load(ZOE), ReadOnlyStore(target).load(ZOE)
    assert _documents(after) == _documents(before)
    for document in (origin / "exports" / ZOE).iterdir():
        if document != archive:
            copy = target / "exports" / ZOE / document.name
            assert copy.read_bytes() == document.read_bytes()
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE((target / "candidates" / f"{ZOE}.json").stat().st_mode) == 0o600
    old = exports.render(before, PHASES, exports.Document.HISTORY, NOW)[0].splitlines()
    new = exports.render(after, PHASES, exports.Document.HISTORY, NOW)[0].splitlines()
    changed = [line for line in difflib.ndiff(old, new) if line[:1] in "+-"]
    # Zoé's file had no change outside a séance: the import line comes with its section's heading.
    assert "## Changements hors séance" not in old
    assert changed == [
        "+ ## Changements hors séance",
        "+ ",
        "+ - 03/12/2026 à 9 h 00 — Dossier importé depuis « 2026-12-02-dossier.zip » "
        "(export du 02/12/2026 10:30 par Centre Nord)",
        "+ ",
    ]
    index = json.loads((target / "index.json").read_text(encoding="utf-8"))
    assert ZOE in json.dumps(index)


def test_the_cli_round_trip_and_its_words(origin, tmp_path, capsys):
    assert main(["export", "zoé", "--dossier", "--data-dir", str(origin)]) == 0
    out, err = capsys.readouterr()
    archive = Path(out.strip())
    assert "notes privées comprises" in err and "pas au bénéficiaire" in err
    target = tmp_path / "b"
    assert main(["import", str(archive), "--data-dir", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dossier importé : « Zoé Lefèvre », identifiant zoe-lefevre\n")
    assert str(target / "candidates" / "zoe-lefevre.json") in out
    assert main(["list", "--data-dir", str(target)]) == 0
    assert "Zoé Lefèvre" in capsys.readouterr().out


@pytest.mark.parametrize("option", ["--pdf", "--stdout", "--all"])
def test_dossier_is_a_zip_and_takes_no_document_option(origin, option, capsys):
    assert main(["export", "zoe", "--dossier", option, "--data-dir", str(origin)]) == 2
    assert f"{option} ne s'y emploie pas" in capsys.readouterr().err


def test_an_id_collision_is_refused_then_resolved_with_a_new_id(origin, tmp_path, capsys):
    archive = _export(origin)
    target = demo_copy(tmp_path / "b")
    untouched = snapshot(target)
    assert main(["import", str(archive), "--data-dir", str(target)]) == 2
    err = capsys.readouterr().err
    assert "un dossier existe déjà sous l'identifiant zoe-lefevre" in err and "--nouvel-id" in err
    assert "Rien n'a été écrit." in err and snapshot(target) == untouched
    # A new id alone: the file here has the same name, which may be the same person.
    assert main(["import", str(archive), "--nouvel-id", "--data-dir", str(target)]) == 2
    assert "homonyme" in capsys.readouterr().err and snapshot(target) == untouched
    assert main(["import", str(archive), "--nouvel-id", "--homonyme", "--data-dir", str(target)]) == 0
    new_id = next(i for i in ReadOnlyStore(target).candidate_ids() if i.startswith("zoe-lefevre-"))
    record = ReadOnlyStore(target).load(new_id)
    assert record.candidate.name == "Zoé Lefèvre"
    assert "ancien identifiant : zoe-lefevre" in exports.render(record, PHASES, exports.Document.HISTORY, NOW)[0]
    assert sorted(p.name for p in (target / "exports" / new_id).iterdir()) == sorted(
        p.name for p in (origin / "exports" / ZOE).iterdir() if p != archive
    )
    assert ReadOnlyStore(target).load(ZOE) == ReadOnlyStore(origin).load(ZOE)  # the file here is untouched


def test_a_homonym_under_another_id_is_named_with_both_ids(origin, tmp_path, capsys):
    archive = _export(origin)
    target = demo_copy(tmp_path / "b", without=(ZOE,))
    twin = ReadOnlyStore(origin).load(ZOE)
    twin.candidate.id, twin.candidate.name = "zoe-l-77aa00", "ZOÉ LEFÈVRE"
    WritableStore(target).create(twin)
    untouched = snapshot(target)
    assert main(["import", str(archive), "--data-dir", str(target)]) == 2
    err = capsys.readouterr().err
    assert "ici zoe-l-77aa00, dans l'archive zoe-lefevre" in err and "--homonyme" in err
    assert snapshot(target) == untouched
    assert main(["import", str(archive), "--homonyme", "--data-dir", str(target)]) == 0
    assert ReadOnlyStore(target).candidate_ids()[-2:] == ["zoe-l-77aa00", "zoe-lefevre"]


def test_a_purged_file_moves_as_its_content_free_record_only(tmp_path):
    origin = tmp_path / "a"
    record = purged(planted_record(), PHASES, NOW, "marie")
    WritableStore(origin).create(record)
    folder = origin / "exports" / "candidat-cible-3fa9c1"
    folder.mkdir(parents=True)
    (folder / "reste.md").write_text("zorglubax", encoding="utf-8")  # a purge never leaves this; still not sent
    archive = _export(origin, record.candidate.id)
    manifest, contents = members(archive)
    assert list(contents) == ["dossier.json"] and manifest["purged"] is True
    assert b"zorglubax" not in archive.read_bytes()
    target = tmp_path / "b"
    imported = dossier.import_dossier(target, archive, LATER, VERSION)
    assert imported.purged and imported.documents == []
    back = ReadOnlyStore(target).load(record.candidate.id)
    assert back.purge == record.purge and back.events[:-1] == record.events
    # A purged file holds no words, its import line neither: not even the archive's name.
    assert back.events[-1].after == {"exported_at": "02/12/2026 10:30"}
    assert not (target / "exports").exists()


def test_a_name_with_markup_and_escapes_is_shown_as_typed(origin, tmp_path, capsys):
    record = ReadOnlyStore(origin).load(ZOE)
    record.candidate.id, record.candidate.name = "zoe-x-1a2b3c", "Zoé [bold]X[/bold] \x1b[31mrouge\x07"
    WritableStore(origin).create(record)
    archive = _export(origin, "zoe-x-1a2b3c")
    target = tmp_path / "b"
    WritableStore(target).create(record)  # already here: the refusal names it
    assert main(["import", str(archive), "--data-dir", str(target)]) == 2
    err = capsys.readouterr().err
    assert "« Zoé [bold]X[/bold] ␛[31mrouge␇ »" in err and "\x1b" not in err and "\x07" not in err
    assert main(["import", str(archive), "--nouvel-id", "--homonyme", "--data-dir", str(target)]) == 0
    out = capsys.readouterr().out
    assert "« Zoé [bold]X[/bold] ␛[31mrouge␇ »" in out and "\x1b" not in out


class Crash(Exception):
    pass


def test_an_import_killed_at_any_step_leaves_nothing_or_the_whole_file(origin, tmp_path, monkeypatch):
    archive = _export(origin)
    documents = len(members(archive)[1]) - 1
    real_write, real_create = dossier.write_exported_document, WritableStore.create
    expected = _documents(ReadOnlyStore(origin).load(ZOE))
    for step in range(documents + 1):  # the crash before document `step`, or (last) before the file
        target = tmp_path / f"b{step}"
        calls = []

        def write(*args, _step=step, _calls=calls):
            if len(_calls) == _step:
                raise Crash
            _calls.append(1)
            return real_write(*args)

        def create(self, record, before=None, _step=step):
            if _step < documents:
                return real_create(self, record, before)
            before()  # every document written, then the crash before the file
            raise Crash

        monkeypatch.setattr(dossier, "write_exported_document", write)
        monkeypatch.setattr(WritableStore, "create", create)
        with pytest.raises(Crash):
            dossier.import_dossier(target, archive, LATER, VERSION)
        assert ReadOnlyStore(target).candidate_ids() == []  # no candidate: not half of one
        monkeypatch.setattr(dossier, "write_exported_document", real_write)
        monkeypatch.setattr(WritableStore, "create", real_create)
        # Run again, it completes: the documents already written are the archive's own.
        dossier.import_dossier(target, archive, LATER, VERSION)
        assert _documents(ReadOnlyStore(target).load(ZOE)) == expected
        assert len(list((target / "exports" / ZOE).iterdir())) == documents


def test_a_different_document_already_in_the_folder_is_never_replaced(origin, tmp_path):
    archive = _export(origin)
    target = tmp_path / "b"
    folder = target / "exports" / ZOE
    folder.mkdir(parents=True)
    name = next(n for n in members(archive)[1] if n.endswith("-synthese.md")).removeprefix("exports/")
    (folder / name).write_text("complétée à la main", encoding="utf-8")
    untouched = snapshot(target)
    with pytest.raises(ArchiveRefused, match=name):
        dossier.import_dossier(target, archive, LATER, VERSION)
    assert snapshot(target) == untouched


def test_the_archive_is_a_plain_zip_a_candidate_can_open(origin):
    with zipfile.ZipFile(_export(origin)) as archive:
        assert archive.testzip() is None
        assert archive.namelist()[:2] == ["manifest.json", "dossier.json"]


def test_an_id_open_in_a_workspace_is_refused_and_named(origin, tmp_path, capsys):
    archive = _export(origin)
    target = demo_copy(tmp_path / "b")
    with WritableStore(target).open_for_writing(ZOE):  # the file here, open in a workspace
        untouched = snapshot(target)
        assert main(["import", str(archive), "--data-dir", str(target)]) == 2
        err = capsys.readouterr().err
        assert "(« Zoé Lefèvre » ici, ouvert en ce moment par " in err and "(pid " in err
        assert snapshot(target) == untouched


def test_an_id_being_created_elsewhere_is_refused_before_any_write(origin, tmp_path, capsys):
    archive = _export(origin)
    target = demo_copy(tmp_path / "b", without=(ZOE,))
    store = WritableStore(target)
    lock = store._lock(ZOE, 0)  # a workspace creating a candidate of this very id
    try:
        untouched = snapshot(target)
        assert main(["import", str(archive), "--data-dir", str(target)]) == 2
        err = capsys.readouterr().err
        assert "le dossier zoe-lefevre est ouvert en écriture par " in err and "fermez-le" in err
        assert snapshot(target) == untouched
    finally:
        lock.release()
    assert main(["import", str(archive), "--data-dir", str(target)]) == 0


def test_a_version_1_file_imports_and_is_written_as_version_2(origin, tmp_path):
    from dossier_support import rezip

    manifest, contents = members(_export(origin))
    tables = json.loads(contents["dossier.json"])
    tables["meta"]["1"]["schema_version"] = 1
    for table in ("synthesis", "purge"):
        tables.pop(table)
    contents["dossier.json"] = json.dumps(tables, ensure_ascii=False).encode()
    manifest["schema_version"] = 1
    archive = rezip(tmp_path / "v1.zip", manifest, contents, reseal=True)
    target = tmp_path / "b"
    dossier.import_dossier(target, archive, LATER, VERSION)
    written = json.loads((target / "candidates" / f"{ZOE}.json").read_text(encoding="utf-8"))
    assert written["meta"]["1"]["schema_version"] == 2
    assert ReadOnlyStore(target).load(ZOE).seances == ReadOnlyStore(origin).load(ZOE).seances


def test_a_document_too_big_for_an_archive_is_named_and_nothing_is_written(origin, capsys, monkeypatch):
    from seance_tui.domain import dossier as rules

    monkeypatch.setattr(rules, "MAX_MEMBER_SIZE", 20_000)  # the file (16 kB) passes, the PDF does not
    untouched = snapshot(origin)
    assert main(["export", "zoe", "--dossier", "--data-dir", str(origin)]) == 2
    err = capsys.readouterr().err
    assert "archive non écrite : « exports/2026-12-02-synthese.pdf » : " in err
    assert "par fichier d'une archive" in err
    assert snapshot(origin) == untouched


def test_a_file_copied_under_another_id_is_not_exported(origin, capsys):
    (origin / "candidates" / "copie-zoe.json").write_bytes((origin / "candidates" / f"{ZOE}.json").read_bytes())
    assert main(["export", "copie-zoe", "--dossier", "--data-dir", str(origin)]) == 2
    assert "n'est pas celui du nom du fichier" in capsys.readouterr().err


def test_a_renamed_candidate_takes_the_documents_of_its_former_folder_too(origin, tmp_path, capsys):
    with WritableStore(origin).open_for_writing(ZOE) as writer:
        record = writer.record
        record.candidate.name = "Zoé Martin"
        writer.save(record)
    old = origin / "exports" / ZOE  # the folder of her former name
    new = origin / "exports" / "zoe-martin-zoe-lefevre"
    new.mkdir()
    (new / "2026-12-02-synthese.md").write_text("synthèse sous le nouveau nom", encoding="utf-8")
    (new / "mot.md").write_text("nouveau", encoding="utf-8")
    assert main(["export", ZOE, "--dossier", "--data-dir", str(origin)]) == 0
    out, err = capsys.readouterr()
    archive = Path(out.strip())
    assert archive.parent == new
    assert f"{old / '2026-12-02-synthese.md'} : laissé hors de l'archive (un autre document porte ce nom)" in err
    _, contents = members(archive)
    assert contents["exports/2026-12-02-synthese.md"] == "synthèse sous le nouveau nom".encode()
    assert contents["exports/mot.md"] == b"nouveau"
    assert {f"exports/{p.name}" for p in old.iterdir()} <= set(contents)
    target = tmp_path / "b"
    assert main(["import", str(archive), "--data-dir", str(target)]) == 0
    assert sorted(p.name for p in (target / "exports" / "zoe-martin-zoe-lefevre").iterdir()) == sorted(
        n.removeprefix("exports/") for n in contents if n != "dossier.json"
    )


def test_a_new_id_reaches_every_place_the_id_lives(tmp_path):
    origin = tmp_path / "a"
    record = purged(planted_record(), PHASES, NOW, "marie")
    assert record.events[-1].target == record.candidate.id  # the purge names the file by its id
    WritableStore(origin).create(record)
    archive = _export(origin, record.candidate.id)
    target = tmp_path / "b"
    WritableStore(target).create(record)
    imported = dossier.import_dossier(target, archive, LATER, VERSION, new_id=True)
    assert imported.previous_id == record.candidate.id != imported.candidate_id
    raw = (target / "candidates" / f"{imported.candidate_id}.json").read_text(encoding="utf-8")
    assert record.candidate.id not in raw
