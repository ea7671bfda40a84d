"""The command speaks French, argparse's own words included, and takes any query."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seance_tui.cli import main

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
ENGLISH = ("usage:", "options:\n  -h, --help  show", "show this help", "error:", "invalid choice",
           "the following arguments", "unrecognized arguments", "positional arguments", "expected one")


@pytest.fixture
def data_dir(tmp_path):
    shutil.copytree(DEMO, tmp_path / "donnees")
    return tmp_path / "donnees"


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:  # argparse's own exits: help, usage errors
        code = exit.code
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["search", "--help"], ["list", "-h"]])
def test_help_is_french(capsys, argv):
    code, text = run(capsys, *argv)
    assert code == 0
    assert text.startswith("utilisation : seance")
    assert "afficher cette aide et quitter" in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["bogus"], "seance : erreur : argument COMMANDE : choix invalide : 'bogus'"),
        (["search"], "seance search : erreur : arguments obligatoires manquants : RECHERCHE"),
        (["list", "--nope"], "seance : erreur : arguments inconnus : --nope"),
        (["export", "zoe", "--seance", "deux"], "argument --seance : valeur invalide : 'deux'"),
        (["export", "zoe", "--history", "--synthese"], "argument --synthese : incompatible avec --history"),
    ],
)
def test_usage_errors_are_french_and_exit_2(capsys, argv, said):
    code, text = run(capsys, *argv)
    assert code == 2
    assert said in text, text
    assert "utilisation : seance" in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_refused_with_a_message(capsys, data_dir, tmp_path, limit):
    code, text = run(capsys, "search", "--data-dir", str(data_dir), "--cache-dir", str(tmp_path / "c"),
                     "--limit", limit, "entretien")
    assert code == 2
    assert f"argument --limit : un nombre supérieur ou égal à 1 est attendu, pas {limit}" in text


def test_a_query_may_start_with_a_dash(capsys, data_dir, tmp_path):
    cache = str(tmp_path / "c")
    code, text = run(capsys, "search", "--data-dir", str(data_dir), "-x", "--cache-dir", cache)
    assert (code, text.strip()) == (1, "Aucune séance ne contient « -x ».")
    # the options around the words still count, in any order
    code, text = run(capsys, "search", "--limit", "1", "--data-dir", str(data_dir), "--cache-dir", cache,
                     "-entretien", "professionnel")
    assert code == 0 and len(text.splitlines()) == 1


def test_the_data_dir_may_come_before_the_command(capsys, data_dir):
    code, text = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and "Zoé Lefèvre" in text
    code, text = run(capsys, "list", "--data-dir", str(data_dir))
    assert code == 0 and "Zoé Lefèvre" in text


def test_python_dash_m_runs_the_command():
    """cli became a package: ``python -m seance_tui.cli`` needs its __main__."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "seance_tui.cli", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("seance "), done.stderr
