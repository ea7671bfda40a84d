"""What storage reports to the user: every message is French and names its file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class StorageError(Exception):
    """Base of every storage error; ``str()`` is the French message to show."""


class DataDirMissing(StorageError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"Dossier de données introuvable : {path}")


class InvalidCandidateId(StorageError, ValueError):
    def __init__(self, candidate_id: str) -> None:
        self.candidate_id = candidate_id
        super().__init__(
            f"Identifiant de dossier invalide : {candidate_id!r} "
            "(attendu : minuscules, chiffres, « - » et « _ », 64 caractères au plus)"
        )


class CandidateNotFound(StorageError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} : dossier introuvable")


class CandidateExists(StorageError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} : un dossier existe déjà sous cet identifiant")


class FileContentError(StorageError):
    """A file whose content is not what it should be; ``reason`` says why, in French."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path} : {reason}")


class CandidateFileError(FileContentError):
    """A candidate file that cannot be read as one: it is reported, never overwritten."""


@dataclass(frozen=True)
class Problem:
    """One line of ``seance check``: a file and what is wrong with it."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path} : {self.message}"

    @classmethod
    def from_error(cls, error: CandidateFileError) -> Problem:
        return cls(error.path, error.reason)
