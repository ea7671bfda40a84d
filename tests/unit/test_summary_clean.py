"""The bugs of issue 11 as a candidate met them, with only the APIs that were
already there (so that this file fails, rather than fails to import, on the
code before the fix): a summary written from an untouched template listed
« Outils utilisés » twice and kept « - Outil : » and empty headings, and a
corrected séance's summary did not say it was corrected."""

from datetime import date, datetime, timedelta

from seance_tui import paths
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.phases import load_phases
from seance_tui.domain.record import CandidateRecord
from seance_tui.export.summary import seance_summary

PHASES = load_phases(paths.phases_file())
T0 = datetime(2026, 12, 3, 9, 0)


def test_template_prompts_and_duplicate_sections_never_reach_the_candidate():
    record = CandidateRecord(Candidate(id="z", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    seance = record.start_seance("investigation", T0, notes=paths.template_file("investigation").read_text("utf-8"))
    seance.tools, seance.next_steps, seance.next_seance_date = ["Jeu de rôle"], "Appeler", date(2026, 12, 17)
    record.close_seance(1, T0 + timedelta(hours=2))
    summary = seance_summary(record, 1, PHASES, T0 + timedelta(hours=2))
    assert summary.count("Outils utilisés") == 1
    assert "- Outil :" not in summary and "Pistes ouvertes" not in summary


def test_a_reclosed_seance_summary_says_corrected():
    record = CandidateRecord(Candidate(id="z", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    record.start_seance("investigation", T0)
    record.close_seance(1, T0 + timedelta(hours=2))
    record.reopen_seance(1, datetime(2026, 12, 5, 10, 0))
    record.close_seance(1, datetime(2026, 12, 5, 10, 30))
    summary = seance_summary(record, 1, PHASES, datetime(2026, 12, 5, 10, 30))
    assert "Compte rendu corrigé le 5 décembre 2026." in summary
