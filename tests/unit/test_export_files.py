"""Writing export files: private modes, atomic replacement, never outside the exports dir."""

from __future__ import annotations

import os
import stat

import pytest

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.storage.exports import ExportPathError, export_path, write_export

NAMES = ["../../x", "/etc", "CON", "nul", "", "Zoé Dubœuf", "★ ♥ !!", "..", "a/../../b"]


def candidate(name: str = "Zoé Dubœuf", candidate_id: str = "c1") -> Candidate:
    return Candidate(id=candidate_id, name=name, consultant="", funding=FundingRoute.CPF)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", NAMES)
def test_any_name_writes_inside_the_exports_dir(tmp_path, name):
    exports = tmp_path / "exports"
    path = write_export(exports, candidate(name), "2027-03-15-seance-01.md", "# Texte\n")
    assert path.resolve().parent.parent == exports.resolve()
    assert path.read_text(encoding="utf-8") == "# Texte\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_files_are_0600_and_created_folders_0700(tmp_path):
    old_umask = os.umask(0o022)
    try:
        path = write_export(tmp_path / "data" / "exports", candidate(), "a.md", "x")
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(tmp_path / "data" / "exports") == 0o700
    assert mode(tmp_path / "data") == 0o700


@pytest.mark.parametrize("filename", ["../x.md", "a/b.md", "..", ".", "", "a\\b.md", "/etc/passwd", "x\0.md"])
def test_a_file_name_that_is_not_plain_is_refused(tmp_path, filename):
    with pytest.raises(ExportPathError, match="hors du dossier d'export"):
        write_export(tmp_path, candidate(), filename, "x")
    assert list(tmp_path.iterdir()) == []


def test_a_link_in_the_exports_dir_cannot_lead_the_write_elsewhere(tmp_path):
    exports, outside = tmp_path / "exports", tmp_path / "ailleurs"
    exports.mkdir()
    outside.mkdir()
    folder = export_path(exports, candidate(), "a.md").parent
    folder.symlink_to(outside, target_is_directory=True)
    with pytest.raises(ExportPathError):
        write_export(exports, candidate(), "a.md", "x")
    assert list(outside.iterdir()) == []


def test_exporting_again_replaces_only_that_file_atomically(tmp_path):
    first = write_export(tmp_path, candidate(), "2027-03-15-seance-01.md", "v1")
    other = write_export(tmp_path, candidate(), "2027-03-22-seance-02.md", "autre")
    inode = first.stat().st_ino
    again = write_export(tmp_path, candidate(), "2027-03-15-seance-01.md", "v2")
    assert again == first
    assert first.read_text() == "v2"
    assert first.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert other.read_text() == "autre"
    assert sorted(p.name for p in first.parent.iterdir()) == ["2027-03-15-seance-01.md", "2027-03-22-seance-02.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = write_export(tmp_path, candidate(), "a.md", "ancien")

    def crash(*args):
        raise OSError("disque plein")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disque plein"):
        write_export(tmp_path, candidate(), "a.md", "nouveau")
    assert path.read_text() == "ancien"
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]
