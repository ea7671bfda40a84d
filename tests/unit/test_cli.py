"""The command line, as a user or a script sees it: output, files, exit codes."""

import json
import shutil
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from seance_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"
DEMO_NAMES = ["Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre"]


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "donnees"
    shutil.copytree(DEMO, copy)
    return copy


def test_list_prints_one_line_per_candidate(data_dir, capsys):
    assert main(["list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]  # after the header
    assert [line.split("\t")[1] for line in lines] == DEMO_NAMES
    amelie = lines[0].split("\t")
    assert amelie[2:] == ["Phase d'accompagnement", "8 séance(s)", "21 h 15 / 24 h", "24/11/2026", "⚠ 20 h"]


def test_data_dir_comes_from_the_environment(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("SEANCE_DATA_DIR", str(data_dir))
    assert main(["list"]) == 0
    assert "Zoé Lefèvre" in capsys.readouterr().out


def test_missing_data_dir_is_said_and_exits_non_zero(tmp_path, capsys):
    missing = tmp_path / "nulle-part"
    assert main(["list", "--data-dir", str(missing)]) == 2
    assert main(["check", "--data-dir", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err
    assert not missing.exists(), "a read-only command never creates the data dir"


def test_check_reports_each_bad_file_and_exits_1(data_dir, capsys):
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert "lisibles" in capsys.readouterr().out
    bad = data_dir / "candidates" / "zoe-lefevre.json"
    bad.write_text(bad.read_text(encoding="utf-8")[:200], encoding="utf-8")
    before = bad.read_bytes()
    assert main(["check", "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith(str(bad))
    assert bad.read_bytes() == before
    # The others still list; the bad one is named on stderr.
    assert main(["list", "--data-dir", str(data_dir)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1 + 4 and str(bad) in captured.err  # the header, four candidates


def test_export_every_demo_seance_history_and_synthesis(data_dir, capsys):
    parser = MarkdownIt("commonmark").enable("table")
    for path in sorted((data_dir / "candidates").glob("*.json")):
        candidate_id = path.stem
        doc = json.loads(path.read_text(encoding="utf-8"))
        numbers = [s["number"] for s in doc["seances"].values() if s["start"]]
        for options in [["--seance", str(n)] for n in numbers] + [["--history"], ["--synthese"]]:
            assert main(["export", candidate_id, "--data-dir", str(data_dir), *options]) == 0
            written = Path(capsys.readouterr().out.strip())
            assert written.is_relative_to(data_dir / "exports")
            assert stat.S_IMODE(written.stat().st_mode) == 0o600
            tokens = parser.parse(written.read_text(encoding="utf-8"))
            assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
            assert doc["candidate"]["1"]["name"] in tokens[1].content


def test_export_finds_a_candidate_by_part_of_the_name_ignoring_accents(data_dir, tmp_path, capsys):
    out_dir = tmp_path / "sorties"
    assert main(["export", "HELENE", "--data-dir", str(data_dir), "-o", str(out_dir)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent.parent == out_dir
    assert written.name.endswith("-seance-06.md")


def test_export_to_stdout_writes_no_file(data_dir, capsys):
    assert main(["export", "dubœuf", "--data-dir", str(data_dir), "--stdout", "--seance", "2"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert not (data_dir / "exports").exists()


def test_ambiguous_and_unknown_candidates_exit_2(data_dir, capsys):
    assert main(["export", "e", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "plusieurs candidats" in err and "zoe-lefevre" in err and "Jérôme Marchand" in err
    assert main(["export", "Personne", "--data-dir", str(data_dir)]) == 2
    assert "aucun candidat" in capsys.readouterr().err
    assert main(["export", "zoe", "--seance", "42", "--data-dir", str(data_dir)]) == 2
    assert "42" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("seance ")


def test_names_are_printed_as_typed_never_as_terminal_escapes(data_dir, capsys):
    path = data_dir / "candidates" / "zoe-lefevre.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["candidate"]["1"]["name"] = "Zoé \x1b]0;PWNED\x07\x1b[31mLefèvre"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["list", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Zoé ␛]0;PWNED␇␛[31mLefèvre" in out


def test_a_data_dir_that_is_not_usable_is_said_without_a_traceback(tmp_path, capsys):
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("")
    assert main(["--data-dir", str(not_a_folder / "donnees")]) == 2
    assert str(not_a_folder) in capsys.readouterr().err


def test_a_file_without_a_name_is_found_by_part_of_its_id(data_dir, capsys):
    """A purged file keeps no name: an auditor finds it by part of its id."""
    path = data_dir / "candidates" / "francois-nguyen.json"
    tables = json.loads(path.read_text(encoding="utf-8"))
    tables["candidate"]["1"]["name"] = ""
    path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    assert main(["export", "francois", "--qualiopi", "--stdout", "--data-dir", str(data_dir)]) == 0
    assert "dossier francois-nguyen" in capsys.readouterr().out
