"""The selected objective of the feuille de route in full, wrapped, under its
table (which cuts long texts to fit its columns)."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from ...domain.model import RoadmapItem
from .. import texts
from .plain import plain
from .roadmap_grid import deadline_text


class RoadmapDetail(Static):
    # A class, not ``display``: an inline style would win over the stylesheet's
    # rules (presentation mode hides the detail).
    DEFAULT_CSS = "RoadmapDetail.-empty { display: none; }"

    def show(self, item: RoadmapItem | None, today: date) -> None:
        self.set_class(item is None, "-empty")
        if item is None:
            self.update("")
            return
        overdue = "bold" if item.is_overdue(today) else ""
        self.update(Content("\n").join([
            Content.assemble((texts.DETAIL_OBJECTIVE, "bold"), plain(item.objective)),
            Content.assemble((texts.DETAIL_MEANS, "bold"), plain(item.means) if item.means else Content("—")),
            Content.assemble(
                (texts.DETAIL_DEADLINE, "bold"), (deadline_text(item, today), overdue),
                "   ", (texts.DETAIL_STATUS, "bold"), item.status.label,
            ),
        ]))
