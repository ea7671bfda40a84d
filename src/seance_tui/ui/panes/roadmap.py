"""The roadmap pane: the table's requests, their forms and confirmations."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .. import texts
from ..dialogs.choice import confirm
from ..dialogs.roadmap_form import RoadmapForm
from ..widgets.roadmap_detail import RoadmapDetail
from ..widgets.roadmap_table import RoadmapTable


class RoadmapPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(texts.PANE_TITLE.format(name=texts.PANE_ROADMAP, key="F5"), classes="pane-title")
        yield RoadmapTable(id="roadmap-table")
        yield RoadmapDetail(id="roadmap-detail")

    @on(RoadmapTable.ItemHighlighted)
    def _show_detail(self, message: RoadmapTable.ItemHighlighted) -> None:
        self.query_one(RoadmapDetail).show(message.item, message.today)

    def _target(self):
        """The open record and its open séance's number, or None if it cannot be changed."""
        if not self.screen.writable():
            return None
        record = self.screen.current.record
        return record, record.open_seance.number if record.open_seance else None

    @on(RoadmapTable.AddItem)
    @work
    async def _add(self) -> None:
        if (target := self._target()) is None:
            return
        record, seance = target
        fields = await self.app.push_screen_wait(RoadmapForm(self.screen.today))
        if fields is not None:
            self.screen.apply(lambda: record.add_roadmap_item(
                fields.objective, self.screen.now(), seance, means=fields.means, deadline=fields.deadline))
            table = self.query_one(RoadmapTable)
            table.move_cursor(row=table.row_count - 1)

    @on(RoadmapTable.EditItem)
    @work
    async def _edit(self, request: RoadmapTable.EditItem) -> None:
        if (target := self._target()) is None:
            return
        record, seance = target
        item = record.roadmap_item(request.item_id)
        fields = await self.app.push_screen_wait(RoadmapForm(self.screen.today, item))
        if fields is not None:
            self.screen.apply(lambda: record.edit_roadmap_item(
                item.id, self.screen.now(), seance, objective=fields.objective, means=fields.means,
                deadline=fields.deadline))

    @on(RoadmapTable.CycleStatus)
    def _cycle(self, request: RoadmapTable.CycleStatus) -> None:
        if (target := self._target()) is not None:
            record, seance = target
            self.screen.apply(lambda: record.cycle_roadmap_status(request.item_id, self.screen.now(), seance))

    @on(RoadmapTable.DeleteItem)
    @work
    async def _delete(self, request: RoadmapTable.DeleteItem) -> None:
        if (target := self._target()) is None:
            return
        record, seance = target
        item = record.roadmap_item(request.item_id)
        if await self.app.push_screen_wait(confirm(texts.CONFIRM_DELETE_ITEM.format(objective=item.objective))):
            self.screen.apply(lambda: record.delete_roadmap_item(item.id, self.screen.now(), seance))

    @on(RoadmapTable.MoveItem)
    def _move(self, request: RoadmapTable.MoveItem) -> None:
        if (target := self._target()) is None:
            return
        record, seance = target
        self.screen.apply(lambda: record.move_roadmap_item(request.item_id, request.offset, self.screen.now(), seance))
        self.query_one(RoadmapTable).show(record.roadmap, self.screen.today(), selected=request.item_id)
