"""Hostile archives for ``seance import`` (an adversarial pass): each is refused
with a French message naming what is wrong, exit code 2, the data dir
unchanged byte for byte, and nothing written outside it."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.services import dossier

from dossier_support import (  # noqa: F401 (good, target: fixtures)
    CENTRE, NOW, VERSION, ZOE, demo_copy, good, members, refused, rezip, snapshot, target, with_documents,
)


def test_a_deeply_nested_record_is_refused_plainly(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["dossier.json"] = b"[" * 200_000 + b"]" * 200_000
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "dossier.json : JSON imbriqué trop profondément" in err


def test_a_deeply_nested_manifest_is_refused_plainly(good, target, tmp_path, capsys):
    _, contents = members(good)
    err = refused(rezip(tmp_path / "x.zip", b"[" * 300_000 + b"]" * 300_000, contents), target, capsys)
    assert "manifest.json : JSON imbriqué trop profondément" in err


def test_two_exports_that_differ_by_unicode_normalisation_only_are_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    nfc, nfd = unicodedata.normalize("NFC", "exports/é.md"), unicodedata.normalize("NFD", "exports/é.md")
    contents[nfc], contents[nfd] = b"un", b"deux"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "un membre y est listé deux fois (majuscules et codage des accents mis à part)" in err


@pytest.mark.parametrize("version", ["2", -1, 10**30, 2.0, None, True])
def test_a_strange_schema_version_is_refused(good, target, tmp_path, capsys, version):
    manifest, contents = members(good)
    manifest["schema_version"] = version
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "schéma" in err or "schema_version" in err


@pytest.mark.parametrize("bad_id", ["../../etc/x", "a\x1b[31mb", "a\nb", "", "A B", "x" * 300])
def test_a_hostile_id_in_both_record_and_manifest_is_refused(good, target, tmp_path, capsys, bad_id):
    manifest, contents = members(good)
    doc = json.loads(contents["dossier.json"])
    text = json.dumps(doc, ensure_ascii=False).replace(f'"{ZOE}"', json.dumps(bad_id))
    contents["dossier.json"] = text.encode()
    manifest["candidate"]["id"] = bad_id
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "\x1b" not in err


def test_extra_manifest_keys_and_wrong_types(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["candidate"] = ["not", "a", "dict"]
    manifest["extra"] = {"x": 1}
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "candidate" in err


def test_a_members_list_of_strings_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["members"] = ["dossier.json"]
    refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)


def test_a_size_given_as_a_huge_float_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["members"][0]["size"] = 1e300
    refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)


def test_a_folder_refusing_the_write_is_said_in_french_and_the_import_can_be_run_again(good, target, capsys):
    exports = target / "exports"
    moved = target.parent / "exports-de-cote"
    if exports.exists():
        exports.rename(moved)
    exports.write_text("un fichier à la place du dossier des exports\n", encoding="utf-8")
    assert main(["import", str(good), "--data-dir", str(target)]) == 2
    captured = capsys.readouterr()
    assert "erreur inattendue" not in captured.err and "Traceback" not in captured.err
    assert f"écriture impossible dans {exports / ZOE}" in captured.err
    assert "Le dossier n'a pas été créé" in captured.err
    assert not (target / "candidates" / f"{ZOE}.json").exists()
    exports.unlink()
    if moved.exists():
        moved.rename(exports)
    assert main(["import", str(good), "--data-dir", str(target)]) == 0
    assert (target / "candidates" / f"{ZOE}.json").exists()


def test_a_link_planted_as_the_export_folder_neither_feeds_nor_receives_the_archive(tmp_path, capsys):
    data = demo_copy(tmp_path / "donnees")
    secret = tmp_path / "ailleurs"
    secret.mkdir()
    (secret / "id_rsa").write_text("CLÉ PRIVÉE\n", encoding="utf-8")
    (data / "exports").mkdir(exist_ok=True)
    (data / "exports" / ZOE).symlink_to(secret)
    assert main(["export", ZOE, "--dossier", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "chemin refusé, hors du dossier d'export" in err
    assert sorted(p.name for p in secret.iterdir()) == ["id_rsa"]
    elsewhere = tmp_path / "vers-un-collegue"
    assert main(["export", ZOE, "--dossier", "--data-dir", str(data), "-o", str(elsewhere)]) == 0
    archive, = elsewhere.rglob("*.zip")
    manifest, contents = members(archive)
    assert not any(name.endswith("id_rsa") for name in contents)


def test_a_folder_or_a_fifo_given_as_the_archive_is_said_not_a_file(target, tmp_path, capsys):
    fifo = tmp_path / "tube.zip"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo):
        before = snapshot(target)
        assert main(["import", str(path), "--data-dir", str(target)]) == 2
        assert f"{path} : ce n'est pas un fichier" in capsys.readouterr().err
        assert snapshot(target) == before


def test_a_local_header_naming_another_path_than_the_directory_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["exports/zzzz.md"] = b"contenu\n"
    forged = rezip(tmp_path / "x.zip", manifest, contents, reseal=True)
    raw = forged.read_bytes()
    forged.write_bytes(raw.replace(b"exports/zzzz.md", b"../../etc/zzzzz", 1))  # the local header comes first
    err = refused(forged, target, capsys)
    assert "zzzz" in err
    assert not (tmp_path.parent / "etc").exists()


def test_a_member_whose_zip_size_is_forged_smaller_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    forged = rezip(tmp_path / "x.zip", manifest, contents)
    raw = bytearray(forged.read_bytes())
    # The central directory entry of dossier.json: its uncompressed size (offset 24) said to be 10 bytes.
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"dossier.json") + 1)
    raw[central + 24:central + 28] = (10).to_bytes(4, "little")
    forged.write_bytes(bytes(raw))
    err = refused(forged, target, capsys)
    assert "dossier.json" in err


def test_a_link_planted_as_the_export_folder_of_the_import_is_refused(good, target, capsys):
    other = target / "exports" / "amelie-duboeuf"
    other.mkdir(parents=True, exist_ok=True)
    (target / "exports" / ZOE).symlink_to(other.name)
    before = snapshot(target)
    assert main(["import", str(good), "--data-dir", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"le dossier d'export {target / 'exports' / ZOE} est un lien symbolique" in err
    assert snapshot(target) == before
