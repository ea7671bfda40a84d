import stat
from datetime import datetime

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.storage import recovery


def test_recovery_copy_keeps_every_note_open_one_first(tmp_path, monkeypatch):
    unwritable = tmp_path / "cache-is-a-file"
    unwritable.write_text("")
    fallback = tmp_path / "fallback"
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [unwritable / "recovery", fallback])
    record = CandidateRecord(Candidate(id="zoe", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    t0 = datetime(2027, 3, 15, 9, 0)
    first = record.start_seance("preliminaire", t0, notes="Première séance")
    record.close_seance(first.number, t0.replace(hour=11))
    record.start_seance("investigation", t0.replace(day=22), notes="En cours : l’élève \x1b[31m")

    path = recovery.write_recovery_copy(record, now=t0)

    assert path.parent == fallback
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.index("En cours : l’élève \x1b[31m") < text.index("Première séance")


def test_recovery_copy_keeps_the_synthesis_being_written(tmp_path, monkeypatch):
    from seance_tui.domain import synthesis

    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [tmp_path / "recovery"])
    record = CandidateRecord(Candidate(id="zoe", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))
    t0 = datetime(2027, 3, 15, 9, 0)
    synthesis.set_section(record, "projets", "Fleuriste en atelier", t0, None)
    text = recovery.write_recovery_copy(record, now=t0).read_text(encoding="utf-8")
    assert "<!-- synthèse, version 1 : Projet(s) et alternatives -->\nFleuriste en atelier" in text
