"""The PDF of a séance summary, asked for when the séance is closed, and the
offer other screens reuse (ui/pdf_offer.py): the file on disk is what counts."""

from __future__ import annotations

import io

from pypdf import PdfReader

from seance_pilot import answer, notifications, open_candidate, wait_until
from seance_tui.services.exports import Document
from seance_tui.ui import texts
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.pdf_offer import offer_pdf

SUMMARY = ("exports", "jerome-marchand", "2026-11-26-seance-03")


async def start_and_close(pilot, choice: str) -> None:
    await open_candidate(pilot, "jerome")
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")
    await pilot.press("f8")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
    await answer(pilot, choice)


def pdf_text(path) -> str:
    """The PDF's text with its whitespace taken out (a title wraps where it will)."""
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


async def test_closing_with_the_pdf_leaves_the_pdf_beside_the_summary(app, data_dir, clock):
    markdown = data_dir.joinpath(*SUMMARY).with_suffix(".md")
    pdf = markdown.with_suffix(".pdf")
    async with app.run_test(size=(160, 48)) as pilot:
        await start_and_close(pilot, texts.CLOSE_WITH_PDF)
        await wait_until(pilot, markdown.exists, what="summary exported")
        await wait_until(pilot, pdf.exists, what="PDF written", timeout=60)
        await wait_until(pilot, lambda: texts.PDF_WRITTEN.format(path=pdf) in notifications(pilot.app))
    text = pdf_text(pdf)
    assert "JérômeMarchand" in text and "Page1/" in text and "Centredebilan" in text


async def test_closing_with_yes_writes_no_pdf_and_the_offer_defaults_to_no(app, data_dir, clock):
    markdown = data_dir.joinpath(*SUMMARY).with_suffix(".md")
    pdf = markdown.with_suffix(".pdf")
    async with app.run_test(size=(160, 48)) as pilot:
        await start_and_close(pilot, texts.YES)
        await wait_until(pilot, markdown.exists, what="summary exported")
        screen = pilot.app.screen

        # The offer another screen makes: an Entrée on reflex writes nothing.
        screen.run_worker(offer_pdf(screen, data_dir, markdown, Document.SUMMARY))
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="PDF offer", timeout=15)
        assert markdown.name in str(pilot.app.screen.query_one(".dialog-question").render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen is screen, what="offer answered", timeout=15)
        assert not pdf.exists()

        screen.run_worker(offer_pdf(screen, data_dir, markdown, Document.SUMMARY))
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="PDF offer", timeout=15)
        await answer(pilot, texts.PDF_WRITE)
        await wait_until(pilot, pdf.exists, what="PDF written", timeout=60)
    assert "JérômeMarchand" in pdf_text(pdf)


async def test_a_pdf_that_cannot_be_written_is_said(app, data_dir, clock):
    markdown = data_dir.joinpath(*SUMMARY).with_suffix(".md")
    (data_dir / "centre.json").write_text("{", encoding="utf-8")
    async with app.run_test(size=(160, 48)) as pilot:
        await start_and_close(pilot, texts.CLOSE_WITH_PDF)
        await wait_until(pilot, markdown.exists, what="summary exported")
        await wait_until(
            pilot, lambda: any("centre.json" in n for n in notifications(pilot.app)), what="failure said", timeout=60
        )
    assert not markdown.with_suffix(".pdf").exists()
