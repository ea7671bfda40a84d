"""Review: the feuille de route as it is, and the history of its changes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...domain.dates import format_date
from ...domain.text import visible_controls
from ...services.review import roadmap_changes, when
from .. import texts
from ..widgets.plain import plain
from .header import ReviewHeader


class RoadmapScreen(Screen):
    def __init__(self, candidate_id: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.stamp = None

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield Static(id="roadmap-title", classes="review-title")
        yield DataTable(id="review-roadmap", cursor_type="row", zebra_stripes=True)
        yield Static(texts.REVIEW_CHANGES_TITLE, classes="review-title")
        with VerticalScroll(id="changes-scroll"):
            yield Static(id="changes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in texts.REVIEW_ROADMAP_COLUMNS:
            table.add_column(label)
        self.reload()
        table.focus()

    def reload(self) -> None:
        try:
            record, self.stamp = self.app.review.load(self.candidate_id)
        except Exception as exc:  # unreadable file: say which, keep the last view
            self.app.notify(str(exc), severity="error", timeout=15)  # the app never reads markup
            return
        today = self.app.review.clock().date()
        self.query_one("#roadmap-title", Static).update(
            Content.assemble(texts.PANE_ROADMAP, " · ", plain(record.candidate.name))
        )
        table = self.query_one(DataTable)
        table.clear()
        for item in record.roadmap:
            overdue = item.is_overdue(today)
            deadline = format_date(item.deadline) if item.deadline else "—"
            table.add_row(
                Text(visible_controls(item.objective)),
                Text(visible_controls(item.means)),
                Text(f"{deadline} ({texts.OVERDUE})" if overdue else deadline, style="bold" if overdue else ""),
                Text(item.status.label),
                Text(f"n° {item.created_in}" if item.created_in else "—"),
            )
        lines = [
            Content.assemble(
                (when(change.at), "bold"),
                f" · {f'séance n° {change.seance}' if change.seance else 'hors séance'} · ",
                plain(change.text),
            )
            for change in roadmap_changes(record)
        ]
        self.query_one("#changes", Static).update(Content("\n").join(lines) if lines else texts.REVIEW_NO_CHANGES)
