"""Where the candidate stands, on a few wrapped lines: every phase, each with
its state in words (fait, en cours, à venir) as well as a mark, so that it
reads without colour. Presentation mode shows it when the timeline pane does
not fit beside the roadmap."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...domain.phases import PhaseSet
from ...domain.record import CandidateRecord
from .. import texts

STATE_STYLE = {"done": "", "current": "bold reverse", "upcoming": "dim"}


class PhaseStrip(Static):
    def show(self, record: CandidateRecord | None, phases: PhaseSet) -> None:
        if record is None:
            self.update("")
            return
        states = record.phase_states(phases)
        parts = [
            Content.styled(texts.PRESENTATION_PHASE[states[phase.key]].format(phase=phase.label),
                           STATE_STYLE[states[phase.key]])
            for phase in phases
        ]
        self.update(Content.assemble((texts.PRESENTATION_PATH, "bold"), Content("  ").join(parts)))
