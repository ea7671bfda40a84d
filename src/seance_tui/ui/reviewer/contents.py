"""The séance view's table of contents, made for a narrow column: the
document's top headings at the first level (the view's sections start at
level 2, under no title of their own: Textual would nest them all under an
empty « Ⅱ »), the headings' own words without level numerals, shallow guides."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.markdown import MarkdownTableOfContents, TableOfContentsType

GUIDE_DEPTH = 2


class ContentsList(MarkdownTableOfContents):
    def on_mount(self) -> None:
        self.query_one(Tree).guide_depth = GUIDE_DEPTH

    def rebuild_table_of_contents(self, table_of_contents: TableOfContentsType) -> None:
        fill(self.query_one(Tree), [(level, name, {"block_id": block_id})
                                    for level, name, block_id in table_of_contents])


class SeanceContents(Tree):
    """The séance view's table of contents: its document's headings (one
    line-API widget: ui/widgets/document.py), the sections at the first level.
    Choosing one scrolls the document to it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.show_root = False
        self.guide_depth = GUIDE_DEPTH
        self.auto_expand = False  # Enter jumps to a section, it does not fold it

    def show(self, headings: list[tuple[int, str, int]]) -> None:
        fill(self, headings)
        self.root.expand()


def fill(tree: Tree, headings: list[tuple[int, str, object]]) -> None:
    """``tree`` holds ``headings`` (level, words, node data), the shallowest
    level at the first: a heading deeper than the one before by more than one
    level goes just under it."""
    tree.clear()
    if not headings:
        return
    top = min(level for level, _, _ in headings)
    parents = [tree.root]  # parents[d]: where a heading of depth d goes
    for level, name, data in headings:
        depth = min(level - top, len(parents) - 1)
        del parents[depth + 1 :]
        parent = parents[depth]
        if parent is not tree.root:
            parent.allow_expand = True
            parent.expand()
        # Text, not markup: a heading is the consultant's words.
        node = parent.add(Text(name), data, allow_expand=False)
        parents.append(node)
