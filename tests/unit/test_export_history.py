"""The full history, read back with a Markdown parser."""

from __future__ import annotations

from datetime import datetime

from test_export_support import (
    CENTRE_LINE,
    NOW,
    PHASES,
    SECRET,
    demo_like_record,
    list_items,
    outline,
    paragraphs,
    section,
    table_with,
)

from seance_tui.domain.model import RoadmapStatus
from seance_tui.export.history import full_history


def test_outline_has_every_seance_in_order_then_the_roadmap_and_the_phases():
    history = full_history(demo_like_record(), PHASES, NOW)
    top = [text for level, text in outline(history) if level <= 2]
    assert top == [
        "Historique du bilan — Zoé Dubœuf",
        "Séance n° 1 — 1er mars 2027",
        "Séance n° 2 — 8 mars 2027",
        "Séance n° 3 — prévue le 22 mars 2027",
        "Feuille de route actuelle",
        "Jalons des phases",
    ]
    assert outline(section(history, "Séance n° 1 — 1er mars 2027")) == [
        (3, "Notes de séance"),
        (4, "Attentes"),
        (3, "Outils utilisés"),
        (3, "Prochaines étapes"),
        (3, "Changements consignés"),
    ]


def test_notes_are_whole_with_their_private_parts_nested_under_the_seance():
    history = full_history(demo_like_record(), PHASES, NOW)
    assert SECRET in history
    assert outline(section(history, "Séance n° 2 — 8 mars 2027")) == [
        (3, "Notes de séance"),
        (4, "Retour sur l'intersession"),
        (5, "Tests passés"),
        (5, "Privé"),
        (6, "Détail privé"),
        (5, "Pistes ouvertes"),
        (3, "Outils utilisés"),
        (3, "Prochaines étapes"),
        (4, "À faire"),
        (3, "Changements consignés"),
    ]


def test_each_seance_lists_its_logged_changes_in_order():
    record = demo_like_record()
    seance_2 = section(full_history(record, PHASES, NOW), "Séance n° 2 — 8 mars 2027")
    changes = list_items(section(seance_2, "Changements consignés"))
    nasty = record.roadmap[3].objective.replace("\n", " ")
    assert changes == [
        "08/03/2027 à 14 h 10 — Objectif modifié : « Rencontrer deux formatrices »"
        " — délai : 30/04/2027 → 15/05/2027",
        "08/03/2027 à 14 h 20 — Statut de « Actualiser le CV » : À faire → Atteint",
        "08/03/2027 à 14 h 30 — Statut de « Reprendre une entreprise » : À faire → Abandonné",
        "08/03/2027 à 14 h 40 — Objectif retiré : « Objectif retiré ensuite »",
        f"08/03/2027 à 14 h 50 — Objectif ajouté : « {nasty} » (moyens : « {nasty} »)",
        "08/03/2027 à 15 h 30 — Jalon coché : « Parcours retracé (travail rétrospectif) »"
        " (Phase d'investigation)",
    ]


def test_changes_outside_any_seance_have_their_own_section():
    record = demo_like_record()
    record.set_roadmap_status(record.roadmap[0].id, RoadmapStatus.IN_PROGRESS, datetime(2027, 3, 15, 8, 0), None)
    history = full_history(record, PHASES, NOW)
    assert list_items(section(history, "Changements hors séance")) == [
        "15/03/2027 à 8 h 00 — Statut de « Rencontrer deux formatrices » : À faire → En cours"
    ]


def test_the_current_roadmap_and_every_phase_checklist_close_the_history():
    record = demo_like_record()
    history = full_history(record, PHASES, NOW)
    roadmap = table_with(section(history, "Feuille de route actuelle"), "Objectif")
    assert len(roadmap.rows) == len(record.roadmap) == 4
    phases = section(history, "Jalons des phases")
    assert [text for _, text in outline(phases)] == [phase.label for phase in PHASES]
    assert list_items(section(phases, "Entretien préliminaire"))[0] == (
        "[x] Structure, méthode et financement présentés (le 01/03/2027)"
    )
    assert history.endswith(f"\n{CENTRE_LINE}\n")


def test_the_history_says_it_is_an_internal_document_with_private_notes():
    history = full_history(demo_like_record(), PHASES, NOW)
    assert paragraphs(history)[-1] == CENTRE_LINE
    assert "propriété du bénéficiaire" not in history
