"""Helpers for the test_dossier_* modules (no tests here): data dirs, a
snapshot of every byte and mode of a folder, and archives rewritten by hand."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.domain.phases import load_phases
from seance_tui.paths import phases_file
from seance_tui.services import dossier, exports
from seance_tui.storage import ReadOnlyStore

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
PHASES = load_phases(phases_file())
NOW = datetime(2026, 12, 2, 10, 30)
LATER = datetime(2026, 12, 3, 9, 0)
VERSION = "0.1.0"
CENTRE = "Centre Nord"


def demo_copy(where: Path, without: tuple[str, ...] = ()) -> Path:
    shutil.copytree(DEMO, where)
    for candidate_id in without:
        (where / "candidates" / f"{candidate_id}.json").unlink()
    return where


def with_documents(data_dir: Path, candidate_id: str) -> list[Path]:
    """Every held séance's summary, and the synthesis with its PDF, as a consultant exports them."""
    record = ReadOnlyStore(data_dir).load(candidate_id)
    written = [
        exports.export_to_file(record, PHASES, exports.Document.SUMMARY, NOW, data_dir / "exports", s.number)
        for s in record.seances if s.start is not None
    ]
    written += exports.export_with_pdf(record, PHASES, exports.Document.SYNTHESIS, NOW, data_dir / "exports", CENTRE)
    return written


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under ``folder`` (itself included): mode, and bytes of files."""
    if not folder.exists():
        return {}
    found = {".": (os.lstat(folder).st_mode, None)}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            mode = os.lstat(path).st_mode
            found[str(path.relative_to(folder))] = (mode, path.read_bytes() if stat.S_ISREG(mode) else None)
    return found


def members(archive: Path) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(archive) as zf:
        contents = {name: zf.read(name) for name in zf.namelist()}
    return json.loads(contents.pop("manifest.json")), contents


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rezip(target: Path, manifest: dict | bytes | None, contents: dict[str, bytes], *,
          links: tuple[str, ...] = (), reseal: bool = False) -> Path:
    """An archive made by hand: ``reseal`` recomputes the manifest's sums and
    sizes from ``contents`` (a forger who knows the format); ``links`` are
    members stored as symbolic links."""
    if reseal and isinstance(manifest, dict):
        manifest = dict(manifest)
        manifest["members"] = [{"path": n, "sha256": sha(d), "size": len(d)} for n, d in contents.items()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if manifest is not None:
            zf.writestr("manifest.json", manifest if isinstance(manifest, bytes) else json.dumps(manifest))
        for name, data in contents.items():
            info = zipfile.ZipInfo(name)
            mode = stat.S_IFLNK if name in links else stat.S_IFREG
            info.external_attr = (mode | 0o644) << 16
            zf.writestr(info, data)
    target.write_bytes(buffer.getvalue())
    return target


# --- what the refusal tests share (imported by them: fixtures included) ---------

ZOE = "zoe-lefevre"


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    """Zoé's archive, her documents in it."""
    origin = demo_copy(tmp_path_factory.mktemp("origine") / "donnees")
    with_documents(origin, ZOE)
    return dossier.export_dossier(origin, ZOE, NOW, None, VERSION, CENTRE).path


@pytest.fixture
def target(tmp_path) -> Path:
    """A data dir without Zoé, to import into."""
    return demo_copy(tmp_path / "cible", without=(ZOE,))


def refused(archive: Path, target: Path, capsys, *options: str) -> str:
    """The refusal's message, once checked that nothing was written, in the
    data dir or beside the archive, and that no traceback was shown."""
    outside = snapshot(archive.parent)
    before = snapshot(target)
    assert main(["import", str(archive), "--data-dir", str(target), *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Rien n'a été écrit." in captured.err
    assert "Traceback" not in captured.err and "erreur inattendue" not in captured.err
    assert snapshot(target) == before
    assert snapshot(archive.parent) == outside
    return captured.err
