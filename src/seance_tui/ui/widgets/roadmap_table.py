"""The workspace's feuille de route: the fitted table (roadmap_grid.py) with
its keys.

The table only shows and posts typed requests; its pane (ui/panes/roadmap.py)
asks what a request needs and applies it through the screen (so that every
change is logged and saved in one place)."""

from __future__ import annotations

from textual.message import Message

from .. import bindings
from .roadmap_grid import RoadmapGrid


class RoadmapTable(RoadmapGrid):
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
