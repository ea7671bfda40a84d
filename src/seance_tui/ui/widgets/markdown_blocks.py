"""Markdown read into a flat list of text blocks, for a document shown as one
widget (ui/widgets/document.py) instead of Textual's one widget per block.

Every block is text the reader sees as typed: inline Markdown becomes styles
on a Content (never markup), links and images are their words only (nothing
in a note may open, load or fetch anything), raw HTML is shown as text.
Styles are names (``strong``, ``code``…) the widget turns into the theme's
styles when it draws."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.content import Content, Span

# Inline markers and the style name each gives its text.
_INLINE = {"strong_open": "strong", "em_open": "em", "s_open": "s", "link_open": "link"}
_CLOSE = {"strong_close", "em_close", "s_close", "link_close"}


@dataclass
class Block:
    """One line-wrapped run of text: a heading, a paragraph (alone, in a list
    item or a quote), a code block, a table or a rule."""

    kind: str  # heading, paragraph, fence, table, rule
    content: Content = field(default_factory=Content)
    level: int = 0  # a heading's level
    source: str = ""  # its Markdown lines
    bullet: str = ""  # the list marker its first line carries ("• ", "2. ")
    indent: int = 0  # columns before its text: list nesting and markers
    quote: int = 0  # block quote depth
    top: int = 0  # blank lines wanted above and below (adjacent ones overlap)
    bottom: int = 0
    rows: list[list[Content]] = field(default_factory=list)  # a table's, header first

    @property
    def text(self) -> str:
        """What the block shows; a table's cells are not blocks: its source then."""
        return self.source if self.kind == "table" else self.content.plain


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_content(token: Token | None) -> Content:
    """An inline token's text with its emphasis as styles; links as their words."""
    if token is None or not token.children:
        return Content(token.content if token is not None else "")
    text: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[int, str]] = []
    size = 0

    def add(part: str, style: str = "") -> None:
        nonlocal size
        if part:
            if style:
                spans.append(Span(size, size + len(part), style))
            text.append(part)
            size += len(part)

    for child in token.children:
        kind = child.type
        if kind in ("text", "html_inline"):
            add(child.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            add(child.content, "code")
        elif kind == "image":  # its description, never the picture nor where it lives
            add(child.content or "image", "link")
        elif kind in _INLINE:
            opened.append((size, _INLINE[kind]))
        elif kind in _CLOSE and opened:
            start, style = opened.pop()
            if size > start:
                spans.append(Span(start, size, style))
        else:
            add(child.content)
    return Content("".join(text), spans)


def _source(lines: list[str], token: Token) -> str:
    if token.map is None:
        return ""
    start, end = token.map
    return "".join(lines[start:end])


def parse(source: str, markdown: MarkdownIt | None = None) -> list[Block]:
    tokens = (markdown or parser()).parse(source)
    lines = source.splitlines(keepends=True)
    blocks: list[Block] = []
    lists: list[list] = []  # per open list: [ordered, next number, marker width]
    items: list[str] = []  # per open list item: the marker its first block still has to show
    quote = 0
    index = 0

    def indent() -> int:
        return sum(width for _, _, width in lists)

    def take_bullet() -> str:
        if items and items[-1]:
            bullet, items[-1] = items[-1], ""
            return bullet
        return ""

    def add(block: Block) -> None:
        block.quote = quote
        block.indent = indent()
        block.bullet = take_bullet()
        inside = bool(lists) or quote
        if block.kind == "paragraph" and not inside:
            block.bottom = 1
        blocks.append(block)

    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1:])
            add(Block("heading", inline_content(tokens[index + 1]), level=level, source=_source(lines, token),
                      top=2 if level <= 2 else 1, bottom=1))
            index += 3
            continue
        if kind == "paragraph_open":
            add(Block("paragraph", inline_content(tokens[index + 1]), source=_source(lines, token)))
            index += 3
            continue
        if kind in ("fence", "code_block"):
            add(Block("fence", Content(token.content.rstrip("\n")), source=_source(lines, token), top=1, bottom=1))
        elif kind == "html_block":
            add(Block("paragraph", Content(token.content.rstrip("\n")), source=_source(lines, token)))
        elif kind == "hr":
            add(Block("rule", source=_source(lines, token), top=1, bottom=1))
        elif kind == "table_open":
            index = _table(tokens, index, lines, add)
            continue
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrs.get("start", 1) or 1) if ordered else 0
            width = 2
            if ordered:  # the widest number of this list, right-aligned
                count = sum(1 for t in tokens[index:] if t.type == "list_item_open" and t.level == token.level + 1)
                width = len(f"{start + max(count - 1, 0)}. ")
            lists.append([ordered, start, width])
            if blocks and len(lists) == 1:
                blocks[-1].bottom = max(blocks[-1].bottom, 1 if not quote else 0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and blocks and not quote:
                blocks[-1].bottom = max(blocks[-1].bottom, 1)
        elif kind == "list_item_open":
            current = lists[-1]
            if current[0]:
                items.append(f"{current[1]}. ".rjust(current[2]))
                current[1] += 1
            else:
                items.append("• ")
        elif kind == "list_item_close":
            items.pop()
        elif kind == "blockquote_open":
            if not quote and blocks:
                blocks[-1].bottom = max(blocks[-1].bottom, 1)
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
            if not quote and blocks:
                blocks[-1].bottom = max(blocks[-1].bottom, 1)
        index += 1
    if blocks and blocks[0].kind == "heading":
        blocks[0].top = 0
    return blocks


def _table(tokens: list[Token], index: int, lines: list[str], add) -> int:
    opening = tokens[index]
    rows: list[list[Content]] = []
    while index < len(tokens) and tokens[index].type != "table_close":
        kind = tokens[index].type
        if kind == "tr_open":
            rows.append([])
        elif kind in ("th_open", "td_open"):
            rows[-1].append(inline_content(tokens[index + 1]))
        index += 1
    add(Block("table", source=_source(lines, opening), rows=rows, top=1, bottom=1))
    return index + 1
