"""The séance view's document, drawn as one widget (issue 14): the contents
list jumps to a heading, a long note scrolls to its end, a search's match far
down a long note is where the view opens, and hostile text shows as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from review_pilot import push, screen_text, wait_until, write_notes
from seance_tui.ui.reviewer.history import HistoryScreen
from seance_tui.ui.reviewer.seance import SeanceScreen

NARROW, WIDE = (80, 24), (160, 48)
CANDIDATE, NUMBER = "zoe-lefevre", 3
LAST = "Dernier paragraphe de la longue note."


def long_note(paragraphs: int = 400, planted: int | None = None) -> str:
    """About 60 KB of notes under headings; ``planted``: a paragraph that holds « ornithorynque »."""
    parts = []
    for i in range(paragraphs):
        if i % 40 == 0:
            parts.append(f"### Partie {i // 40 + 1}")
        words = "ornithorynque évoqué en entretien, " if i == planted else ""
        parts.append(f"Paragraphe {i} : {words}la candidate revient sur son projet et sur les pistes ouvertes "
                     "la semaine passée, avec des exemples précis tirés de son expérience.")
    parts.append(LAST)
    return "\n\n" + "\n\n".join(parts) + "\n"


async def open_seance(pilot, match: str | None = None, number: int = NUMBER) -> SeanceScreen:
    await push(pilot, HistoryScreen(CANDIDATE))
    screen = await push(pilot, SeanceScreen(CANDIDATE, number, match=match))
    await wait_until(pilot, lambda: "Notes de séance" in screen.document.source, "séance shown")
    await pilot.pause()
    return screen


def top_line(app) -> str:
    """The first line the document shows, from its left edge."""
    region = app.screen.document.region
    return screen_text(app).splitlines()[region.y][region.x :]


def at_top_or_end(app, heading: str) -> bool:
    """The heading is the document's first line on screen, or on screen with the document at its end."""
    document = app.screen.document
    if top_line(app).strip() == heading:
        return True
    region = document.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return document.scroll_y == document.max_scroll_y and any(line[region.x :].strip() == heading for line in lines)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_the_contents_list_jumps_to_the_heading_chosen(make_app, data_dir: Path, size):
    write_notes(data_dir, CANDIDATE, NUMBER, long_note(120))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_seance(pilot)
        if not screen.contents_shown:
            await pilot.press("t")
        contents = screen.query_one("#seance-contents")
        await wait_until(pilot, lambda: contents.region.width > 0, "contents shown")
        contents.focus()
        await pilot.pause()
        for heading in ("Partie 3", "Prochaines étapes", "Partie 1"):
            for _ in range(contents.last_line + 2):  # down the list, or up it when past
                if contents.cursor_node is not None and str(contents.cursor_node.label) == heading:
                    break
                await pilot.press("down" if heading != "Partie 1" else "up")
            assert str(contents.cursor_node.label) == heading
            await pilot.press("enter")
            await wait_until(pilot, lambda: at_top_or_end(app, heading), f"{heading} at the top")
        assert app.focused is contents  # the reader can go on choosing


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_a_long_note_scrolls_to_its_end(make_app, data_dir: Path, size):
    write_notes(data_dir, CANDIDATE, NUMBER, long_note())
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_seance(pilot)
        document = screen.document
        assert len(document.source.encode()) > 60_000
        await pilot.press("end")
        await wait_until(pilot, lambda: document.complete, "every block drawn")
        await wait_until(pilot, lambda: document.scroll_y == document.max_scroll_y > 0, "at the end")
        last = document.blocks[-1].text.splitlines()[-1].strip()
        assert last in screen_text(app), last
        await pilot.press("home")
        await wait_until(pilot, lambda: document.scroll_y == 0, "back at the top")
        await pilot.press("j", "j")
        await wait_until(pilot, lambda: document.scroll_y == 4, "j: two lines at a time")


async def test_a_match_far_down_a_long_note_is_where_the_view_opens(make_app, data_dir: Path):
    write_notes(data_dir, CANDIDATE, NUMBER, long_note(planted=300))
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_seance(pilot, match="ornithorynque")
        document = screen.document
        await wait_until(pilot, lambda: document.matched is not None, "match")
        assert document.blocks[document.matched].text.startswith("Paragraphe 300 : ornithorynque")
        await wait_until(pilot, lambda: "ornithorynque" in top_line(app), "opened at the match")
        assert top_line(app).lstrip(" ▌").startswith("Paragraphe 300 : ornithorynque"), top_line(app)
        # the word in reverse video, where the reader lands
        y = document.region.y
        x = top_line(app).index("ornithorynque") + document.region.x
        assert app.screen.get_style_at(x, y).reverse


HOSTILE = (
    "### [b]Titre[/b] $accent\n\n"
    "Texte [b]crochets[/b] [link=file:///etc/passwd]lien[/link] \x1b[31mrouge\x07 <script>x</script> fin.\n\n"
    "```\n[red]code[/red] \x1b[2J\n```\n"
)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_hostile_text_shows_as_typed(make_app, data_dir: Path, size):
    write_notes(data_dir, CANDIDATE, NUMBER, HOSTILE, at_start=True)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_seance(pilot)
        if not screen.contents_shown:
            await pilot.press("t")
        await wait_until(pilot, lambda: "crochets" in screen_text(app), "notes shown")
        text = screen_text(app)
        for shown in ("[b]crochets[/b]", "[link=file:///etc/passwd]lien[/link]", "␛[31mrouge␇", "<script>x</script>",
                      "[red]code[/red] ␛[2J"):
            assert shown in text, (shown, text)
        # the heading, in the document and in the contents list (narrow: its beginning)
        assert "[b]Titre[/b] $accent" in text
        contents = screen.query_one("#seance-contents")
        assert any(str(node.label).startswith("[b]Titre[/b] $accent") for node in contents.root.children[0].children)
