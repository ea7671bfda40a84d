"""`seance purge`: no trace of the text anywhere on disk, the others untouched,
the French messages, and `--due` following the retention rule."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from purge_world import OTHERS, TARGET, WORD, files_of, hashes, hits, make_world, planted_record

from seance_tui.cli import main
from seance_tui.domain.phases import load_phases
from seance_tui.domain.slug import candidate_folder
from seance_tui.paths import phases_file
from seance_tui.services import crash_log
from seance_tui.services.review import Review
from seance_tui.storage import ReadOnlyStore, WritableStore
from seance_tui.storage import recovery


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A data dir, and a cache dir that is also where recovery copies go (the user cache dir)."""
    data = tmp_path / "donnees"
    xdg = tmp_path / "xdg-cache"
    cache = xdg / "seance"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("SEANCE_CACHE_DIR", str(cache))
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [cache / "recovery"])
    make_world(data)
    return data, cache


def run(*args: str) -> int:
    return main(list(args))


def plant_everywhere(data: Path, cache: Path) -> None:
    """The word in every place outside the candidate file too."""
    d = ["--data-dir", str(data)]
    assert run("export", TARGET, *d) == 0
    assert run("export", TARGET, "--history", *d) == 0
    assert run("export", TARGET, "--synthese", *d) == 0
    record = ReadOnlyStore(data).load(TARGET)
    # An earlier name's folder, and a PDF (any bytes holding the word).
    folder = data / "exports" / candidate_folder(record.candidate)
    (folder / "synthese.pdf").write_bytes(b"%PDF-1.7\n" + WORD.upper().encode() + b"\x00\xff")
    (data / "exports" / f"ancien-nom-{TARGET}").mkdir()
    (data / "exports" / f"ancien-nom-{TARGET}" / "vieux.md").write_text(WORD)
    recovery.write_recovery_copy(record, datetime(2027, 7, 1, 8, 0))
    crash_log.write_log(ValueError(f"dossier {record.candidate.name} illisible"), cache)
    WritableStore(data).summaries(load_phases(phases_file()), datetime(2027, 7, 1))  # the listing cache
    review = Review(data, cache)
    try:
        review.build_index()
        assert review.search(WORD)
    finally:
        review.close()
    assert run("search", WORD, *d) == 0
    assert run("list", *d) == 0  # the read-only listing cache, in the cache dir
    assert run("agenda", *d) == 0  # the overview's cache (the name), in the cache dir


def test_purge_leaves_no_trace_of_the_text_and_the_others_untouched(world, capsys):
    data, cache = world
    plant_everywhere(data, cache)
    planted = set(hits([data, cache]))
    assert {p.name for p in planted} >= {f"{TARGET}.json", "index.json", "synthese.pdf", "vieux.md"}
    assert any(p.name.startswith("listing-") for p in planted)
    assert any(p.name.startswith("overview-") for p in planted)
    assert any(p.suffix == ".sqlite3" or "sqlite3" in p.name for p in planted)
    assert any(p.parent.name == "recovery" for p in planted) and any(p.parent.name == "logs" for p in planted)
    others = [p for p in files_of(data) if any(o in p.name or o in str(p.parent) for o in OTHERS)]
    assert len(others) >= 2
    before = hashes(others)
    capsys.readouterr()

    assert run("purge", TARGET, "--yes", "--data-dir", str(data)) == 0
    out = capsys.readouterr().out
    assert f"Dossier {TARGET} purgé" in out

    assert hits([data, cache]) == []
    assert hashes(others) == before
    assert not (data / "purges" / f"{TARGET}.json").exists()
    assert not (data / "locks" / f"{TARGET}.owner.json").exists()
    record = ReadOnlyStore(data).load(TARGET)
    assert record.purge is not None and len(record.seances) == 2
    # The index still answers for the others, and again for the purged file once refreshed.
    review = Review(data, cache)
    try:
        review.build_index()
        assert review.search(WORD) == []
        assert review.search("ordinaires")
    finally:
        review.close()
    assert hits([data, cache]) == []


def test_the_purge_deletes_the_search_index_it_cannot_clean_row_by_row(world):
    """Contentless FTS5 cannot delete a row without its old text: the index
    files of the data dir go (derived data), and the next search rebuilds."""
    data, cache = world
    plant_everywhere(data, cache)
    assert list(cache.glob("search-*.sqlite3"))
    assert run("purge", TARGET, "--yes", "--data-dir", str(data)) == 0
    assert [p.name for p in cache.iterdir() if p.name.startswith("search-")] == []


def test_dry_run_lists_what_goes_and_what_stays_and_changes_nothing(world, capsys):
    data, cache = world
    plant_everywhere(data, cache)
    every = [*files_of(data), *files_of(cache)]
    before = hashes(every)
    capsys.readouterr()
    assert run("purge", TARGET, "--dry-run", "--data-dir", str(data)) == 0
    out = capsys.readouterr().out
    # Only SQLite's shared-memory side file may appear: reading a WAL index makes one.
    after = [p for p in [*files_of(data), *files_of(cache)] if not p.name.endswith(("-shm", "-wal"))]
    assert hashes(every) == before and sorted(after) == sorted(every)
    assert f"Dossier {TARGET} (« Camille {WORD.capitalize()} »)" in out
    assert "Sera détruit :" in out and "Restera" in out
    assert "2 note(s) de séance" in out and "dont 1 partie(s) privée(s)" in out
    assert "1 outil(s) hors liste" in out and "2 texte(s) de la feuille de route" in out
    assert "1 version(s) du document de synthèse" in out
    for path in (p for p in every if p in set(hits([data, cache])) and p.name != f"{TARGET}.json"):
        assert str(path) in out, path


def test_confirmation_asks_for_the_id(world, capsys, monkeypatch):
    import io

    data, _ = world
    monkeypatch.setattr("sys.stdin", io.StringIO("oui\n"))
    assert run("purge", TARGET, "--data-dir", str(data)) == 1
    assert f"tapez l'identifiant du dossier ({TARGET})" in capsys.readouterr().out
    assert ReadOnlyStore(data).load(TARGET).purge is None
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{TARGET}\n"))
    assert run("purge", "camille", "--data-dir", str(data)) == 0  # found by a part of the name
    assert ReadOnlyStore(data).load(TARGET).purge is not None


def test_messages_unknown_open_locked_and_purged(world, capsys):
    data, _ = world
    d = ["--data-dir", str(data)]
    assert run("purge", "personne", "--yes", *d) == 2
    assert "aucun candidat ne correspond à « personne »" in capsys.readouterr().err
    store = WritableStore(data)
    store.create(planted_record("ouvert-000001", end=None))
    assert run("purge", "ouvert-000001", "--yes", *d) == 2
    assert "Le bilan n'est pas clos : un dossier en cours ne peut pas être purgé" in capsys.readouterr().err
    with store.open_for_writing(TARGET):
        assert run("purge", TARGET, "--yes", *d) == 2
        err = capsys.readouterr().err
        assert "dossier ouvert en écriture par" in err and "purge refusée" in err
    assert ReadOnlyStore(data).load(TARGET).purge is None
    assert run("purge", TARGET, "--yes", *d) == 0
    assert run("purge", TARGET, "--yes", *d) == 2
    assert "déjà été purgé le" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("keep", "adviser", "first_due"),
    [(False, False, "2027-06-30"), (True, False, "2028-06-30"), (False, True, "2028-06-30")],
)
def test_due_dry_run_lists_a_bilan_exactly_when_its_retention_ends(tmp_path, monkeypatch, capsys,
                                                                    keep, adviser, first_due):
    data = tmp_path / "donnees"
    monkeypatch.setenv("SEANCE_CACHE_DIR", str(tmp_path / "cache"))
    WritableStore(data).create(planted_record(keep_documents_consent=keep, synthesis_to_adviser=adviser))
    WritableStore(data).create(planted_record("ouvert-000001", end=None))
    day = datetime.fromisoformat(first_due).date()
    listed = {}
    for when in (day.fromordinal(day.toordinal() - 1), day, day.replace(year=day.year + 3)):
        monkeypatch.setenv("SEANCE_TODAY", when.isoformat())
        assert run("purge", "--due", "--dry-run", "--data-dir", str(data)) == 0
        listed[when] = capsys.readouterr().out
    eve, first, later = listed.values()
    assert TARGET not in eve and "Aucun bilan dont la conservation est échue" in eve
    assert f"Dossier {TARGET}" in first and f"conservation jusqu'au {day:%d/%m/%Y}" in first
    assert f"Dossier {TARGET}" in later
    assert "ouvert-000001" not in first + later
    assert ReadOnlyStore(data).load(TARGET).purge is None


def test_due_purges_every_due_bilan_and_only_those(tmp_path, monkeypatch, capsys):
    data = tmp_path / "donnees"
    monkeypatch.setenv("SEANCE_CACHE_DIR", str(tmp_path / "cache"))
    store = WritableStore(data)
    store.create(planted_record())
    store.create(planted_record("garde-000002", keep_documents_consent=True))
    monkeypatch.setenv("SEANCE_TODAY", "2027-07-01")
    assert run("purge", "--due", "--yes", "--data-dir", str(data)) == 0
    assert ReadOnlyStore(data).load(TARGET).purge.purged_at.date().isoformat() == "2027-07-01"
    assert ReadOnlyStore(data).load("garde-000002").purge is None


def test_list_and_check_show_a_purged_file_by_its_id(world, capsys, monkeypatch):
    data, _ = world
    monkeypatch.setenv("SEANCE_TODAY", "2027-07-01")
    assert run("purge", TARGET, "--yes", "--data-dir", str(data)) == 0
    capsys.readouterr()
    assert run("list", "--data-dir", str(data)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].split("\t")[1:4] == [f"{TARGET} · dossier purgé le 01/07/2027", "Phase d'investigation",
                                         "2 séance(s)"]
    assert not any(WORD in line.lower() for line in lines)
    assert run("check", "--data-dir", str(data)) == 0
    out = capsys.readouterr().out
    assert f"{TARGET}.json : dossier purgé le 01/07/2027 (R6313-7), lisible" in out
    assert "sont lisibles" in out


def test_due_goes_on_past_a_bilan_open_in_a_workspace(tmp_path, monkeypatch, capsys):
    data = tmp_path / "donnees"
    monkeypatch.setenv("SEANCE_CACHE_DIR", str(tmp_path / "cache"))
    store = WritableStore(data)
    store.create(planted_record("aaa-000001"))
    store.create(planted_record())
    monkeypatch.setenv("SEANCE_TODAY", "2027-07-01")
    with store.open_for_writing("aaa-000001"):
        assert run("purge", "--due", "--yes", "--data-dir", str(data)) == 2
    assert "aaa-000001 : dossier ouvert en écriture par" in capsys.readouterr().err
    assert ReadOnlyStore(data).load("aaa-000001").purge is None
    assert ReadOnlyStore(data).load(TARGET).purge is not None
