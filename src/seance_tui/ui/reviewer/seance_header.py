"""Review's séance header: the séance's facts in two lines above its notes
(the summary's facts table filled an 80×24 screen before the first note)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...domain.text import one_line
from ...services.review import SeanceView
from .. import texts


def header_content(view: SeanceView) -> Content:
    facts = view.facts
    title = texts.REVIEW_SEANCE_TITLE.format(
        candidate=one_line(view.candidate), number=view.number, day=facts.day, phase=one_line(facts.phase)
    )
    times = texts.REVIEW_SEANCE_TIMES.format(
        times=facts.times, duration=facts.duration, status=facts.status.lower(), hours=facts.hours,
        consultant=one_line(facts.consultant),
    )
    # Content, never markup: the names are shown as typed.
    parts: list[tuple[str, str] | str] = [(title, "bold"), "\n", times]
    if view.has_private:
        parts.append((texts.REVIEW_SEANCE_PRIVATE, "italic"))
    return Content.assemble(*parts)


class SeanceHeader(Static):
    def show(self, view: SeanceView) -> None:
        self.update(header_content(view))
