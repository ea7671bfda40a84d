"""Which lines of a consultant's notes are private, decided on the raw lines.

A consultant marks a part of the notes private with a heading such as
``## Privé`` (the phase templates end with one). Whatever is private never
goes into a document for the candidate. Reading the notes as Markdown first
is not safe for that: a code fence, ``<!--`` or ``<pre>`` left open earlier in
the notes turns the private heading into code or a comment, and the section it
should have hidden would be printed with it. So the decision is taken here on
the raw lines, in two steps, each erring on the side of hiding:

- a private part **starts** at every line that looks like a private heading
  in any context: ``## Privé`` with any indent, inside a block quote or a list
  item (``> ## Privé``, ``- ## Privé``), inside a code block, as ``<h2>``, as a
  setext heading (``Privé`` underlined), or as a line on its own
  (``**Notes privées :**``);
- it **ends** only where the text certainly leaves it: at a heading of the
  same or a higher level that is a real, top-level heading when the text is
  read from the private heading on. A fence, comment or ``<pre>`` opened inside
  the private part and never closed keeps everything after it private.

A private part inside another one, or overlapping it, joins it. This module
is the one place that knows the private titles; the exports and any screen
that must hide private notes use it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from .text import fold

# The titles that make a part private, as the consultant reads them in the
# README (keep the two lists the same: a test checks it). Matching ignores
# accents, case, emphasis and a final colon, and allows a precision after a
# colon, a dash or a parenthesis ("Privé : santé", "Notes privées (consultant)").
PRIVATE_TITLES: tuple[str, ...] = (
    "Privé", "Privée", "Privés", "Privées",
    "Confidentiel", "Confidentielle", "Confidentiels", "Confidentielles",
    "Note privée", "Notes privées",
    "Note personnelle", "Notes personnelles",
    "Note confidentielle", "Notes confidentielles",
    "Note du consultant", "Notes du consultant",
    "Note de la consultante", "Notes de la consultante",
    "Note du conseiller", "Notes du conseiller",
    "Note de la conseillère", "Notes de la conseillère",
    "Ne pas diffuser", "À ne pas diffuser",
    "Hors compte rendu",
)
# Who the notes are of, allowed after any title: "Notes privées du consultant".
OWNERS: tuple[str, ...] = ("du consultant", "de la consultante", "du conseiller", "de la conseillère")

# More private headings than this in one text: hide everything from the first
# one on, rather than read the text once per heading (a pasted or hostile text).
MAX_PRIVATE_HEADINGS = 64

MAX_LEVEL = 6

# The first chunk of lines read to find where a private part ends.
_CHUNK_LINES = 64

# Every line boundary of str.splitlines, "\r\n" as one.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# The same reading as the documents' (CommonMark with GFM tables).
_parser = MarkdownIt("commonmark").enable("table")


def _alternatives(phrases: tuple[str, ...]) -> str:
    # Longest first, so that "privees" is tried before "prive".
    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded)


_PRIVATE_TITLE = re.compile(
    rf"(?:{_alternatives(PRIVATE_TITLES)})(?:\s+(?:{_alternatives(OWNERS)}))?"
    r"(?:\s*[:(\[\-–—,;/.].*)?",
    re.DOTALL,
)

# What can stand before a heading on its line: indent, block quote markers,
# list markers, task boxes; stripped one after the other, in any order.
_CONTAINER = re.compile(r"\s*(?:>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|\[[ xX]\](?=\s|$))")
_ATX = re.compile(r"(#+)(.*)", re.DOTALL)
_CLOSING_RUN = re.compile(r"(?:^|\s)#+\s*$")
_HTML_HEADING = re.compile(r"<h([1-6])(?:\s[^>]*)?>(.*?)(?:</h\1\s*>.*)?$", re.IGNORECASE | re.DOTALL)
_UNDERLINE = re.compile(r"(=+|-+)\s*")
_QUOTE_MARKERS = re.compile(r"^[\s>]*")
# A title wrapped over this many lines at most is still recognised.
_TITLE_LINES = 3
_TAG = re.compile(r"<[^>]*>")
# Inline markup that does not change what a title says: emphasis, code,
# strike-through, highlight, escapes.
_MARKUP = str.maketrans("", "", "*_~`\\")
_FORMAT_CHARACTERS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def is_private_title(text: str) -> bool:
    """``Privé``, ``**Notes privées :**``, ``CONFIDENTIEL``, ``Privé — santé``: yes;
    ``Privée et publique``, ``Secteur privé``: no."""
    return _PRIVATE_TITLE.fullmatch(_title_key(text)) is not None


def private_spans(lines: list[str]) -> list[tuple[int, int]]:
    """The private parts of ``lines`` (a text split on ``\\n``): sorted,
    disjoint ``(start, end)`` line ranges, ``end`` excluded."""
    starts = _private_starts(lines)
    if len(starts) > MAX_PRIVATE_HEADINGS:
        return [(starts[0][0], len(lines))]
    merged: list[tuple[int, int]] = []
    for start, level in starts:
        if merged and merged[-1][1] == len(lines):
            break  # already hidden to the end
        end = _section_end(lines, start, level)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def split_lines(text: str) -> list[str]:
    """The lines as the notes editor shows them: ``str.splitlines`` (which
    also breaks at a form feed, U+2028 and the like, as pasted text may hold),
    keeping a last empty line. A heading the consultant saw on its own line
    is read on its own line here too."""
    return _LINE_BREAK.split(text)


def public_text(text: str) -> str:
    """``text`` without its private parts; every line break becomes ``\n``.

    Where a part is cut out after a non-blank line, a blank line stays, so the
    lines around the cut do not join (a paragraph before it would otherwise
    become, say, a setext heading's text).
    """
    lines = split_lines(text)
    for start, end in reversed(private_spans(lines)):
        lines[start:end] = [""] if start and lines[start - 1].strip() else []
    return "\n".join(lines)


# --- where private parts start -------------------------------------------------


def _private_starts(lines: list[str]) -> list[tuple[int, int]]:
    """(line, level) of each line that looks like a private heading.

    A title may run over up to ``_TITLE_LINES`` lines (a setext heading's text,
    or a label wrapped by the editor). A title on lines of its own with no
    heading mark has no level: it counts as a heading just under the last
    heading-like line above it (level 1 if none), so that it hides the rest
    of the part it is written in.
    """
    starts = []
    last_level = 1
    heads = [_heading_like(line) for line in lines]
    # Each text line's title key (a title's lines are text lines), computed once.
    keys = ["" if level is not None else _title_key(text) for level, text in heads]
    for i, (level, title) in enumerate(heads):
        if level is not None:
            if is_private_title(title):
                starts.append((i, level))
            last_level = level
            continue
        words: list[str] = []
        for j in range(i, min(i + _TITLE_LINES, len(lines))):
            # A line with no word (a fence, a rule, a blank) is no part of a title.
            if not keys[j]:
                break
            words.append(keys[j])
            if _PRIVATE_TITLE.fullmatch(" ".join(words)):
                starts.append((i, _underline_level(lines, j + 1) or last_level))
                break
        last_level = _underline_level(lines, i + 1) or last_level
    return starts


def _underline_level(lines: list[str], i: int) -> int | None:
    """1 or 2 if line ``i`` underlines the line above as a setext heading would."""
    if i >= len(lines):
        return None
    for text in (_strip_containers(lines[i]), _QUOTE_MARKERS.sub("", lines[i], count=1).strip()):
        found = _UNDERLINE.fullmatch(text)
        if found:
            return 1 if found.group(1)[0] == "=" else 2
    return None


def _heading_like(line: str) -> tuple[int | None, str]:
    """The level and title of an ATX or HTML heading, in any container;
    ``(None, text)`` for any other line."""
    text = _strip_containers(line)
    atx = _ATX.fullmatch(text)
    if atx:
        return min(len(atx.group(1)), MAX_LEVEL), _CLOSING_RUN.sub("", atx.group(2))
    html = _HTML_HEADING.fullmatch(text.strip())
    if html:
        return int(html.group(1)), html.group(2)
    return None, text


def _strip_containers(line: str) -> str:
    position = 0
    while True:
        found = _CONTAINER.match(line, position)
        if not found or found.end() == position:
            return line[position:].strip()
        position = found.end()


def _title_key(text: str) -> str:
    text = _TAG.sub("", text).translate(_MARKUP)
    text = _WORD_HYPHEN.sub(" ", text)  # "compte-rendu" as "compte rendu"
    # Invisible format characters (zero-width space, joiners) would split a
    # word that still reads "Privé" on screen.
    text = _FORMAT_CHARACTERS.sub("", text)
    return _EDGES.sub("", " ".join(fold(text).split()))


# --- where they end ----------------------------------------------------------------


def _section_end(lines: list[str], start: int, level: int) -> int:
    """The first line after ``start`` that is a top-level heading of ``level``
    or higher when the text is read from ``start`` on; the end if none.

    A setext heading ends the part only if its text is one line: a longer one
    begins with lines that were paragraph text of the private part.

    The text is read in growing chunks: block structure is decided line by
    line going down (a heading depends on the lines above it and the one
    below), so a heading found two lines or more before a chunk's end is one
    in the whole text too, and a part that ends soon costs little to read.
    """
    size = _CHUNK_LINES
    while True:
        chunk = lines[start : start + size]
        whole = start + size >= len(lines)
        for token in _parser.parse("\n".join(chunk)):
            if token.type != "heading_open" or token.level != 0 or token.map is None:
                continue
            first, after = token.map
            one_line = token.markup.startswith("#") or after - first == 2
            if first > 0 and int(token.tag[1]) <= level and one_line and (whole or first < len(chunk) - 2):
                return start + first
        if whole:
            return len(lines)
        size *= 4
