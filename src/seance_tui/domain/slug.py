"""Slugs: a name made safe for a file or folder name, and for a candidate id.

A slug is made of ``[a-z0-9-]`` only, so no name can reach a path separator,
``..``, a hidden file or a Windows device name. The candidate folder (of the
exports, ``export.naming``) is the slug of the name followed by the candidate's
id: two candidates with the same name never share a folder. An id that already
begins with the name's slug (``zoe-lefevre``, ``zoe-lefevre-2``) is the folder on
its own. Here, beside the model, because storage (export files), the export
names and the making of ids all follow it.
"""

from __future__ import annotations

import re

from .model import Candidate, new_id
from .text import fold

FALLBACK_SLUG = "candidat"
MAX_SLUG_LENGTH = 64  # a candidate id (storage.layout) fits whole
ID_SLUG_LENGTH = 40  # the name's part of a new id, leaving room for its random tail

# Latin letters that Unicode does not decompose into a base letter and an accent
# (domain.text.fold already turns œ, æ and ß into two letters).
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ı": "i"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Windows refuses these as file or folder names, whatever the case.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def candidate_slug(name: str) -> str:
    """``Zoé Dubœuf`` → ``zoe-duboeuf``; never empty, never a Windows device name."""
    slug = _NOT_SLUG.sub("-", fold(name.translate(_LETTERS))).strip("-")
    slug = slug[:MAX_SLUG_LENGTH].rstrip("-")
    if not slug:
        return FALLBACK_SLUG
    return f"{slug}-{FALLBACK_SLUG}" if slug in _WINDOWS_DEVICES else slug


def candidate_folder(candidate: Candidate) -> str:
    name, identifier = candidate_slug(candidate.name), candidate_slug(candidate.id)
    if identifier == name or identifier.startswith(f"{name}-"):
        return identifier
    return f"{name}-{identifier}"


def new_candidate_id(name: str) -> str:
    """``zoe-duboeuf-3fa9c1``: readable in a folder listing, unique by its random tail."""
    return f"{candidate_slug(name)[:ID_SLUG_LENGTH]}-{new_id()[:6]}"
