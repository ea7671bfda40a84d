"""F10, the open séance's details: the dialog, then the use case
(services/details.py), saved through the screen's one save path. A mixin of
WorkspaceScreen, kept apart so that each file reads as one thing."""

from __future__ import annotations

from textual import work

from ...domain.record import RuleError
from ...services import details
from .. import texts
from ..dialogs.seance_details import DetailsFields, SeanceDetailsForm


class DetailsActions:
    @work
    async def action_seance_details(self) -> None:
        if not self.writable():
            return
        opened = self.current
        seance = opened.record.open_seance
        if seance is None:
            self.notify(texts.DETAILS_NO_SEANCE, severity="warning")
            return
        self._flush_editor()  # the notes typed so far go with this save
        phase = self.ws.phases.get(seance.phase)

        def save(fields: DetailsFields) -> str | None:
            if self.current is not opened or opened.record.open_seance is not seance:
                return texts.DETAILS_NO_SEANCE
            try:
                details.set_details(opened, fields.tools, fields.next_steps, fields.next_date)
            except RuleError as exc:
                return str(exc)
            self.changed()  # saved at once, and the timeline shows the planned séance
            return None

        saved = await self.app.push_screen_wait(SeanceDetailsForm(
            seance, phase.tools if phase else (), self.today,
            check=lambda when: details.check_next_date(opened, when), save=save,
        ))
        if saved:
            self.notify(texts.DETAILS_SAVED.format(number=seance.number))
