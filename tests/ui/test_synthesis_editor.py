"""The synthesis editor (F12), as the consultant uses it, checked on disk."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from seance_pilot import answer, load, notifications, open_candidate, screen_text, type_text, wait_until
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.services.autosave import MAX_WAIT
from seance_tui.storage.store import WritableStore
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.screens.synthesis import SynthesisScreen
from seance_tui.ui.screens.workspace import WorkspaceScreen

FRANCOIS = "francois-nguyen"
NAME = "[bold]Zoé[/]"


def on_disk(data_dir, key: str, version: int = -1) -> str | None:
    versions = load(data_dir, FRANCOIS).synthesis
    return versions[version].sections.get(key) if versions else None


def editor(app):
    return app.screen.query_one("#synthesis-editor")


async def open_synthesis(pilot, name: str) -> SynthesisScreen:
    await open_candidate(pilot, name)
    await pilot.press("f12")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SynthesisScreen), what="synthesis editor")
    await wait_until(pilot, lambda: pilot.app.focused is editor(pilot.app), what="editor focused")
    return pilot.app.screen


async def test_f12_opens_the_six_sections_and_escape_goes_back(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_synthesis(pilot, "francois")
        shown = screen_text(pilot.app)
        assert "Document de synthèse" in shown and "brouillon pas encore commencé" in shown
        for title in ("Circonstances du bilan", "Compétences et aptitudes", "Projet(s) et alternatives",
                      "Conditions et moyens de réalisation", "Étapes", "Observations du bénéficiaire"):
            assert title in shown, title
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, WorkspaceScreen), what="back")
        assert pilot.app.screen.overlay is None


async def test_typing_at_zero_delay_is_on_disk_within_the_autosave_bound(app, data_dir):
    typed = "Rigueur, écoute « terrain » [crochets] et œuvre collective.\n- Animation de groupes"
    async with app.run_test(size=(160, 48)) as pilot:
        await open_synthesis(pilot, "francois")
        await pilot.press("f3")  # Compétences et aptitudes
        await type_text(pilot, typed)
        typed_at = time.monotonic()
        await wait_until(
            pilot, lambda: on_disk(data_dir, "competences") == typed,
            what="on disk", timeout=MAX_WAIT + 4,
        )
        assert time.monotonic() - typed_at < MAX_WAIT + 4
        state = pilot.app.screen.query_one("#synthesis-save-state")
        await wait_until(pilot, lambda: str(state.render()) == "enregistré", what="saved shown")
        assert editor(pilot.app).text == typed


async def test_keys_typed_before_a_section_change_stay_in_their_section(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_synthesis(pilot, "francois")
        for character in "abc":
            pilot.app.post_message(_key(character))
        await pilot.press("f3")
        await type_text(pilot, "def")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, WorkspaceScreen), what="back")
        await wait_until(pilot, lambda: load(data_dir, FRANCOIS).synthesis, what="saved")
        sections = load(data_dir, FRANCOIS).synthesis[-1].sections
        assert sections == {"circonstances": "abc", "competences": "def"}


def _key(character):
    from textual import events

    return events.Key(character, character)


async def test_draft_edit_hand_over_then_version_2(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_synthesis(pilot, "francois")
        await pilot.press("f6")  # nothing written yet: no question
        await wait_until(pilot, lambda: screen.session.text("projets"), what="drafted")
        await pilot.press("f3", "f3")  # Projet(s) et alternatives
        await wait_until(pilot, lambda: "Projet principal : formateur" in editor(pilot.app).text, what="shown")
        await type_text(pilot, "\nÀ confirmer en janvier.")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="asked")
        assert "le 26 novembre 2026" in str(pilot.app.screen.query_one(".dialog-question").render())
        await answer(pilot, "Oui")
        await wait_until(
            pilot, lambda: load(data_dir, FRANCOIS).synthesis and load(data_dir, FRANCOIS).synthesis[-1].handed_over,
            what="on disk",
        )
        one = load(data_dir, FRANCOIS).synthesis[0]
        assert one.number == 1 and one.handed_over == date(2026, 11, 26)
        assert one.sections["projets"].endswith("À confirmer en janvier.")
        assert "Projet principal : formateur" in one.sections["projets"]
        assert any("2026-11-26-synthese.md" in n for n in notifications(pilot.app))
        exported = data_dir / "exports"
        assert any(p.name == "2026-11-26-synthese.md" for p in exported.rglob("*.md"))
        assert "version 1 · remis le 26 novembre 2026" in screen_text(pilot.app)

        await type_text(pilot, " Puis février.")
        await wait_until(pilot, lambda: len(load(data_dir, FRANCOIS).synthesis) == 2, what="version 2 on disk")
        await wait_until(
            pilot, lambda: (on_disk(data_dir, "projets") or "").endswith("Puis février."),
            what="typed on disk",
        )
        one, two = load(data_dir, FRANCOIS).synthesis
        assert one.sections["projets"].endswith("À confirmer en janvier.")  # kept as handed over
        assert one.handed_over == date(2026, 11, 26) and two.handed_over is None
        assert "version 2 · brouillon" in screen_text(pilot.app)


async def test_the_draft_asks_before_replacing_and_no_keeps_the_text(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_synthesis(pilot, "francois")
        await pilot.press("f3")
        await type_text(pilot, "Mes compétences")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="asked")
        assert "Compétences et aptitudes" in screen_text(pilot.app)
        await pilot.press("enter")  # the default: Non
        await wait_until(pilot, lambda: screen.session.text("projets"), what="empty sections filled")
        assert screen.session.text("competences") == "Mes compétences"
        assert editor(pilot.app).text == "Mes compétences"


@pytest.fixture
def hostile(data_dir):
    record = CandidateRecord(Candidate(id="zoe-markup", name=NAME, consultant="Moi", funding=FundingRoute.CPF))
    record.start_seance("synthese", datetime(2026, 11, 20, 9), notes="## Projet défini\n\n[red]Fleuriste[/red]\n")
    record.close_seance(1, datetime(2026, 11, 20, 10))
    WritableStore(data_dir).create(record)
    return "zoe-markup"


async def test_a_hostile_name_and_text_show_as_typed(app, hostile):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_synthesis(pilot, "[bold]")
        await pilot.press("f6")
        await pilot.press("f3", "f3")
        await wait_until(pilot, lambda: editor(pilot.app).text == "[red]Fleuriste[/red]", what="drafted")
        shown = screen_text(pilot.app)
        assert NAME in shown and "[red]Fleuriste[/red]" in shown


async def test_a_closed_bilan_opens_read_only_with_the_reason(app, data_dir):
    path = data_dir / "candidates" / f"{FRANCOIS}.json"
    record = load(data_dir, FRANCOIS)
    record.candidate.end_date = date(2026, 11, 25)
    from seance_tui.storage.codec import record_to_tables
    import json

    path.write_text(json.dumps(record_to_tables(record), ensure_ascii=False), encoding="utf-8")
    async with app.run_test(size=(160, 48)) as pilot:
        await open_synthesis(pilot, "francois")
        assert "Lecture seule : Le bilan est clos depuis le 25/11/2026" in screen_text(pilot.app)
        assert editor(pilot.app).read_only
        await pilot.press("f6")
        await pilot.pause()
        assert load(data_dir, FRANCOIS).synthesis == []


async def test_quit_from_the_editor_saves_the_keys_just_typed(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_synthesis(pilot, "francois")
        for character in "Fin":
            pilot.app.post_message(_key(character))
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not pilot.app.is_running, what="quit")
    assert load(data_dir, FRANCOIS).synthesis[-1].sections == {"circonstances": "Fin"}


async def test_a_hang_up_in_the_editor_saves_the_keys_just_typed(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_synthesis(pilot, "francois")
        for character in "Coupé":
            pilot.app.post_message(_key(character))
        pilot.app.call_later(pilot.app._hang_up)  # what the SIGHUP handler does
        await wait_until(pilot, lambda: not pilot.app.is_running, what="exited")
    assert load(data_dir, FRANCOIS).synthesis[-1].sections == {"circonstances": "Coupé"}


async def test_a_file_another_workspace_holds_opens_read_only_naming_the_holder(app, data_dir):
    holder = WritableStore(data_dir).open_for_writing(FRANCOIS)
    try:
        before = (data_dir / "candidates" / f"{FRANCOIS}.json").read_bytes()
        async with app.run_test(size=(160, 48)) as pilot:
            await open_synthesis(pilot, "francois")
            shown = screen_text(pilot.app)
            assert "Lecture seule :" in shown and "ouvert" in shown
            assert editor(pilot.app).read_only
            await type_text(pilot, "x")
            await pilot.press("f6", "f8")
            await pilot.pause()
            assert not isinstance(pilot.app.screen, ChoiceDialog)
        assert (data_dir / "candidates" / f"{FRANCOIS}.json").read_bytes() == before
    finally:
        holder.close()


async def test_f1_from_the_editor_shows_its_keys_and_escape_comes_back_to_it(app):
    from seance_tui.ui.screens.help import HelpScreen

    async with app.run_test(size=(120, 60)) as pilot:
        screen = await open_synthesis(pilot, "francois")
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="help")
        help_text = "\n".join(str(s.render()) for s in pilot.app.screen.query("Static"))
        assert "Remettre au bénéficiaire" in help_text and "Document de synthèse" in help_text
        await pilot.press("escape")
        await wait_until(pilot, lambda: pilot.app.screen is screen, what="back to the editor")


async def test_the_palette_opens_the_synthesis_editor(app):
    from textual.command import CommandList, CommandPalette

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "francois")
        await pilot.press("f3", "ctrl+p")  # not from the notes
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
        await type_text(pilot, "Document de synthèse")
        results = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="results")
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SynthesisScreen), what="opened")


async def test_hand_over_with_the_pdf_writes_it_beside_the_markdown(app, data_dir):
    from pypdf import PdfReader

    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_synthesis(pilot, "francois")
        await pilot.press("f6")
        await wait_until(pilot, lambda: screen.session.text("projets"), what="drafted")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="asked")
        await answer(pilot, "Oui, avec le PDF")
        exported = data_dir / "exports"
        # Drawing a PDF takes a second of CPU (fpdf2 imported on first use): a loaded machine, several.
        await wait_until(
            pilot, lambda: any(exported.rglob("2026-11-26-synthese.pdf")), what="the PDF written", timeout=60
        )
        (pdf,) = exported.rglob("2026-11-26-synthese.pdf")
        assert pdf.with_suffix(".md").is_file()
        await wait_until(
            pilot, lambda: any(str(pdf) in n for n in notifications(pilot.app)), what="its path said", timeout=30
        )
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Document de synthèse" in text and "Projet(s) et alternatives" in text
    assert "Confidentiel — document propriété du bénéficiaire" in text
