"""A candidate's whole file moving between data dirs (issue 15): the rules.

An archive (a zip, written and read by ``storage/archive.py``) holds::

    manifest.json           what the archive holds: format and schema versions,
                            the app's version, the candidate's id and name, when
                            it was made, and each member's sha256 and size
    dossier.json            the candidate's file, byte for byte as stored
    exports/<file name>     the documents of its export folder (summaries,
                            syntheses, their PDFs), byte for byte

Here, without any disk: which member names may exist (a plain name under
``exports/``, nothing that could leave a folder), the manifest's shape, the
size limits that keep a zip bomb out, the schema version an app accepts, the
collisions an import must be told how to resolve, the new id's rewrite and
the import's line in the change log.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from .model import ChangeKind
from .record import CandidateRecord
from .text import fold, one_line

FORMAT = "seance-dossier"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
RECORD_NAME = "dossier.json"
EXPORTS_PREFIX = "exports/"

# A file of 50 séances is about 1 MB and a PDF a few hundred kB: these bounds
# are far above a real dossier and far below what would fill a disk.
MAX_MEMBERS = 1000
MAX_MANIFEST_SIZE = 1 << 20
MAX_MEMBER_SIZE = 64 << 20
MAX_TOTAL_SIZE = 256 << 20

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ArchiveRefused(ValueError):
    """An archive that cannot be imported; ``str()`` is the French reason."""


@dataclass(frozen=True)
class Member:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    app_version: str
    candidate_id: str
    candidate_name: str
    created_at: datetime
    centre: str
    purged: bool
    members: tuple[Member, ...]
    format_version: int = FORMAT_VERSION

    def to_doc(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "candidate": {"id": self.candidate_id, "name": self.candidate_name},
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "centre": self.centre,
            "purged": self.purged,
            "members": [{"path": m.path, "sha256": m.sha256, "size": m.size} for m in self.members],
        }

    @classmethod
    def from_doc(cls, doc: object) -> Manifest:
        """The manifest, or ``ArchiveRefused`` naming the first field that is wrong."""
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ArchiveRefused(f"{MANIFEST_NAME} n'est pas le manifeste d'un dossier seance")
        version = _int(doc, "format_version")
        if version != FORMAT_VERSION:
            raise ArchiveRefused(
                f"{MANIFEST_NAME} : format d'archive version {version} inconnu "
                f"(cette version de seance lit la version {FORMAT_VERSION})"
            )
        candidate = doc.get("candidate")
        if not isinstance(candidate, dict):
            raise ArchiveRefused(f"{MANIFEST_NAME} : champ « candidate » absent ou invalide")
        try:
            created = datetime.fromisoformat(_str(doc, "created_at"))
        except ValueError:
            raise ArchiveRefused(f"{MANIFEST_NAME} : champ « created_at » invalide") from None
        members = doc.get("members")
        if not isinstance(members, list) or len(members) > MAX_MEMBERS:
            raise ArchiveRefused(f"{MANIFEST_NAME} : liste « members » absente, invalide ou trop longue")
        manifest = cls(
            schema_version=_int(doc, "schema_version"),
            app_version=_str(doc, "app_version"),
            candidate_id=_str(candidate, "id"),
            candidate_name=_str(candidate, "name"),
            created_at=created,
            centre=_str(doc, "centre"),
            purged=_bool(doc, "purged"),
            members=tuple(_member(entry) for entry in members),
        )
        manifest.check_members()
        return manifest

    def check_members(self) -> None:
        paths = [m.path for m in self.members]
        for path in paths:
            check_member_name(path)
        # Folded: on a case-insensitive disk (macOS, Windows) « A.md » would overwrite « a.md »,
        # and on a normalising one (macOS) « é » composed would overwrite « é » decomposed.
        if len({unicodedata.normalize("NFC", path).casefold() for path in paths}) != len(paths):
            raise ArchiveRefused(
                f"{MANIFEST_NAME} : un membre y est listé deux fois (majuscules et codage des accents mis à part)"
            )
        if MANIFEST_NAME in paths:
            raise ArchiveRefused(f"{MANIFEST_NAME} ne peut pas se lister lui-même")
        if RECORD_NAME not in paths:
            raise ArchiveRefused(f"{MANIFEST_NAME} : le dossier ({RECORD_NAME}) n'y est pas listé")
        if self.purged and len(paths) != 1:
            raise ArchiveRefused(f"{MANIFEST_NAME} : un dossier purgé ne doit contenir aucun export")
        if len(paths) > MAX_MEMBERS:
            raise ArchiveRefused(f"{MANIFEST_NAME} : plus de {MAX_MEMBERS} fichiers")
        for member in self.members:
            if member.size > MAX_MEMBER_SIZE:
                raise ArchiveRefused(
                    f"« {one_line(member.path)} » : {member.size} octets, au-delà de {MAX_MEMBER_SIZE >> 20} Mo "
                    "par fichier d'une archive"
                )
        if sum(m.size for m in self.members) > MAX_TOTAL_SIZE:
            raise ArchiveRefused(f"{MANIFEST_NAME} : taille totale annoncée au-delà de {MAX_TOTAL_SIZE >> 20} Mo")

    def export_members(self) -> list[Member]:
        return [m for m in self.members if m.path.startswith(EXPORTS_PREFIX)]


def _str(doc: dict, key: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str):
        raise ArchiveRefused(f"{MANIFEST_NAME} : champ « {key} » absent ou invalide")
    return value


def _int(doc: dict, key: str) -> int:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArchiveRefused(f"{MANIFEST_NAME} : champ « {key} » absent ou invalide")
    return value


def _bool(doc: dict, key: str) -> bool:
    value = doc.get(key)
    if not isinstance(value, bool):
        raise ArchiveRefused(f"{MANIFEST_NAME} : champ « {key} » absent ou invalide")
    return value


def _member(entry: object) -> Member:
    if not isinstance(entry, dict):
        raise ArchiveRefused(f"{MANIFEST_NAME} : membre invalide dans « members »")
    member = Member(path=_str(entry, "path"), sha256=_str(entry, "sha256"), size=_int(entry, "size"))
    if not _SHA256.fullmatch(member.sha256):
        raise ArchiveRefused(f"{MANIFEST_NAME} : somme sha256 invalide pour « {one_line(member.path)} »")
    if not 0 <= member.size <= MAX_MEMBER_SIZE:
        raise ArchiveRefused(
            f"{MANIFEST_NAME} : taille refusée pour « {one_line(member.path)} » "
            f"({member.size} octets ; au plus {MAX_MEMBER_SIZE >> 20} Mo par membre)"
        )
    return member


# --- member names: nothing may leave the folder it is written into ----------


def check_member_name(name: str) -> None:
    """``ArchiveRefused`` unless ``name`` is the manifest, the record, or
    ``exports/`` followed by a plain file name: no ``..``, no absolute path,
    no backslash, no drive letter or stream (``:``), no hidden file, no
    control character."""
    if name in (MANIFEST_NAME, RECORD_NAME):
        return
    if not name.startswith(EXPORTS_PREFIX) or not is_plain_file_name(name[len(EXPORTS_PREFIX):]):
        raise ArchiveRefused(f"membre « {one_line(name)} » refusé : chemin hors des noms permis dans une archive")


def is_plain_file_name(name: str) -> bool:
    """A file name that names a file in its folder on every system, and no other place."""
    if not name or name.startswith(".") or len(name.encode("utf-8", "surrogatepass")) > 255:
        return False
    if any(c in "/\\:\0" or unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name):
        return False
    return name == name.strip()


def export_member(file_name: str) -> str:
    return EXPORTS_PREFIX + file_name


def export_file_name(member: str) -> str:
    return member[len(EXPORTS_PREFIX):]


# --- versions -------------------------------------------------------------------


def check_schema_version(archived: int, readable: Iterable[int], app_version: str, archive_app: str) -> None:
    """A file of a newer schema than this app reads is refused, never lowered."""
    readable = tuple(readable)
    if archived in readable:
        return
    if archived > max(readable):
        raise ArchiveRefused(
            f"dossier au schéma version {archived} (exporté par seance {one_line(archive_app)}) : "
            f"cette version de seance ({app_version}) lit jusqu'à la version {max(readable)}. "
            "Mettez seance à jour avant d'importer ce dossier."
        )
    raise ArchiveRefused(f"dossier au schéma version {archived}, inconnu de seance {app_version}")


# --- collisions --------------------------------------------------------------------


@dataclass(frozen=True)
class Existing:
    """A candidate already in the data dir the archive comes into."""

    id: str
    name: str
    open_by: str | None = None  # who has it open in a workspace, when asked


def conflicts(incoming_id: str, incoming_name: str, existing: Iterable[Existing], *, new_id: bool,
              homonyms: bool) -> list[str]:
    """What stops the import, in French, each with the option that resolves it.

    The same id is never overwritten: ``--nouvel-id`` gives the file another.
    Homonyms exist, so a file of the same name (accents and case aside) under
    another id may be another person, or this one already here: the
    consultant says which with ``--homonyme``. A purged file has no name, so
    it has no homonym."""
    existing = list(existing)
    found = []
    same_id = [e for e in existing if e.id == incoming_id]
    if same_id and not new_id:
        here = same_id[0]
        opened = f", ouvert en ce moment par {one_line(here.open_by)}" if here.open_by else ""
        found.append(
            f"un dossier existe déjà sous l'identifiant {incoming_id} (« {one_line(here.name)} » ici{opened}, "
            f"« {one_line(incoming_name)} » dans l'archive) : il n'est jamais remplacé ; relancez avec "
            "--nouvel-id pour importer l'archive sous un nouvel identifiant"
        )
    wanted = fold(incoming_name.strip())
    same_name = [e for e in existing if wanted and fold(e.name.strip()) == wanted and e.id != incoming_id]
    if new_id:
        same_name += [e for e in same_id if wanted and fold(e.name.strip()) == wanted]
    if same_name and not homonyms:
        ids = ", ".join(e.id for e in same_name)
        found.append(
            f"« {one_line(incoming_name)} » porte le nom d'un dossier déjà présent (homonyme ?) : "
            f"ici {ids}, dans l'archive {incoming_id}{' (importée sous un nouvel identifiant)' if new_id else ''}. "
            "Si c'est une autre personne, relancez avec "
            "--homonyme ; si c'est la même, son dossier est déjà là"
        )
    return found


def with_new_id(record: CandidateRecord, new_id: str) -> CandidateRecord:
    """The record under ``new_id``, everywhere the id lives in a file: the
    candidate, and the purge's event, which names the file by its id (the
    others name « candidate », a séance, a roadmap or checklist item). The
    export folder follows from the id (``domain/slug.py``)."""
    old_id = record.candidate.id
    record.candidate = replace(record.candidate, id=new_id)
    record.events = [
        replace(e, target=new_id) if e.kind is ChangeKind.PURGED and e.target == old_id else e
        for e in record.events
    ]
    return record


def log_import(record: CandidateRecord, now: datetime, *, source: str, manifest: Manifest,
               previous_id: str | None = None) -> None:
    """One line in the change log; a purged or closed file takes it too (the
    import changes nothing of the bilan, it records where the file came from).
    A purged file keeps its promise of holding no words: the export's date only."""
    after = {"exported_at": manifest.created_at.strftime("%d/%m/%Y %H:%M")}
    if record.purge is None:
        after.update(source=source, centre=manifest.centre)
        if previous_id is not None:
            after["previous_id"] = previous_id
    record.log(now, ChangeKind.IMPORTED, None, "dossier", after=after)
