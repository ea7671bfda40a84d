"""One TinyDB JSON file per candidate: atomic writes, one writer per file,
read-only stores that cannot write, and a derived index for listing.

The names below are loaded when first asked for (PEP 562): importing any
``storage.*`` module runs this file first, and ``seance list`` or
``seance --version`` must not pay for TinyDB and the whole store to read
``storage.errors``."""

from __future__ import annotations

from importlib import import_module

# name -> the module of this package that defines it
_NAMES = {
    "CandidateExists": "errors",
    "CandidateFileError": "errors",
    "CandidateNotFound": "errors",
    "DataDirMissing": "errors",
    "FileContentError": "errors",
    "InvalidCandidateId": "errors",
    "Problem": "errors",
    "StorageError": "errors",
    "CandidateSummary": "index",
    "CandidateLocked": "locks",
    "LockOwner": "locks",
    "CandidateWriter": "store",
    "ReadOnlyStore": "store",
    "WritableStore": "store",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
