"""Helpers shared by the test_export_* modules (no tests here): a realistic
dossier built through the domain's own methods, so that its change log is the
one the app writes; hypothesis strategies for hostile user text; and readers
of the exported Markdown's structure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from seance_tui.domain.model import Candidate, FundingRoute, RoadmapStatus, Seance, SeanceStatus
from seance_tui.domain.phases import load_phases
from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.text import visible_controls
from seance_tui.paths import phases_file

PHASES = load_phases(phases_file())
NOW = datetime(2027, 4, 20, 18, 0)

# The renderer the issue names: CommonMark plus GFM tables.
PARSER = MarkdownIt("commonmark").enable("table")

SECRET = "Confidence du candidat sur sa santé"

# The last line of a document, as its reader sees it: the candidate's
# documents say who owns them, the centre's that they hold private notes.
CANDIDATE_LINE = "Confidentiel — document propriété du bénéficiaire"
CENTRE_LINE = "Confidentiel — document interne — contient des notes privées"

NASTY_CELL = "A | B \\ C\n**gras** <b>x</b> `code` [lien](http://x) &amp; # titre\n- puce"

NOTES_2 = f"""Intro de la séance.

# Retour sur l'intersession

Tout va bien.

Tests passés
------------

```text
# pas un titre
```

## Privé

{SECRET}.

### Détail privé

Encore du privé.

## Pistes ouvertes

- Formatrice
"""


def demo_like_record(name: str = "Zoé Dubœuf", candidate_id: str = "zoe-duboeuf") -> CandidateRecord:
    """Three séances: the first closed, the second closed with every kind of
    roadmap change, the third planned and empty."""
    record = CandidateRecord(
        Candidate(
            id=candidate_id,
            name=name,
            consultant="Inès Bouchard",
            funding=FundingRoute.PLAN_DEVELOPPEMENT,
            consent_date=date(2027, 3, 1),
            agreement_date=date(2027, 2, 20),
            start_date=date(2027, 3, 1),
        )
    )
    first = record.start_seance("preliminaire", datetime(2027, 3, 1, 9, 0), notes="## Attentes\n\nÉvoluer.")
    record.set_checklist_item("preliminaire", "presentation", True, datetime(2027, 3, 1, 9, 30), 1)
    record.set_checklist_item("preliminaire", "contrat", True, datetime(2027, 3, 1, 10, 20), 1)
    kept = record.add_roadmap_item("Rencontrer deux formatrices", datetime(2027, 3, 1, 10, 0), 1,
                                   means="Réseau AFPA", deadline=date(2027, 4, 30))
    achieved = record.add_roadmap_item("Actualiser le CV", datetime(2027, 3, 1, 10, 5), 1)
    dropped = record.add_roadmap_item("Reprendre une entreprise", datetime(2027, 3, 1, 10, 10), 1,
                                      deadline=date(2027, 12, 31))
    removed = record.add_roadmap_item("Objectif retiré ensuite", datetime(2027, 3, 1, 10, 12), 1)
    record.close_seance(1, datetime(2027, 3, 1, 10, 30))
    first.next_seance_date = date(2027, 3, 8)

    second = record.start_seance("investigation", datetime(2027, 3, 8, 14, 0), notes=NOTES_2)
    record.pause_seance(2, datetime(2027, 3, 8, 15, 0))
    record.resume_seance(2, datetime(2027, 3, 8, 15, 15))
    record.edit_roadmap_item(kept.id, datetime(2027, 3, 8, 14, 10), 2, deadline=date(2027, 5, 15))
    record.set_roadmap_status(achieved.id, RoadmapStatus.ACHIEVED, datetime(2027, 3, 8, 14, 20), 2)
    record.set_roadmap_status(dropped.id, RoadmapStatus.DROPPED, datetime(2027, 3, 8, 14, 30), 2)
    record.delete_roadmap_item(removed.id, datetime(2027, 3, 8, 14, 40), 2)
    record.add_roadmap_item(NASTY_CELL, datetime(2027, 3, 8, 14, 50), 2, means=NASTY_CELL)
    record.set_checklist_item("investigation", "retrospectif", True, datetime(2027, 3, 8, 15, 30), 2)
    record.close_seance(2, datetime(2027, 3, 8, 16, 45))
    second.tools = ["Ligne de vie", "- RIASEC", "<i>Big Five</i>"]
    second.next_steps = "# À faire\n\nAppeler la CCI."
    second.next_seance_date = date(2027, 3, 22)

    record.seances.append(
        Seance(number=3, phase="investigation", status=SeanceStatus.PLANNED, planned_date=date(2027, 3, 22))
    )
    return record


# Characters with a meaning somewhere in Markdown, HTML or a terminal, mixed
# with anything else.
SPECIALS = list("\\`*_[]<>&~|#$^-+=.)(!:;0123456789 \t\n\r\x1b\x00\x7f\x9b") + ["&amp;", "<br>", "é", "œ"]
plain_texts = st.lists(st.one_of(st.sampled_from(SPECIALS), st.characters()), max_size=30).map("".join)

line_pieces = st.sampled_from([
    "# A", "## B", "###### F", "#", "# fermé #", "   ### trois espaces", "\t# tab", "Texte", "Setext",
    "===", "---", "```", "~~~", "```python", "> # Q", "> Citation", "> ===", "- item", "  # dans item",
    "1. # n", "<!--", "-->", "<div>", "</div>", "<script>", "</script>", "<?php", "", "", "    indenté",
    "## Privé", "Privé", "[ref]: /url", "| a | b |", "| - | - |",
])
notes_texts = st.lists(st.one_of(line_pieces, plain_texts), max_size=25).map("\n".join)


def expected_cell(text: str) -> str:
    """A cell's text as a reader sees it: each line trimmed, line breaks kept."""
    return "\n".join(line.strip() for line in visible_controls(text).strip().split("\n"))


# --- reading the Markdown back ----------------------------------------------


def parse(markdown: str) -> list[Token]:
    return PARSER.parse(markdown)


def inline_text(inline: Token) -> str:
    """The text a reader sees; a ``<br>`` is a line break, and any other markup
    shows as ``<type>`` so that a comparison with plain text fails."""
    parts = []
    for child in inline.children or ():
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and child.content == "<br>"):
            parts.append("\n")
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def outline(markdown: str) -> list[tuple[int, str]]:
    tokens = parse(markdown)
    return [(int(t.tag[1]), inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


def tables(markdown: str) -> list[Table]:
    found = []
    current: Table | None = None
    row: list[str] = []
    in_head = False
    tokens = parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            current = Table([], [])
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(inline_text(tokens[i + 1]))
        elif token.type == "tr_close":
            if in_head:
                current.headers = row
            else:
                current.rows.append(row)
        elif token.type == "table_close":
            found.append(current)
    return found


def table_with(markdown: str, first_header: str) -> Table:
    (table,) = [t for t in tables(markdown) if t.headers and t.headers[0] == first_header]
    return table


def section(markdown: str, title: str) -> str:
    """The source lines under the heading ``title``, up to the next heading of
    the same or a higher level."""
    tokens = parse(markdown)
    lines = markdown.split("\n")
    heads = [
        (int(t.tag[1]), inline_text(tokens[i + 1]), t.map[0]) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    for n, (level, text, start) in enumerate(heads):
        if text == title:
            end = next((s for lv, _, s in heads[n + 1 :] if lv <= level), len(lines))
            return "\n".join(lines[start + 1 : end])
    raise AssertionError(f"no heading {title!r} in the document")


def list_items(markdown: str) -> list[str]:
    """The text of each list item's first paragraph, in order."""
    tokens = parse(markdown)
    items = []
    for i, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = next(t for t in tokens[i:] if t.type == "inline")
            items.append(inline_text(inline))
    return items


def emphasized(text: str) -> str:
    """How ``inline_text`` reads an emphasized paragraph (the placeholders)."""
    return f"<em_open>{text}<em_close>"


def paragraphs(markdown: str) -> list[str]:
    tokens = parse(markdown)
    return [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]
