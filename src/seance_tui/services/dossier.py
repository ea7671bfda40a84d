"""A candidate's whole file, exported to one archive and imported elsewhere
(``seance export --dossier``, ``seance import``; issue 15).

Export: the candidate file as stored, the documents of its export folder (a
purged file: none, only its content-free record), a manifest; one zip,
atomic and 0600, in the candidate's export folder (so that the R6313-7 purge
removes it with the folder) unless ``-o`` names another exports dir.

Import: every check first (``storage/archive.py``: the zip, its names, sizes
and checksums; ``domain/dossier.py``: the schema version, the collisions),
so that a refusal writes nothing; a workspace holding the id is asked without
taking its lock (``storage.locks.held_by``). Then the writes, under the
candidate's lock, in an order that a crash at any step leaves either no
candidate or a whole one:

1. the export documents, each atomic, under the candidate's folder; a
   document already there with the same bytes is left as it is;
2. the candidate file, atomic, created under its lock and never over an
   existing one: this is the step that makes the candidate exist. Before it,
   the listing shows nothing; after it, the file is whole and its documents
   are all there. An import interrupted before it can simply be run again
   (step 1 finds its own documents and keeps them).
3. the listing index (a cache, rebuilt if this step fails).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.dossier import (
    RECORD_NAME,
    ArchiveRefused,
    Existing,
    Manifest,
    check_schema_version,
    conflicts,
    export_file_name,
    export_member,
    log_import,
    with_new_id,
)
from ..domain.phases import PhaseFileError, load_phases
from ..domain.slug import candidate_folder, new_candidate_id
from ..domain.text import one_line
from ..storage.archive import (
    archive_file_name,
    decode_record_bytes,
    export_clashes,
    export_files,
    member_of,
    read_archive,
    write_archive,
)
from ..storage.codec import READABLE_VERSIONS
from ..storage.errors import CandidateExists, CandidateFileError, CandidateNotFound
from ..storage.exports import ExportPathError, export_path, write_export_bytes
from ..storage.layout import Layout, check_candidate_id
from ..storage.locks import CandidateLocked, held_by
from ..storage.store import ReadOnlyStore, WritableStore

__all__ = ["ArchiveRefused", "Imported", "export_dossier", "import_dossier"]


@dataclass(frozen=True)
class Exported:
    path: Path
    documents: int  # export documents in the archive
    purged: bool
    left_out: list[Path]  # a former folder's document whose name the archive already holds, different


@dataclass(frozen=True)
class Imported:
    candidate_id: str
    name: str
    path: Path  # the candidate file
    documents: list[Path]  # its export documents, in its export folder
    previous_id: str | None  # the archive's id, when --nouvel-id gave another
    purged: bool


def export_dossier(data_dir: Path, candidate_id: str, now: datetime, into: Path | None, app_version: str,
                   centre: str) -> Exported:
    """Raises ``CandidateNotFound``, ``CandidateFileError`` (a file that does
    not read is not exported), ``ArchiveRefused`` (documents beyond the
    archive's bounds), or ``OSError``/``StorageError`` on writing."""
    layout = Layout(data_dir)
    path = layout.candidate_file(candidate_id)
    try:
        raw = path.read_bytes()  # the bytes as stored, read once: what is checked is what is archived
    except FileNotFoundError:
        raise CandidateNotFound(path) from None
    record, version = _decoded(raw, path, candidate_id)
    documents, left_out = [], []
    if record.purge is None:
        others = [i for i in ReadOnlyStore(data_dir).candidate_ids() if i != candidate_id]
        documents, left_out = export_files(layout, record.candidate, others)
    members = [(RECORD_NAME, raw), *((export_member(name), data) for name, data in documents)]
    manifest = Manifest(
        schema_version=version,
        app_version=app_version,
        candidate_id=record.candidate.id,
        candidate_name=record.candidate.name,
        created_at=now.replace(microsecond=0),
        centre=centre,
        purged=record.purge is not None,
        members=tuple(member_of(name, data) for name, data in members),
    )
    manifest.check_members()  # an archive this app would refuse to import is not written
    base = into or layout.exports_dir
    target = export_path(base, record.candidate, archive_file_name(now.date()))
    if not target.parent.resolve().is_relative_to(base.resolve()):  # a link planted as the candidate's folder
        raise ExportPathError(target, base)
    write_archive(target, manifest, members)
    return Exported(path=target, documents=len(documents), purged=record.purge is not None, left_out=left_out)


def _decoded(raw: bytes, path: Path, candidate_id: str):
    try:
        record, version = decode_record_bytes(raw)
    except ArchiveRefused as exc:
        raise CandidateFileError(path, str(exc)) from exc
    if record.candidate.id != candidate_id:  # a file copied by hand under another name
        raise CandidateFileError(path, f"l'identifiant inscrit dans le fichier ({record.candidate.id}) n'est pas "
                                       "celui du nom du fichier")
    return record, version


def import_dossier(data_dir: Path, archive: Path, now: datetime, app_version: str, *, new_id: bool = False,
                   homonyms: bool = False) -> Imported:
    """Raises ``ArchiveRefused`` (French, naming what is wrong) with nothing
    written; ``StorageError`` (a lock held, a folder refusing a write) during
    the writes, after which the import may be run again."""
    manifest, contents = read_archive(archive)
    check_schema_version(manifest.schema_version, READABLE_VERSIONS, app_version, manifest.app_version)
    try:
        record, version = decode_record_bytes(contents[RECORD_NAME])
    except ArchiveRefused as exc:
        raise ArchiveRefused(f"{RECORD_NAME} : {exc}") from exc
    check_schema_version(version, READABLE_VERSIONS, app_version, manifest.app_version)
    _check_matches_manifest(record, version, manifest)
    existing = _existing(data_dir, record.candidate.id)
    refusals = conflicts(record.candidate.id, record.candidate.name, existing, new_id=new_id, homonyms=homonyms)
    if refusals:
        raise ArchiveRefused("import refusé :\n" + "\n".join(f"  - {r}" for r in refusals))
    previous = None
    if new_id:
        previous = record.candidate.id
        taken = {e.id for e in existing} | {previous}
        fresh = new_candidate_id(record.candidate.name)
        while fresh in taken:
            fresh = new_candidate_id(record.candidate.name)
        with_new_id(record, fresh)
    log_import(record, now, source=archive.name, manifest=manifest, previous_id=previous)
    layout = Layout(data_dir)
    documents = [(export_file_name(m.path), contents[m.path]) for m in manifest.export_members()]
    folder = layout.exports_dir / candidate_folder(record.candidate)
    if documents and folder.is_symlink():  # it could lead to another candidate's folder, or out of the data dir
        raise ArchiveRefused(
            f"import refusé : le dossier d'export {one_line(str(folder))} est un lien symbolique ; "
            "rien n'y est écrit (remplacez-le par un vrai dossier)"
        )
    different, same = export_clashes(layout.exports_dir, record.candidate, documents)
    if different:
        names = ", ".join(f"« {one_line(n)} »" for n in different)
        raise ArchiveRefused(
            f"import refusé : le dossier d'export du candidat contient déjà {names}, différent de l'archive ; "
            "rien n'a été remplacé"
        )
    _refuse_if_open(layout, record.candidate.id)
    # Nothing has been written before this line.
    store = WritableStore(data_dir)
    written = [export_path(layout.exports_dir, record.candidate, name) for name, _ in documents]

    def write_documents() -> None:  # under the candidate's lock, before its file
        for name, data in documents:
            if name not in same:
                write_exported_document(layout.exports_dir, record, name, data)

    try:
        store.create(record, before=write_documents)  # the file, last: the step that makes the candidate exist
    except CandidateLocked as exc:
        raise ArchiveRefused(_open_elsewhere(record.candidate.id, exc.owner.describe() if exc.owner else None)) from exc
    except CandidateExists as exc:
        appeared = f"un dossier est apparu sous l'identifiant {record.candidate.id} pendant l'import"
        raise ArchiveRefused(appeared) from exc
    _refresh_listing(store, now)
    return Imported(
        candidate_id=record.candidate.id, name=record.candidate.name, path=layout.candidate_file(record.candidate.id),
        documents=written, previous_id=previous, purged=record.purge is not None,
    )


def write_exported_document(exports_dir: Path, record, name: str, data: bytes) -> Path:
    """One document of the archive in the candidate's export folder (atomic, 0600)."""
    return write_export_bytes(exports_dir, record.candidate, name, data)


def _check_matches_manifest(record, version: int, manifest: Manifest) -> None:
    candidate = record.candidate
    check = [
        (candidate.id == manifest.candidate_id, "l'identifiant"),
        (candidate.name == manifest.candidate_name, "le nom"),
        (version == manifest.schema_version, "la version du schéma"),
        ((record.purge is not None) == manifest.purged, "l'état purgé ou non"),
    ]
    for agrees, what in check:
        if not agrees:
            raise ArchiveRefused(f"{RECORD_NAME} et le manifeste ne disent pas {what} du même dossier")
    try:
        check_candidate_id(candidate.id)
    except ValueError as exc:
        raise ArchiveRefused(f"{RECORD_NAME} : {exc}") from None


def _existing(data_dir: Path, incoming_id: str) -> list[Existing]:
    """The candidates already here: every id, even of a file that does not read
    (it is never overwritten), with its name when it reads; the one with the
    archive's id says who has it open, if anyone."""
    if not data_dir.is_dir():
        return []
    store = ReadOnlyStore(data_dir)
    try:
        # Names through the listing index, read only (never refreshed here: a
        # refusal writes nothing): 0.35 s at 5,000 candidates, where reading
        # every file took 19 s. A stale entry is read from its file.
        summaries, _ = store.summaries(load_phases(store.layout.phases_file()), datetime.now())
        names = {s.id: s.name for s in summaries}
    except PhaseFileError:
        records, _ = store.load_all()
        names = {r.candidate.id: r.candidate.name for r in records}
    layout = store.layout
    return [
        Existing(id=i, name=names.get(i, ""),
                 open_by=held_by(layout.lock_file(i), layout.owner_file(i)) if i == incoming_id else None)
        for i in store.candidate_ids()
    ]


def _refuse_if_open(layout: Layout, candidate_id: str) -> None:
    """A workspace holding the id (creating that very candidate) is asked
    without taking its lock, so that the refusal writes nothing."""
    holder = held_by(layout.lock_file(candidate_id), layout.owner_file(candidate_id))
    if holder:
        raise ArchiveRefused(_open_elsewhere(candidate_id, holder))


def _open_elsewhere(candidate_id: str, holder: str | None) -> str:
    return (
        f"le dossier {candidate_id} est ouvert en écriture par {holder or 'un autre programme'} : "
        "fermez-le dans l'espace de travail avant d'importer"
    )


def _refresh_listing(store: WritableStore, now: datetime) -> None:
    """The data dir's listing index, brought up to date; it is a cache that
    every listing rebuilds when stale, so a failure here loses nothing."""
    try:
        store.summaries(load_phases(store.layout.phases_file()), now)
    except (PhaseFileError, OSError):
        pass
