"""Where the séance view opens a search, and the words it highlights there:
the blocks of the sections the search looked in, matched by the search's own
rule (search.highlight), never by a looser one of the view's."""

from __future__ import annotations

from ...search.highlight import locate, match_spans
from ...search.query import parse_query
from ..widgets.document import DocumentView
from ..widgets.markdown_blocks import Block

MATCH_STYLE = "reverse bold"  # as the hit list marks it; legible in 16 colours and without colour


def searched_blocks(blocks: list[Block], sections: tuple[str, ...]) -> list[int]:
    """The indexes of the blocks under the document's level-2 headings named in
    ``sections``, in reading order (the consultant's own headings are nested
    deeper, so a level-2 heading is always one of the document's)."""
    found, inside = [], False
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.level == 2:
            inside = block.content.plain in sections
        elif inside:
            found.append(index)
    return found


def show_match(document: DocumentView, sections: tuple[str, ...], query: str) -> int | None:
    """Highlights every occurrence of the query's terms in the searched blocks
    and returns the index of the block to open at (the first holding every
    term, else any); a bar beside it."""
    terms = parse_query(query)
    indexes = searched_blocks(document.blocks, sections)
    if not terms or not indexes:
        return None
    for index in indexes:
        block = document.blocks[index]
        if block.kind in ("table", "fence", "rule"):
            continue  # built from their own parts: their text is left as it is
        content = block.content
        for start, end in match_spans(content.plain, terms):
            content = content.stylize(MATCH_STYLE, start, end)
        block.content = content
    at = locate([document.blocks[index].text for index in indexes], query)
    document.matched = None if at is None else indexes[at]
    document.refresh_blocks()
    return document.matched
