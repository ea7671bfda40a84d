"""The séance document's blocks (ui/widgets/markdown_blocks.py): what each
block shows, and that links, images and raw HTML are only words."""

from __future__ import annotations

from seance_tui.ui.widgets.markdown_blocks import parse

NOTE = """## Section

Texte **gras** et [lien](/etc/passwd) puis ![photo](https://example.invalid/p.png) <b>html</b>.
[fichier](file:///etc/shadow)

- un
- deux
  1. a
  2. b

> citée

```
[b]code[/b]
```

| A | B |
| --- | --- |
| [x](/y) | 2 |
"""


def test_every_block_shows_its_words_and_nothing_of_where_a_link_leads():
    blocks = parse(NOTE)
    kinds = [(b.kind, b.text) for b in blocks]
    # a file: URL is no link to markdown-it: its text is shown as typed, never followed
    assert kinds[:2] == [("heading", "Section"),
                         ("paragraph", "Texte gras et lien puis photo <b>html</b>. [fichier](file:///etc/shadow)")]
    assert all("/etc/passwd" not in b.content.plain and "example.invalid" not in b.content.plain for b in blocks)
    table = next(b for b in blocks if b.kind == "table")
    assert [[cell.plain for cell in row] for row in table.rows] == [["A", "B"], ["x", "2"]]
    fence = next(b for b in blocks if b.kind == "fence")
    assert fence.content.plain == "[b]code[/b]" and not fence.content.spans


def test_list_items_carry_their_marker_and_nesting_and_quotes_their_depth():
    blocks = {b.text: b for b in parse(NOTE)}
    assert (blocks["un"].bullet, blocks["un"].indent) == ("• ", 2)
    assert (blocks["a"].bullet, blocks["a"].indent) == ("1. ", 5)
    assert blocks["citée"].quote == 1
    # the styles are names the widget draws with the theme, never markup
    paragraph = next(b for b in parse(NOTE) if b.kind == "paragraph")
    assert {span.style for span in paragraph.content.spans} == {"strong", "link"}
