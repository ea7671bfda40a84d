from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from seance_tui.domain.hours import BudgetLevel, format_hours
from seance_tui.domain.model import Candidate, ChangeKind, FundingRoute, RoadmapStatus, SeanceStatus
from seance_tui.domain.phases import PhaseFileError, load_phases
from seance_tui.domain.record import CandidateRecord, PhaseState, RuleError

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2027, 3, 15, 9, 0)


@pytest.fixture
def phases():
    return load_phases(ROOT / "data" / "phases.json")


@pytest.fixture
def record():
    return CandidateRecord(Candidate(id="zoe", name="Zoé Lefèvre", consultant="Inès", funding=FundingRoute.CPF))


def test_bundled_phases_follow_the_source_article(phases):
    assert [p.key for p in phases] == ["preliminaire", "investigation", "conclusion", "synthese", "accompagnement"]
    assert [p.key for p in phases if p.legal] == ["preliminaire", "investigation", "conclusion"]
    labels = [c.label for c in phases.get("preliminaire").checklist]
    assert "Contrat signé" in labels and len(labels) == 6


def test_malformed_phases_file_is_named(tmp_path):
    bad = tmp_path / "phases.json"
    bad.write_text('{"phases": [{"label": "sans clé"}]}', encoding="utf-8")
    with pytest.raises(PhaseFileError, match=str(bad)):
        load_phases(bad)


def test_duration_leaves_pauses_out_and_open_seance_counts_to_now(record):
    s = record.start_seance("preliminaire", T0)
    record.pause_seance(s.number, T0 + timedelta(minutes=60))
    record.resume_seance(s.number, T0 + timedelta(minutes=75))
    assert record.hours_used(T0 + timedelta(minutes=135)) == timedelta(minutes=120)
    record.close_seance(s.number, T0 + timedelta(minutes=150))
    assert s.status is SeanceStatus.CLOSED
    assert record.hours_used(T0 + timedelta(days=3)) == timedelta(minutes=135)
    assert format_hours(record.hours_used(T0)) == "2 h 15"


def test_only_one_open_seance_and_a_planned_one_keeps_its_number(record):
    from seance_tui.domain.model import Seance

    record.seances.append(Seance(number=1, phase="preliminaire", planned_date=date(2027, 3, 15)))
    s = record.start_seance("preliminaire", T0)
    assert s.number == 1 and len(record.seances) == 1
    with pytest.raises(RuleError, match="encore ouverte"):
        record.start_seance("investigation", T0)


def test_budget_levels_and_crossings(record):
    s = record.start_seance("investigation", T0)
    assert record.budget_crossings(T0, T0 + timedelta(hours=19)) == []
    assert record.budget_crossings(T0 + timedelta(hours=19), T0 + timedelta(hours=21)) == [BudgetLevel.WARNING]
    assert record.budget_crossings(T0, T0 + timedelta(hours=25)) == [BudgetLevel.WARNING, BudgetLevel.OVER]
    assert record.budget_level(T0 + timedelta(hours=20)) is BudgetLevel.WARNING
    assert record.budget_level(T0 + timedelta(hours=24)) is BudgetLevel.OVER
    assert s.number == 1


def test_roadmap_changes_are_logged_with_their_seance(record):
    s = record.start_seance("synthese", T0)
    item = record.add_roadmap_item("Valider le bloc 2", T0, s.number, means="VAE", deadline=date(2027, 6, 1))
    record.edit_roadmap_item(item.id, T0, s.number, means="VAE partielle", deadline=None)
    record.set_roadmap_status(item.id, RoadmapStatus.ACHIEVED, T0, s.number)
    record.move_roadmap_item(item.id, 1, T0, s.number)  # alone: no move, no log
    record.delete_roadmap_item(item.id, T0, s.number)
    kinds = [e.kind for e in record.changes_in_seance(s.number)]
    assert kinds == [ChangeKind.ROADMAP_ADDED, ChangeKind.ROADMAP_MODIFIED, ChangeKind.ROADMAP_STATUS,
                     ChangeKind.ROADMAP_DELETED]
    modified = record.events[1]
    assert list(modified.before) == ["means", "deadline"]
    assert modified.after == {"means": "VAE partielle", "deadline": ""}
    with pytest.raises(RuleError):
        record.add_roadmap_item("   ", T0, s.number)


def test_overdue_items_are_unfinished_past_deadlines(record):
    item = record.add_roadmap_item("Enquête métier", T0, None, deadline=date(2027, 3, 1))
    assert item.is_overdue(date(2027, 3, 2))
    record.set_roadmap_status(item.id, RoadmapStatus.DROPPED, T0, None)
    assert not item.is_overdue(date(2027, 3, 2))


def test_reopening_is_logged_and_does_not_count_correction_time(record):
    s = record.start_seance("preliminaire", T0)
    record.close_seance(s.number, T0 + timedelta(hours=2))
    record.reopen_seance(s.number, T0 + timedelta(days=1))
    assert s.is_correction
    assert record.hours_used(T0 + timedelta(days=1, minutes=5)) == timedelta(hours=2)
    with pytest.raises(RuleError, match="correction"):
        record.pause_seance(s.number, T0 + timedelta(days=1, minutes=5))
    record.close_seance(s.number, T0 + timedelta(days=1, minutes=10))
    assert s.end == T0 + timedelta(hours=2), "the séance keeps its real end"
    assert s.duration(T0 + timedelta(days=2)) == timedelta(hours=2)
    assert [e.kind for e in record.events] == [ChangeKind.SEANCE_REOPENED, ChangeKind.SEANCE_CORRECTED]
    assert record.events[-1].at == T0 + timedelta(days=1, minutes=10)


def test_phase_states_and_checklist(record, phases):
    assert record.current_phase(phases) == "preliminaire"
    record.start_seance("investigation", T0)
    states = record.phase_states(phases)
    assert states["preliminaire"] == PhaseState.DONE
    assert states["investigation"] == PhaseState.CURRENT
    assert states["conclusion"] == PhaseState.UPCOMING
    record.set_checklist_item("investigation", "outils", True, T0, 1)
    record.set_checklist_item("investigation", "outils", True, T0, 1)  # no double log
    record.set_checklist_item("investigation", "pistes", False, T0, 1)  # never ticked: no-op
    assert record.checklist == {"investigation": {"outils": T0}}
    record.set_checklist_item("investigation", "outils", False, T0, 1)
    assert record.checklist == {}
    assert [e.kind for e in record.events] == [ChangeKind.CHECKLIST_TICKED, ChangeKind.CHECKLIST_UNTICKED]
