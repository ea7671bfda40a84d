"""``seance export --qualiopi``: the trace pack of one candidate, or with
``--all`` of every candidate, written in the exports dir's audit folder."""

from __future__ import annotations

import shutil
import stat
from contextlib import nullcontext
from pathlib import Path

import pytest

from seance_tui.cli import main

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
IDS = ["amelie-duboeuf", "francois-nguyen", "helene-chaussee", "jerome-marchand", "zoe-lefevre"]
NOTICE = "Confidentiel — document d'audit Qualiopi — ne contient aucun contenu de notes"


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "donnees"
    shutil.copytree(DEMO, copy)
    return copy


def test_one_pack_is_written_in_the_audit_folder_named_by_id(data_dir, capsys):
    assert main(["export", "zoe", "--qualiopi", "--data-dir", str(data_dir)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == data_dir / "exports" / "audit-qualiopi"
    assert written.name.endswith("-qualiopi-zoe-lefevre.md")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Traçabilité Qualiopi — dossier zoe-lefevre\n")
    assert text.endswith(f"\n{NOTICE}\n")
    assert "Zoé" not in text and "épicerie" not in text


def test_all_writes_one_pack_per_candidate_inside_the_exports_dir(data_dir, tmp_path, capsys):
    out = tmp_path / "audit"
    assert main(["export", "--qualiopi", "--all", "--data-dir", str(data_dir), "-o", str(out)]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert [p.name.split("-qualiopi-")[1] for p in written] == [f"{i}.md" for i in IDS]
    assert all(p.parent == out / "audit-qualiopi" and p.is_file() for p in written)
    assert sorted(p for p in out.rglob("*") if p.is_file()) == sorted(written)
    assert not (data_dir / "exports").exists()


def test_all_names_an_unreadable_file_and_writes_the_others(data_dir, capsys):
    bad = data_dir / "candidates" / "zoe-lefevre.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", "--qualiopi", "--all", "--data-dir", str(data_dir)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 4 and str(bad) in captured.err


def test_one_pack_may_go_to_the_standard_output(data_dir, capsys):
    assert main(["export", "helene", "--qualiopi", "--stdout", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("# Traçabilité Qualiopi — dossier helene-chaussee\n")
    assert not (data_dir / "exports").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--all"], "--all ne s'emploie qu'avec --qualiopi"),
        (["zoe", "--qualiopi", "--all"], "ne nommez pas de CANDIDAT"),
        (["--qualiopi", "--all", "--stdout"], "--stdout ne s'y emploie pas"),
        (["--qualiopi"], "précisez un CANDIDAT"),
        (["zoe", "--qualiopi", "--history"], "argument --history : incompatible avec --qualiopi"),
    ],
)
def test_forms_that_make_no_sense_are_refused(data_dir, capsys, args, said):
    # argparse refuses two documents itself (exit 2 through SystemExit).
    with pytest.raises(SystemExit) if "--history" in args else nullcontext():
        assert main(["export", *args, "--data-dir", str(data_dir)]) == 2
    assert said in capsys.readouterr().err
    assert not (data_dir / "exports").exists()



def test_a_link_planted_as_the_audit_folder_leads_no_pack_outside(data_dir, tmp_path, capsys):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    exports = data_dir / "exports"
    exports.mkdir()
    (exports / "audit-qualiopi").symlink_to(outside)
    assert main(["export", "--qualiopi", "--all", "--data-dir", str(data_dir)]) == 2
    assert "chemin refusé" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
