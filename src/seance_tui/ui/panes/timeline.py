"""The timeline pane: phases, hours gauge and the checklist, whose ticks it applies."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import SelectionList, Static

from .. import texts
from ..widgets.timeline import Timeline


class TimelinePane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(texts.PANE_TITLE.format(name=texts.PANE_TIMELINE, key="F3"), classes="pane-title")
        yield Timeline(id="timeline")

    @on(SelectionList.SelectionToggled, "#checklist")
    def _checklist_toggled(self, event: SelectionList.SelectionToggled) -> None:
        screen = self.screen
        if not screen.writable():
            # The tick shown is taken back: the record did not change.
            self.query_one(Timeline).show(screen.current.record if screen.current else None, screen.ws.phases,
                                          screen.now())
            return
        phase, item = event.selection.value.split(":", 1)
        done = event.selection.value in event.selection_list.selected
        record = screen.current.record
        seance = record.open_seance.number if record.open_seance else None
        screen.apply(lambda: record.set_checklist_item(phase, item, done, screen.now(), seance))
