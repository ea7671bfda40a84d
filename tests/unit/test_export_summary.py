"""The compte rendu de séance, read back with a Markdown parser."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_support import (
    CANDIDATE_LINE,
    CENTRE_LINE,
    NASTY_CELL,
    NOW,
    PHASES,
    SECRET,
    demo_like_record,
    emphasized,
    expected_cell,
    list_items,
    notes_texts,
    outline,
    paragraphs,
    plain_texts,
    section,
    table_with,
)

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord, RuleError
from seance_tui.domain.text import visible_controls
from seance_tui.export.blocks import next_steps_block
from seance_tui.export.document import Audience
from seance_tui.export.summary import seance_summary

ROADMAP_HEADERS = ["Objectif", "Moyens", "Délai", "Statut", "Pendant la séance"]


@pytest.fixture
def record():
    return demo_like_record()


def test_outline_nests_the_notes_headings_under_the_notes_section(record):
    assert outline(seance_summary(record, 2, PHASES, NOW)) == [
        (1, "Compte rendu de séance n° 2 — Zoé Dubœuf"),
        (2, "Notes de séance"),
        (3, "Retour sur l'intersession"),
        (4, "Tests passés"),
        (4, "Pistes ouvertes"),
        (2, "Outils utilisés"),
        (2, "Jalons de la phase : Phase d'investigation"),
        (2, "Prochaines étapes"),
        (3, "À faire"),
        (2, "Feuille de route"),
    ]


def test_a_hash_line_in_a_code_block_of_the_notes_stays_code(record):
    summary = seance_summary(record, 2, PHASES, NOW)
    assert "```text\n# pas un titre\n```" in section(summary, "Notes de séance")


def test_header_table_gives_date_times_duration_phase_consultant_and_hours(record):
    facts = dict(table_with(seance_summary(record, 2, PHASES, NOW), "Rubrique").rows)
    assert facts == {
        "Date": "8 mars 2027",
        "Horaires": "14 h 00 – 16 h 45",
        "Durée": "2 h 30 (pauses déduites)",
        "Phase": "Phase d'investigation",
        "Statut de la séance": "Close",
        "Consultant": "Inès Bouchard",
        # 1 h 30 in séance 1, then 2 h 30: the hours up to the end of this séance.
        "Heures utilisées": "4 h sur 24 h",
    }
    assert dict(table_with(seance_summary(record, 1, PHASES, NOW), "Rubrique").rows)["Heures utilisées"] == (
        "1 h 30 sur 24 h"
    )


def test_the_private_section_is_left_out_unless_asked(record):
    summary = seance_summary(record, 2, PHASES, NOW)
    assert SECRET not in summary
    assert "Encore du privé" not in summary
    assert "Privé" not in [text for _, text in outline(summary)]
    kept = seance_summary(record, 2, PHASES, NOW, audience=Audience.CENTRE)
    assert SECRET in kept
    assert (4, "Privé") in outline(kept)


def test_the_summary_for_the_centre_says_it_holds_private_notes(record):
    kept = seance_summary(record, 2, PHASES, NOW, audience=Audience.CENTRE)
    assert paragraphs(kept)[-1] == CENTRE_LINE
    assert CANDIDATE_LINE not in kept


@pytest.mark.parametrize("title", ["## Notes privées", "### Notes personnelles :", "## CONFIDENTIEL", "## Prive"])
def test_other_private_titles_are_left_out_too(record, title):
    record.seance(2).notes = f"## Public\n\nvu\n\n{title}\n\nsecret\n\n## Suite\n\nvu aussi\n"
    summary = seance_summary(record, 2, PHASES, NOW)
    assert "secret" not in summary and "vu" in summary and "vu aussi" in summary


def test_private_next_steps_are_left_out_of_the_summary(record):
    record.seance(2).next_steps = "Appeler la CCI.\n\n## Privé\n\nsecret\n"
    summary = seance_summary(record, 2, PHASES, NOW)
    assert "secret" not in summary and "Appeler la CCI." in summary
    assert "secret" in seance_summary(record, 2, PHASES, NOW, audience=Audience.CENTRE)


def test_tools_are_listed_as_text(record):
    summary = seance_summary(record, 2, PHASES, NOW)
    assert list_items(section(summary, "Outils utilisés")) == ["Ligne de vie", "- RIASEC", "<i>Big Five</i>"]


def test_the_phase_checklist_shows_what_is_done(record):
    items = list_items(section(seance_summary(record, 2, PHASES, NOW), "Jalons de la phase : Phase d'investigation"))
    assert items == [
        "[x] Parcours retracé (travail rétrospectif) (le 08/03/2027)",
        "[ ] Outils passés (tests, questionnaires, jeux de rôle)",
        "[ ] Environnement professionnel exploré",
        "[ ] Nouvelles perspectives ouvertes (travail prospectif)",
    ]


def test_next_steps_keep_their_markdown_and_give_the_next_date(record):
    steps = section(seance_summary(record, 2, PHASES, NOW), "Prochaines étapes")
    assert paragraphs(steps) == ["Appeler la CCI.", "Prochaine séance : 22 mars 2027."]


def test_roadmap_has_one_row_per_item_with_cells_intact_and_changes_marked(record):
    roadmap = table_with(seance_summary(record, 2, PHASES, NOW), "Objectif")
    assert roadmap.headers == ROADMAP_HEADERS
    nasty = visible_controls(NASTY_CELL)
    assert roadmap.rows == [
        ["Rencontrer deux formatrices", "Réseau AFPA", "15/05/2027", "À faire", "modifié (délai)"],
        ["Actualiser le CV", "", "non fixé", "Atteint", "atteint"],
        ["Reprendre une entreprise", "", "31/12/2027", "Abandonné", "abandonné"],
        [nasty, nasty, "non fixé", "À faire", "ajouté"],
    ]


def test_an_item_deleted_during_the_seance_is_listed_under_the_table(record):
    roadmap = section(seance_summary(record, 2, PHASES, NOW), "Feuille de route")
    assert "Retiré de la feuille de route pendant la séance :" in paragraphs(roadmap)
    assert list_items(roadmap) == ["Objectif retiré ensuite"]


def test_an_earlier_seance_shows_the_roadmap_as_it_stood_then(record):
    summary = seance_summary(record, 1, PHASES, NOW)
    roadmap = table_with(summary, "Objectif")
    assert roadmap.rows == [
        ["Rencontrer deux formatrices", "Réseau AFPA", "30/04/2027", "À faire", "ajouté"],
        ["Actualiser le CV", "", "non fixé", "À faire", "ajouté"],
        ["Reprendre une entreprise", "", "31/12/2027", "À faire", "ajouté"],
        ["Objectif retiré ensuite", "", "non fixé", "À faire", "ajouté"],
    ]
    assert list_items(section(summary, "Jalons de la phase : Entretien préliminaire"))[:2] == [
        "[x] Structure, méthode et financement présentés (le 01/03/2027)",
        "[ ] Situation et attentes du candidat entendues",
    ]
    # Exporting again later gives the same document.
    assert seance_summary(record, 1, PHASES, datetime(2030, 1, 1)).replace("1er janvier 2030", "") == (
        summary.replace("20 avril 2027", "")
    )


def test_an_empty_planned_seance_still_exports(record):
    summary = seance_summary(record, 3, PHASES, NOW)
    facts = dict(table_with(summary, "Rubrique").rows)
    assert facts["Horaires"] == "non renseignés"
    assert facts["Durée"] == "0 h"
    assert paragraphs(section(summary, "Notes de séance")) == [emphasized("Aucune note pour cette séance.")]
    # Nothing recorded: no section saying so (the notes may speak of them).
    assert "Outils utilisés" not in summary and "Prochaines étapes" not in summary
    assert [row[-1] for row in table_with(summary, "Objectif").rows] == ["", "", "", ""]


def test_a_bare_dossier_with_one_empty_seance_exports():
    record = CandidateRecord(Candidate(id="x", name="", consultant="", funding=FundingRoute.CPF))
    record.start_seance("preliminaire", datetime(2027, 1, 5, 9, 0))
    summary = seance_summary(record, 1, PHASES, datetime(2027, 1, 5, 10, 30))
    facts = dict(table_with(summary, "Rubrique").rows)
    assert facts["Horaires"] == "9 h 00 – en cours"
    assert facts["Durée"] == "1 h 30"
    assert facts["Consultant"] == "non renseigné"
    assert paragraphs(section(summary, "Feuille de route"))[0] == (
        emphasized("La feuille de route ne contient encore aucun objectif.")
    )


def test_an_unknown_seance_is_refused_in_french(record):
    with pytest.raises(RuleError, match="introuvable"):
        seance_summary(record, 9, PHASES, NOW)


def test_a_seance_of_a_phase_the_centre_removed_still_exports(record):
    record.seance(2).phase = "ancienne_phase"
    summary = seance_summary(record, 2, PHASES, NOW)
    assert dict(table_with(summary, "Rubrique").rows)["Phase"] == "ancienne_phase"
    assert paragraphs(section(summary, "Jalons de la phase : ancienne_phase")) == [
        emphasized("Pas de jalons définis pour la phase « ancienne_phase ».")
    ]


ADVERSARIAL_NAMES = [
    "[bold]Zoé[/]",
    "<script>alert(1)</script>",
    "# Titre",
    "*x*",
    "Zoé \x1b[31mDubœuf\x1b[0m",
    "Dubœuf | Martin",
    "Anne\nMarie",
]


@pytest.mark.parametrize("name", ADVERSARIAL_NAMES)
def test_an_adversarial_candidate_name_stays_literal(record, name):
    record.candidate.name = name
    record.candidate.consultant = name
    summary = seance_summary(record, 2, PHASES, NOW)
    shown = visible_controls(name)
    # On one line in a heading; in a table cell, a line break stays one.
    assert outline(summary)[0] == (1, f"Compte rendu de séance n° 2 — {shown.replace(chr(10), ' ')}")
    assert dict(table_with(summary, "Rubrique").rows)["Consultant"] == shown
    assert "\x1b" not in summary


def test_the_document_ends_with_the_confidentiality_line(record):
    summary = seance_summary(record, 2, PHASES, NOW)
    assert summary.endswith(f"\n{CANDIDATE_LINE}\n")
    assert paragraphs(summary)[-2:] == ["Document établi le 20 avril 2027.", CANDIDATE_LINE]


def test_a_correction_after_reopening_belongs_to_the_seance(record):
    record.reopen_seance(1, datetime(2027, 3, 20, 9, 0))
    item = record.add_roadmap_item("Ajout correctif", datetime(2027, 3, 20, 9, 5), 1, deadline=date(2027, 6, 1))
    record.close_seance(1, datetime(2027, 3, 20, 9, 10))
    rows = table_with(seance_summary(record, 1, PHASES, NOW), "Objectif").rows
    assert ["Ajout correctif", "", "01/06/2027", "À faire", "ajouté"] in rows
    assert item.id  # the item is today's too


@settings(max_examples=150, deadline=None)
@given(
    name=plain_texts,
    notes=notes_texts,
    next_steps=notes_texts,
    tools=st.lists(plain_texts, max_size=3),
    cells=st.lists(st.tuples(plain_texts, plain_texts), max_size=4),
)
def test_any_user_text_keeps_the_summary_structure(name, notes, next_steps, tools, cells):
    record = CandidateRecord(Candidate(id="x", name=name, consultant=name, funding=FundingRoute.CPF))
    seance = record.start_seance("investigation", datetime(2027, 1, 5, 9, 0), notes=notes)
    for objective, means in cells:
        if objective.strip():
            record.add_roadmap_item(objective, datetime(2027, 1, 5, 9, 30), 1, means=means)
    record.close_seance(1, datetime(2027, 1, 5, 11, 0))
    seance.tools, seance.next_steps = tools, next_steps
    summary = seance_summary(record, 1, PHASES, NOW)
    heads = outline(summary)
    assert heads[0][0] == 1 and [level for level, _ in heads].count(1) == 1
    assert [text for level, text in heads if level == 2] == [
        "Notes de séance",
        *(["Outils utilisés"] if tools else []),
        "Jalons de la phase : Phase d'investigation",
        *(["Prochaines étapes"] if next_steps_block(seance, 2, Audience.CANDIDATE, empty="") else []),
        "Feuille de route",
    ]
    if record.roadmap:
        rows = table_with(summary, "Objectif").rows
        expected = [[expected_cell(item.objective), expected_cell(item.means)] for item in record.roadmap]
        assert [row[:2] for row in rows] == expected
    assert paragraphs(summary)[-1] == CANDIDATE_LINE
    assert not any(ord(c) < 0x20 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in summary)
