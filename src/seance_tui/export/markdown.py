"""Markdown building blocks that keep user text as text.

Two kinds of user text reach a document:

- *plain text* (names, tools, roadmap cells, checklist labels): escaped so that
  it renders literally, whatever Markdown, HTML or entity it looks like;
- *user Markdown* (séance notes, next steps): kept as written, but contained so
  that it cannot change the document around it: its headings are nested under
  the section that holds it, and an unclosed code fence or HTML block cannot
  swallow the sections that follow. Its private parts are left out, for a
  document meant for the candidate, by ``domain.privacy`` on the raw lines,
  before any Markdown reading, and so are the template's unanswered prompts
  and empty headings (``domain.unfilled``, after privacy).

In both, control characters are made visible (see ``visible_controls``): a
document may be read with ``cat`` in a terminal, and an escape sequence in a
note must not reach that terminal raw.

Structure is read with markdown-it-py (CommonMark and GFM tables), whose token
maps give the source lines of each block; nothing here guesses a heading from
a line's look (a ``#`` line inside a code block is not a heading). Privacy is
the exception, on purpose: there a line that looks like a private heading is
one, whatever Markdown makes of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..domain.text import visible_controls
from ..domain.unfilled import for_candidate

# Renders a line break inside a table cell: GFM cells cannot hold a newline,
# and a raw one would end the row.
CELL_LINE_BREAK = "<br>"

MAX_HEADING_LEVEL = 6

# The documents are CommonMark with GFM tables, read as such by the renderer
# the tests use; a table must be seen as one here too (it outranks a setext heading).
_parser = MarkdownIt("commonmark").enable("table")


# Every character that can start inline markup, an HTML tag, an entity, a
# closing "#" run in a heading, or a block quote (">" at the start of a line).
# "$", "^" and "~" are not CommonMark but are math, superscript and
# strike-through to pandoc and GitHub, the likely converters.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|#$^])")
# What would start a block (list, setext underline) at the start of a line,
# e.g. a tool named "- test" written as a list item; "#" and ">" are escaped
# everywhere already.
_LEADING_MARKER = re.compile(r"^[-+=]")
_LEADING_ORDINAL = re.compile(r"^(\d{1,9})([.)])")

_ATX_RUN = re.compile(r"#+")
# An ATX heading's optional closing sequence: it would be dropped from the text.
_CLOSING_RUN = re.compile(r"(^|[ \t])(#+[ \t]*)$")
_UNDERLINE = re.compile(r"[ \t]*(=+|-+)[ \t]*$")
# An odd run of backslashes at the end of a line: the last one is a hard break.
_HARD_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)\\$")


def escape_inline(text: str) -> str:
    """One line of plain text that renders literally wherever inline Markdown goes:
    a heading, a list item, a paragraph, a table cell.

    Line breaks become spaces and surrounding whitespace is dropped (a leading
    indent could make an indented code block of a list item).
    """
    line = " ".join(visible_controls(text).split("\n")).strip()
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _LEADING_MARKER.sub(r"\\\g<0>", line)
    return _LEADING_ORDINAL.sub(r"\1\\\2", line)


def escape_cell(text: str) -> str:
    """Plain text for one table cell: one row per item whatever the text holds.

    Pipes are escaped like the other specials; the lines, each trimmed, are
    joined with ``<br>``, which GFM renderers show as a line break.
    """
    lines = visible_controls(text).strip().split("\n")
    return CELL_LINE_BREAK.join(escape_inline(line) for line in lines)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape_inline(text)}"


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {escape_inline(item)}" for item in items)


def checklist(items: Iterable[tuple[bool, str]]) -> str:
    """GFM task list; plain CommonMark shows the same ``[x]`` as text."""
    return "\n".join(f"- [{'x' if done else ' '}] {escape_inline(label)}" for done, label in items)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table of plain texts: every cell, headers included, is escaped."""
    delimiter = "|" + " --- |" * len(headers)
    return "\n".join([_row(headers), delimiter, *(_row(row) for row in rows)])


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape_cell(c) for c in cells) + " |"


def placeholder(text: str) -> str:
    """A visible gap left for the consultant to fill: ``_À compléter : …_``."""
    return emphasis(f"À compléter : {text}")


def emphasis(text: str) -> str:
    return f"_{escape_inline(text)}_"


# --- user Markdown ----------------------------------------------------------


def user_markdown(text: str, parent_level: int, *, keep_private: bool) -> str:
    """User Markdown placed under a heading of ``parent_level``.

    Unless ``keep_private`` (a document for the candidate), the private parts
    (``domain.privacy``) are cut out first, from the raw lines as the editor
    showed them (before a form feed becomes a visible symbol): nothing after
    this can bring them back. Then the template's unanswered prompts and the
    empty headings go (``domain.unfilled``, on the same raw lines). A
    document for the centre keeps the notes as they were written.
    The result ends cleanly: whatever follows it after a blank line is parsed
    as if the user text were not there.
    """
    if not keep_private:
        text = for_candidate(text)
    text = visible_controls(text)
    return nest_headings(contain(text), parent_level).strip("\n")


def nest_headings(text: str, parent_level: int) -> str:
    """Shift every heading so that the highest becomes ``parent_level + 1``,
    capped at level 6; setext headings are rewritten as ATX ones, which
    alone can say levels 3 to 6."""
    headings = _headings(text)
    if not headings:
        return text
    shift = parent_level + 1 - min(_level(h) for h, _ in headings)
    lines = text.split("\n")
    # From the bottom up, so that rewriting a setext heading (its lines into
    # two) leaves the line numbers of those above valid.
    for open_token, inline in reversed(headings):
        level = min(MAX_HEADING_LEVEL, _level(open_token) + shift)
        start, end = open_token.map
        if open_token.markup.startswith("#"):
            lines[start] = _ATX_RUN.sub("#" * level, lines[start], count=1)
        else:
            # Its underline becomes a blank line of the same container, so the
            # next line does not start right under the heading (where a table's
            # delimiter row would turn the heading into a table header).
            atx = _setext_as_atx(lines[start], inline.content, level)
            lines[start:end] = [atx, _UNDERLINE.sub("", lines[end - 1])]
    return "\n".join(lines)


def contain(text: str) -> str:
    """Close what would run past the end of ``text``: an unclosed code fence
    gets its closing fence (where CommonMark ends it anyway), and an unclosed
    HTML block of the kinds that end only at a closing tag or ``-->`` has its
    ``<`` escaped (it then shows as text, as typed)."""
    while True:
        # A heading after a blank line must come out as a top-level heading.
        sentinel_line = text.count("\n") + 2
        tokens = _parser.parse(f"{text}\n\n# fin\n")
        top = [t for t in tokens if t.level == 0 and t.map is not None]
        runaway = top[-1]
        if runaway.type == "heading_open" and runaway.map[0] == sentinel_line:
            return text
        # Each fix ends the construct that ran to the end, so what follows it
        # is parsed anew: the loop moves down the text, and stops.
        if runaway.type == "fence":
            text = text.rstrip("\n") + "\n" + runaway.markup
        else:  # an HTML block: nothing else outlives a blank line
            lines = text.split("\n")
            start = runaway.map[0]
            lines[start] = lines[start].replace("<", "\\<", 1)
            text = "\n".join(lines)


def _headings(text: str) -> list[tuple[Token, Token]]:
    tokens = _parser.parse(text)
    return [(t, tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]


def _level(token: Token) -> int:
    return int(token.tag[1])


def _setext_as_atx(first_line: str, content: str, level: int) -> str:
    # The heading's text is the end of its first line; what precedes it there
    # is the container's prefix ("> ", "- "), kept so the heading stays inside.
    first = content.split("\n", 1)[0].rstrip()
    kept = first_line.rstrip()
    prefix = kept[: len(kept) - len(first)]
    lines = content.split("\n")
    # A backslash ending a line but the last is a hard line break: on one line
    # it would show as a backslash, so it goes like the break it stood for.
    lines[:-1] = [_HARD_BREAK.sub(r"\1", line) for line in lines[:-1]]
    one_line = " ".join(line.strip() for line in lines if line.strip())
    one_line = _CLOSING_RUN.sub(lambda m: m.group(1) + "\\" + m.group(2), one_line)
    return f"{prefix}{'#' * level} {one_line}"
