"""How long Textual takes to show one séance's document, by renderer: the
evidence behind docs/benchmarks.md's profile of ``review.open_20.seance``.

    python tests/benchmarks/markdown_alternatives.py DOCUMENT.md [REPEAT]

For each way of showing the same Markdown text, a screen is pushed in a
headless app and the time to its first frame is taken (median of REPEAT).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from rich.markdown import Markdown as RichMarkdown  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.content import Content  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Markdown, MarkdownViewer, Static  # noqa: E402

from seance_tui.ui.widgets.document import DocumentView  # noqa: E402


class DocScreen(Screen):
    def __init__(self, kind: str, document: str) -> None:
        super().__init__()
        self.kind = kind
        self.document = document
        self.ready = False

    def compose(self) -> ComposeResult:
        if self.kind == "MarkdownViewer, table of contents (review before issue 14)":
            yield MarkdownViewer(show_table_of_contents=True, open_links=False)
        elif self.kind == "MarkdownViewer, no table of contents":
            yield MarkdownViewer(show_table_of_contents=False, open_links=False)
        elif self.kind == "Markdown widget in a VerticalScroll":
            with VerticalScroll():
                yield Markdown()
        elif self.kind.startswith("DocumentView"):
            yield DocumentView()
        elif self.kind == "Static(rich.markdown.Markdown) in a VerticalScroll":
            with VerticalScroll():
                yield Static(RichMarkdown(self.document))
        else:
            with VerticalScroll():
                yield Static(Content(self.document))

    async def on_mount(self) -> None:
        if self.kind.startswith("MarkdownViewer"):
            await self.query_one(MarkdownViewer).document.update(self.document)
        elif self.kind.startswith("Markdown widget"):
            await self.query_one(Markdown).update(self.document)
        elif self.kind.startswith("DocumentView"):
            self.query_one(DocumentView).update(self.document)
        self.ready = True


KINDS = [
    "MarkdownViewer, table of contents (review before issue 14)",
    "MarkdownViewer, no table of contents",
    "Markdown widget in a VerticalScroll",
    "Static(rich.markdown.Markdown) in a VerticalScroll",
    "Static(Content) in a VerticalScroll (plain text)",
    "DocumentView: one line-API widget (review since issue 14)",
]


class Bench(App):
    def __init__(self, document: str, repeat: int) -> None:
        super().__init__()
        self.document = document
        self.repeat = repeat
        self.shown: asyncio.Event | None = None
        self.results: dict[str, list[float]] = {}

    def _display(self, screen, renderable) -> None:
        super()._display(screen, renderable)
        if renderable is not None and isinstance(screen, DocScreen) and screen.ready and self.shown and (
            not screen.kind.startswith("DocumentView") or screen.query_one(DocumentView).block_y
        ):
            self.shown.set()


async def main() -> None:
    document = Path(sys.argv[1]).read_text(encoding="utf-8")
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    app = Bench(document, repeat)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        for kind in KINDS:
            times = []
            for _ in range(repeat):
                app.shown = asyncio.Event()
                started = time.perf_counter()
                app.push_screen(DocScreen(kind, document))
                await asyncio.wait_for(app.shown.wait(), 60)
                times.append((time.perf_counter() - started) * 1000)
                await app.pop_screen()
                await pilot.pause(0.05)
            print(f"{statistics.median(times):8.1f} ms  {kind}")


if __name__ == "__main__":
    asyncio.run(main())
