"""One TinyDB JSON file per candidate: atomic writes, one writer per file,
read-only stores that cannot write, and a derived index for listing."""

from .errors import (
    CandidateExists,
    CandidateFileError,
    CandidateNotFound,
    DataDirMissing,
    FileContentError,
    InvalidCandidateId,
    Problem,
    StorageError,
)
from .index import CandidateSummary
from .locks import CandidateLocked, LockOwner
from .store import CandidateWriter, ReadOnlyStore, WritableStore

__all__ = [
    "CandidateExists",
    "CandidateFileError",
    "CandidateLocked",
    "CandidateNotFound",
    "CandidateSummary",
    "CandidateWriter",
    "DataDirMissing",
    "FileContentError",
    "InvalidCandidateId",
    "LockOwner",
    "Problem",
    "ReadOnlyStore",
    "StorageError",
    "WritableStore",
]
