"""A document's PDF, drawn from the Markdown the export already wrote.

Markdown text in, PDF bytes out: what a document holds (and what it must
never hold, the private notes) is decided once, by the Markdown export; this
module only draws it. The Markdown is read with markdown-it-py, the parser
the export checks its structure with, and each token's text is drawn as the
user typed it: the backslash escapes and entities the export added are undone
by the parser, never by hand, and raw HTML in a note is shown as text, never
interpreted (``pdf_blocks.py`` walks the tokens).

The pages: A4, the centre's name at the top of each one, and at the bottom
the document's confidentiality line (``Audience.notice``, also its last line)
and ``Page 2 / 5``. The footers are drawn once every page exists, so the total
is known without fpdf2's ``{nb}`` alias, which would also have replaced a
``{nb}`` typed in a note.

The font is the bundled DejaVu Sans (``data/fonts/``; DejaVu Sans Mono for
code), embedded as a subset
with its Unicode map: œ, ’, « », accents and non-breaking spaces are drawn and
read back as themselves. Characters it has no glyph for are drawn as ``�``;
the control pictures the export shows control characters with (``␛``, absent
from the font) are drawn as their names, ``‹ESC›``.

fpdf2 is imported when a PDF is made, never when this module is imported: it
costs about 0.3 s, which the workspace's first frame does not pay.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .. import paths

FAMILY = "DejaVu"
MONO = "DejaVuMono"  # code, as typed: columns line up
_FONT_FILES = {
    FAMILY: {
        "": "DejaVuSans.ttf",
        "B": "DejaVuSans-Bold.ttf",
        "I": "DejaVuSans-Oblique.ttf",
        "BI": "DejaVuSans-BoldOblique.ttf",
    },
    MONO: {"": "DejaVuSansMono.ttf"},
}

# A4 in millimetres; the top margin leaves room for the centre's name, the
# bottom one for the confidentiality line and the page number.
MARGIN = 20.0
TOP = 22.0
BOTTOM = 20.0
GREY = (100, 100, 100)

# The control pictures (U+2400–U+2421) that ``visible_controls`` writes, by name.
_CONTROL_NAMES = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC "
    "FS GS RS US SP DEL"
).split()
_CONTROL_PICTURES = {0x2400 + i: f"‹{name}›" for i, name in enumerate(_CONTROL_NAMES)}
_CONTROL_PICTURES[0x2421] = "‹DEL›"


def markdown_to_pdf(markdown: str, *, centre: str, notice: str, fonts: Path | None = None) -> bytes:
    """The PDF of ``markdown``: ``centre`` at the top of each page, ``notice``
    and the page number at the bottom. Pure: reads only the bundled fonts.

    A document's ending (``Document établi le …`` and the confidentiality
    line, after its last ``---``) never stands alone on the last page: when it
    would, the document is drawn again with the last block before it moved to
    that page too (see ``pdf_blocks.Layout``)."""
    from .pdf_blocks import parse

    tokens = parse(markdown)
    pdf, layout = _render(tokens, centre, notice, fonts, break_before=None)
    moved = layout.keep_ending_with()
    if moved is not None:
        pdf, _ = _render(tokens, centre, notice, fonts, break_before=moved)
    return bytes(pdf.output())


def _render(tokens, centre: str, notice: str, fonts: Path | None, break_before: int | None):
    from fpdf import FPDF  # lazily: see the module's docstring

    from .pdf_blocks import BlockWriter

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.alias_nb_pages(None)  # the total is drawn by _frame, never substituted into user text
    folder = fonts or paths.fonts_dir()
    for family, faces in _FONT_FILES.items():
        for style, filename in faces.items():
            pdf.add_font(family, style, str(folder / filename))
    pdf.set_margins(MARGIN, TOP, MARGIN)
    pdf.set_auto_page_break(True, BOTTOM)
    pdf.set_creator("seance")
    pdf.set_lang("fr-FR")
    if centre:
        pdf.set_author(centre)
    pdf.add_page()

    printable = Printable(set(pdf.fonts[FAMILY.lower()].cmap))
    title = _first_heading(tokens)
    if title:
        pdf.set_title(printable(title))
    writer = BlockWriter(pdf, printable, Printable(set(pdf.fonts[MONO.lower()].cmap)), break_before=break_before)
    writer.blocks(tokens)
    _frame(pdf, printable(centre), printable(notice))
    return pdf, writer.layout


class Printable:
    """Text as the font can draw it: one string in, the string to draw out."""

    def __init__(self, glyphs: set[int]) -> None:
        self._glyphs = glyphs
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        return "".join(self._char(c) for c in text)

    def _char(self, char: str) -> str:
        cached = self._cache.get(char)
        if cached is None:
            cached = self._cache[char] = self._drawn_as(char)
        return cached

    def _drawn_as(self, char: str) -> str:
        code = ord(char)
        if code in _CONTROL_PICTURES:
            return _CONTROL_PICTURES[code]
        if char in "\n\t" or code in self._glyphs:
            return char
        if unicodedata.category(char) in ("Mn", "Me", "Cf") or code < 0x20:
            return ""  # a mark or format character the font lacks: drawn as nothing, like a browser does
        return "\ufffd"


def _first_heading(tokens) -> str:
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            return tokens[i + 1].content
    return ""


def _frame(pdf, centre: str, notice: str) -> None:
    """The centre's name on top and the notice and ``Page n / N`` at the foot of every page."""
    total = pdf.page_no()
    pdf.set_auto_page_break(False)
    width = pdf.w - 2 * MARGIN
    for number in range(1, total + 1):
        pdf.page = number
        pdf.set_text_color(*GREY)
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        pdf.set_font(FAMILY, "", 8)
        pdf.set_xy(MARGIN, 10)
        pdf.cell(width, 5, _fit(pdf, centre, width), align="L")
        pdf.line(MARGIN, 16, pdf.w - MARGIN, 16)
        pdf.line(MARGIN, pdf.h - 15, pdf.w - MARGIN, pdf.h - 15)
        page = f"Page {number} / {total}"
        page_width = pdf.get_string_width(page) + 2
        pdf.set_xy(MARGIN, pdf.h - 14)
        pdf.cell(width - page_width, 5, _fit(pdf, notice, width - page_width - 4), align="L")
        pdf.cell(page_width, 5, page, align="R")
    pdf.set_text_color(0, 0, 0)


def _fit(pdf, text: str, width: float) -> str:
    """``text`` on one line of ``width``, cut with an ellipsis when it is longer."""
    text = " ".join(text[:500].split())
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"
