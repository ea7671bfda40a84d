"""The document de synthèse, read back with a Markdown parser."""

from __future__ import annotations

from datetime import date, datetime

from test_export_support import (
    CANDIDATE_LINE,
    NOW,
    PHASES,
    SECRET,
    demo_like_record,
    emphasized,
    list_items,
    outline,
    paragraphs,
    section,
    table_with,
)

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.export.synthesis import SECTIONS, synthesis_document

SIX_SECTIONS = [
    "Circonstances du bilan",
    "Compétences et aptitudes",
    "Projet(s) et alternatives",
    "Conditions et moyens de réalisation",
    "Étapes",
    "Observations du bénéficiaire",
]


def empty_record() -> CandidateRecord:
    return CandidateRecord(Candidate(id="vide", name="Léa Vide", consultant="", funding=FundingRoute.CPF))


def test_an_empty_dossier_has_all_six_sections_each_with_a_placeholder():
    document = synthesis_document(empty_record(), PHASES, NOW)
    assert list(SECTIONS) == SIX_SECTIONS
    assert outline(document) == [(1, "Document de synthèse — Léa Vide"), *((2, title) for title in SIX_SECTIONS)]
    for title in SIX_SECTIONS:
        assert any(p.startswith("<em_open>À compléter : ") for p in paragraphs(section(document, title))), title
    facts = dict(table_with(document, "Rubrique").rows)
    assert facts["Séances tenues"] == "aucune"
    assert facts["Consultant"] == "non renseigné"
    assert document.endswith(f"\n{CANDIDATE_LINE}\n")


def test_circumstances_come_from_the_dossier():
    document = synthesis_document(demo_like_record(), PHASES, NOW)
    facts = dict(table_with(document, "Rubrique").rows)
    assert facts == {
        "Bénéficiaire": "Zoé Dubœuf",
        "Consultant": "Inès Bouchard",
        "Financement": "Plan de développement des compétences",
        "Convention tripartite": "20 février 2027",
        "Consentement": "1er mars 2027",
        "Début du bilan": "1er mars 2027",
        "Séances tenues": "2, du 1er mars 2027 au 8 mars 2027",
        "Heures utilisées": "4 h sur 24 h",
        "Statut du bilan": "En cours",
    }
    assert table_with(document, "Séance").rows == [
        ["n° 1", "1er mars 2027", "Entretien préliminaire", "1 h 30"],
        ["n° 2", "8 mars 2027", "Phase d'investigation", "2 h 30"],
    ]


def test_steps_follow_the_roadmap_by_deadline_undated_last_without_abandoned_ones():
    record = demo_like_record()
    record.add_roadmap_item("Tôt", datetime(2027, 3, 9), None, deadline=date(2027, 3, 31))
    steps = table_with(section(synthesis_document(record, PHASES, NOW), "Étapes"), "Objectif")
    assert steps.headers == ["Objectif", "Moyens", "Délai", "Statut"]
    assert [row[0] for row in steps.rows] == [
        "Tôt",
        "Rencontrer deux formatrices",
        "Actualiser le CV",
        record.roadmap[3].objective,
    ]
    assert [row[2] for row in steps.rows] == ["31/03/2027", "15/05/2027", "non fixé", "non fixé"]


def test_tools_used_are_listed_once_under_competences():
    record = demo_like_record()
    record.seance(1).tools = ["Ligne de vie"]
    competences = section(synthesis_document(record, PHASES, NOW), "Compétences et aptitudes")
    assert list_items(competences) == ["Ligne de vie", "- RIASEC", "<i>Big Five</i>"]
    assert paragraphs(competences)[-1] == emphasized(
        "À compléter : les compétences et aptitudes identifiées pendant le bilan."
    )


def test_the_synthesis_never_quotes_the_notes():
    document = synthesis_document(demo_like_record(), PHASES, NOW)
    assert SECRET not in document
    assert "Intro de la séance" not in document
