"""A question is never covered by a notice: at 80×24 a toast sat on its buttons."""

from __future__ import annotations

from textual.app import App
from textual.widgets._toast import Toast, ToastRack

from seance_pilot import wait_until
from seance_tui import paths
from seance_tui.ui.dialogs.choice import ChoiceDialog


class Host(App):
    CSS_PATH = paths.stylesheets("workspace.tcss")


def toasts_shown(app) -> bool:
    rack = app.screen.query_one(ToastRack)
    return rack.display and any(toast.display for toast in rack.query(Toast))


async def test_a_question_hides_the_notices_and_they_come_back_after():
    app = Host()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("Dossiers lisibles par d'autres comptes, désormais réservés à vous.", timeout=60)
        await wait_until(pilot, lambda: toasts_shown(app), what="the notice shown")
        app.push_screen(ChoiceDialog("Clore la séance n° 3 ?", [("Oui, avec le PDF", "pdf"), ("Non", None)], default=1))
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the question")
        await pilot.pause()
        assert not toasts_shown(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ChoiceDialog), what="answered")
        await wait_until(pilot, lambda: toasts_shown(app), what="the notice back")
