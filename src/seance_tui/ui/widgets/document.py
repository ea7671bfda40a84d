"""A Markdown document drawn as one line-API widget.

Textual's Markdown widget mounts a widget per block (213 for a séance of
8 KB) and its first frame goes to their styling: 400 ms on the benchmark
machine. Here the blocks are lines of one widget: the ones on screen are
wrapped before the first frame, the rest just after it, a slice at a time.
Links are words, never followed (ui/widgets/markdown_blocks.py)."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from .markdown_blocks import Block, parse, parser

PAD_LEFT, PAD_RIGHT = 2, 1  # as Textual's Markdown: the text off the edges
SLICE = 40  # blocks wrapped per slice after the first screenful
SETTLE_TRIES = 20  # refreshes a scroll to a block waits for the layout, at most
QUOTE_BAR = "▌ "
MATCH_BAR = "▌ "


def fair_widths(natural: list[int], room: int) -> list[int]:
    """Column widths in ``room``: narrow columns whole, the wide ones sharing
    the rest evenly (max-min fair), so no column is squeezed for another."""
    widths = list(natural)
    if sum(natural) <= room:
        return widths
    left = sorted(range(len(natural)), key=lambda c: natural[c])
    while left:
        share = room // len(left)
        if natural[left[0]] > share:  # every column left is wider than its share
            for c in left:
                widths[c] = max(share, 4)
            widths[left[-1]] += room - share * len(left)
            break
        c = left.pop(0)
        room -= natural[c]
    return widths


# Textual's Markdown look, from the theme's variables.
STYLES = {
    **{
        f"h{level}": f"$markdown-h{level}-color $markdown-h{level}-text-style on $markdown-h{level}-background"
        for level in range(1, 7)
    },
    "strong": "bold",
    "em": "italic",
    "s": "strike",
    "code": "$text-warning 95% on $warning 10%",
    "link": "$text-accent underline",
    "fence": "on $boost",
    "quote": "on $boost",
    "quote-bar": "$text-primary 50% on $boost",
    "bullet": "$text-primary",
    "rule": "$secondary",
    "table-header": "$primary bold",
    "match-bar": "$accent",
}


class DocumentView(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    DocumentView {
        height: 1fr;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._parser = parser()
        self.source = ""
        self.blocks: list[Block] = []
        self.block_y: list[int] = []  # first line of each wrapped block
        self.matched: int | None = None  # the block a search opened at: a bar beside it
        self._lines: list[Strip] = []
        self._width = 0
        self._wrapped = 0  # blocks wrapped at self._width
        self._gap = 0  # blank lines owed below the last wrapped block
        self._styles: dict[str, Style] = {}
        self._pending = False
        self._target: int | None = None  # a block to scroll to once laid out
        self._tries = 0

    # --- what is shown ---------------------------------------------------------------

    def update(self, source: str) -> None:
        """Shows ``source``: the screenful at the current place now, the rest after the frame."""
        self.source = source
        self.blocks = parse(source, self._parser)
        self.matched = None
        self.refresh_blocks()

    def refresh_blocks(self) -> None:
        """Wraps the blocks again (their content or the theme changed)."""
        self._reset()
        self.refresh()

    def headings(self) -> list[tuple[int, str, int]]:
        """(level, text, block index) of every heading: the table of contents."""
        return [(b.level, b.content.plain, i) for i, b in enumerate(self.blocks) if b.kind == "heading"]

    @property
    def complete(self) -> bool:
        return self._wrapped == len(self.blocks)

    def scroll_to_block(self, index: int) -> None:
        """Puts block ``index`` at the top (once the widget has its size, if not yet)."""
        if 0 <= index < len(self.blocks):
            self._target, self._tries = index, 0
            self._settle()

    def _settle(self) -> None:
        if self._target is None or self._width <= 0 or self._target >= len(self.blocks):
            return
        self._wrap_through(self._target)
        y = self.block_y[self._target]
        self._wrap_through(-1, lines=y + self.size.height + 1)  # a screenful below it to scroll into
        self.scroll_to(y=y, animate=False, immediate=True)
        if self.size.height and int(self.scroll_y) == min(y, self.max_scroll_y):
            self._target = None
        elif self._tries < SETTLE_TRIES:  # not laid out yet: once it is
            self._tries += 1
            self.call_after_refresh(self._settle)

    def block_at(self, y: int) -> int | None:
        """The block shown on the document's line ``y``."""
        found = None
        for index, start in enumerate(self.block_y):
            if start > y:
                break
            found = index
        return found

    # --- wrapping -------------------------------------------------------------------

    def _reset(self) -> None:
        self._lines, self.block_y = [], []
        self._wrapped, self._gap = 0, 0
        self._width = self.scrollable_content_region.width
        self._styles = {}
        if self._width > 0:
            self._wrap_through(-1, lines=int(self.scroll_y) + self.size.height + 1)
            self._settle()
            self._schedule()

    def _schedule(self) -> None:
        if not self.complete and not self._pending:
            self._pending = True
            self.call_after_refresh(self._wrap_slice)

    def _wrap_slice(self) -> None:
        self._pending = False
        if self._width > 0:
            self._wrap_through(self._wrapped + SLICE - 1)
            self._schedule()

    def _wrap_through(self, index: int, lines: int = 0) -> None:
        """Wraps blocks until block ``index`` (or ``lines`` lines) is done."""
        if self._width <= 0:
            return
        before = len(self._lines)
        while self._wrapped < len(self.blocks) and (self._wrapped <= index or len(self._lines) < lines):
            block = self.blocks[self._wrapped]
            gap = max(self._gap, block.top) if self._lines else 0
            self._lines.extend([Strip.blank(self._width, self._style().rich_style)] * gap)
            self.block_y.append(len(self._lines))
            self._lines.extend(self._wrap(block, self._wrapped == self.matched))
            self._gap = block.bottom
            self._wrapped += 1
        if len(self._lines) != before or not self._lines:
            self.virtual_size = Size(self._width, len(self._lines))

    def _style(self, name: str = "") -> Style:
        """The widget's style with one of STYLES over it (the theme's variables
        read once per theme: component classes cost the first frame their styling)."""
        if name not in self._styles:
            self._styles[name] = self.visual_style + self._parse_style(name) if name else self.visual_style
        return self._styles[name]

    def _parse_style(self, name) -> Style:
        if isinstance(name, Style):
            return name
        key = f"~{name}"
        if key not in self._styles:
            try:
                self._styles[key] = Style.parse(self._text_styles(STYLES.get(name, name)))
            except Exception:  # a theme without one of the variables: plain text
                self._styles[key] = Style()
        return self._styles[key]

    def _text_styles(self, style: str) -> str:
        """The theme's text-style variables read here: "none" is no style to the parser."""
        words = []
        for word in style.split():
            if word.startswith("$") and word.endswith("-text-style"):
                word = self.app.theme_variables.get(word[1:], "")
                word = "" if word == "none" else word
            words.append(word)
        return " ".join(word for word in words if word)

    def _wrap(self, block: Block, matched: bool) -> list[Strip]:
        width = self._width
        base = self._style()
        left: list[Segment] = [Segment(" " * PAD_LEFT, base.rich_style)]
        if matched:
            left = [Segment(" ", base.rich_style), Segment(MATCH_BAR, self._style("match-bar").rich_style)]
        text_style = base
        if block.quote:
            bar = self._style("quote-bar").rich_style
            left += [Segment(QUOTE_BAR * block.quote, bar)]
            text_style = self._style("quote")
        if block.kind == "heading":
            text_style = self._style(f"h{min(block.level, 6)}")
        elif block.kind == "fence":
            text_style = self._style("fence")
        prefix = sum(s.cell_length for s in left) + block.indent
        room = max(width - prefix - PAD_RIGHT, 8)
        if block.kind == "rule":
            rows = [[Segment("─" * room, self._style("rule").rich_style)]]
        elif block.kind == "table":
            rows = self._table(block, room)
        else:
            overflow = "fold"
            lines = block.content.wrap(room, overflow=overflow) if block.kind != "fence" else [
                line for raw in block.content.split("\n") for line in (raw.fold(room) or [Content("")])]
            rows = [self._segments(line, text_style) for line in lines] or [[]]
        fill = text_style.rich_style if block.quote or block.kind == "fence" else base.rich_style
        strips = []
        for number, row in enumerate(rows):
            marker = block.bullet if number == 0 else ""
            lead = block.indent - len(marker)
            segments = [*left, Segment(" " * lead, fill)]
            if marker:
                segments.append(Segment(marker, self._style("bullet").rich_style))
            segments += row
            strips.append(Strip(segments).extend_cell_length(width, fill).crop(0, width))
        return strips

    def _segments(self, line, style: Style) -> list[Segment]:
        return [Segment(text, part.rich_style) for text, part in line.render(style, end="", parse_style=self._parse_style)]

    def _table(self, block: Block, room: int) -> list[list[Segment]]:
        columns = max((len(row) for row in block.rows), default=0)
        if not columns:
            return [[]]
        natural = [max((row[c].cell_length for row in block.rows if c < len(row)), default=1) for c in range(columns)]
        widths = fair_widths([max(n, 1) for n in natural], max(room - 2 * (columns - 1), columns * 4))
        base, header = self._style(), self._style("table-header")
        rows: list[list[Segment]] = []
        for number, row in enumerate(block.rows):
            style = header if number == 0 else base
            cells = [(row[c] if c < len(row) else Content("")).wrap(widths[c]) or [Content("")] for c in range(columns)]
            for y in range(max(len(cell) for cell in cells)):
                line: list[Segment] = []
                for c, cell in enumerate(cells):
                    part = cell[y] if y < len(cell) else Content("")
                    line += self._segments(part, style)
                    gutter = widths[c] - part.cell_length + (2 if c < columns - 1 else 0)
                    line.append(Segment(" " * gutter, base.rich_style))
                rows.append(line)
            if number == 0:
                rows.append([Segment("─" * min(room, sum(widths) + 2 * (columns - 1)), self._style("rule").rich_style)])
        return rows

    # --- drawing -----------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            place = self.block_at(int(self.scroll_y)) if self._width > 0 else None
            if place is not None:
                self._target = place  # the same block at the top at the new width
            self._reset()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._styles and self._styles.get("") != self.visual_style:  # new theme: its colours
            self._reset()

    def action_scroll_end(self) -> None:
        self._wrap_through(len(self.blocks))  # the end is the end of every block
        super().action_scroll_end()

    def action_page_down(self) -> None:
        self._wrap_through(-1, lines=int(self.scroll_y) + 3 * self.size.height)
        super().action_page_down()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.visual_style.rich_style)
        return self._lines[index].crop_extend(0, width, self.visual_style.rich_style)
