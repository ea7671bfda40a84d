"""Writing export files: the only part of the exports that touches the disk.

``<exports-dir>/<candidate folder>/<file>`` (names in ``export.naming``, the folder in ``domain.slug``),
or ``<exports-dir>/<shared folder>/<file>`` for the audit packs. A
file is replaced atomically, so a reader or a crash sees the old document or
the new one, never half of one; nothing but that one file is ever replaced.
Folders this creates are 0700 and files 0600: these are personal documents.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.model import Candidate
from ..domain.slug import candidate_folder
from .atomic import make_private_dir, write_bytes_atomically
from .errors import StorageError


class ExportPathError(StorageError, ValueError):
    """A file name, or a link on the way, that would put an export outside its folder."""

    def __init__(self, path: Path | str, exports_dir: Path) -> None:
        self.path = path
        super().__init__(f"{path} : chemin refusé, hors du dossier d'export {exports_dir}")


def export_path(exports_dir: Path, candidate: Candidate, filename: str) -> Path:
    """Where ``write_export`` puts ``filename``; raises ``ExportPathError`` for a
    name that is not a plain file name."""
    return exports_dir / candidate_folder(candidate) / _plain_name(filename, exports_dir)


def _plain_name(name: str, exports_dir: Path) -> str:
    if name in ("", ".", "..") or Path(name).name != name or "\\" in name or "\0" in name:
        raise ExportPathError(name, exports_dir)
    return name


def write_export(exports_dir: Path, candidate: Candidate, filename: str, text: str) -> Path:
    """Write ``text`` (UTF-8) and return the file's path.

    Checked once the folders exist, with links resolved: a symbolic link
    planted in the exports dir cannot lead the write elsewhere.
    """
    return _write(exports_dir, export_path(exports_dir, candidate, filename), text)


def write_shared_export(exports_dir: Path, folder: str, filename: str, text: str) -> Path:
    """Write ``text`` as ``<exports-dir>/<folder>/<filename>``, for a document
    kept beside the candidates' folders rather than in one (the Qualiopi packs
    of an audit, ``export.naming``); both names must be plain file names."""
    target = exports_dir / _plain_name(folder, exports_dir) / _plain_name(filename, exports_dir)
    return _write(exports_dir, target, text)


def _write(exports_dir: Path, target: Path, text: str) -> Path:
    make_private_dir(target.parent)
    if not target.resolve().is_relative_to(exports_dir.resolve()):
        raise ExportPathError(target, exports_dir)
    write_bytes_atomically(target, text.encode("utf-8"))
    return target
