"""`seance list` and `seance search` print one line per candidate or hit, and
tab-separated columns, whatever a name or a note holds (tab, newline, escape)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.cli import main

AMELIE = "amelie-duboeuf"
NAME = "Amélie\tDu\nbœuf\x1b]0;x\x07"
SHOWN = "Amélie␉Du␊bœuf␛]0;x␇"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    target = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), target)
    path = target / "candidates" / f"{AMELIE}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["candidate"]["1"]["name"] = NAME
    first = next(iter(data["seances"]))
    data["seances"][first]["notes"] = "ligne un\nzygomatique\tici\nligne trois"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def test_list_keeps_a_name_with_tab_and_newline_on_one_line(data_dir, capsys):
    assert main(["list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6  # a header, then five candidates on five lines
    assert all(len(line.split("\t")) == 7 for line in lines)
    assert SHOWN in [line.split("\t")[1] for line in lines]


def test_search_keeps_each_hit_on_one_line(data_dir, capsys):
    assert main(["search", "--data-dir", str(data_dir), "zygomatique"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    name, _day, _phase, _seance, snippet = lines[0].split("\t")
    assert name == SHOWN
    assert "zygomatique" in snippet


def test_an_ambiguous_candidate_lists_each_homonym_on_one_line(data_dir, capsys):
    # A second « Amélie » makes "amelie" ambiguous: each choice is one line, id then name.
    candidates = data_dir / "candidates"
    other = json.loads((candidates / f"{AMELIE}.json").read_text(encoding="utf-8"))
    other["candidate"]["1"]["id"] = "amelie-bis"
    other["candidate"]["1"]["name"] = "Amélie\nBis"
    (candidates / "amelie-bis.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    assert main(["export", "amelie\x1b]0;t\x07", "--data-dir", str(data_dir), "--stdout"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    main(["export", "amelie", "--data-dir", str(data_dir), "--stdout"])
    lines = capsys.readouterr().err.splitlines()
    choices = [line for line in lines if line.startswith("  ")]
    assert sorted(choices) == sorted([f"  {AMELIE}\t{SHOWN}", "  amelie-bis\tAmélie␊Bis"])
