"""Template lines left unfilled never reach the candidate (domain/unfilled.py),
and privacy decides first."""

from datetime import date, datetime, timedelta

import pytest

from seance_tui import paths
from seance_tui.domain.details import set_seance_details
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.phases import load_phases
from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.unfilled import drop_unfilled, for_candidate
from seance_tui.export.history import full_history
from seance_tui.export.summary import seance_summary

PHASES = load_phases(paths.phases_file())
T0 = datetime(2026, 12, 3, 9, 0)


def template(phase: str) -> str:
    return paths.template_file(phase).read_text(encoding="utf-8")


@pytest.mark.parametrize("phase", ["preliminaire", "investigation", "conclusion", "accompagnement"])
def test_a_template_left_as_it_is_gives_nothing(phase):
    assert for_candidate(template(phase)).strip() == ""


def test_answered_lines_stay_unanswered_ones_go():
    notes = template("investigation").replace(
        "- Expériences et réalisations évoquées :", "- Expériences et réalisations évoquées : vente, management"
    ).replace("## Pistes ouvertes\n", "## Pistes ouvertes\n\nFleuriste, décoratrice.\n")
    kept = for_candidate(notes)
    assert kept.split("\n") == [
        "## Travail rétrospectif", "", "- Expériences et réalisations évoquées : vente, management", "",
        "## Pistes ouvertes", "", "Fleuriste, décoratrice.", "",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- **Atouts :**\n- Outil :   \n-\n", ""),  # emphasis, trailing spaces, an empty item
        ("- Atouts :\n  - rigueur\n", "- Atouts :\n  - rigueur\n"),  # answered by its sub-items
        ("- Atouts :\n  suite\n", "- Atouts :\n  suite\n"),  # answered on the next line
        ("```\n- Outil :\n## Vide\n```\n", "```\n- Outil :\n## Vide\n```\n"),  # code stays code
        ("Construite ainsi :\n- un\n", "Construite ainsi :\n- un\n"),  # a colon introducing a list
        ("## A\n### B\n#### C\n## D\ntexte\n", "## D\ntexte\n"),  # nested empty headings
        ("Paragraphe\n## Vide\n---\n", "Paragraphe\n\n---\n"),  # no setext heading made of the paragraph
        ("## Fin :\n", ""),
    ],
)
def test_unfilled_lines(text, expected):
    assert drop_unfilled(text) == expected


def test_privacy_decides_first():
    # An answered line inside a private part stays hidden, and a private part
    # made only of prompts does not turn the heading above it into an empty one.
    notes = "## Situation\n\n## Privé\n- Santé : suivi en cours\n- Outil :\n\n## Suite\n\nRDV pris.\n"
    kept = for_candidate(notes)
    assert "Santé" not in kept and "Privé" not in kept and "Situation" not in kept
    assert "RDV pris." in kept


def test_summary_lists_tools_steps_and_date_once_and_no_prompt():
    record = CandidateRecord(Candidate(id="z", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    seance = record.start_seance("investigation", T0, notes=template("investigation"))
    set_seance_details(record, 1, T0, tools=["Jeu de rôle", "Enquête métier"],
                       next_steps="Appeler deux fleuristes", next_date=date(2026, 12, 17))
    record.close_seance(1, T0 + timedelta(hours=2))
    summary = seance_summary(record, 1, PHASES, T0 + timedelta(hours=2))
    assert summary.count("Outils utilisés") == 1
    assert summary.count("Jeu de rôle") == 1 and summary.count("Enquête métier") == 1
    assert summary.count("Appeler deux fleuristes") == 1
    assert summary.count("Prochaine séance : 17 décembre 2026.") == 1
    assert ":\n" not in summary.replace("Prochaine séance :", "")  # no prompt line left
    assert "Pistes ouvertes" not in summary and "Aucune prochaine étape" not in summary
    # The centre's history keeps the notes as written.
    assert "- Outil :" in full_history(record, PHASES, T0 + timedelta(hours=2))
    assert seance.notes == template("investigation")


def test_a_reclosed_seance_says_it_was_corrected_and_when():
    record = CandidateRecord(Candidate(id="z", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    record.start_seance("investigation", T0)
    record.close_seance(1, T0 + timedelta(hours=2))
    first = seance_summary(record, 1, PHASES, T0 + timedelta(hours=2))
    assert "corrigé" not in first
    record.reopen_seance(1, datetime(2026, 12, 5, 10, 0))
    record.close_seance(1, datetime(2026, 12, 5, 10, 30))
    again = seance_summary(record, 1, PHASES, datetime(2026, 12, 5, 10, 30))
    lines = again.split("\n")
    assert lines[2] == "_Compte rendu corrigé le 5 décembre 2026._"  # right under the title


def test_a_line_with_an_answer_before_its_last_colon_stays():
    """A consultant's line run into a template prompt ends with a colon too, but
    holds an answer: « Situation : calme. » is not a question left unanswered."""
    notes = "## Présentation\n\nSituation : calme et œil vif.- Déroulement du bilan :\n\n- Outil :\n"
    kept = drop_unfilled(notes)
    assert "Situation : calme et œil vif." in kept
    assert "- Outil :" not in kept
