"""`seance search`: one line per séance found, for scripts and pipes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.cli import main
from seance_tui.search.highlight import HIT_END, HIT_START
from seance_tui.search.index import default_index_path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), target)
    return target


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch) -> None:
    # Nothing may land in the user's real cache, whatever a test forgets to pass.
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "env-cache"))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def search(capsys, data_dir: Path, cache_dir: Path, *query: str) -> tuple[int, list[str], str]:
    code = main(["search", "--data-dir", str(data_dir), "--cache-dir", str(cache_dir), *query])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_one_line_per_hit(capsys, data_dir, cache_dir):
    code, lines, err = search(capsys, data_dir, cache_dir, "manoeuvre")
    assert code == 0
    assert err == ""
    assert len(lines) == 1
    name, day, phase, seance, snippet = lines[0].split("\t")
    assert (name, day, phase, seance) == ("Hélène Chaussée", "24/11/2026", "Phase de conclusion", "séance 6")
    assert "manœuvre" in snippet, "snippets quote the notes as written"
    # not a terminal: no escape sequence, no private marker
    assert "\x1b" not in lines[0] and HIT_START not in lines[0] and HIT_END not in lines[0]


def test_several_hits_newest_first(capsys, data_dir, cache_dir):
    code, lines, _ = search(capsys, data_dir, cache_dir, "l’entretien")  # typed with the other apostrophe
    assert code == 0
    assert len(lines) == 3
    assert [line.split("\t")[0] for line in lines] == ["Hélène Chaussée", "Hélène Chaussée", "Zoé Lefèvre"]
    days = [tuple(reversed(line.split("\t")[1].split("/"))) for line in lines]
    assert days == sorted(days, reverse=True)
    assert all(line.split("\t")[3].startswith("séance ") for line in lines)


def test_words_of_the_query_may_be_separate_arguments(capsys, data_dir, cache_dir):
    _, together, _ = search(capsys, data_dir, cache_dir, "fleuriste stage")
    _, apart, _ = search(capsys, data_dir, cache_dir, "fleuriste", "stage")
    assert together == apart
    assert together


def test_limit(capsys, data_dir, cache_dir):
    _, every, _ = search(capsys, data_dir, cache_dir, "entretien")
    code, two, _ = search(capsys, data_dir, cache_dir, "--limit", "2", "entretien")
    assert code == 0
    assert len(every) > 2
    assert two == every[:2]


def test_nothing_found_is_exit_1_with_a_french_message(capsys, data_dir, cache_dir):
    code, lines, err = search(capsys, data_dir, cache_dir, "zzzinconnu")
    assert code == 1
    assert lines == []
    assert "Aucune séance ne contient « zzzinconnu »" in err


@pytest.mark.parametrize("query", ["'", '"', "NEAR(", "col:x", "*", "-", "12:30 AND"])
def test_awkward_queries_are_not_errors(capsys, data_dir, cache_dir, query):
    code, lines, err = search(capsys, data_dir, cache_dir, query)
    assert code in (0, 1)
    assert "Traceback" not in err
    assert "Aucune séance ne contient" in err or lines


def test_the_index_goes_to_the_cache_dir_given(capsys, data_dir, cache_dir, tmp_path):
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    code, _, _ = search(capsys, data_dir, cache_dir, "entretien")
    assert code == 0
    index = default_index_path(cache_dir, data_dir)
    assert index.is_file()
    assert not (tmp_path / "env-cache").exists()  # the option beats the environment
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before
    # the second run uses the index it left there
    assert search(capsys, data_dir, cache_dir, "entretien")[0] == 0


def test_cache_dir_from_the_environment(capsys, data_dir, tmp_path):
    env_cache = tmp_path / "env-cache"
    assert main(["search", "--data-dir", str(data_dir), "manoeuvre"]) == 0
    capsys.readouterr()
    assert default_index_path(env_cache, data_dir).is_file()


def test_unusable_cache_dir_falls_back_to_reading_the_files(capsys, data_dir, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    code, lines, err = search(capsys, data_dir, blocker / "cache", "manoeuvre")
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("Hélène Chaussée\t")
    assert "index de recherche indisponible" in err


def test_missing_data_dir_is_exit_2_with_a_clear_message(capsys, tmp_path, cache_dir):
    missing = tmp_path / "nulle-part"
    code, lines, err = search(capsys, missing, cache_dir, "entretien")
    assert code == 2
    assert lines == []
    assert "Dossier de données introuvable" in err and str(missing) in err
    assert "Traceback" not in err
    assert not missing.exists()  # search never creates a data dir
