"""The timeline pane: phases, hours gauge and the checklist, whose ticks it
applies; the end of the bilan from here: the follow-up interview ("u") and
closing the bilan ("b")."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import SelectionList, Static

from ...domain import closing, follow_up
from ...domain.dates import format_date_long
from .. import bindings, texts
from ..dialogs.choice import confirm
from ..dialogs.closing import ClosingDialog
from ..dialogs.follow_up import DECLINE, PLAN, FollowUpDialog
from ..widgets.timeline import Timeline


class TimelinePane(Vertical):
    BINDINGS = bindings.TIMELINE

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
        record = screen.current.record
        # A toggle flips what the record says. Not the list's state: the list
        # is refilled from the record after each tick, so a second tick of a
        # burst, handled after that refill, would read its step as unticked.
        done = item not in record.checklist.get(phase, {})
        seance = record.open_seance.number if record.open_seance else None
        screen.apply(lambda: record.set_checklist_item(phase, item, done, screen.now(), seance))

    # --- the follow-up interview ---------------------------------------------------------

    @work
    async def action_follow_up(self) -> None:
        """"u": plan, move or decline the follow-up, whenever (a planned one can
        still move once the bilan is closed: the domain decides)."""
        screen = self.screen
        if screen.presenting:  # not in front of the candidate (the palette hides them too)
            screen.notify(texts.PRESENTATION_LOCKED, severity="warning", timeout=4)
            return
        if not screen.writable(closed_ok=True):
            return
        record = screen.current.record
        planned = follow_up.planned_follow_up(record)
        proposed = planned.planned_date if planned and planned.planned_date else (
            follow_up.default_follow_up_date(screen.today()))
        await self.ask_follow_up(proposed, after_conclusion=False)

    async def ask_follow_up(self, proposed: date, after_conclusion: bool = True) -> None:
        """The dialog, then the domain's rule (from a worker: it waits for the answer)."""
        screen = self.screen
        record = screen.current.record
        answer = await self.app.push_screen_wait(FollowUpDialog(proposed, screen.today, after_conclusion))
        if answer is None or screen.current is None or screen.current.record is not record:
            return  # « Plus tard »: proposed again at the next conclusion, or with "u"
        choice, day = answer
        if choice == PLAN:
            phase = follow_up.follow_up_phase(screen.ws.phases)
            if screen.apply(lambda: follow_up.plan_follow_up(record, day, phase, screen.now())):
                number = follow_up.follow_up_seance(record).number
                screen.notify(texts.FOLLOW_UP_PLANNED_NOTICE.format(date=format_date_long(day), number=number))
        elif choice == DECLINE and screen.apply(lambda: follow_up.decline_follow_up(record, screen.now())):
            screen.notify(texts.FOLLOW_UP_DECLINED_NOTICE)

    # --- closing the bilan ------------------------------------------------------------------

    @work
    async def action_close_bilan(self) -> None:
        """"b": the check list; if every item is met, the end date, a confirmation (Non by default), the close."""
        screen = self.screen
        if screen.presenting:  # not in front of the candidate (the palette hides them too)
            screen.notify(texts.PRESENTATION_LOCKED, severity="warning", timeout=4)
            return
        if not screen.writable():  # a closed bilan says since when
            return
        record = screen.current.record
        end = await self.app.push_screen_wait(ClosingDialog(closing.closing_checks(record), screen.today))
        if end is None or screen.current is None or screen.current.record is not record:
            return
        name = record.candidate.name
        question = texts.CONFIRM_CLOSE_BILAN.format(name=name, date=format_date_long(end))
        if not await self.app.push_screen_wait(confirm(question)):
            return
        if screen.apply(lambda: closing.close_bilan(record, end, screen.now(), cancel_planned=True)):
            screen.notify(texts.BILAN_CLOSED_NOTICE.format(name=name, date=format_date_long(end)))
