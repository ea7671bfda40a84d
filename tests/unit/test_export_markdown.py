"""The Markdown building blocks: plain text stays text, user Markdown stays
inside its section. Checked by parsing the output, as a reader's renderer would."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_support import (
    expected_cell,
    inline_text,
    notes_texts,
    outline,
    paragraphs,
    parse,
    plain_texts,
    tables,
)

from seance_tui.export.markdown import (
    bullet_list,
    contain,
    escape_cell,
    escape_inline,
    heading,
    nest_headings,
    table,
    user_markdown,
    visible_controls,
)

ADVERSARIAL = [
    "[bold]Zoé[/]",
    "<script>alert(1)</script>",
    "# Titre",
    "*x*",
    "Zoé \x1b[31mrouge\x1b[0m",
    "Titre #",
    "- puce",
    "1. liste",
    "> citation",
    "&eacute; &#35;",
    "`code`",
    "![img](x.png)",
    "a\\",
    "~~barré~~ $x$ ^sup^",
    "===",
    "    indenté",
]


def expected_line(text: str) -> str:
    return " ".join(visible_controls(text).split("\n")).strip()


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_text_is_literal_in_a_heading_a_list_item_and_a_paragraph(text):
    assert outline(heading(1, text)) == [(1, expected_line(text))]
    tokens = parse(bullet_list([text]))
    assert [t.type for t in tokens[:3]] == ["bullet_list_open", "list_item_open", "paragraph_open"]
    assert inline_text(tokens[3]) == expected_line(text)
    assert paragraphs(f"Nom : {escape_inline(text)}") == [f"Nom : {expected_line(text)}"]


@settings(max_examples=300)
@given(plain_texts)
def test_any_text_round_trips_through_a_heading_and_a_list_item(text):
    if not expected_line(text):
        return
    assert outline(heading(2, text)) == [(2, expected_line(text))]
    items = [t for t in parse(bullet_list([text])) if t.type == "list_item_open"]
    assert len(items) == 1
    assert inline_text(next(t for t in parse(bullet_list([text])) if t.type == "inline")) == expected_line(text)


@settings(max_examples=300)
@given(st.lists(st.tuples(plain_texts, plain_texts), min_size=1, max_size=5))
def test_a_table_keeps_one_row_per_item_and_its_cells_round_trip(rows):
    (parsed,) = tables(table(("Objectif", "Moyens"), rows))
    assert parsed.headers == ["Objectif", "Moyens"]
    assert parsed.rows == [[expected_cell(a), expected_cell(b)] for a, b in rows]


def test_a_cell_line_break_is_a_br_and_a_typed_br_stays_text():
    assert escape_cell("a\nb") == "a<br>b"
    (parsed,) = tables(table(("x",), [("un <br> deux\ntrois | quatre",)]))
    assert parsed.rows == [["un <br> deux\ntrois | quatre"]]


@given(plain_texts)
def test_no_control_character_but_newline_and_tab_gets_through(text):
    for rendered in (escape_inline(text), escape_cell(text), user_markdown(text, 2, keep_private=True)):
        assert not any(ord(c) < 0x20 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in rendered)


def test_an_escape_sequence_is_made_visible():
    assert escape_inline("\x1b[31mrouge") == "␛\\[31mrouge"
    assert visible_controls("a\r\nb\rc\x00\x9b") == "a\nb\nc␀\ufffd"


# --- headings of user Markdown ------------------------------------------------

NOTES = """Intro

# Titre
texte

Sous-titre
----------

```
# pas un titre
```

~~~~
## pas plus
~~~~

    # code indenté

> Citation titre
> ===

- # Dans une liste

Titre fermé ##
==============
"""


def test_notes_headings_nest_under_the_section_and_code_stays_code():
    document = f"## Notes\n\n{user_markdown(NOTES, 2, keep_private=True)}\n\n## Après\n"
    assert outline(document) == [
        (2, "Notes"),
        (3, "Titre"),
        (4, "Sous-titre"),
        (3, "Citation titre"),
        (3, "Dans une liste"),
        (3, "Titre fermé ##"),
        (2, "Après"),
    ]
    codes = [t.content for t in parse(document) if t.type in ("fence", "code_block")]
    assert codes == ["# pas un titre\n", "## pas plus\n", "# code indenté\n"]


def test_the_highest_notes_heading_becomes_one_below_the_section():
    assert nest_headings("### a\n\n#### b", 2) == "### a\n\n#### b"
    assert nest_headings("## a\n\n### b", 3) == "#### a\n\n##### b"
    assert nest_headings("# a\n\n###### f", 3) == "#### a\n\n###### f"  # capped at 6
    assert nest_headings("pas de titre", 2) == "pas de titre"




@settings(max_examples=400, deadline=None)
@given(notes_texts, st.integers(min_value=1, max_value=4))
def test_any_notes_stay_inside_their_section(notes, level):
    body = user_markdown(notes, level, keep_private=True)
    document = f"{'#' * level} Notes\n\n{body}\n\n{'#' * level} Après\n"
    heads = outline(document)
    assert heads[0] == (level, "Notes") and heads[-1] == (level, "Après")
    assert all(inner > level for inner, _ in heads[1:-1])
    # Nesting moves headings, never makes or loses one.
    assert heading_texts(body) == heading_texts(contain(visible_controls(notes)))


def heading_texts(markdown: str) -> list[str]:
    """A setext heading's lines become one: here its line breaks and runs of
    spaces read as one space."""
    tokens = parse(markdown)
    texts = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            parts = (" " if c.type in ("softbreak", "hardbreak") else c.content for c in tokens[i + 1].children)
            texts.append(" ".join("".join(parts).split()))
    return texts
    # The sections after the notes are top-level, not swallowed by a container.
    assert [t.level for t in parse(document) if t.type == "heading_open"][-1] == 0


def test_an_unclosed_fence_is_closed_at_the_end_of_the_notes():
    document = "## Notes\n\n" + user_markdown("Avant\n```\n# code", 2, keep_private=True) + "\n\n## Après\n"
    assert outline(document) == [(2, "Notes"), (2, "Après")]
    assert [t.content for t in parse(document) if t.type == "fence"] == ["# code\n"]


def test_an_unclosed_html_comment_shows_as_text_instead_of_hiding_the_rest():
    document = "## Notes\n\n" + user_markdown("<!-- à ne pas\n\n# Titre", 2, keep_private=True) + "\n\n## Après\n"
    assert outline(document) == [(2, "Notes"), (3, "Titre"), (2, "Après")]
    assert "<!-- à ne pas" in paragraphs(document)


@pytest.mark.parametrize("nested", ["- " * 10, "- " * 40, "1. " * 12, "> - " * 10])
def test_user_markdown_nested_past_the_parsers_limit_ends_and_leaves_what_follows(nested):
    # markdown-it stops reading at 20 nested containers and skips the rest of
    # the document; contain() once looped forever on it (a séance could not be closed).
    import signal

    def expired(*_):
        raise TimeoutError("contain() did not end")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        body = user_markdown(f"avant\n\n{nested}liste\n\n## Après", 1, keep_private=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    document = f"# T\n\n{body}\n\n## Suite\n\nfin\n"
    assert ("liste" in document) and ("Après" in document)
    assert outline(document)[-1] == (2, "Suite")
    assert paragraphs(document)[-1] == "fin"
