"""Where the séance view opens a search, and the words it highlights there:
the blocks of the sections the search looked in, matched by the search's own
rule (search.highlight), never by a looser one of the view's."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock, MarkdownFence

from ...search.highlight import locate, match_spans
from ...search.query import parse_query

MATCH_STYLE = "reverse bold"  # as the hit list marks it; legible in 16 colours and without colour


def _is_section_heading(block: MarkdownBlock) -> bool:
    # Textual exports no heading class: a block's name is its token's type,
    # and LEVEL is what Textual's own table of contents reads.
    return block.name == "heading_open" and getattr(block, "LEVEL", None) == 2


def _is_table(block: MarkdownBlock) -> bool:
    return block.name == "table_open"  # its cells are not blocks of their own


def searched_blocks(document: Markdown, sections: tuple[str, ...]) -> list[MarkdownBlock]:
    """The innermost blocks under the document's level-2 headings named in
    ``sections``, in reading order (the consultant's own headings are nested
    deeper, so a level-2 heading is always one of the document's)."""
    blocks, inside = [], False
    for block in document.query(MarkdownBlock):
        if _is_section_heading(block):
            inside = block_text(block) in sections
        elif inside and not block.query(MarkdownBlock):
            blocks.append(block)
    return blocks


def block_text(block: MarkdownBlock) -> str:
    """What the block shows; a table's cells are not blocks: its source then."""
    if _is_table(block) or not isinstance(block.content, Content):
        return block.source or ""
    return block.content.plain


def show_match(document: Markdown, sections: tuple[str, ...], query: str) -> MarkdownBlock | None:
    """Highlights every occurrence of the query's terms in the searched blocks
    and returns the block to open at (the first holding every term, else any)."""
    terms = parse_query(query)
    blocks = searched_blocks(document, sections)
    if not terms or not blocks:
        return None
    for block in blocks:
        if _is_table(block) or isinstance(block, MarkdownFence):
            continue  # built from their own parts: their text is left as it is
        content = block.content
        if not isinstance(content, Content):
            continue
        spans = match_spans(content.plain, terms)
        for start, end in spans:
            content = content.stylize(MATCH_STYLE, start, end)
        if spans:
            block.set_content(content)
    at = locate([block_text(block) for block in blocks], query)
    if at is None:
        return None
    blocks[at].add_class("-search-match")
    return blocks[at]
