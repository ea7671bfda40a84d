"""The synthesis editor's use cases without Textual: what is on disk after
each one, read back through a fresh ReadOnlyStore."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from seance_tui import paths
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord, RuleError
from seance_tui.services.synthesis import SynthesisSession
from seance_tui.services.workspace import Workspace
from seance_tui.storage.store import ReadOnlyStore

T0 = datetime(2027, 3, 15, 10, 0)
LEA = "lea-test"


@pytest.fixture
def ws(tmp_path, monkeypatch) -> Workspace:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    data_dir = tmp_path / "donnees"
    data_dir.mkdir()
    workspace = Workspace(data_dir, clock=lambda: T0)
    record = CandidateRecord(Candidate(id=LEA, name="Léa [bold]Test[/]", consultant="Marc", funding=FundingRoute.CPF))
    record.start_seance("synthese", T0, notes="## Projet défini\n\nFleuriste\n\n## Privé\n\n- Projet alternatif : SECRET\n")
    record.close_seance(1, T0)
    workspace.create(record)
    return workspace


def test_draft_edit_hand_over_then_a_new_version(ws):
    opened = ws.open(LEA)
    session = SynthesisSession(ws, opened)
    assert session.read_only_reason() is None
    proposed = session.propose_draft()
    assert proposed == {"projets": "Fleuriste"}
    assert session.apply_draft(proposed, replace=False) == ["projets"]
    assert session.set_text("observations", "Merci")
    opened.save_now()
    path = session.hand_over(date(2027, 3, 16))
    disk = ReadOnlyStore(ws.data_dir).load(LEA)
    assert disk.synthesis[0].handed_over == date(2027, 3, 16)
    assert path.parent.parent == ws.data_dir / "exports" and path.name == "2027-03-15-synthese.md"
    written = path.read_text(encoding="utf-8")
    assert "_Version 1 — remis le 16 mars 2027_" in written and "Fleuriste" in written and "SECRET" not in written
    session.set_text("projets", "Fleuriste en atelier")
    opened.save_now()
    disk = ReadOnlyStore(ws.data_dir).load(LEA)
    assert [(v.number, v.sections["projets"]) for v in disk.synthesis] == [(1, "Fleuriste"), (2, "Fleuriste en atelier")]
    opened.close()


def test_the_hand_over_ticks_the_synthesis_step_of_the_checklist(ws):
    """phases.json's « Document de synthèse remis » says ``ticked_by``: the hand-over ticks it, logged."""
    opened = ws.open(LEA)
    session = SynthesisSession(ws, opened)
    session.set_text("projets", "Fleuriste")
    session.hand_over(date(2027, 3, 16))
    disk = ReadOnlyStore(ws.data_dir).load(LEA)
    assert disk.checklist["synthese"]["document_synthese"] == T0
    assert [e.target for e in disk.events if e.kind.value == "checklist_ticked"] == ["checklist:synthese:document_synthese"]
    opened.close()


def test_a_step_ticked_before_the_hand_over_keeps_its_date(ws):
    earlier = datetime(2027, 3, 1, 9, 0)
    opened = ws.open(LEA)
    opened.record.set_checklist_item("synthese", "document_synthese", True, earlier, None)
    session = SynthesisSession(ws, opened)
    session.set_text("projets", "Fleuriste")
    session.hand_over(date(2027, 3, 16))
    disk = ReadOnlyStore(ws.data_dir).load(LEA)
    assert disk.checklist["synthese"]["document_synthese"] == earlier
    opened.close()


def test_a_closed_bilan_is_read_only_with_its_reason(ws):
    opened = ws.open(LEA)
    opened.record.candidate.end_date = date(2027, 3, 15)
    session = SynthesisSession(ws, opened)
    assert "clos" in session.read_only_reason()
    with pytest.raises(RuleError):
        session.set_text("projets", "x")
    assert not opened.dirty
    opened.close()


def test_a_file_locked_by_another_workspace_names_the_holder(ws):
    first = ws.open(LEA)
    second = ws.open(LEA)
    session = SynthesisSession(ws, second)
    assert session.read_only_reason() == second.locked_message
    with pytest.raises(RuleError):
        session.set_text("projets", "x")
    first.close()
