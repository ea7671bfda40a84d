"""`seance list` for real use: a header, the id column, the budget marks,
--json/--csv, sorts and filters, and a listing cache kept in the cache dir."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.cli import main

IDS = ["amelie-duboeuf", "francois-nguyen", "helene-chaussee", "jerome-marchand", "zoe-lefevre"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    target = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), target)
    return target


def listed(capsys, data_dir: Path, *options: str) -> str:
    assert main(["list", "--data-dir", str(data_dir), *options]) == 0
    return capsys.readouterr().out


def rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()[1:]]


def set_field(data_dir: Path, candidate_id: str, **fields) -> None:
    path = data_dir / "candidates" / f"{candidate_id}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["candidate"]["1"].update(fields)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_a_header_then_the_id_of_each_candidate(data_dir, capsys):
    out = listed(capsys, data_dir)
    assert out.splitlines()[0] == "Identifiant\tNom\tPhase\tSéances\tHeures\tDernière séance\tAlerte"
    assert [row[0] for row in rows(out)] == IDS


def test_homonyms_are_told_apart_by_their_id(data_dir, capsys):
    set_field(data_dir, "zoe-lefevre", name="Amélie Dubœuf")
    table = rows(listed(capsys, data_dir))
    assert [(r[0], r[1]) for r in table[:2]] == [
        ("amelie-duboeuf", "Amélie Dubœuf"), ("zoe-lefevre", "Amélie Dubœuf"),
    ]


def test_budget_marks_at_twenty_hours_and_past_the_budget(data_dir, capsys):
    set_field(data_dir, "jerome-marchand", hours_budget=3.0)  # 4 h used
    table = {row[0]: row for row in rows(listed(capsys, data_dir))}
    assert table["amelie-duboeuf"][-1] == "⚠ 20 h"  # 21 h 15 of 24 h
    assert table["jerome-marchand"][-2:] == ["24/11/2026", "⚠ dépassé"]
    assert table["francois-nguyen"][-1] == ""


def test_json_is_a_list_of_objects_with_iso_dates_and_decimal_hours(data_dir, capsys):
    doc = json.loads(listed(capsys, data_dir, "--json"))
    assert [item["id"] for item in doc] == IDS
    amelie = doc[0]
    assert amelie["name"] == "Amélie Dubœuf"
    assert amelie["hours_used"] == 21.25 and amelie["hours_budget"] == 24.0
    assert amelie["last_seance"] == "2026-11-24" and amelie["purged_on"] is None
    assert amelie["budget"] == "warning" and amelie["phase"] == "accompagnement"


def test_csv_reads_back_with_the_csv_module_whatever_the_name(data_dir, capsys):
    set_field(data_dir, "zoe-lefevre", name='Zoé "la" Lefèvre, née\nMartin')
    table = list(csv.DictReader(io.StringIO(listed(capsys, data_dir, "--csv"))))
    assert [row["id"] for row in table] == IDS
    assert table[-1]["name"] == 'Zoé "la" Lefèvre, née\nMartin'
    assert table[0]["hours_used"] == "21.25" and table[0]["last_seance"] == "2026-11-24"


@pytest.mark.parametrize(
    "option, first, last",
    [
        ("nom", "amelie-duboeuf", "zoe-lefevre"),
        ("heures", "amelie-duboeuf", "jerome-marchand"),
        ("phase", "jerome-marchand", "amelie-duboeuf"),  # the timeline's order
        ("derniere", "amelie-duboeuf", "zoe-lefevre"),
    ],
)
def test_sorted_by_name_phase_hours_or_last_seance(data_dir, capsys, option, first, last):
    ids = [row[0] for row in rows(listed(capsys, data_dir, "--sort", option))]
    assert sorted(ids) == IDS
    assert (ids[0], ids[-1]) == (first, last)


def test_filters_by_phase_and_consultant_ignoring_accents_and_case(data_dir, capsys):
    assert [r[0] for r in rows(listed(capsys, data_dir, "--phase", "INVESTIGATION"))] == [
        "jerome-marchand", "zoe-lefevre",
    ]
    assert [r[0] for r in rows(listed(capsys, data_dir, "--phase", "synthese"))] == ["francois-nguyen"]
    assert [r[0] for r in rows(listed(capsys, data_dir, "--consultant", "ines"))] == [
        "amelie-duboeuf", "zoe-lefevre",
    ]
    both = rows(listed(capsys, data_dir, "--consultant", "ines", "--phase", "investig"))
    assert [r[0] for r in both] == ["zoe-lefevre"]


def test_a_hostile_name_stays_on_one_line_in_the_plain_listing(data_dir, capsys):
    set_field(data_dir, "zoe-lefevre", name="Zoé\tLe\nfèvre\x1b[31m")
    out = listed(capsys, data_dir)
    assert "\x1b" not in out
    lines = out.splitlines()
    assert len(lines) == 6 and all(len(line.split("\t")) == 7 for line in lines)
    assert lines[-1].split("\t")[1] == "Zoé␉Le␊fèvre␛[31m"


def test_the_listing_cache_is_kept_in_the_cache_dir_never_in_the_data_dir(data_dir, tmp_path, capsys):
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    listed(capsys, data_dir, "--cache-dir", str(tmp_path / "ailleurs"))
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before
    (cache,) = (tmp_path / "ailleurs").glob("listing-*.json")
    assert cache.stat().st_mode & 0o777 == 0o600
    assert cache.parent.stat().st_mode & 0o777 == 0o700


def test_a_second_run_reads_no_candidate_file_whose_stamp_is_unchanged(data_dir, capsys, monkeypatch):
    first = listed(capsys, data_dir)
    candidates = os.fspath(data_dir / "candidates")
    opened = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        if os.fspath(file).startswith(candidates):
            opened.append(os.path.basename(os.fspath(file)))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    assert listed(capsys, data_dir) == first
    assert opened == []

    # A file changed since is read again, and only that one.
    set_field(data_dir, "zoe-lefevre", name="Zoé Martin")
    out = listed(capsys, data_dir)
    assert opened == ["zoe-lefevre.json"]
    assert "Zoé Martin" in out


def test_a_file_nested_too_deep_is_named_and_the_others_listed(data_dir, capsys):
    """``[[[[…]]]]`` past Python's stack was « erreur inattendue » (exit 70)."""
    deep = data_dir / "candidates" / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    before = deep.read_bytes()
    code = main(["list", "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "deep.json" in captured.err and "imbriqué trop profondément" in captured.err
    assert len(rows(captured.out)) == 5
    assert deep.read_bytes() == before
