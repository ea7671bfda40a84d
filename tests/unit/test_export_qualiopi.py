"""The Qualiopi trace pack (export/qualiopi.py): what an auditor reads, the
same before and after the R6313-7 purge but for the purge line, and never a
word of the candidate's content.

Golden files in tests/unit/golden/ (README there): regenerate with

    SEANCE_UPDATE_GOLDEN=1 PYTHONPATH=src pytest tests/unit/test_export_qualiopi.py
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from qualiopi_support import NOW, PURGED_AT, PURGED_BY, closed_bilan, load_demo

from seance_tui.domain.purge import purged as purge_of
from test_export_support import PHASES, list_items, outline, parse, section, table_with

from seance_tui.domain.changelog import describe_changes, objective_numbers
from seance_tui.domain.model import ChangeKind
from seance_tui.domain.purge import FREE_TOOL
from seance_tui.domain.record import CandidateRecord
from seance_tui.export import naming
from seance_tui.export.document import Audience
from seance_tui.export.qualiopi import qualiopi_pack

GOLDEN_DIR = Path(__file__).with_name("golden")
UPDATE = os.environ.get("SEANCE_UPDATE_GOLDEN") == "1"
AUDIT_LINE = "Confidentiel — document d'audit Qualiopi — ne contient aucun contenu de notes"
PURGE_ROW = "| Contenu détruit (R6313-7) | le 25 novembre 2027 à 9 h 30, par Mathieu Roussel |"

CASES = {
    "helene-chaussee-qualiopi": closed_bilan,
    "zoe-lefevre-qualiopi": lambda: _ended(load_demo("zoe-lefevre")),
}


def _ended(record: CandidateRecord) -> CandidateRecord:
    """A demo file as it would be once its bilan ended: only then may it be purged."""
    record.candidate.end_date = date(2026, 11, 30)
    return record


def both_packs(make) -> tuple[str, str]:
    record = make()
    purged = purge_of(record, PHASES, PURGED_AT, PURGED_BY)
    return qualiopi_pack(record, PHASES, NOW), qualiopi_pack(purged, PHASES, NOW)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_before_and_after_the_purge(name):
    before, after = both_packs(CASES[name])
    for suffix, text in (("", before), ("-purge", after)):
        path = GOLDEN_DIR / f"{name}{suffix}.md"
        if UPDATE:
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, f"{path.name} differs: see the module docstring"


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_purge_adds_its_line_and_changes_no_other(name):
    before, after = both_packs(CASES[name])
    lines_after = after.splitlines()
    assert PURGE_ROW in lines_after
    lines_after.remove(PURGE_ROW)
    assert lines_after == before.splitlines()


def test_what_the_auditor_reads_of_a_closed_bilan():
    pack = qualiopi_pack(closed_bilan(), PHASES, NOW)
    assert outline(pack)[0] == (1, "Traçabilité Qualiopi — dossier helene-chaussee")
    assert "aucun contenu" in pack.split("\n## ")[0]  # said before anything else
    assert pack.endswith(f"\n{AUDIT_LINE}\n")
    consent = table_with(section(pack, "Consentement et convention"), "Rubrique").rows
    assert ["Délai de signature (10 jours, R6313-8)", "dépassé : signée 15 jours après l'envoi"] in consent
    assert ["Convention tripartite envoyée", "10 septembre 2026"] in consent
    assert any("conservation des documents" in row[1] for row in consent)
    hours = section(pack, "Heures")
    assert ["Budget d'heures", "12 h (budget modifié, en deçà des 24 h légales)"] in table_with(hours, "Rubrique").rows
    assert list_items(hours) == [
        "24/11/2026 à 14 h 30 — séance n° 6 — Dépassement du budget d'heures confirmé (12 h utilisées sur 12 h)"
    ]
    seances = table_with(section(pack, "Séances"), "Séance").rows
    assert seances[0][:7] == [
        "n° 1", "22/09/2026", "14 h 00 – 15 h 30", "1 h 30", "Entretien préliminaire", "Close", "oui (1\u202f968 caractères)"
    ]
    assert seances[-1][5] == "Prévue — entretien de suivi"
    assert seances[2][7] == f"{FREE_TOOL} (×2)"  # two tools typed as free text: counted, never named
    synthesis = table_with(section(pack, "Document de synthèse"), "Version").rows
    assert synthesis == [
        ["n° 1", "24 novembre 2026 à 16 h 10", "25 novembre 2026"],
        ["n° 2", "25 novembre 2026 à 18 h 00", "non remise"],
    ]
    closing = table_with(section(pack, "Entretien de suivi et fin du bilan"), "Rubrique").rows
    assert closing == [
        ["Entretien de suivi", "prévu le 24 mai 2027 (séance n° 7)"],
        ["Fin du bilan", "26 novembre 2026"],
    ]
    milestones = list_items(section(section(pack, "Jalons des phases"), "Entretien préliminaire"))
    assert milestones[0] == "[x] Structure, méthode et financement présentés (le 22/09/2026)"


def test_objectives_are_numbered_in_order_of_creation_and_never_worded():
    record = load_demo("amelie-duboeuf")
    pack = qualiopi_pack(record, PHASES, NOW)
    numbers = objective_numbers(record.events, record.roadmap)
    assert sorted(numbers.values()) == list(range(1, len(record.roadmap) + 1))
    added = [e.target for e in record.events if e.kind is ChangeKind.ROADMAP_ADDED]
    assert [numbers[i] for i in added] == sorted(numbers[i] for i in added)
    evolution = list_items(section(pack, "Évolution des objectifs"))
    assert " — Objectif n° 1 ajouté" in evolution[0]
    assert any("objectif : texte modifié" in line for line in evolution)
    for item in record.roadmap:
        assert item.objective not in pack
        if item.means:
            assert item.means not in pack
    rows = table_with(section(pack, "Feuille de route"), "Objectif").rows
    assert [row[0] for row in rows] == [f"objectif n° {numbers[item.id]}" for item in record.roadmap]


def test_the_content_free_describer_is_the_one_describer():
    """Review and the full history keep the wording; the pack's mode differs
    only for the roadmap's texts (and bilan values that could hold words)."""
    record = load_demo("amelie-duboeuf")
    worded = describe_changes(record.events, record.roadmap, PHASES)
    free = describe_changes(record.events, record.roadmap, PHASES, content_free=True)
    assert [c.event for c in worded] == [c.event for c in free]
    for w, f in zip(worded, free):
        if w.event.kind is ChangeKind.CHECKLIST_TICKED:
            assert w.text == f.text
    assert any("«" in c.text for c in worded if c.event.kind is ChangeKind.ROADMAP_ADDED)


PLANTED = "Zanzibarquetta"


def planted_everywhere() -> CandidateRecord:
    """A word in every place a candidate's text can live."""
    record = closed_bilan()
    end, record.candidate.end_date = record.candidate.end_date, None  # the changes come before the end
    record.candidate.name = f"Hélène {PLANTED}"
    record.candidate.contact = f"{PLANTED.lower()}@exemple.fr"
    seance = record.seance(2)
    seance.notes += f"\n\nMot {PLANTED}-notes.\n\n## Privé\n\nConfidence {PLANTED}-privee.\n"
    seance.next_steps = f"Préparer {PLANTED}-etapes."
    seance.tools = [*seance.tools, f"Test {PLANTED}-outil"]
    item = record.roadmap[0]
    at = datetime(2026, 11, 25, 10, 0)
    record.edit_roadmap_item(item.id, at, None, objective=f"Objectif {PLANTED}-1", means=f"Moyens {PLANTED}-2")
    added = record.add_roadmap_item(f"Objectif {PLANTED}-3", at, None, means=f"Moyens {PLANTED}-4")
    record.delete_roadmap_item(added.id, at, None)
    record.synthesis[0].sections["projet"] = f"Projet {PLANTED}-synthese"
    # A bilan event whose values are words (a details change, as a later rule may log it).
    record.log(
        at, ChangeKind.SEANCE_DETAILS, 2, "seance:2",
        before={"next_steps": ""}, after={"next_steps": f"{PLANTED}-details", "tools": f"{PLANTED}-outil"},
    )
    # A roadmap text in another kind's event: the purge empties it there too.
    record.log(at, ChangeKind.IMPORTED, None, "dossier", after={"objective": f"{PLANTED}-importe"})
    record.candidate.end_date = end
    return record


def test_no_planted_word_reaches_the_pack_before_or_after_the_purge():
    record = planted_everywhere()
    purged = purge_of(record, PHASES, PURGED_AT, PURGED_BY)
    for pack in (qualiopi_pack(record, PHASES, NOW), qualiopi_pack(purged, PHASES, NOW)):
        assert PLANTED.lower() not in pack.lower()
        assert "Hélène" not in pack
        assert "exemple.fr" not in pack
        journal = list_items(section(pack, "Journal du dossier"))
        assert "25/11/2026 à 10 h 00 — séance n° 2 — Détails de la séance modifiés (prochaines étapes : texte modifié ; outils : texte modifié)" in journal
    before, after = (qualiopi_pack(r, PHASES, NOW).splitlines() for r in (record, purged))
    after.remove(PURGE_ROW)
    assert after == before


def test_a_file_without_agreement_or_seance_reads_as_such():
    record = load_demo("zoe-lefevre")
    record.seances = []
    pack = qualiopi_pack(record, PHASES, NOW)
    assert ["Convention tripartite (R6313-8)", "sans objet (financement : CPF)"] in table_with(
        section(pack, "Consentement et convention"), "Rubrique"
    ).rows
    assert "Aucune séance." in section(pack, "Séances")
    assert ["Budget d'heures", "20 h (budget modifié, en deçà des 24 h légales)"] in table_with(
        section(pack, "Heures"), "Rubrique"
    ).rows


def test_an_agreement_not_yet_signed_is_counted_from_its_sending():
    record = closed_bilan()
    record.candidate.agreement_date = None
    record.candidate.agreement_sent_date = date(2027, 11, 26)
    rows = table_with(section(qualiopi_pack(record, PHASES, NOW), "Consentement et convention"), "Rubrique").rows
    assert ["Délai de signature (10 jours, R6313-8)", "en cours : non signée 5 jours après l'envoi"] in rows
    record.candidate.agreement_sent_date = date(2027, 11, 1)
    rows = table_with(section(qualiopi_pack(record, PHASES, NOW), "Consentement et convention"), "Rubrique").rows
    assert ["Délai de signature (10 jours, R6313-8)", "dépassé : non signée 30 jours après l'envoi"] in rows


def test_user_text_left_in_the_pack_is_escaped():
    record = closed_bilan()
    record.candidate.consultant = "**Mme** <b>X</b> | y"
    pack = qualiopi_pack(record, PHASES, NOW)
    assert ["Consultant", "**Mme** <b>X</b> | y"] in table_with(section(pack, "Le bilan"), "Rubrique").rows
    assert not [t for t in parse(pack) if t.type in ("html_inline", "html_block")]


def test_the_pack_is_for_the_audit_and_named_by_id():
    assert Audience.AUDIT.notice == AUDIT_LINE
    assert not Audience.AUDIT.keeps_private
    assert naming.qualiopi_filename("zoe-lefevre", date(2027, 12, 1)) == "2027-12-01-qualiopi-zoe-lefevre.md"
    assert naming.qualiopi_filename("../Zoé", date(2027, 12, 1)) == "2027-12-01-qualiopi-zoe.md"


def test_a_synthesis_drafted_from_the_notes_reads_the_same_after_the_purge():
    from seance_tui.domain import synthesis

    record = closed_bilan()
    record.candidate.end_date = None  # drafted before the end
    record.synthesis = []
    synthesis.apply_draft(record, {"projets": "Formateur"}, datetime(2026, 11, 20, 9, 0), None, replace=False)
    record.candidate.end_date = date(2026, 11, 26)
    before = qualiopi_pack(record, PHASES, NOW).splitlines()
    after = qualiopi_pack(purge_of(record, PHASES, PURGED_AT, PURGED_BY), PHASES, NOW).splitlines()
    drafted = [line for line in before if "brouillon commencé" in line]
    assert drafted and drafted[0].endswith("à partir des notes des séances")
    assert [line for line in after if line != PURGE_ROW] == before
