"""Exporting a document to a file: the one use case behind ``seance export``
and the summary the workspace writes when a séance is closed.

Which document (``export/``, pure), its file name (``export.naming``), where
(``storage.layout``: ``<data-dir>/exports`` unless told otherwise) and the
atomic, private write (``storage.exports``) are each decided elsewhere; this
module only puts them in order, so that both callers do exactly the same.
"""

from __future__ import annotations

import enum
from datetime import datetime
from pathlib import Path

from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from ..storage.errors import Problem
from ..storage.exports import write_export, write_shared_export
from ..storage.layout import Layout
from ..storage.store import ReadOnlyStore


class Document(enum.Enum):
    SUMMARY = "summary"  # one séance's compte rendu
    HISTORY = "history"  # the full history (the centre's document)
    SYNTHESIS = "synthesis"  # the document de synthèse
    QUALIOPI = "qualiopi"  # the trace pack for an audit: no content (export/qualiopi.py)


def render(
    record: CandidateRecord, phases: PhaseSet, document: Document, now: datetime, seance_number: int | None = None
) -> tuple[str, str]:
    """The document's Markdown and its file name. ``seance_number`` names the
    séance of a summary (``RuleError`` if the record has no such séance)."""
    # Imported here: Markdown export is not needed to show the workspace's first frame.
    from ..export import naming

    if document is Document.HISTORY:
        from ..export.history import full_history

        return full_history(record, phases, now), naming.history_filename(now.date())
    if document is Document.SYNTHESIS:
        from ..export.synthesis import synthesis_document

        return synthesis_document(record, phases, now), naming.synthesis_filename(now.date())
    if document is Document.QUALIOPI:
        from ..export.qualiopi import qualiopi_pack

        return qualiopi_pack(record, phases, now), naming.qualiopi_filename(record.candidate.id, now.date())
    from ..export.summary import seance_summary

    seance = record.seance(seance_number)
    return seance_summary(record, seance.number, phases, now), naming.summary_filename(seance)


def exports_dir(data_dir: Path, output: Path | None = None) -> Path:
    return output if output is not None else Layout(data_dir).exports_dir


def export_to_file(
    record: CandidateRecord,
    phases: PhaseSet,
    document: Document,
    now: datetime,
    into: Path,
    seance_number: int | None = None,
) -> Path:
    """Render and write under ``into/<candidate folder>/``; returns the file's path.
    Raises ``OSError`` or ``StorageError`` when the folder refuses the write."""
    text, filename = render(record, phases, document, now, seance_number)
    if document is Document.QUALIOPI:
        from ..export.naming import QUALIOPI_FOLDER

        # An audit's packs together, beside the candidates' folders (export/naming.py).
        return write_shared_export(into, QUALIOPI_FOLDER, filename, text)
    return write_export(into, record.candidate, filename, text)


def export_every_qualiopi_pack(
    store: ReadOnlyStore, phases: PhaseSet, now: datetime, into: Path
) -> tuple[list[Path], list[Problem]]:
    """One trace pack per candidate, for an audit: the files written, and the
    candidate files that could not be read (named, the others still written).
    Raises ``OSError`` or ``StorageError`` when the folder refuses a write."""
    records, problems = store.load_all()
    written = [
        export_to_file(record, phases, Document.QUALIOPI, now, into)
        for record in sorted(records, key=lambda r: r.candidate.id)
    ]
    return written, problems
