"""Review: every candidate, newest séance first (or by name), filtered as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input

from ...domain.dates import format_date
from ...domain.hours import format_budget, format_hours
from ...domain.text import fold, visible_controls
from ...services.listing import CandidateSummary
from ..widgets.form_input import FormInput
from .. import bindings, texts
from .header import ReviewHeader


class CandidateTable(DataTable):
    BINDINGS = bindings.REVIEW_CANDIDATES

    def action_open(self) -> None:
        self.screen.open_selected()

    def action_toggle_sort(self) -> None:
        self.screen.toggle_sort()


class CandidatesScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self._summaries: list[CandidateSummary] = []
        self._by_name = False

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        filter_box = FormInput(placeholder=texts.FILTER_PLACEHOLDER, id="review-filter")
        filter_box.cursor_blink = False
        yield filter_box
        yield CandidateTable(id="review-candidates", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(CandidateTable)
        for label in texts.REVIEW_CANDIDATE_COLUMNS:
            table.add_column(label)
        self.reload()
        table.focus()

    def reload(self) -> None:
        summaries, problems = self.app.review.candidates()
        self._summaries = summaries
        for problem in problems:
            self.app.notify(str(problem), severity="error", timeout=15)  # the app never reads markup
        self._fill()

    def toggle_sort(self) -> None:
        self._by_name = not self._by_name
        self._fill()

    @on(Input.Changed, "#review-filter")
    def _filter(self) -> None:
        self._fill()

    @on(Input.Submitted, "#review-filter")
    def _to_table(self) -> None:
        self.query_one(CandidateTable).focus()

    def _fill(self) -> None:
        table = self.query_one(CandidateTable)
        keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        query = fold(self.query_one("#review-filter", Input).value.strip())
        rows = [s for s in self._summaries if query in fold(_name(s))]
        if self._by_name:
            rows.sort(key=lambda s: (s.purged_on is not None, fold(_name(s))))
        phases = self.app.review.phases
        table.clear()
        for s in rows:
            table.add_row(
                Text(visible_controls(_name(s))),
                Text(phases.label(s.current_phase)),
                Text(str(s.seance_count), justify="right"),
                Text(f"{format_hours(s.hours_used)} / {format_budget(s.hours_budget)}"),
                Text(format_date(s.last_seance_date) if s.last_seance_date else "—"),
                key=s.id,
            )
        if keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))

    def open_selected(self) -> None:
        table = self.query_one(CandidateTable)
        if table.row_count:
            from .history import HistoryScreen

            self.app.push_screen(HistoryScreen(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))


def _name(summary: CandidateSummary) -> str:
    """A purged file has no name left (R6313-7): its id and the day it was purged."""
    return texts.purged_name(summary.id, summary.purged_on) if summary.purged_on else summary.name
