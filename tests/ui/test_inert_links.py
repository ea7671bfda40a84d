"""Links in notes are text: clicking one (or pressing a key on it) in review's
séance view or in the workspace's notes preview never loads a file, never
opens a browser and never crashes (issue 9, section 2).

A secret file is planted and linked to by absolute and relative path; the
viewer must still show the séance, and nothing of the secret.
"""

from __future__ import annotations

import os
import webbrowser
from datetime import datetime
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")  # read by Textual at import time

import pytest
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownTableContent  # not exported; the table's cells
from textual.widgets.markdown import MarkdownBlock

from seance_tui.services.review import Review
from seance_tui.storage.store import WritableStore
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.history import HistoryScreen
from seance_tui.ui.reviewer.seance import SeanceScreen
from seance_pilot import open_candidate, screen_text, wait_until

NOW = datetime(2026, 11, 26, 10, 0)
SECRET = "SECRET-DU-RELECTEUR-7f3a"
CANDIDATE, NUMBER = "amelie-duboeuf", 3
MARK = "Séance-témoin"  # a word of the séance's own text, to check it is still shown


def plant(tmp_path: Path) -> dict[str, str]:
    """A secret file and the links a hostile note could hold, one per paragraph
    (each paragraph starts with its link, so a click at its first cell hits it)."""
    secret = tmp_path / "home" / ".ssh" / "authorized_keys"
    secret.parent.mkdir(parents=True)
    secret.write_text(f"# {SECRET}\n\n{SECRET}\n", encoding="utf-8")
    return {
        "absolute": str(secret),
        "relative": ".ssh/authorized_keys",  # resolved against the working directory
        "anchor": "#suivi",
        "web": "https://example.invalid/x",
        "mail": "mailto:someone@example.invalid",
        "file url": f"file://{secret}",
    }


def notes_with_links(links: dict[str, str]) -> str:
    paragraphs = [f"{MARK} : ce que la candidate a dit."]
    paragraphs += [f"[lien {kind}]({href}) puis du texte." for kind, href in links.items()]
    paragraphs += [f"![image {kind}]({href})" for kind, href in links.items() if kind != "anchor"]
    paragraphs += ["| colonne |", "| --- |", f"| [lien tableau]({links['absolute']}) |"]
    return "\n\n".join(paragraphs[:-2]) + "\n\n" + "\n".join(paragraphs[-3:]) + "\n"


def write_notes(data_dir: Path, candidate_id: str, notes: str, number: int | None = None) -> None:
    with WritableStore(data_dir).open_for_writing(candidate_id) as writer:
        record = writer.record
        for seance in record.seances:
            if number is None or seance.number == number:
                seance.notes = notes
        writer.save(record)


@pytest.fixture
def opened(monkeypatch):
    """Every way a link could leave the app, recorded."""
    calls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: calls.append(url))
    return calls


def link_blocks(markdown: Markdown) -> list[MarkdownBlock]:
    """The blocks whose text starts with a link (or an image)."""
    blocks = []
    for block in markdown.query(MarkdownBlock):
        source = (block.source or "").lstrip("| ")
        if source.startswith(("[lien", "![image")) and not block.query(MarkdownBlock):
            blocks.append(block)
    return blocks


def review_link_blocks(document) -> list[int]:
    """The séance view's blocks whose text starts with a link (or an image), and its table."""
    return [i for i, block in enumerate(document.blocks)
            if block.source.startswith(("[lien", "![image")) or (block.kind == "table" and "[lien" in block.source)]


async def test_review_links_are_never_followed(data_dir, tmp_path, monkeypatch, opened):
    links = plant(tmp_path)
    monkeypatch.chdir(tmp_path / "home")
    write_notes(data_dir, CANDIDATE, notes_with_links(links), NUMBER)
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = ReviewApp(review, who="relecteur@poste")
    asked: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **k: asked.append(url))
    try:
        async with app.run_test(size=(120, 60)) as pilot:
            await app.push_screen(HistoryScreen(CANDIDATE))
            await app.push_screen(SeanceScreen(CANDIDATE, NUMBER))
            document = app.screen.document
            await wait_until(pilot, lambda: MARK in document.source and document.complete, "séance shown")
            blocks = review_link_blocks(document)
            # every link and image paragraph, and the table (its link on its last row)
            assert len(blocks) == 2 * len(links), [document.blocks[i].text for i in blocks]
            for index in blocks:
                document.scroll_to_block(index)
                await pilot.pause()
                top = document.block_y[index] - int(document.scroll_y)
                # The link's words are text: no link, no click action in what is drawn.
                for y in range(top, top + 4):
                    for segment in document.render_line(y):
                        style = segment.style
                        assert style is None or (not style.link and not style.meta), (segment, index)
                # The mouse: a click on the block's first cells, where its link is, on each of its rows.
                for row in range(4):
                    await pilot.click(document, offset=(3, top + row))
                    await pilot.pause()
                    assert isinstance(app.screen, SeanceScreen), index
                    assert app.screen.document is document
                    assert SECRET not in document.source and MARK in document.source
                    assert SECRET not in screen_text(app)
            # The keyboard: the table of contents and every key of the view.
            app.screen.query_one("#seance-view").add_class("-with-contents")
            await pilot.pause()
            app.screen.query_one("#seance-contents").focus()
            await pilot.press("down", "enter", "down", "enter", "space", "tab", "enter", "shift+tab", "enter")
            await pilot.pause()
            assert isinstance(app.screen, SeanceScreen)
            assert MARK in document.source and SECRET not in document.source
            assert SECRET not in screen_text(app)
            assert app.return_code in (None, 0)
    finally:
        review.close()
    assert opened == [] and asked == []


async def test_workspace_notes_preview_links_are_never_opened(make_app, data_dir, tmp_path, monkeypatch, opened):
    links = plant(tmp_path)
    monkeypatch.chdir(tmp_path / "home")
    write_notes(data_dir, "jerome-marchand", notes_with_links(links))
    app = make_app()
    asked: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **k: asked.append(url))
    async with app.run_test(size=(160, 50)) as pilot:
        await open_candidate(pilot, "jerome")
        preview = app.screen.query_one("#notes-preview", Markdown)
        await wait_until(pilot, lambda: MARK in app.screen.query_one("#notes-editor").text, "notes loaded")
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: preview.display and MARK in (preview.source or ""), "preview shown")
        blocks = link_blocks(preview)
        assert len(blocks) == 2 * len(links) - 1
        table = preview.query_one(MarkdownTableContent)
        for block, row in [*((b, 0) for b in blocks), *((table, r) for r in range(4))]:
            block.scroll_visible(animate=False, top=True)
            await pilot.pause()
            await pilot.click(block, offset=(2, row))
            await pilot.pause()
            assert MARK in preview.source and SECRET not in preview.source
            assert SECRET not in screen_text(app)
        await pilot.press("enter", "space", "tab", "enter")
        await pilot.pause()
        assert app.return_code in (None, 0)
    assert asked == [] and opened == []
