"""A dossier archive on disk (``domain/dossier.py`` says what it holds).

Writing: the zip is made in a temporary file beside its target, 0600 from
its creation, fsynced, then renamed (``os.replace``): a reader or a crash sees
no archive or a whole one. It holds the private notes, so it is never
readable by another account.

Reading: everything is checked before anything is returned, and nothing is
ever extracted by a name the zip chose. A member is read through a bounded
read of at most its announced size plus one byte, so a zip bomb stops at the
bound, whatever the zip's own headers claim. Errors are
``domain.dossier.ArchiveRefused`` with the French reason naming the member.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from datetime import date
from pathlib import Path

from ..domain.dossier import (
    MANIFEST_NAME,
    MAX_MANIFEST_SIZE,
    MAX_MEMBER_SIZE,
    MAX_MEMBERS,
    MAX_TOTAL_SIZE,
    RECORD_NAME,
    ArchiveRefused,
    Manifest,
    Member,
    check_member_name,
    is_plain_file_name,
)
from ..domain.model import Candidate
from ..domain.record import CandidateRecord
from ..domain.slug import candidate_folder
from ..domain.text import one_line
from .atomic import FILE_MODE, atomic_file, make_private_dir
from .codec import SchemaError, check_schema, record_from_tables, schema_version
from .errors import FileContentError
from .jsonfile import decode_json
from .layout import Layout
from .purge_files import export_folders

# A dossier archive left in the candidate's own export folder (so that the
# R6313-7 purge removes it with the folder) is not one of its exports.
ARCHIVE_SUFFIX = "-dossier.zip"


def archive_file_name(day: date) -> str:
    """``2026-12-02-dossier.zip``: dated by the export, like the history."""
    return f"{day.isoformat()}{ARCHIVE_SUFFIX}"


def member_of(path: str, data: bytes) -> Member:
    return Member(path=path, sha256=hashlib.sha256(data).hexdigest(), size=len(data))


# --- what goes in -----------------------------------------------------------------


def decode_record_bytes(raw: bytes) -> tuple[CandidateRecord, int]:
    """The record a candidate file's bytes hold, and its schema version;
    ``ArchiveRefused`` with the reason (the caller names the file)."""
    try:
        tables = decode_json(Path(RECORD_NAME), raw)
        check_schema(tables)
        return record_from_tables(tables), schema_version(tables)
    except FileContentError as exc:
        raise ArchiveRefused(exc.reason) from exc
    except SchemaError as exc:
        raise ArchiveRefused(str(exc)) from exc
    except RecursionError:  # [[[[…]]]] within the member's size bound: json recurses once per level
        raise ArchiveRefused("JSON imbriqué trop profondément") from None


def export_files(
    layout: Layout, candidate: Candidate, other_ids: list[str]
) -> tuple[list[tuple[str, bytes]], list[Path]]:
    """The documents of the candidate's export folders: its folder now, then
    those of a former name (``<slug>-<id>``: a renamed candidate keeps its old
    folder), regular files with a plain name (no link followed, no temporary
    file of a write, no archive). A name already taken by a different file is
    left out and returned, so the caller can say so."""
    current = layout.exports_dir / candidate_folder(candidate)
    folders = [current, *(f for f in export_folders(layout, candidate.id, other_ids) if f != current)]
    files: dict[str, bytes] = {}
    left_out = []
    for folder in folders:
        if folder.is_symlink():  # a link planted as the folder would put any folder's files in the archive
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if not entry.is_file(follow_symlinks=False) or not is_plain_file_name(entry.name):
                continue
            if entry.name.endswith(ARCHIVE_SUFFIX):
                continue
            with open(entry.path, "rb") as file:
                data = file.read()
            if entry.name not in files:
                files[entry.name] = data
            elif files[entry.name] != data:
                left_out.append(Path(entry.path))
    return list(files.items()), left_out


def write_archive(target: Path, manifest: Manifest, members: list[tuple[str, bytes]]) -> Path:
    """The zip at ``target``, atomically, 0600; ``members`` in the manifest's order."""
    make_private_dir(target.parent)
    stamp = manifest.created_at.timetuple()[:6]
    with atomic_file(target) as temp, zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        manifest_bytes = json.dumps(manifest.to_doc(), ensure_ascii=False, indent=1).encode("utf-8")
        for name, data in [(MANIFEST_NAME, manifest_bytes + b"\n"), *members]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (stat.S_IFREG | FILE_MODE) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target


# --- what comes out ----------------------------------------------------------------


def read_archive(path: Path) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and every member's bytes, each checked against it; the
    messages do not repeat the archive's path, which the caller names."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ArchiveRefused("ce n'est pas un fichier")
        archive = zipfile.ZipFile(path)
    except ArchiveRefused:  # a ValueError too: kept as it is, not taken for a broken zip below
        raise
    except FileNotFoundError:
        raise ArchiveRefused("fichier introuvable") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise ArchiveRefused("ce n'est pas une archive zip lisible (fichier tronqué ou d'un autre type)") from None
    except OSError as exc:
        raise ArchiveRefused(f"lecture impossible ({exc.strerror})") from None
    with archive:
        infos = _checked_entries(archive)
        manifest = _manifest(archive, infos)
        listed = {m.path for m in manifest.members}
        for name in infos:
            if name != MANIFEST_NAME and name not in listed:
                raise ArchiveRefused(f"membre « {one_line(name)} » absent du manifeste : archive refusée")
        contents = {}
        for member in manifest.members:
            if member.path not in infos:
                raise ArchiveRefused(
                    f"membre « {one_line(member.path)} » listé au manifeste mais absent de l'archive"
                )
            contents[member.path] = _checked_member(archive, infos[member.path], member)
    return manifest, contents


def _checked_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    entries = archive.infolist()
    if len(entries) > MAX_MEMBERS + 1:
        raise ArchiveRefused(f"archive de {len(entries)} membres : au plus {MAX_MEMBERS + 1}")
    total = 0
    for info in entries:
        name = info.filename
        check_member_name(name)
        # The Unix file type, when the zip records one (a zip from Windows holds none).
        kind = stat.S_IFMT(info.external_attr >> 16)
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            raise ArchiveRefused(f"membre « {one_line(name)} » refusé : lien ou dossier, pas un fichier")
        if info.flag_bits & 0x1:
            raise ArchiveRefused(f"membre « {one_line(name)} » chiffré : archive refusée")
        if name in infos:
            raise ArchiveRefused(f"membre « {one_line(name)} » présent deux fois dans l'archive")
        total += info.file_size
        if info.file_size > MAX_MEMBER_SIZE or total > MAX_TOTAL_SIZE:
            raise ArchiveRefused(
                f"membre « {one_line(name)} » trop grand une fois décompressé "
                f"(au plus {MAX_MEMBER_SIZE >> 20} Mo par membre, {MAX_TOTAL_SIZE >> 20} Mo en tout)"
            )
        infos[name] = info
    return infos


def _manifest(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> Manifest:
    if MANIFEST_NAME not in infos:
        raise ArchiveRefused(f"{MANIFEST_NAME} absent : ce n'est pas une archive de dossier seance")
    raw = _bounded_read(archive, infos[MANIFEST_NAME], MAX_MANIFEST_SIZE)
    if len(raw) > MAX_MANIFEST_SIZE:
        raise ArchiveRefused(f"{MANIFEST_NAME} trop grand (au plus {MAX_MANIFEST_SIZE >> 20} Mo)")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ArchiveRefused(f"{MANIFEST_NAME} n'est pas du JSON lisible") from None
    except RecursionError:  # [[[[…]]]]: json recurses once per level
        raise ArchiveRefused(f"{MANIFEST_NAME} : JSON imbriqué trop profondément") from None
    return Manifest.from_doc(doc)


def _checked_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: Member) -> bytes:
    data = _bounded_read(archive, info, member.size)
    shown = one_line(member.path)
    if len(data) != member.size:
        raise ArchiveRefused(
            f"membre « {shown} » : {'plus' if len(data) > member.size else 'moins'} de {member.size} octets "
            "(taille annoncée par le manifeste)"
        )
    digest = hashlib.sha256(data).hexdigest()
    if digest != member.sha256:
        raise ArchiveRefused(
            f"membre « {shown} » : somme sha256 {digest} au lieu de {member.sha256} (manifeste) : fichier altéré"
        )
    return data


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> bytes:
    """At most ``size + 1`` bytes: one more than announced says "too long"
    without inflating the rest."""
    try:
        with archive.open(info) as file:
            return file.read(size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ArchiveRefused(f"membre « {one_line(info.filename)} » illisible ({exc})") from None


# --- where the exports land -----------------------------------------------------


def export_clashes(
    exports_dir: Path, candidate: Candidate, files: list[tuple[str, bytes]]
) -> tuple[list[str], list[str]]:
    """(names already there with other bytes, names already there identical):
    an import never replaces a document, and one already there as it is in
    the archive (an import interrupted before its last step) is kept."""
    folder = exports_dir / candidate_folder(candidate)
    different, same = [], []
    for name, data in files:
        target = folder / name
        try:
            if target.is_symlink() or not target.is_file():
                if os.path.lexists(target):
                    different.append(name)
                continue
            (same if target.read_bytes() == data else different).append(name)
        except OSError:
            different.append(name)
    return different, same
