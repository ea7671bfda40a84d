"""Slugs and candidate ids: ``[a-z0-9-]`` only, so that no name can reach a
path separator, ``..``, a hidden file or a Windows device name. The export
folder names (export/naming.py) and new candidates' ids are both made here."""

from __future__ import annotations

import re

from .model import new_id
from .text import fold

FALLBACK_SLUG = "candidat"
MAX_SLUG_LENGTH = 64  # a candidate id (storage.layout) fits whole
ID_SLUG_LENGTH = 40  # the name's part of a new id, leaving room for its random tail

# Latin letters that Unicode does not decompose into a base letter and an accent
# (fold already turns œ, æ and ß into two letters).
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


def new_candidate_id(name: str) -> str:
    """``zoe-duboeuf-3fa9c1``: readable in a folder listing, unique by its random tail."""
    return f"{candidate_slug(name)[:ID_SLUG_LENGTH]}-{new_id()[:6]}"
