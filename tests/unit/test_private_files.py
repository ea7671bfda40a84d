"""Nothing seance writes is readable by another account, at any instant, and
what it finds readable is made private (issue 9, section 2):

- the search index (and SQLite's -wal/-shm/-journal) is private from its
  first byte, even under a 022 umask;
- a data dir or cache dir readable by others is tightened when a workspace
  opens it; review only reports on the data dir, and tightens its cache dir;
- indexes of data dirs that no longer exist (deleted --demo copies) are
  pruned when review or search starts.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from seance_tui import cli, paths
from seance_tui.services.review import Review
from seance_tui.services.workspace import Workspace
from seance_tui.search import index as search_index
from seance_tui.search import writing as search_writing
from seance_tui.storage.permissions import make_data_dir_private
from seance_tui.search.index import SearchIndex, default_index_path
from seance_tui.storage.store import ReadOnlyStore


def loose_copy(target: Path) -> Path:
    """The demo data dir as ``cp -r`` under a 022 umask leaves it: 0755 / 0644."""
    shutil.copytree(paths.demo_data_dir(), target)
    for path in [target, *target.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (target / "exports" / "zoe").mkdir(parents=True)
    (target / "exports" / "zoe" / "compte-rendu.md").write_text("notes")
    os.chmod(target / "exports" / "zoe" / "compte-rendu.md", 0o644)
    return target


def open_to_others(root: Path) -> list[str]:
    """Every folder or file under root (root included) that group or others may use."""
    found = []
    for path in [root, *root.rglob("*")]:
        st = os.lstat(path)
        if not stat.S_ISLNK(st.st_mode) and st.st_mode & 0o077:
            found.append(f"{path} {stat.filemode(st.st_mode)}")
    return found


@pytest.fixture
def umask_022():
    saved = os.umask(0o022)
    yield
    os.umask(saved)


# --- the search index ------------------------------------------------------------


def test_the_search_index_is_private_from_its_first_byte(tmp_path, monkeypatch, umask_022):
    data_dir = tmp_path / "donnees"
    shutil.copytree(paths.demo_data_dir(), data_dir)
    cache_dir = tmp_path / "cache"
    seen: list[str] = []

    # Right after SQLite opens (creates) the file, and at every séance written:
    # the instants the old code left the index 0644 between connect and chmod.
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        db = real_connect(*args, **kwargs)
        seen.extend(open_to_others(cache_dir))
        return db

    real_put = search_writing.Writer.put

    def put(self, record, stamp):
        real_put(self, record, stamp)
        seen.extend(open_to_others(cache_dir))

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(search_writing.Writer, "put", put)

    # And a watcher listing the folder all along, for any instant in between.
    done = threading.Event()

    def watch():
        while not done.is_set():
            if cache_dir.exists():
                try:
                    seen.extend(open_to_others(cache_dir))
                except FileNotFoundError:
                    pass  # a side file removed while listed

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(3):  # a first build, then re-openings
            review = Review(data_dir, cache_dir)
            review.build_index()
            (data_dir / "candidates" / "zoe-lefevre.json").touch()
            review.build_index()
            review.close()
    finally:
        done.set()
        watcher.join()

    names = {p.name for p in cache_dir.iterdir()}
    assert any(name.endswith(".sqlite3") for name in names), names
    assert seen == []
    assert open_to_others(cache_dir) == []


def test_an_index_left_readable_by_an_older_version_is_tightened(tmp_path, umask_022):
    data_dir = tmp_path / "donnees"
    shutil.copytree(paths.demo_data_dir(), data_dir)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o700)
    path = default_index_path(cache_dir, data_dir)
    sqlite3.connect(path).close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").touch()
        os.chmod(f"{path}{suffix}", 0o644)

    index = SearchIndex(path, ReadOnlyStore(data_dir))
    index.refresh()
    index.close()

    assert open_to_others(cache_dir) == []


# --- data dir and cache dir tightened ---------------------------------------------


def test_a_workspace_tightens_what_others_can_read(tmp_path, monkeypatch):
    data_dir = loose_copy(tmp_path / "donnees")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "recovery").mkdir()
    (cache_dir / "recovery" / "zoe.md").write_text("notes")
    for path in (cache_dir, cache_dir / "recovery", cache_dir / "recovery" / "zoe.md"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(cache_dir))
    # Not seance's: a file beside the data dir's own entries, and one a link points to.
    (data_dir / "photo-de-vacances.jpg").write_text("x")
    os.chmod(data_dir / "photo-de-vacances.jpg", 0o644)
    outside = tmp_path / "ailleurs.txt"
    outside.write_text("x")
    os.chmod(outside, 0o644)
    (data_dir / "exports" / "lien").symlink_to(outside)

    workspace = Workspace(data_dir)

    assert open_to_others(data_dir) == [f"{data_dir / 'photo-de-vacances.jpg'} -rw-r--r--"]
    assert open_to_others(cache_dir) == []
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # a link is never followed
    tightened = set(workspace.permissions.tightened)
    assert {data_dir, data_dir / "candidates", data_dir / "candidates" / "zoe-lefevre.json",
            data_dir / "exports" / "zoe" / "compte-rendu.md", cache_dir / "recovery" / "zoe.md"} <= tightened
    assert stat.S_IMODE((data_dir / "candidates").stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "candidates" / "zoe-lefevre.json").stat().st_mode) == 0o600
    assert workspace.permissions.left_open == []

    # Said once: the next opening finds nothing to tighten.
    assert not Workspace(data_dir).permissions


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_what_cannot_be_tightened_is_named(tmp_path):
    data_dir = loose_copy(tmp_path / "donnees")
    foreign = data_dir / "candidates" / "zoe-lefevre.json"
    os.chown(foreign, 54321, 54321)

    report = make_data_dir_private(data_dir)

    assert report.left_open == [foreign]
    assert stat.S_IMODE(foreign.stat().st_mode) == 0o644


def test_review_only_reports_on_the_data_dir_and_tightens_its_cache(tmp_path):
    data_dir = loose_copy(tmp_path / "donnees")
    before = open_to_others(data_dir)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o755)
    os.chmod(cache_dir, 0o755)

    review = Review(data_dir, cache_dir)
    review.close()

    assert open_to_others(data_dir) == before  # review writes nothing there, modes included
    assert data_dir / "candidates" / "zoe-lefevre.json" in review.permissions.left_open
    assert review.permissions.tightened == [cache_dir]
    assert open_to_others(cache_dir) == []


# --- orphan indexes pruned --------------------------------------------------------


def test_indexes_of_deleted_demo_copies_are_pruned(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cache_dir = tmp_path / "cache"
    for _ in range(3):  # each --demo run works on a new copy, deleted at exit
        # A relative --cache-dir, as typed (a file URI needs an absolute path).
        assert cli.main(["search", "--demo", "--cache-dir", "cache", "entretien"]) == 0
    capsys.readouterr()

    indexes = sorted(cache_dir.glob("search-*.sqlite3*"))
    assert len([p for p in indexes if p.name.endswith(".sqlite3")]) == 1, indexes


def test_only_indexes_of_missing_data_dirs_are_pruned(tmp_path):
    cache_dir = tmp_path / "cache"
    kept_dir, gone_dir = tmp_path / "gardee", tmp_path / "supprimee"
    for data_dir in (kept_dir, gone_dir):
        shutil.copytree(paths.demo_data_dir(), data_dir)
        review = Review(data_dir, cache_dir)
        review.build_index()
        review.close()
    kept, gone = default_index_path(cache_dir, kept_dir), default_index_path(cache_dir, gone_dir)
    Path(f"{gone}-wal").touch()
    shutil.rmtree(gone_dir)
    # An index of an older version (it names no data dir), and files that are
    # no index of ours (being created, foreign): only the first goes.
    legacy = cache_dir / "search-0123456789abcdef.sqlite3"
    db = sqlite3.connect(legacy)
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('version', '3');")
    db.close()
    empty = cache_dir / "search-fedcba9876543210.sqlite3"
    empty.touch()
    garbage = cache_dir / "search-00000000000000ff.sqlite3"
    garbage.write_bytes(b"not a database" * 100)

    review = Review(kept_dir, cache_dir)
    review.build_index()
    review.close()

    assert kept.exists() and empty.exists() and garbage.exists()
    assert not gone.exists() and not Path(f"{gone}-wal").exists()
    assert not legacy.exists()
