"""The document de synthèse's rules (domain/synthesis.py) and its export:
the draft from the notes, the versions after a hand-over, a closed or purged
file left alone, and what the candidate's document shows."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from test_export_support import PHASES, outline, paragraphs, section

from seance_tui.domain import synthesis
from seance_tui.domain.changelog import describe_changes
from seance_tui.domain.model import Candidate, ChangeKind, FundingRoute, PurgeMark
from seance_tui.domain.record import CandidateRecord, RuleError
from seance_tui.export.synthesis import steps_markdown, synthesis_document
from seance_tui.paths import demo_data_dir
from seance_tui.storage.codec import record_from_tables, record_to_tables

NOW = datetime(2026, 11, 26, 10, 0)
LATER = datetime(2026, 12, 3, 14, 0)


def demo(stem: str) -> CandidateRecord:
    path = demo_data_dir() / "candidates" / f"{stem}.json"
    return record_from_tables(json.loads(path.read_text(encoding="utf-8")))


def blank() -> CandidateRecord:
    return CandidateRecord(Candidate(id="lea", name="Léa Test", consultant="Inès", funding=FundingRoute.CPF))


def draft_of(record: CandidateRecord) -> dict[str, str]:
    return synthesis.propose_draft(record, steps_markdown)


# --- the sections ----------------------------------------------------------------


def test_six_sections_with_their_keys_and_titles():
    assert [(s.key, s.title) for s in synthesis.SECTIONS] == [
        ("circonstances", "Circonstances du bilan"),
        ("competences", "Compétences et aptitudes"),
        ("projets", "Projet(s) et alternatives"),
        ("conditions", "Conditions et moyens de réalisation"),
        ("etapes", "Étapes"),
        ("observations", "Observations du bénéficiaire"),
    ]


# --- the draft ------------------------------------------------------------------------


def test_the_draft_from_the_demo_notes_fills_projects_and_competences():
    draft = draft_of(demo("francois-nguyen"))
    projects = draft["projets"]
    assert "Projet principal : formateur technique pour adultes" in projects
    assert "Projet alternatif : consultant lean en portage salarial" in projects
    assert "Alternative : missions de consultant lean" in projects  # the « Projet défini » heading
    assert "Piste écartée" not in projects
    assert "Techniques : méthodes industrielles" in draft["competences"]
    assert "Atouts : expertise technique reconnue" in draft["conditions"]
    assert "Tenir le calendrier du congé de reclassement" in draft["conditions"]
    assert "Je suis arrivé avec vingt candidatures" in draft["observations"]
    assert "Identifier un projet professionnel réaliste" in draft["circonstances"]  # « Demande formalisée »
    assert "Attentes :" in draft["circonstances"]  # a label that introduces a list stays


def test_the_draft_never_reads_a_private_part():
    draft = draft_of(demo("francois-nguyen"))
    everything = "\n".join(draft.values())
    assert "Le couple a manifestement repris la discussion" not in everything  # séance 7's « ## Privé »
    record = blank()
    record.start_seance("synthese", NOW, notes=(
        "## Compétences identifiées\n\n- Rigueur\n\n## Privé\n\n- Projet principal : SECRET\n\n### Projet défini\n\nSECRET projet\n"
    ))
    draft = draft_of(record)
    assert draft["competences"] == "- Rigueur"
    assert "projets" not in draft  # under the private heading: never read as a heading


def test_unfilled_template_labels_are_left_out():
    record = blank()
    record.start_seance("synthese", NOW, notes=(
        "## Compétences identifiées\n\n- Techniques :\n- Transversales :\n\n## Projet défini\n\n- Projet retenu : Fleuriste\n- Alternative :\n"
    ))
    draft = draft_of(record)
    assert "competences" not in draft
    assert draft["projets"] == "- Projet retenu : Fleuriste"


def test_the_draft_drops_what_the_candidate_documents_drop_empty_sub_headings_included():
    """One rule (domain/unfilled.py) for what is left unfilled, in the draft as in the summaries."""
    record = blank()
    record.start_seance("synthese", NOW, notes=(
        "## Projet défini\n\n- Projet principal :\n- Projet alternatif : Fleuriste\n\n### Calendrier\n\n"
        "## Facteurs de réussite\n\n- Atouts :\n  - Réseau local\n"
    ))
    draft = draft_of(record)
    assert draft["projets"] == "- Projet alternatif : Fleuriste"
    assert draft["conditions"] == "- Atouts :\n  - Réseau local"


def test_the_steps_come_from_the_roadmap_without_the_abandoned_ones():
    draft = draft_of(demo("francois-nguyen"))
    steps = draft["etapes"]
    assert "Étudier la reprise d'une entreprise d'usinage" not in steps  # abandoned
    lines = steps.splitlines()
    assert lines[0].startswith("- Enquête métier auprès de deux formateurs AFPA")
    assert "échéance : 16 octobre 2026 (atteint)" in lines[0]
    # The objective's "*" is a character, not emphasis.
    assert "session de mars 2027\\*" in steps


def test_the_draft_fills_empty_sections_and_replaces_only_when_asked():
    record = demo("francois-nguyen")
    synthesis.set_section(record, "projets", "Mon texte", NOW, None)
    proposed = draft_of(record)
    assert synthesis.draft_conflicts(record, proposed) == ["projets"]
    changed = synthesis.apply_draft(record, proposed, NOW, None, replace=False)
    assert "projets" not in changed and "competences" in changed
    assert synthesis.text_of(record, "projets") == "Mon texte"
    synthesis.apply_draft(record, proposed, NOW, None, replace=True)
    assert synthesis.text_of(record, "projets") == proposed["projets"]
    assert [e.kind for e in record.events if e.target == "synthesis"] == [ChangeKind.SYNTHESIS_DRAFTED]


# --- versions -------------------------------------------------------------------------


def test_a_change_after_the_hand_over_makes_version_2_and_keeps_version_1():
    record = blank()
    synthesis.apply_draft(record, {"projets": "Fleuriste"}, NOW, None, replace=False)
    assert synthesis.state_label(synthesis.current(record)) == "brouillon"
    synthesis.hand_over(record, date(2026, 12, 3), LATER, None)
    assert synthesis.state_label(synthesis.current(record)) == "remis le 3 décembre 2026"
    assert synthesis.set_section(record, "projets", "Fleuriste en atelier", LATER, None)
    one, two = record.synthesis
    assert (one.number, one.handed_over, one.sections) == (1, date(2026, 12, 3), {"projets": "Fleuriste"})
    assert (two.number, two.handed_over, two.sections) == (2, None, {"projets": "Fleuriste en atelier"})
    # A second change goes into version 2, no version 3.
    synthesis.set_section(record, "observations", "Merci", LATER, None)
    assert len(record.synthesis) == 2
    kinds = [e.kind for e in record.events]
    assert kinds == [ChangeKind.SYNTHESIS_DRAFTED, ChangeKind.SYNTHESIS_HANDED_OVER, ChangeKind.SYNTHESIS_NEW_VERSION]
    # Version 1 survives the file format.
    again = record_from_tables(record_to_tables(record))
    assert again.synthesis[0].sections == {"projets": "Fleuriste"} and again.synthesis[0].handed_over == date(2026, 12, 3)


def test_the_change_log_tells_the_versions_in_french():
    record = blank()
    synthesis.apply_draft(record, {"projets": "Fleuriste"}, NOW, None, replace=False)
    synthesis.hand_over(record, date(2026, 12, 3), LATER, None)
    synthesis.set_section(record, "projets", "Autre", LATER, None)
    texts = [d.text for d in describe_changes(record.events, record.roadmap, PHASES)]
    assert texts == [
        "Document de synthèse : brouillon commencé (version 1), à partir des notes des séances",
        "Document de synthèse (version 1) remis au bénéficiaire le 03/12/2026",
        "Document de synthèse : version 2 commencée ; la version 1, déjà remise, reste inchangée",
    ]


def test_an_empty_synthesis_or_one_already_handed_over_is_not_handed_over():
    record = blank()
    with pytest.raises(RuleError, match="vide"):
        synthesis.hand_over(record, date(2026, 12, 3), LATER, None)
    synthesis.set_section(record, "projets", "Fleuriste", NOW, None)
    synthesis.hand_over(record, date(2026, 12, 3), LATER, None)
    with pytest.raises(RuleError, match="déjà été remise"):
        synthesis.hand_over(record, date(2026, 12, 4), LATER, None)


def test_setting_the_same_text_changes_nothing():
    record = blank()
    assert not synthesis.set_section(record, "projets", "", NOW, None)
    assert record.synthesis == [] and record.events == []


@pytest.mark.parametrize("lock", ["closed", "purged"])
def test_a_closed_or_purged_file_refuses_every_rule(lock):
    record = blank()
    synthesis.set_section(record, "projets", "Fleuriste", NOW, None)
    if lock == "closed":
        record.candidate.end_date = date(2026, 11, 30)
    else:
        record.purge = PurgeMark(purged_at=NOW, by="Inès")
    before = record_to_tables(record)
    for rule in (
        lambda: synthesis.set_section(record, "projets", "Autre", LATER, None),
        lambda: synthesis.apply_draft(record, {"competences": "x"}, LATER, None, replace=True),
        lambda: synthesis.hand_over(record, date(2026, 12, 3), LATER, None),
    ):
        with pytest.raises(RuleError):
            rule()
    assert record_to_tables(record) == before


def test_an_unknown_section_is_refused():
    with pytest.raises(RuleError):
        synthesis.set_section(blank(), "annexe", "x", NOW, None)


# --- the export ------------------------------------------------------------------------


def test_the_document_shows_the_written_sections_escaped_and_the_empty_ones_as_gaps():
    record = blank()
    synthesis.set_section(record, "projets", "# Projet\n\n[bold]Zoé[/] <b>x</b> \x1b[31m", NOW, None)
    document = synthesis_document(record, PHASES, LATER)
    projects = section(document, "Projet(s) et alternatives")
    assert "\x1b" not in document
    # A heading of the section's text is nested under it, not beside it.
    assert (3, "Projet") in outline(document)
    assert "<b>x</b>" in projects  # user Markdown, kept as written (HTML shows as typed by renderers that escape)
    assert any(p.startswith("<em_open>À compléter : ") for p in paragraphs(section(document, "Compétences et aptitudes")))
    assert "_Version 1 — brouillon_" in document


def test_the_document_renders_an_older_version_too():
    record = blank()
    synthesis.set_section(record, "projets", "Première rédaction", NOW, None)
    synthesis.hand_over(record, date(2026, 12, 3), LATER, None)
    synthesis.set_section(record, "projets", "Seconde rédaction", LATER, None)
    current = synthesis_document(record, PHASES, LATER)
    old = synthesis_document(record, PHASES, LATER, 1)
    assert "Seconde rédaction" in current and "_Version 2 — brouillon_" in current
    assert "Première rédaction" in old and "_Version 1 — remis le 3 décembre 2026_" in old


def test_a_private_part_of_a_section_never_reaches_the_document():
    record = blank()
    synthesis.set_section(record, "observations", "Public.\n\n## Privé\n\nSECRET santé\n", NOW, None)
    document = synthesis_document(record, PHASES, LATER)
    assert "Public." in document and "SECRET" not in document


def test_written_steps_replace_the_roadmap_table():
    record = demo("francois-nguyen")
    synthesis.apply_draft(record, draft_of(record), NOW, None, replace=False)
    document = synthesis_document(record, PHASES, NOW)
    steps = section(document, "Étapes")
    assert "| Objectif |" not in steps
    assert "Enquête métier auprès de deux formateurs AFPA" in steps
