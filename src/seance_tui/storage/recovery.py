"""The last resort when the data dir refuses a save at quit time: the open
séance's notes, and the synthesis being written, go to a recovery file
elsewhere, so that nothing typed is lost."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from .. import paths
from ..domain.record import CandidateRecord
from ..domain.synthesis import SECTIONS
from .atomic import make_private_dir


def recovery_dirs() -> list[Path]:
    return [paths.default_user_cache_dir() / "recovery", Path(tempfile.gettempdir()) / "seance-recovery"]


def write_recovery_copy(record: CandidateRecord, now: datetime | None = None) -> Path:
    """Writes every séance's notes (the open one first) and returns the file's path."""
    now = now or datetime.now()
    seances = sorted(record.seances, key=lambda s: (s.status.value != "open", -s.number))
    parts = [f"<!-- séance {s.number} -->\n{s.notes}" for s in seances if s.notes]
    parts += _synthesis(record)
    text = "\n\n".join(parts)
    last_error: OSError | None = None
    for folder in recovery_dirs():
        try:
            make_private_dir(folder)
            path = folder / f"{record.candidate.id}-{now:%Y%m%d-%H%M%S}.md"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            return path
        except OSError as exc:
            last_error = exc
    raise last_error


def _synthesis(record: CandidateRecord) -> list[str]:
    """The synthesis version still being written (a handed-over one is safe on file)."""
    if not record.synthesis or record.synthesis[-1].handed_over is not None:
        return []
    version = record.synthesis[-1]
    return [
        f"<!-- synthèse, version {version.number} : {section.title} -->\n{version.sections[section.key]}"
        for section in SECTIONS
        if version.sections.get(section.key)
    ]
