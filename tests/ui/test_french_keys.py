"""Keys named in French (ui/keys.py) in the footer, the help screen and the
palette; the palette's own words in French; its entries whole sentences."""

from __future__ import annotations

import json
import re

from textual.command import CommandList, CommandPalette

from seance_pilot import open_candidate, screen_text, type_text, wait_until
from seance_tui.ui import bindings
from seance_tui.ui.screens.help import HelpScreen

# Textual's own key names, as main showed them.
ENGLISH = re.compile(r"\b(enter|space|escape|delete|shift|pageup|pagedown|backspace|tab|up|down|ctrl|f\d+)\b")


def footer(app) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


def help_text(app) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query("Static"))


async def test_footer_names_the_keys_in_french(app):
    async with app.run_test(size=(200, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f5")  # the roadmap: Entrée, Suppr, Maj+↑, Maj+↓
        await wait_until(pilot, lambda: "Monter" in footer(app), what="the roadmap's footer")
        line = footer(app)
        for french in ("F1 Aide", "F6 Démarrer", "Entrée", "Suppr", "Maj+↑ Monter", "Maj+↓ Descendre"):
            assert french in line, line
        assert not ENGLISH.search(line), line

        await pilot.press("f3")  # the checklist: Espace
        await wait_until(pilot, lambda: "Cocher" in footer(app), what="the checklist's footer")
        assert "Espace Cocher" in footer(app), footer(app)
        assert not ENGLISH.search(footer(app)), footer(app)


async def test_help_names_the_keys_in_french(app):
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        text = help_text(app)
        for french in ("Entrée", "Échap", "Espace", "Maj+↑", "Maj+Tab", "Page↓", "e / Entrée", "d / Suppr"):
            assert french in text, french
        keys_column = "\n".join(line[:16] for line in text.splitlines())
        assert not ENGLISH.search(keys_column), keys_column


async def test_a_remapped_key_is_named_in_french_too(data_dir, make_app):
    (data_dir / "keymap.json").write_text(json.dumps({"roadmap.up": "ctrl+up", "seance.start": "f11"}), encoding="utf-8")
    app = make_app()
    # Wide: Textual moves a remapped key to the end of the footer.
    async with app.run_test(size=(300, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f5")
        await wait_until(pilot, lambda: "Monter" in footer(app), what="the roadmap's footer")
        assert "^↑ Monter" in footer(app) and "F11 Démarrer" in footer(app), footer(app)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        assert re.search(r"\^↑\s+Monter", help_text(app)) and re.search(r"F11\s+Démarrer", help_text(app))


async def test_palette_speaks_french(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f5", "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        assert "Rechercher une commande…" in screen_text(app)
        assert "Search" not in screen_text(app)
        results = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="discovery")
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        # Out of the footer's context one word is not enough: whole sentences, keys in French.
        assert any("Ajouter une étape à la feuille de route" in p and "a" in p for p in prompts), prompts
        assert any("Monter l'étape sélectionnée" in p and "Maj+↑" in p for p in prompts), prompts
        assert not any(p.split("\n")[0].strip() in ("Ajouter", "Monter", "Statut") for p in prompts), prompts
        assert not any(ENGLISH.search(p) for p in prompts), prompts

        await type_text(pilot, "zzzz")
        await wait_until(pilot, lambda: "Aucune commande ne correspond." in screen_text(app), what="no match line")
        assert "No matches" not in screen_text(app)


async def test_every_palette_entry_is_a_sentence():
    for section in (bindings.WORKSPACE, bindings.NOTES, bindings.ROADMAP, bindings.TIMELINE, bindings.SYNTHESIS):
        for binding in section:
            assert len(bindings.sentence(binding).split()) >= 3, binding
