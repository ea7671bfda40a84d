"""What of the notes reaches the candidate: no private part, and no template
line left unfilled.

The phase templates (data/templates/*.md) are prompts for the consultant:
``- Outil :``, ``- Compétences mises en évidence :``, headings such as
``## Pistes ouvertes``. A prompt nobody answered says nothing to the
candidate, and an empty heading looks like something was removed. Both are
dropped from the candidate's documents, and so are the consultant's own
empty headings.

Decided on the raw lines, like ``domain.privacy``, and always after it
(``for_candidate``): the private parts are cut first, so dropping a line can
never bring one back, whatever Markdown the rest makes. The lines are read
with the documents' own parser (CommonMark with GFM tables) only to know
which lines are a list item or a heading: a ``- Outil :`` inside a code
block is code and stays.

- a **prompt** is a list item whose only content is one line ending with a
  colon (``- Outil :``, ``- **Atouts :**``) or nothing at all, or a paragraph
  of one such line with nothing after it in its section. An item with
  sub-items, or a second line, is answered;
- an **empty heading** has nothing under it before the next heading of its
  level or higher (a thematic break is nothing); once its prompts are gone,
  a template section left as it was is empty.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .privacy import public_text

# The same block reading as the documents' (export/markdown.py); only blocks
# matter here, so inline content is left unparsed (the costly part).
_parser = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])

# Each pass drops what is unfilled now; a heading whose prompts went becomes
# empty in the next. Past this many passes (a hostile text), what is left stays.
MAX_PASSES = 16

_TRAILING_MARKUP = " \t*_"


def for_candidate(text: str) -> str:
    """The notes as the candidate may read them: private parts cut first
    (``domain.privacy``), then the unfilled template lines dropped."""
    return drop_unfilled(public_text(text))


def drop_unfilled(text: str) -> str:
    """``text`` without its unanswered prompts and empty headings (see the module)."""
    lines = text.split("\n")
    for _ in range(MAX_PASSES):
        drops = _unfilled(lines)
        if not drops:
            break
        lines = _without(lines, drops)
    return "\n".join(lines)


def is_prompt(line_text: str) -> bool:
    """``Outil :``, ``**Atouts :**``, an empty item: a question left unanswered.
    A line with a colon before its last one (``Situation : calme. Suite :``)
    holds an answer: it stays."""
    stripped = line_text.rstrip(_TRAILING_MARKUP)
    return not line_text.strip() or (stripped.endswith(":") and ":" not in stripped[:-1])


def _unfilled(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) of the lines to drop, ``end`` excluded."""
    tokens = _parser.parse("\n".join(lines))
    if tokens and max(t.level for t in tokens) >= _parser.options["maxNesting"] - 1:
        # Nested past what the parser reads: it skipped the rest of the text,
        # whose lines it cannot vouch for. Dropping nothing only leaves a prompt.
        return []
    drops = [(*_content_span(lines, t.map), False) for t in _prompt_items(tokens)]
    top = [i for i, t in enumerate(tokens) if t.level == 0 and t.map is not None and t.nesting != -1]
    # The next top-level block of each (a thematic break is nothing), found going up: linear.
    following: list[Token | None] = [None] * len(top)
    after: Token | None = None
    for k in range(len(top) - 1, -1, -1):
        following[k] = after
        if tokens[top[k]].type != "hr":
            after = tokens[top[k]]
    for k, i in enumerate(top):
        token, next_block = tokens[i], following[k]
        if token.type == "heading_open":
            if next_block is None or (next_block.type == "heading_open" and _level(next_block) <= _level(token)):
                drops.append((*token.map, True))
        elif token.type == "paragraph_open" and (next_block is None or next_block.type == "heading_open"):
            if _one_line_prompt(token, tokens[i + 1]):
                drops.append((*token.map, False))
    return drops


def _prompt_items(tokens: list[Token]) -> list[Token]:
    """The list items whose only content is one prompt line, or nothing."""
    found = []
    for i, token in enumerate(tokens):
        if token.type != "list_item_open" or token.map is None:
            continue
        # Only the next four tokens are looked at: an unfilled item is empty,
        # or one paragraph (open, inline, close) and its own close.
        children = tokens[i + 1 : i + 5]
        closes = [k for k, t in enumerate(children) if t.type == "list_item_close" and t.level == token.level]
        if closes and closes[0] == 0:
            found.append(token)
        elif closes and closes[0] == 3 and children[0].type == "paragraph_open":
            if _one_line_prompt(children[0], children[1]):
                found.append(token)
    return found


def _one_line_prompt(paragraph: Token, inline: Token) -> bool:
    start, end = paragraph.map
    return end - start == 1 and "\n" not in inline.content and is_prompt(inline.content)


def _content_span(lines: list[str], span: list[int]) -> tuple[int, int]:
    """A list item's lines without the blank lines its span ends with: they
    separate what follows from the list, and must stay to keep doing so."""
    start, end = span
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _level(token: Token) -> int:
    return int(token.tag[1])


def _without(lines: list[str], drops: list[tuple[int, int, bool]]) -> list[str]:
    dropped: set[int] = set()
    blank_after: set[int] = set()
    for start, end, is_heading in drops:
        if start == 0 or not lines[start - 1].strip():
            # Already separated from what is above: the blank lines below it go
            # too, so that dropped sections leave no run of blank lines.
            while end < len(lines) and not lines[end].strip():
                end += 1
        dropped.update(range(start, end))
        if is_heading:
            # A heading separated what is above it from what is below: where both
            # are text, a blank line keeps them apart (a line of dashes below
            # would otherwise underline the paragraph above as a heading).
            blank_after.add(end - 1)
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i not in dropped:
            kept.append(line)
        elif i in blank_after and kept and kept[-1].strip():
            kept.append("")
    return kept
