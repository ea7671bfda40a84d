"""``seance agenda`` on a copy of the demo, with a fixed today (SEANCE_TODAY)."""

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from seance_tui.cli import main
from seance_tui.domain.model import SynthesisVersion
from seance_tui.storage.store import WritableStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    copy = tmp_path / "donnees"
    shutil.copytree(ROOT / "data" / "demo", copy)
    monkeypatch.setenv("SEANCE_TODAY", "2026-12-01")  # a Tuesday
    return copy


def agenda(data_dir, capsys, *options):
    assert main(["agenda", "--data-dir", str(data_dir), *options]) == 0
    return capsys.readouterr().out


def test_lines_under_french_headings(data_dir, capsys):
    out = agenda(data_dir, capsys)
    assert out.startswith("Au 01/12/2026\n")
    assert "Séances prévues cette semaine (1)\n  zoe-lefevre · Zoé Lefèvre : séance n° 5 le 02/12/2026\n" in out
    assert "Séances prévues la semaine prochaine (0)\n  —\n" in out
    assert "  amelie-duboeuf · Amélie Dubœuf : 21 h 15 sur 24 h (proche du budget)\n" in out
    overdue = out.split("Échéances dépassées de la feuille de route (3)\n")[1].split("\n\n")[0].splitlines()
    assert [line.split(" : ")[1] for line in overdue] == [
        "échéance du 13/11/2026", "échéance du 27/11/2026", "échéance du 30/11/2026",
    ]
    assert "Bilans prêts à clore (0)" in out and "Dossiers à purger, conservation échue (0)" in out


def test_a_name_is_one_visible_line(data_dir, capsys):
    with WritableStore(data_dir).open_for_writing("zoe-lefevre") as writer:
        writer.record.candidate.name = "Zoé\nLefèvre \x1b[31m"
        writer.save(writer.record)
    out = agenda(data_dir, capsys)
    assert "zoe-lefevre · Zoé␊Lefèvre ␛[31m : séance n° 5" in out
    assert "\x1b" not in out


def test_json_has_stable_keys_and_iso_dates(data_dir, capsys):
    with WritableStore(data_dir).open_for_writing("helene-chaussee") as writer:
        writer.record.synthesis = [SynthesisVersion(1, datetime(2026, 11, 25, 9), {"projet": "x"},
                                                    handed_over=date(2026, 11, 26))]
        writer.record.candidate.follow_up_declined = True
        writer.save(writer.record)
    data = json.loads(agenda(data_dir, capsys, "--json"))
    assert data["today"] == "2026-12-01"
    assert list(data["sections"]) == [
        "this_week", "next_week", "follow_ups_due", "hours", "notes_to_fill", "overdue_deadlines",
        "ready_to_close", "purges_due",
    ]
    assert data["sections"]["this_week"] == [
        {"candidate_id": "zoe-lefevre", "name": "Zoé Lefèvre", "date": "2026-12-02", "seance": 5,
         "what": "séance n° 5 le 02/12/2026"},
    ]
    assert [line["candidate_id"] for line in data["sections"]["ready_to_close"]] == ["helene-chaussee"]


def test_a_bad_today_is_refused(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("SEANCE_TODAY", "demain")
    assert main(["agenda", "--data-dir", str(data_dir)]) == 2
    assert "SEANCE_TODAY : date invalide « demain »" in capsys.readouterr().err
