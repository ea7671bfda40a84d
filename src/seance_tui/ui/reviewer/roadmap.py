"""Review: the feuille de route as it is, and the history of its changes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...domain.model import RoadmapItem
from ...services.review import roadmap_changes, when
from .. import texts
from ..widgets.plain import plain
from ..widgets.roadmap_detail import RoadmapDetail
from ..widgets.roadmap_grid import RoadmapGrid
from .header import ReviewHeader


class ReviewRoadmapTable(RoadmapGrid):
    """The workspace's columns, fitted the same way, and the séance each objective was added in."""

    EXTRA_COLUMNS = ((texts.REVIEW_COL_CREATED_IN, len(texts.REVIEW_COL_CREATED_IN)),)

    def extra_cells(self, item: RoadmapItem) -> list[Text]:
        return [Text(f"n° {item.created_in}" if item.created_in else "—")]


class RoadmapScreen(Screen):
    def __init__(self, candidate_id: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.stamp = None

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield Static(id="roadmap-title", classes="review-title")
        yield ReviewRoadmapTable(id="review-roadmap")
        yield RoadmapDetail(id="review-roadmap-detail")
        yield Static(texts.REVIEW_CHANGES_TITLE, classes="review-title")
        with VerticalScroll(id="changes-scroll"):
            yield Static(id="changes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(ReviewRoadmapTable).focus()

    @on(RoadmapGrid.ItemHighlighted)
    def _show_detail(self, message: RoadmapGrid.ItemHighlighted) -> None:
        self.query_one(RoadmapDetail).show(message.item, message.today)

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
        self.query_one(ReviewRoadmapTable).show(record.roadmap, today)
        lines = [
            Content.assemble(
                (when(change.at), "bold"),
                f" · {f'séance n° {change.seance}' if change.seance else 'hors séance'} · ",
                plain(change.text),
            )
            for change in roadmap_changes(record, self.app.review.phases)
        ]
        self.query_one("#changes", Static).update(Content("\n").join(lines) if lines else texts.REVIEW_NO_CHANGES)
