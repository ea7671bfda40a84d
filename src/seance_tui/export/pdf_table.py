"""A Markdown table on the PDF's pages (``pdf_blocks.py`` reads it).

Columns share the width by how much they hold, within bounds, so that a
short column (a date, a status) never takes a third of the page and a long
one never squeezes the others to a letter a line. The header row repeats on
each page. A word longer than its column is cut where the column ends.

fpdf2 refuses a row taller than a page; a table with such a row (a note
pasted into a roadmap cell) is drawn instead as a list: each row a block of
``header : value`` lines.
"""

from __future__ import annotations

import math

from .pdf_blocks import CELL_LINE, CELL_SIZE, FAMILY, HEADER_FILL, LINE, ROW_LIMIT

# No column is narrower than its longest word, up to this share of the table
# (a longer word is cut), nor wider than this share when others need room.
_MAX_WORD = 0.3
_MAX_LINE = 0.5
_PADDING = 2.5  # mm, fpdf2's cell margins and a little air


def draw_table(pdf, rows: list[list[str]]) -> None:
    if not rows or not rows[0]:
        return
    from fpdf.fonts import FontFace

    width = pdf.w - pdf.r_margin - pdf.l_margin
    pdf.set_font(FAMILY, "", CELL_SIZE)
    widths = _widths(pdf, rows, width)
    limit = (pdf.h - pdf.t_margin - pdf.b_margin) * ROW_LIMIT
    if any(_row_height(pdf, row, widths) > limit for row in rows):
        _as_list(pdf, rows)
        return
    pdf.set_x(pdf.l_margin)
    with pdf.table(
        col_widths=widths,
        width=width,
        align="LEFT",
        text_align="LEFT",
        line_height=CELL_LINE,
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        repeat_headings=1,
    ) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.set_font(FAMILY, "", 10)


def _widths(pdf, rows: list[list[str]], width: float) -> list[float]:
    """Each column at least as wide as its longest word and at most as wide as
    its longest line (both within bounds); the room left goes to the columns
    whose lines are longest, as a browser lays out a table."""
    columns = len(rows[0])
    words, lines = [0.0] * columns, [0.0] * columns
    for row in rows:
        for i, text in enumerate(row[:columns]):
            for line in text.split("\n"):
                lines[i] = max(lines[i], len(line))
                words[i] = max(words[i], max((len(w) for w in line.split()), default=0))
    # Measured on a digit, one of the widest common glyphs: counts stay cheap on long tables.
    unit = pdf.get_string_width("0") * 1.1
    least = [min(w * unit + _PADDING, width * _MAX_WORD) for w in words]
    most = [max(lo, min(n * unit + _PADDING, width * _MAX_LINE)) for lo, n in zip(least, lines)]
    if sum(least) >= width:
        return [width * lo / sum(least) for lo in least]
    if sum(most) <= width:
        return [width * m / sum(most) for m in most]
    room = width - sum(least)
    wanted = sum(m - lo for lo, m in zip(least, most))
    return [lo + room * (m - lo) / wanted for lo, m in zip(least, most)]


def _row_height(pdf, row: list[str], widths: list[float]) -> float:
    return max(_lines(pdf, text, w - 2) for text, w in zip(row, widths)) * CELL_LINE


def _lines(pdf, text: str, width: float) -> int:
    """Lines ``text`` takes in ``width``, over-estimated (wrapping at words wastes
    some of each line)."""
    return sum(math.ceil((pdf.get_string_width(line) + 1) / max(width * 0.8, 1)) for line in text.split("\n"))


def _as_list(pdf, rows: list[list[str]]) -> None:
    headers, body = rows[0], rows[1:]
    for row in body:
        for header, text in zip(headers, row):
            pdf.set_x(pdf.l_margin)
            pdf.set_font(FAMILY, "B", CELL_SIZE)
            pdf.write(CELL_LINE, f"{header} : ")
            pdf.set_font(FAMILY, "", CELL_SIZE)
            pdf.write(CELL_LINE, text)
            pdf.ln(CELL_LINE)
        pdf.ln(LINE * 0.6)
    pdf.set_font(FAMILY, "", 10)
