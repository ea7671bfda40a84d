"""Names of the export files and folders::

    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-seance-<NN>.md    a séance summary, dated by the séance
    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-historique.md     the full history, dated by the export
    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-synthese.md       the synthesis, dated by the export

The date first makes a folder list in the order things happened. History and
synthesis are dated by the day of export, so that exporting again another day
never overwrites a copy the consultant may have completed by hand; on the same
day, it replaces it, like a séance's summary.

The candidate folder is the slug of the name followed by the candidate's id:
two candidates with the same name never share a folder. An id that already
begins with the name's slug (``zoe-lefevre``, ``zoe-lefevre-2``) is the folder on
its own.

A slug is made of ``[a-z0-9-]`` only, so no name can reach a path separator,
``..``, a hidden file or a Windows device name.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain.model import Candidate, Seance
from ..domain.text import fold

FALLBACK_SLUG = "candidat"
MAX_SLUG_LENGTH = 64  # a candidate id (storage.layout) fits whole

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


def summary_filename(seance: Seance) -> str:
    """``2027-03-15-seance-03.md``; ``sans-date-seance-03.md`` for a séance with no date yet."""
    day = seance.day.isoformat() if seance.day else "sans-date"
    return f"{day}-seance-{seance.number:02d}.md"


def history_filename(today: date) -> str:
    return f"{today.isoformat()}-historique.md"


def synthesis_filename(today: date) -> str:
    return f"{today.isoformat()}-synthese.md"
