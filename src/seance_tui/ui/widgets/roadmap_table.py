"""The feuille de route as a table: objectif | moyens | délai | statut.

The table only shows and posts typed requests; its pane (ui/panes/roadmap.py)
asks what a request needs and applies it through the screen (so that every
change is logged and saved in one place)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ...domain.dates import format_date
from ...domain.model import RoadmapItem, RoadmapStatus
from ...domain.text import visible_controls
from .. import bindings, texts

STATUS_STYLE = {
    RoadmapStatus.TODO: "",
    RoadmapStatus.IN_PROGRESS: "bold",
    RoadmapStatus.ACHIEVED: "green",
    RoadmapStatus.DROPPED: "dim strike",
}


# Long texts are cut in the table (the edit form shows them whole) so that the
# four columns fit the pane: the deadline and status columns take about 34 cells.
FIXED_COLUMNS = 34


def _cell(text: str, style: str = "", width: int | None = None) -> Text:
    # Rich Text, not str: a DataTable reads plain strings as markup.
    shown = visible_controls(text).replace("\n", " ")
    if width is not None and len(shown) > width:
        shown = shown[: width - 1] + "…"
    return Text(shown, style=style)


class RoadmapTable(DataTable):
    BINDINGS = bindings.ROADMAP

    class AddItem(Message):
        """A new objective is asked for."""

    class ItemRequest(Message):
        """A request about the highlighted item."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    class EditItem(ItemRequest):
        pass

    class CycleStatus(ItemRequest):
        pass

    class DeleteItem(ItemRequest):
        pass

    class MoveItem(ItemRequest):
        def __init__(self, item_id: str, offset: int) -> None:
            super().__init__(item_id)
            self.offset = offset

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[list[RoadmapItem], date] | None = None

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column(texts.COL_OBJECTIVE, key="objective")
        self.add_column(texts.COL_MEANS, key="means")
        self.add_column(texts.COL_DEADLINE, key="deadline")
        self.add_column(texts.COL_STATUS, key="status")

    def show(self, items: list[RoadmapItem], today: date, selected: str | None = None) -> None:
        self._shown = (items, today)
        keep = selected or self.selected_id
        free = max(24, (self.size.width or 80) - FIXED_COLUMNS)
        objective_width, means_width = free * 3 // 5, free * 2 // 5
        self.clear()
        for item in items:
            overdue = item.is_overdue(today)
            deadline = format_date(item.deadline) if item.deadline else "—"
            if overdue:
                deadline = f"{deadline} ({texts.OVERDUE})"
            self.add_row(
                _cell(item.objective, "bold red" if overdue else "", objective_width),
                _cell(item.means, width=means_width),
                _cell(deadline, "bold red" if overdue else ""),
                _cell(item.status.label, STATUS_STYLE[item.status]),
                key=item.id,
            )
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    @property
    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def action_add_item(self) -> None:
        self.post_message(self.AddItem())

    def action_edit_item(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.EditItem(self.selected_id))

    def action_cycle_status(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.CycleStatus(self.selected_id))

    def action_delete_item(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.DeleteItem(self.selected_id))

    def action_move_item(self, offset: int) -> None:
        if self.selected_id is not None:
            self.post_message(self.MoveItem(self.selected_id, offset))
