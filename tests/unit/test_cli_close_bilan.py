"""``seance close-bilan``: the check list, the end date on disk, the refusals."""

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.domain.model import CandidateStatus, ChangeKind, SynthesisVersion
from seance_tui.services.workspace import Workspace
from seance_tui.storage.store import ReadOnlyStore, WritableStore

ROOT = Path(__file__).resolve().parents[2]
HELENE = "helene-chaussee"


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "donnees"
    shutil.copytree(ROOT / "data" / "demo", copy)
    return copy


def prepare(data_dir: Path, synthesis=True, follow_up=True) -> None:
    """Hélène's bilan as it stands when it may close: synthesis handed over, follow-up planned."""
    with WritableStore(data_dir).open_for_writing(HELENE) as writer:
        record = writer.record
        if synthesis:
            record.synthesis = [SynthesisVersion(1, datetime(2026, 11, 25, 9), {"projet": "x"},
                                                 handed_over=date(2026, 11, 26))]
        if follow_up:
            record.candidate.follow_up_declined = True
        writer.save(record)


def run(data_dir, *args) -> int:
    return main(["close-bilan", "--data-dir", str(data_dir), *args])


def test_close_bilan_records_the_end_date(data_dir, capsys):
    prepare(data_dir)
    assert run(data_dir, "helene", "--date", "01/12/2026", "--yes") == 0
    out = capsys.readouterr().out
    assert "✓ Document de synthèse remis" in out and "Bilan de Hélène Chaussée clos le 1er décembre 2026." in out
    record = ReadOnlyStore(data_dir).load(HELENE)
    assert record.candidate.end_date == date(2026, 12, 1)
    assert record.candidate.status is CandidateStatus.COMPLETED
    assert record.events[-1].kind is ChangeKind.BILAN_CLOSED
    assert record.events[-1].after == {"end_date": "01/12/2026"}
    # Closed: a second close is refused, and says since when.
    assert run(data_dir, "helene", "--yes") == 2
    assert "clos depuis le 01/12/2026" in capsys.readouterr().err


def test_unmet_items_are_listed_and_nothing_changes(data_dir, capsys):
    before = (data_dir / "candidates" / f"{HELENE}.json").read_bytes()
    assert run(data_dir, "helene", "--date", "01/12/2026", "--yes") == 2
    err = capsys.readouterr().err
    assert "Document de synthèse remis : aucun document de synthèse n'est rédigé" in err
    assert "Entretien de suivi prévu ou décliné : ni prévu ni décliné" in err
    assert "Toutes les séances closes" not in err
    assert (data_dir / "candidates" / f"{HELENE}.json").read_bytes() == before


def test_planned_seances_are_cancelled_only_when_asked(data_dir, capsys):
    # Zoé has séance n° 5 planned for 2 December.
    with WritableStore(data_dir).open_for_writing("zoe-lefevre") as writer:
        writer.record.synthesis = [SynthesisVersion(1, datetime(2026, 11, 25, 9), {}, handed_over=date(2026, 11, 26))]
        writer.record.candidate.follow_up_declined = True
        writer.save(writer.record)
    assert run(data_dir, "zoe", "--date", "30/11/2026", "--yes") == 2
    assert "--cancel-planned" in capsys.readouterr().err
    assert run(data_dir, "zoe", "--date", "30/11/2026", "--yes", "--cancel-planned") == 0
    record = ReadOnlyStore(data_dir).load("zoe-lefevre")
    assert [s.number for s in record.seances] == [1, 2, 3, 4]
    assert record.events[-1].after["cancelled"] == "n° 5 (2 décembre 2026)"


def test_without_yes_and_without_a_terminal_nothing_is_closed(data_dir, capsys):
    prepare(data_dir)
    assert run(data_dir, "helene", "--date", "01/12/2026") == 2
    assert "--yes" in capsys.readouterr().err
    assert ReadOnlyStore(data_dir).load(HELENE).candidate.end_date is None


def test_unknown_candidate_and_bad_date(data_dir, capsys):
    assert run(data_dir, "personne", "--yes") == 2
    assert "aucun candidat ne correspond à « personne »" in capsys.readouterr().err
    assert run(data_dir, "helene", "--date", "31/02/2026", "--yes") == 2
    assert "--date" in capsys.readouterr().err


def test_refused_while_a_workspace_holds_the_file(data_dir, capsys):
    prepare(data_dir)
    opened = Workspace(data_dir).open(HELENE)  # a running workspace has Hélène open
    try:
        assert not opened.read_only
        assert run(data_dir, "helene", "--yes") == 2
        err = capsys.readouterr().err
        assert "ouvert en écriture par" in err and "rien n'a été modifié" in err
    finally:
        opened.close()
    assert ReadOnlyStore(data_dir).load(HELENE).candidate.end_date is None
    assert run(data_dir, "helene", "--date", "01/12/2026", "--yes") == 0
