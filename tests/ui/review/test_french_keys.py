"""Review's footer and help name the keys in French; its help says nothing of
what review does not have (autosave, a command palette)."""

from __future__ import annotations

import re

from review_pilot import SIZE, open_from_candidates, screen_text, wait_until
from seance_tui.ui.screens.help import HelpScreen

ENGLISH = re.compile(r"\b(enter|space|escape|delete|shift|pageup|pagedown|tab|up|down|ctrl|f\d+)\b")


def footer(app) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


async def test_review_footer_and_help_name_keys_in_french(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "Historique" in footer(app), what="the candidates' footer")
        assert "Entrée Historique" in footer(app) and "F1 Aide" in footer(app), footer(app)
        assert not ENGLISH.search(footer(app)), footer(app)
        await open_from_candidates(pilot, "zoe")
        await wait_until(pilot, lambda: "Lire" in footer(app), what="the history's footer")
        assert "Entrée Lire" in footer(app) and "Échap Retour" in footer(app), footer(app)
        assert not ENGLISH.search(footer(app)), footer(app)

        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        text = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Échap" in text and "Entrée" in text, text
        assert not ENGLISH.search("\n".join(line[:16] for line in text.splitlines())), text
        # Review changes nothing and has no palette: its help says so, not the workspace's.
        assert "lecture seule" in text, text
        assert "palette" not in text and "ctrl+p" not in text and "enregistrent" not in text, text
