"""Review's history screen: « a » shows the candidate's Qualiopi trace pack,
read-only (no file written), with the séances' durations and no note text."""

from __future__ import annotations

from textual.widgets import MarkdownViewer

from review_pilot import open_from_candidates, screen_text, snapshot, wait_until, write_notes
from seance_tui.ui.reviewer.qualiopi import QualiopiScreen

NOTE_TEXT = "épicerie solidaire"  # in Zoé's notes, next steps and roadmap


async def open_pack(pilot, app) -> MarkdownViewer:
    """Zoé's history, then « a »: the pack's viewer."""
    await pilot.pause()
    await open_from_candidates(pilot, "zoe")
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, QualiopiScreen), "pack shown")
    return app.screen.query_one(MarkdownViewer)


async def test_the_key_shows_the_pack_with_durations_and_no_note(make_app, data_dir):
    before = snapshot(data_dir)
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        viewer = await open_pack(pilot, app)
        await wait_until(pilot, lambda: "Traçabilité Qualiopi" in viewer.document.source, "pack loaded")
        source = viewer.document.source
        assert "| n° 1 | 14/10/2026 | 9 h 00 – 10 h 30 | 1 h 30 |" in source
        assert NOTE_TEXT not in source.lower() and "Zoé" not in source
        # What the reviewer sees: the contents hidden (t), page down to the séances' table.
        await pilot.press("t")
        for _ in range(10):
            if "14/10/2026" in screen_text(app):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        text = screen_text(app)
        row = next(line for line in text.splitlines() if "14/10/2026" in line)
        assert "n° 1" in row and "9 h 00 – 10 h 30" in row and "1 h 30" in row
        assert NOTE_TEXT not in text.lower()
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, QualiopiScreen), "back to the history")
    assert snapshot(data_dir) == before  # shown, never written


async def test_the_pack_follows_the_file_as_the_consultant_writes(make_app, data_dir):
    """The live check reloads the pack like the other screens: a séance's notes
    grow, its size in the pack grows, and the words typed never show."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        viewer = await open_pack(pilot, app)
        await wait_until(pilot, lambda: "1\u202f951 caractères" in viewer.document.source, "pack loaded")
        write_notes(data_dir, "zoe-lefevre", 1, "\nMotAjouteEnDirect.")
        await wait_until(pilot, lambda: "1\u202f970 caractères" in viewer.document.source, "pack reloaded", timeout=5)
        assert "MotAjouteEnDirect" not in viewer.document.source
