"""Names of the export files and folders::

    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-seance-<NN>.md    a séance summary, dated by the séance
    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-historique.md     the full history, dated by the export
    <exports-dir>/<candidate folder>/<YYYY-MM-DD>-synthese.md       the synthesis, dated by the export
    <exports-dir>/audit-qualiopi/<YYYY-MM-DD>-qualiopi-<id>.md      a Qualiopi trace pack, dated by the export

The date first makes a folder list in the order things happened. History and
synthesis are dated by the day of export, so that exporting again another day
never overwrites a copy the consultant may have completed by hand; on the same
day, it replaces it, like a séance's summary.

The Qualiopi packs share one folder, beside the candidates' folders: an audit
takes them together (``seance export --qualiopi --all``), and each is named by
the candidate's id, never by the name (a pack holds only what the R6313-7
purge keeps, and the purge empties the name). An id is slugged like a name.

The candidate folder is the slug of the name followed by the candidate's id:
two candidates with the same name never share a folder. An id that already
begins with the name's slug (``zoe-lefevre``, ``zoe-lefevre-2``) is the folder on
its own.

A slug (domain/slug.py, shared with the candidates' ids) is made of
``[a-z0-9-]`` only, so no name can reach a path separator, ``..``, a hidden
file or a Windows device name.
"""

from __future__ import annotations

from datetime import date

from ..domain.model import Seance
from ..domain.slug import candidate_slug

QUALIOPI_FOLDER = "audit-qualiopi"


def summary_filename(seance: Seance) -> str:
    """``2027-03-15-seance-03.md``; ``sans-date-seance-03.md`` for a séance with no date yet."""
    day = seance.day.isoformat() if seance.day else "sans-date"
    return f"{day}-seance-{seance.number:02d}.md"


def history_filename(today: date) -> str:
    return f"{today.isoformat()}-historique.md"


def synthesis_filename(today: date) -> str:
    return f"{today.isoformat()}-synthese.md"


def qualiopi_filename(candidate_id: str, today: date) -> str:
    """``2026-11-26-qualiopi-zoe-lefevre.md``: the day of export, then the candidate's id."""
    return f"{today.isoformat()}-qualiopi-{candidate_slug(candidate_id)}.md"
