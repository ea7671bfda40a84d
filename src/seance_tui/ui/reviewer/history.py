"""Review: one candidate's séances as a timeline, newest last."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...domain.dates import format_date
from ...domain.hours import format_budget, format_hours
from ...domain.record import CandidateRecord
from ...domain.text import visible_controls
from .. import bindings, texts
from ..widgets.plain import plain
from .header import ReviewHeader


def first_line(notes: str) -> str:
    """The first line of prose: template headings say nothing about the séance."""
    lines = [line.strip() for line in notes.splitlines() if line.strip()]
    prose = [line for line in lines if not line.startswith("#")]
    return (prose or lines or [texts.REVIEW_EMPTY_NOTES])[0].lstrip("#").strip()


class HistoryTable(DataTable):
    BINDINGS = bindings.REVIEW_HISTORY

    def action_read(self) -> None:
        self.screen.read_selected()

    def action_roadmap(self) -> None:
        self.screen.show_roadmap()

    def action_qualiopi(self) -> None:
        self.screen.show_qualiopi()


class HistoryScreen(Screen):
    def __init__(self, candidate_id: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.record: CandidateRecord | None = None
        self.stamp = None

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield Static(id="history-title", classes="review-title")
        yield HistoryTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(HistoryTable)
        for label in texts.REVIEW_HISTORY_COLUMNS:
            table.add_column(label)
        self.reload()
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)
        table.focus()

    def reload(self) -> None:
        try:
            self.record, self.stamp = self.app.review.load(self.candidate_id)
        except Exception as exc:  # the file became unreadable: say which, keep the last view
            self.app.notify(str(exc), severity="error", timeout=15)  # the app never reads markup
            return
        record = self.record
        now = self.app.review.clock()
        phases = self.app.review.phases
        used = f"{format_hours(record.hours_used(now))} / {format_budget(record.candidate.hours_budget)}"
        self.query_one("#history-title", Static).update(
            Content.assemble(plain(record.candidate.name), f" · {phases.label(record.current_phase(phases))} · {used}")
        )
        table = self.query_one(HistoryTable)
        keep = table.cursor_row
        table.clear()
        for s in record.seances:
            table.add_row(
                Text(f"n° {s.number}"),
                Text(format_date(s.day) if s.day else "—"),
                Text(phases.label(s.phase)),
                Text(format_hours(s.duration(now)) if s.start else s.status.label),
                Text(visible_controls(first_line(s.notes)), no_wrap=True, overflow="ellipsis"),
                key=str(s.number),
            )
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def read_selected(self) -> None:
        table = self.query_one(HistoryTable)
        if table.row_count:
            from .seance import SeanceScreen

            number = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            self.app.push_screen(SeanceScreen(self.candidate_id, number))

    def show_roadmap(self) -> None:
        from .roadmap import RoadmapScreen

        self.app.push_screen(RoadmapScreen(self.candidate_id))

    def show_qualiopi(self) -> None:
        from .qualiopi import QualiopiScreen

        self.app.push_screen(QualiopiScreen(self.candidate_id))
