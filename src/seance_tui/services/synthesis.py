"""The synthesis editor's use cases, without Textual: the document de synthèse
of the candidate open in the workspace.

The rules are ``domain/synthesis.py``'s; this module applies them to the open
candidate's record and marks it changed, so that it is saved by the
workspace's one save path (``OpenCandidate`` and the screen's ``Saver``:
autosave, flush on leave and quit, recovery copy). The hand-over also writes
the Markdown export of the version handed over (``services/exports.py``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain import synthesis
from ..domain.model import SynthesisVersion
from ..domain.record import RuleError
from ..domain.synthesis import SECTIONS, Section
from . import exports
from .errors import SaveFailed, reported_as
from .workspace import OpenCandidate, Workspace

__all__ = ["SECTIONS", "Section", "SynthesisSession", "RuleError", "SaveFailed"]


class SynthesisSession:
    """The synthesis of one open candidate, as its editor sees it."""

    def __init__(self, workspace: Workspace, opened: OpenCandidate) -> None:
        self.ws = workspace
        self.opened = opened

    @property
    def record(self):
        return self.opened.record

    @property
    def name(self) -> str:
        return self.record.candidate.name

    def read_only_reason(self) -> str | None:
        """Why the synthesis cannot change (the lock of another workspace, a
        closed bilan, a purged file), or None when it can."""
        if self.opened.read_only:
            return self.opened.locked_message or ""
        try:
            self.record.ensure_editable()
        except RuleError as exc:
            return str(exc)
        return None

    # --- what is shown ------------------------------------------------------------

    def text(self, key: str) -> str:
        return synthesis.text_of(self.record, key)

    @property
    def current(self) -> SynthesisVersion | None:
        return synthesis.current(self.record)

    def state(self) -> tuple[int | None, str]:
        """(version number or None, ``brouillon`` / ``remis le …``)."""
        v = self.current
        return (v.number if v else None), synthesis.state_label(v)

    def versions(self) -> list[SynthesisVersion]:
        return list(self.record.synthesis)

    def document(self, version_number: int | None = None) -> str:
        """The Markdown document of the current version, or of an older one (its history)."""
        from ..export.synthesis import synthesis_document

        return synthesis_document(self.record, self.ws.phases, self.ws.clock(), version_number)

    # --- changes ----------------------------------------------------------------------

    def _seance(self) -> int | None:
        seance = self.record.open_seance
        return seance.number if seance else None

    def propose_draft(self) -> dict[str, str]:
        from ..export.synthesis import steps_markdown

        return synthesis.propose_draft(self.record, steps_markdown)

    def draft_conflicts(self, proposed: dict[str, str]) -> list[Section]:
        """The sections whose written text the draft would replace (asked first)."""
        return [synthesis.section(key) for key in synthesis.draft_conflicts(self.record, proposed)]

    def apply_draft(self, proposed: dict[str, str], *, replace: bool) -> list[str]:
        """Raises RuleError; returns the keys of the sections changed."""
        self._writable()
        keys = synthesis.apply_draft(self.record, proposed, self.ws.clock(), self._seance(), replace=replace)
        if keys:
            self.opened.mark_changed()
        return keys

    def set_text(self, key: str, text: str) -> bool:
        """A keystroke's result in a section; True if the record changed
        (after a hand-over, the first change starts the next version)."""
        self._writable()
        changed = synthesis.set_section(self.record, key, text, self.ws.clock(), self._seance())
        if changed:
            self.opened.mark_changed()
        return changed

    def hand_over_refusal(self) -> str | None:
        return synthesis.hand_over_refusal(self.record)

    def hand_over(self, day: date) -> Path:
        """The current version is given to the beneficiary on ``day``: recorded,
        saved at once, and its Markdown document written to the exports.
        Raises RuleError (nothing changed) or SaveFailed (the record changed
        in memory: the autosave retries; the file may be missing)."""
        self._writable()
        synthesis.hand_over(self.record, day, self.ws.clock(), self._seance(),
                            self.ws.phases.ticked_by(synthesis.HANDED_OVER_EVENT))
        self.opened.mark_changed()
        self.opened.save_now()
        with reported_as(SaveFailed):
            return exports.export_to_file(
                self.record, self.ws.phases, exports.Document.SYNTHESIS, self.ws.clock(),
                exports.exports_dir(self.ws.data_dir),
            )

    def _writable(self) -> None:
        reason = self.read_only_reason()
        if reason is not None:
            raise RuleError(reason or "Ce dossier est en lecture seule.")
