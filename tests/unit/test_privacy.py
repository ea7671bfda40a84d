"""The private parts of the notes, decided on raw lines (domain.privacy):
which titles, where a part starts and ends, and that the README tells the
consultant the same list."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from seance_tui.domain import privacy
from seance_tui.domain.privacy import (
    MAX_PRIVATE_HEADINGS,
    OWNERS,
    PRIVATE_TITLES,
    is_private_title,
    private_spans,
    public_text,
)

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    "title",
    [
        "Privé", "PRIVÉ", "prive", "Privées", "Privé :", "Privé:", "**Privé**", "_Notes privées_", "`Privé`",
        "Notes privées du consultant", "Notes personnelles", "Confidentiel", "CONFIDENTIELLE :",
        "Note du consultant",
        "Notes de la consultante", "Privé : santé", "Privé — ne pas transmettre", "Notes privées (consultant)",
        "<b>Privé</b>", "Pri\u200bvé", "Ｐｒｉｖé", "Hors compte-rendu", "À ne pas diffuser !", "🔒 Privé",
    ],
)
def test_private_titles_in_the_forms_a_consultant_types(title):
    assert is_private_title(title)


@pytest.mark.parametrize(
    "title",
    ["Privée et publique", "Secteur privé", "Vie privée et travail", "Aspects personnels", "Notes", "Consultant",
     ""],
)
def test_look_alike_titles_are_not_private(title):
    assert not is_private_title(title)


def test_the_readme_lists_every_private_title_for_the_consultant():
    readme = README.read_text(encoding="utf-8")
    for title in PRIVATE_TITLES + OWNERS:
        assert f"« {title} »" in readme, title


def test_a_private_part_runs_to_the_next_heading_of_its_level():
    lines = ["# A", "", "## Privé", "x", "### Sous", "y", "## B", "z"]
    assert private_spans(lines) == [(2, 6)]
    assert public_text("\n".join(lines)) == "# A\n\n## B\nz"


def test_a_cut_keeps_a_blank_line_between_what_was_around_it():
    assert public_text("Paragraphe\n## Privé\nsecret\n\nSuite\n=====") == "Paragraphe\n\nSuite\n====="


def test_windows_and_old_mac_line_endings_are_line_endings():
    assert public_text("Public\r\n## Privé\r\nsecret\r## Suite\rvu") == "Public\n\n## Suite\nvu"


def test_a_multi_line_setext_title_is_recognised():
    assert public_text("Notes du\nconsultant\n===\nsecret\n# Fin") == "# Fin"


def test_a_setext_heading_whose_text_runs_over_private_lines_does_not_end_the_part():
    assert public_text("## Privé\nsecret\nPublic\n======\nsecret aussi") == ""


def test_a_title_alone_on_its_line_hides_the_rest_of_its_part():
    notes = "## Parcours\n\nvu\n\n**Privé :**\nsecret\n\n### Détail\nsecret\n\n## Projet\nvu aussi"
    assert public_text(notes) == "## Parcours\n\nvu\n\n## Projet\nvu aussi"


def test_nested_and_overlapping_private_parts_join():
    assert private_spans(["## Privé", "a", "> # Privé", "b", "# Fin", "c"]) == [(0, 4)]


def test_a_private_heading_in_code_hides_to_the_end_when_read_from_it():
    # Read from "# Privé", the fence that closed the code opens one: over-hiding,
    # which is the side to err on.
    assert private_spans(["## Privé", "a", "```", "# Privé", "```", "b", "## Fin", "c"]) == [(0, 8)]


def test_too_many_private_headings_hide_everything_from_the_first():
    lines = ["vu", *(["## Privé", "x", "## Public", "y"] * (MAX_PRIVATE_HEADINGS + 1))]
    assert private_spans(lines) == [(1, len(lines))]


def test_the_privacy_rules_import_no_ui_or_storage_library():
    code = (
        "import sys, seance_tui.domain.privacy\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich', 'filelock')]\n"
        "print(','.join(sorted(bad)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_titles_are_one_list_matched_as_folded_words():
    # A title differing only by accents, case or spaces is the same title.
    assert all(is_private_title(re.sub(r"\s+", "  ", t.upper())) for t in PRIVATE_TITLES)


def test_a_part_read_in_chunks_ends_where_the_whole_text_says(monkeypatch):
    # "## a | b" ends the first chunk of 3 lines as a heading; with the next
    # line it is a table's header row, which ends nothing.
    monkeypatch.setattr(privacy, "_CHUNK_LINES", 3)
    lines = ["## Privé", "secret", "## a | b", "| - | - |", "| secret | d |", "", "## Fin", "vu"]
    assert private_spans(lines) == [(0, 6)]


def test_a_line_starting_with_a_private_title_and_a_colon_hides_the_rest_of_its_part():
    # As the README warns: over-hiding a list item is the price of never
    # showing a "Privé : ..." line meant for the consultant alone.
    notes = "## Parcours\n\n- Public : 5 ans\n- Privé : 3 ans chez X\n- Autre\n\n## Projet\nvu"
    assert public_text(notes) == "## Parcours\n\n- Public : 5 ans\n\n## Projet\nvu"
