"""The overview's facts cache (services/overview.py): a second overview reads
no unchanged file, a changed file is read again, the cache holds no day, a
file with a séance running is never kept, a broken cache is ignored."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from seance_tui import paths
from seance_tui.services import overview as service
from seance_tui.storage.store import ReadOnlyStore, WritableStore

NOW = datetime(2026, 11, 26, 10, 0)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.demo_data_dir(), target)
    return target


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The ids whose file the overview reads."""
    seen: list[str] = []
    real = ReadOnlyStore.load_stamped

    def load_stamped(self, candidate_id):
        seen.append(candidate_id)
        return real(self, candidate_id)

    monkeypatch.setattr(ReadOnlyStore, "load_stamped", load_stamped)
    return seen


def as_plain(view) -> dict:
    return {section.value: [(l.candidate_id, l.name, l.day, l.what, l.seance) for l in lines]
            for section, lines in view.sections.items()}


def test_a_second_overview_reads_no_unchanged_file(data, tmp_path, reads):
    cache = service.overview_cache_file(tmp_path / "cache", data)
    first, _ = service.read_overview(data, NOW, cache)
    assert len(reads) == 5 and cache.exists()
    assert cache.stat().st_mode & 0o777 == 0o600
    reads.clear()
    second, _ = service.read_overview(data, NOW, cache)
    assert reads == []
    assert as_plain(second) == as_plain(first) == as_plain(service.read_overview(data, NOW)[0])


def test_a_changed_file_is_read_again(data, tmp_path, reads):
    cache = service.overview_cache_file(tmp_path / "cache", data)
    service.read_overview(data, NOW, cache)
    store = WritableStore(data)
    writer = store.open_for_writing("zoe-lefevre")
    try:
        record = writer.record
        record.candidate = type(record.candidate)(**{**record.candidate.__dict__, "name": "Zoé Renommée"})
        writer.save(record)
    finally:
        writer.close()
    reads.clear()
    view, _ = service.read_overview(data, NOW, cache)
    assert reads == ["zoe-lefevre"]
    assert "Zoé Renommée" in {line.name for line in view.lines()}


def test_the_cache_holds_no_day(data, tmp_path):
    cache = service.overview_cache_file(tmp_path / "cache", data)
    service.read_overview(data, NOW, cache)
    later = datetime(2026, 12, 3, 9, 0)  # next week is this week now, and deadlines have passed
    cached, _ = service.read_overview(data, later, cache)
    assert as_plain(cached) == as_plain(service.read_overview(data, later)[0])


def test_a_file_with_a_seance_running_is_never_kept(data, tmp_path):
    store = WritableStore(data)
    writer = store.open_for_writing("amelie-duboeuf")
    try:
        record = writer.record
        record.start_seance("investigation", NOW)
        writer.save(record)
    finally:
        writer.close()
    cache = service.overview_cache_file(tmp_path / "cache", data)
    view, _ = service.read_overview(data, NOW, cache)
    assert "amelie-duboeuf" not in json.loads(cache.read_text())["candidates"]
    # Its hours grow with the clock: two hours on, read again, not taken from a cache.
    later, _ = service.read_overview(data, datetime(2026, 11, 26, 12, 0), cache)
    hours = [l.what for l in later.lines() if l.candidate_id == "amelie-duboeuf" and l.section.value == "hours"]
    assert hours and "23 h 15" in hours[0]


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"version": 999, "candidates": {}}',
                                     b'{"version": 1, "candidates": {"zoe-lefevre": {"stamp": 1, "facts": 2}}}'])
def test_a_broken_cache_is_ignored_and_rewritten(data, tmp_path, content):
    cache = service.overview_cache_file(tmp_path / "cache", data)
    cache.parent.mkdir()
    cache.write_bytes(content)
    view, _ = service.read_overview(data, NOW, cache)
    assert as_plain(view) == as_plain(service.read_overview(data, NOW)[0])
    assert json.loads(cache.read_text())["version"] == service.CACHE_VERSION
