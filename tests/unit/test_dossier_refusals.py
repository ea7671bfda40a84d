"""``seance import`` refuses an archive that is not exactly what ``export
--dossier`` writes: a French message naming what is wrong, exit code 2, and
the data dir unchanged byte for byte."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.services import dossier
from seance_tui.storage import archive as archive_module

from dossier_support import (  # noqa: F401 (good, target: fixtures)
    CENTRE, NOW, VERSION, ZOE, demo_copy, good, members, refused, rezip, snapshot, target, with_documents,
)


def test_the_good_archive_imports(good, target):
    assert main(["import", str(good), "--data-dir", str(target)]) == 0


def test_a_member_changed_after_the_export_is_named_with_both_sums(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["dossier.json"] = contents["dossier.json"].replace(b"Lef\xc3\xa8vre", b"Lef\xc3\xa9vre")
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    expected = next(m["sha256"] for m in manifest["members"] if m["path"] == "dossier.json")
    assert "membre « dossier.json » : somme sha256 " in err and f"au lieu de {expected} (manifeste)" in err


def test_a_sum_changed_in_the_manifest_names_its_member(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    name = manifest["members"][1]["path"]
    manifest["members"][1]["sha256"] = "0" * 64
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert f"membre « {name} » : somme sha256" in err


def test_a_size_that_differs_from_the_manifest_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["dossier.json"] += b" "
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "membre « dossier.json » : plus de" in err


def test_a_truncated_archive_is_refused(good, target, tmp_path, capsys):
    cut = tmp_path / "coupee.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "ce n'est pas une archive zip lisible (fichier tronqué ou d'un autre type)" in refused(cut, target, capsys)


def test_a_file_that_is_not_a_zip_is_refused(target, tmp_path, capsys):
    text = tmp_path / "notes.zip"
    text.write_text("pas une archive", encoding="utf-8")
    assert "ce n'est pas une archive zip lisible" in refused(text, target, capsys)


def test_a_missing_archive_is_named(target, tmp_path, capsys):
    assert "fichier introuvable" in refused(tmp_path / "absente.zip", target, capsys)


def test_an_archive_without_manifest_is_refused(good, target, tmp_path, capsys):
    _, contents = members(good)
    err = refused(rezip(tmp_path / "x.zip", None, contents), target, capsys)
    assert "manifest.json absent : ce n'est pas une archive de dossier seance" in err


@pytest.mark.parametrize("broken, words", [
    (b"{", "manifest.json n'est pas du JSON lisible"),
    (json.dumps({"format": "autre"}).encode(), "n'est pas le manifeste d'un dossier seance"),
    (None, "champ « created_at » invalide"),
])
def test_a_malformed_manifest_is_refused(good, target, tmp_path, capsys, broken, words):
    manifest, contents = members(good)
    if broken is None:
        manifest["created_at"] = "hier"
        broken = json.dumps(manifest).encode()
    assert words in refused(rezip(tmp_path / "x.zip", broken, contents), target, capsys)


def test_a_newer_schema_is_refused_naming_both_versions(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    tables = json.loads(contents["dossier.json"])
    tables["meta"]["1"]["schema_version"] = 3
    contents["dossier.json"] = json.dumps(tables).encode()
    manifest["schema_version"], manifest["app_version"] = 3, "9.0"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "dossier au schéma version 3 (exporté par seance 9.0) : cette version de seance" in err
    assert "lit jusqu'à la version 2" in err and "Mettez seance à jour" in err


def test_a_record_that_does_not_decode_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    tables = json.loads(contents["dossier.json"])
    tables["seances"]["1"]["status"] = "inventé"
    contents["dossier.json"] = json.dumps(tables).encode()
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "dossier.json : document mal formé" in err


def test_a_record_of_another_candidate_than_the_manifest_says_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["candidate"]["id"] = "quelqu-un-d-autre"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "ne disent pas l'identifiant du même dossier" in err


@pytest.mark.parametrize("name", [
    "../evil.md", "/etc/passwd", "exports/../../evil.md", "exports/sous/dossier.md", "exports/..\\evil.md",
    "exports/C:evil.md", "exports/.cache", "exports/", "autre/x.md", "exports/a\x1bb.md", "C:/evil.md",
])
def test_a_member_name_that_could_leave_its_folder_is_refused(good, target, tmp_path, capsys, name):
    manifest, contents = members(good)
    contents[name] = b"contenu"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "refusé" in err and "\x1b" not in err
    assert not (tmp_path / "evil.md").exists() and not (target / "evil.md").exists()


def test_a_symbolic_link_member_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["exports/lien.md"] = b"/etc/passwd"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, links=("exports/lien.md",), reseal=True),
                  target, capsys)
    assert "membre « exports/lien.md » refusé : lien ou dossier, pas un fichier" in err


def test_a_member_missing_from_the_manifest_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["exports/ajout.md"] = b"glisse"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "membre « exports/ajout.md » absent du manifeste" in err


def test_a_member_listed_but_absent_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    gone = manifest["members"][-1]["path"]
    del contents[gone]
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert f"membre « {gone} » listé au manifeste mais absent de l'archive" in err


def test_a_zip_bomb_stops_at_the_announced_size(good, target, tmp_path, capsys, monkeypatch):
    manifest, contents = members(good)
    contents["exports/bombe.md"] = b"\0" * (8 << 20)  # 8 MB of zeros: a few kB compressed
    manifest["members"].append({"path": "exports/bombe.md", "sha256": "0" * 64, "size": 10})
    assert "membre « exports/bombe.md » : plus de 10 octets" in refused(
        rezip(tmp_path / "x.zip", manifest, contents), target, capsys
    )
    monkeypatch.setattr(archive_module, "MAX_MEMBER_SIZE", 1 << 20)  # the limit, met at a smaller size
    err = refused(rezip(tmp_path / "y.zip", manifest, contents, reseal=True), target, capsys)
    assert "membre « exports/bombe.md » trop grand une fois décompressé" in err


def test_a_manifest_announcing_a_huge_member_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["members"][0]["size"] = 10 << 30
    err = refused(rezip(tmp_path / "x.zip", manifest, contents), target, capsys)
    assert "taille refusée pour « dossier.json »" in err


def test_a_purged_manifest_with_documents_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    manifest["purged"] = True
    assert "un dossier purgé ne doit contenir aucun export" in refused(
        rezip(tmp_path / "x.zip", manifest, contents), target, capsys
    )


def test_an_encrypted_member_is_refused(good, target, tmp_path, capsys):
    source = rezip(tmp_path / "x.zip", *members(good))
    raw = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo("dossier.json")
    raw[info.header_offset + 6] |= 1  # the local header's "encrypted" flag
    central = raw.index(b"PK\x01\x02")
    while raw[central + 46:central + 58] != b"dossier.json":
        central = raw.index(b"PK\x01\x02", central + 4)
    raw[central + 8] |= 1  # and the central directory's, which zipfile reads first
    source.write_bytes(bytes(raw))
    assert "membre « dossier.json » chiffré" in refused(source, target, capsys)


def test_a_member_present_twice_is_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    archive = rezip(tmp_path / "x.zip", manifest, contents)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("dossier.json", b"{}")
    assert "membre « dossier.json » présent deux fois dans l'archive" in refused(archive, target, capsys)


def test_two_members_that_differ_by_case_only_are_refused(good, target, tmp_path, capsys):
    manifest, contents = members(good)
    contents["exports/Note.md"], contents["exports/note.md"] = b"a", b"b"
    err = refused(rezip(tmp_path / "x.zip", manifest, contents, reseal=True), target, capsys)
    assert "un membre y est listé deux fois (majuscules" in err
