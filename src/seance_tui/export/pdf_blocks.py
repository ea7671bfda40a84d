"""The Markdown's blocks drawn on the PDF's pages (``pdf.py`` makes the pages).

Each markdown-it token is drawn from its parsed text, so what the reader sees
is what the user typed: the export's backslash escapes and entities are
already undone in it. Raw HTML (a ``<script>`` in a note) is shown as text; a
``<br>`` in a table cell, the export's own line break there, breaks the line.
Links show their text and their address, never anything fetched; an image
shows its description.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

FAMILY = "DejaVu"
MONO = "DejaVuMono"  # pdf.py adds both
CODE = "M"  # in a run's style: drawn in MONO
BODY_SIZE = 10
LINE = 5.0  # mm, for the body size
CELL_SIZE = 9
CELL_LINE = 4.5
HEADING_SIZES = {1: 17, 2: 14, 3: 12, 4: 11, 5: 10, 6: 10}
INDENT = 6.0
# Deeper containers (a quote in a list in a quote…) stop moving right: a
# hostile note could otherwise push the text past the right margin.
MAX_DEPTH = 6
CODE_FILL = (240, 240, 240)
QUOTE_GREY = (80, 80, 80)
HEADER_FILL = (225, 225, 225)
# A row this tall would not fit on a page (fpdf2 refuses it): such a table is
# drawn as a list of its rows instead.
ROW_LIMIT = 0.6

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)

# The export's own reading: CommonMark with GFM tables (export/markdown.py).
_parser = MarkdownIt("commonmark").enable("table")


def parse(markdown: str) -> list[Token]:
    return _parser.parse(markdown)


class Layout:
    """Where each top-level block landed: (first page, last page), in order."""

    # An ending is at most this many paragraphs after the document's last ``---``.
    ENDING_PARAGRAPHS = 3

    def __init__(self, kinds: list[str]) -> None:
        self.kinds = kinds
        self.pages: list[tuple[int, int]] = []

    def keep_ending_with(self) -> int | None:
        """The block to start a page with so that the ending is not alone on
        the last page, or None when it is not alone (or nothing would help:
        the block before it spans pages)."""
        ending = self._ending_start()
        if ending is None or ending == 0:
            return None
        last_page = self.pages[-1][1]
        first, end = self.pages[ending - 1]
        if end == last_page or first != end:
            return None
        moved = ending - 1
        while moved > 0 and self.kinds[moved - 1] == "heading":
            moved -= 1  # a heading goes with what it heads
        return moved

    def _ending_start(self) -> int | None:
        kinds = self.kinds
        if "hr" not in kinds:
            return None
        start = len(kinds) - 1 - kinds[::-1].index("hr")
        after = kinds[start + 1:]
        if len(after) > self.ENDING_PARAGRAPHS or any(kind != "paragraph" for kind in after):
            return None
        return start


class BlockWriter:
    def __init__(self, pdf, printable: Callable[[str], str], printable_code: Callable[[str], str],
                 break_before: int | None = None) -> None:
        self.pdf = pdf
        self.printable = printable
        self.printable_code = printable_code  # the monospace font has its own glyphs
        self.depth = 0
        self.break_before = break_before
        self.layout = Layout([])

    # --- blocks -------------------------------------------------------------------

    def blocks(self, tokens: list[Token]) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "", BODY_SIZE)
        nodes = SyntaxTreeNode(tokens).children
        self.layout = Layout([node.type for node in nodes])
        for index, node in enumerate(nodes):
            if index == self.break_before and pdf.get_y() > pdf.t_margin + 1:
                pdf.add_page()
            first = pdf.page_no()
            self.block(node)
            self.layout.pages.append((first, pdf.page_no()))

    def block(self, node: SyntaxTreeNode) -> None:
        draw = getattr(self, f"_{node.type}", None)
        if draw is not None:
            draw(node)
        elif node.children:  # anything else that holds blocks: its blocks
            for child in node.children:
                self.block(child)

    def _heading(self, node: SyntaxTreeNode) -> None:
        level = int(node.tag[1])
        size = HEADING_SIZES[level]
        pdf = self.pdf
        # Never a heading alone at the foot of a page.
        if pdf.will_page_break(size * 0.35 + 3 * LINE):
            pdf.add_page()
        elif pdf.get_y() > pdf.t_margin + 1:
            pdf.ln(LINE * (1.0 if level <= 2 else 0.6))
        pdf.set_font(FAMILY, "B", size)
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(0, size * 0.45, self.printable(self.plain(node)), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.ln(LINE * 0.4)

    def _paragraph(self, node: SyntaxTreeNode) -> None:
        self.runs(node.children[0] if node.children else None)
        self.pdf.ln(LINE)
        if not node.hidden:  # a tight list's paragraphs are hidden: no space between its items
            self.pdf.ln(LINE * 0.4)

    def _bullet_list(self, node: SyntaxTreeNode) -> None:
        self._list(node, lambda _: "•")

    def _ordered_list(self, node: SyntaxTreeNode) -> None:
        start = int(node.attrs.get("start", 1) or 1)
        delimiter = node.markup or "."
        self._list(node, lambda i: f"{start + i}{delimiter}")

    def _list(self, node: SyntaxTreeNode, marker: Callable[[int], str]) -> None:
        pdf = self.pdf
        tight = all(p.hidden for item in node.children for p in item.children if p.type == "paragraph")
        for i, item in enumerate(node.children):
            if pdf.will_page_break(LINE):
                pdf.add_page()
            pdf.set_x(pdf.l_margin)
            with self.indented():
                pdf.set_x(pdf.l_margin - INDENT if self.depth <= MAX_DEPTH else pdf.l_margin)
                pdf.set_font(FAMILY, "", BODY_SIZE)
                pdf.cell(INDENT if self.depth <= MAX_DEPTH else pdf.get_string_width(marker(i)) + 1, LINE, marker(i))
                if not item.children:
                    pdf.ln(LINE)
                for child in item.children:
                    self.block(child)
        if not tight or self.depth == 0:
            pdf.ln(LINE * 0.4)

    def _blockquote(self, node: SyntaxTreeNode) -> None:
        self.pdf.set_text_color(*QUOTE_GREY)
        with self.indented():
            for child in node.children:
                self.block(child)
        self.pdf.set_text_color(0, 0, 0)

    def _fence(self, node: SyntaxTreeNode) -> None:
        pdf = self.pdf
        pdf.set_font(MONO, "", CELL_SIZE)
        pdf.set_fill_color(*CODE_FILL)
        pdf.set_x(pdf.l_margin)
        text = self.printable_code(node.content.rstrip("\n")) or " "
        pdf.multi_cell(0, CELL_LINE, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.ln(LINE * 0.4)

    _code_block = _fence

    def _html_block(self, node: SyntaxTreeNode) -> None:
        self.pdf.set_x(self.pdf.l_margin)
        self.pdf.write(LINE, self.printable(node.content.rstrip("\n")))
        self.pdf.ln(LINE * 1.4)

    def _hr(self, node: SyntaxTreeNode) -> None:
        pdf = self.pdf
        y = pdf.get_y() + LINE / 2
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(LINE)

    def _table(self, node: SyntaxTreeNode) -> None:
        from .pdf_table import draw_table

        rows = [[self.printable(self.cell_text(cell)) for cell in row.children]
                for part in node.children for row in part.children]
        draw_table(self.pdf, rows)
        self.pdf.ln(LINE * 0.6)

    # --- inline text ------------------------------------------------------------------

    def runs(self, inline: SyntaxTreeNode | None) -> None:
        """A paragraph's text, each run in its style, wrapped at the margins."""
        pdf = self.pdf
        if pdf.get_x() < pdf.l_margin:
            pdf.set_x(pdf.l_margin)
        for text, style in self.styled(inline.children if inline else [], ""):
            if CODE in style:
                pdf.set_font(MONO, "", BODY_SIZE)
                pdf.write(LINE, self.printable_code(text))
            else:
                pdf.set_font(FAMILY, style, BODY_SIZE)
                pdf.write(LINE, self.printable(text))
        pdf.set_font(FAMILY, "", BODY_SIZE)

    def styled(self, nodes: list[SyntaxTreeNode], style: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for node in nodes:
            kind = node.type
            if kind == "text":
                out.append((node.content, style))
            elif kind == "code_inline":
                out.append((node.content, style + CODE))
            elif kind == "softbreak":
                out.append(("\n", style))  # a line typed on its own stays on its own line
            elif kind == "hardbreak":
                out.append(("\n", style))
            elif kind == "html_inline":
                out.append(("\n" if _BR.fullmatch(node.content) else node.content, style))
            elif kind in ("em", "strong"):
                added = "I" if kind == "em" else "B"
                out += self.styled(node.children, "".join(s for s in "BI" if s in style + added))
            elif kind == "link":
                out += self.styled(node.children, style)
                href = str(node.attrs.get("href", ""))
                if href and href != self.plain_inline(node.children):
                    out.append((f" ({href})", style))
            elif kind == "image":
                out.append((f"[image : {self.plain_inline(node.children)}]", style))
            elif node.children:
                out += self.styled(node.children, style)
        return out

    def plain(self, node: SyntaxTreeNode) -> str:
        """A block's inline text without styles, on one line."""
        inline = node.children[0] if node.children else None
        text = "".join(t for t, _ in self.styled(inline.children, "")) if inline else ""
        return text.replace("\n", " ")

    def plain_inline(self, nodes: list[SyntaxTreeNode]) -> str:
        return "".join(t for t, _ in self.styled(nodes, ""))

    def cell_text(self, cell: SyntaxTreeNode) -> str:
        inline = cell.children[0] if cell.children else None
        return "".join(t for t, _ in self.styled(inline.children, "")) if inline else ""

    # --- containers -----------------------------------------------------------------

    def indented(self) -> _Indent:
        return _Indent(self)


class _Indent:
    """Moves the left margin right for a container's blocks, back after them."""

    def __init__(self, writer: BlockWriter) -> None:
        self.writer = writer
        self.step = 0.0

    def __enter__(self) -> None:
        writer = self.writer
        writer.depth += 1
        self.step = INDENT if writer.depth <= MAX_DEPTH else 0.0
        writer.pdf.set_left_margin(writer.pdf.l_margin + self.step)

    def __exit__(self, *exc) -> None:
        writer = self.writer
        writer.pdf.set_left_margin(writer.pdf.l_margin - self.step)
        writer.depth -= 1

