"""The overview across every candidate as a use case: every file read
through the ``ReadOnlyStore`` (nothing locked, nothing written), the rules
in ``domain/overview.py``. ``seance agenda`` prints it; the workspace's
overview screen (``ui/screens/overview.py``) shows it.

At 5,000 candidates reading every file is seconds, so, as for the listing
(``storage/index.py``), each file's overview ``Facts`` are kept in the cache
dir under the file's stamp (inode, mtime_ns, size, the listing's
``stamp_of``): a file whose stamp is unchanged is not read again. The facts
hold no day (``domain.overview.lines_of`` places them on any day), so the
cache stays right when the date changes. A file with a séance running
(``Facts.live``) is read every time, as the listing does. The cache is
derived data, in its own file beside the listing's (same naming, one file
per data dir): lost, broken or of another version, it is rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.overview import Facts, Overview, OverviewLine, Section, facts_of, overview_of
from ..storage.atomic import make_private_dir, write_json_atomically
from ..storage.errors import CandidateFileError, CandidateNotFound, Problem
from ..storage.index import listing_cache_file
from ..storage.store import ReadOnlyStore

__all__ = ["Overview", "OverviewLine", "Section", "overview_cache_file", "read_overview"]

# Bump when Facts or their meaning change: an old cache is then ignored whole.
CACHE_VERSION = 2  # 2: a deadline keeps its roadmap item's id

Progress = Callable[[int, int], None]


def overview_cache_file(cache_dir: Path, data_dir: Path) -> Path:
    """Beside the listing's cache, named the same way (``overview-<digest>.json``)."""
    listing = listing_cache_file(cache_dir, data_dir)
    return listing.with_name(listing.name.replace("listing-", "overview-", 1))


def read_overview(
    data_dir: Path, now: datetime, cache_file: Path | None = None, progress: Progress | None = None,
) -> tuple[Overview, list]:
    """The overview as of ``now``, and the files that do not read (each a
    storage ``Problem``: they stop nothing; a file name that is no id is
    ``seance check``'s to name). With ``cache_file`` only the files changed
    since the last overview are read. ``progress(done, total)`` is called as
    files are looked at (from the caller's thread). Raises DataDirMissing."""
    store = ReadOnlyStore(data_dir)
    stamps, _ = store.stamps()  # a name that is no id is check's to name, not ours
    cached = _read_cache(cache_file) if cache_file is not None else {}
    entries: dict[str, Any] = {}
    problems: list[Problem] = []
    every = _each_facts(store, sorted(stamps), stamps, cached, entries, problems, now, progress)
    result = overview_of(every, now)
    if cache_file is not None and entries != cached:
        _write_cache(cache_file, entries)
    return result, sorted(problems, key=lambda p: str(p.path))


def _each_facts(store, ids, stamps, cached, entries, problems, now, progress) -> Iterator[Facts]:
    """One file at a time (5,000 records held at once are a gigabyte)."""
    total = len(ids)
    for done, candidate_id in enumerate(ids, 1):
        if progress is not None and (done == 1 or done % 50 == 0 or done == total):
            progress(done, total)
        entry = cached.get(candidate_id)
        if entry is not None and entry.get("stamp") == list(stamps[candidate_id]):
            facts = _facts_from(entry)
            if facts is not _BAD:
                entries[candidate_id] = entry
                if facts is not None:
                    yield facts
                continue
        try:
            record, stamp = store.load_stamped(candidate_id)
        except CandidateNotFound:
            continue  # removed since the folder was listed
        except CandidateFileError as exc:
            problems.append(Problem.from_error(exc))
            continue
        facts = facts_of(record, now)
        if facts is None or not facts.live:
            entries[candidate_id] = {"stamp": list(stamp), "facts": _facts_to(facts)}
        if facts is not None:
            yield facts


# --- the cache file: plain JSON, dates as ISO strings -----------------------------

_BAD = object()  # an entry that does not read: the file is read again


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(doc, dict) or doc.get("version") != CACHE_VERSION or not isinstance(doc.get("candidates"), dict):
        return {}
    return {key: entry for key, entry in doc["candidates"].items() if isinstance(entry, dict)}


def _write_cache(path: Path, entries: dict[str, Any]) -> None:
    # Two overviews at once: the last whole file wins; a lost entry is read next time.
    try:
        make_private_dir(path.parent)
        write_json_atomically(path, {"version": CACHE_VERSION, "candidates": entries})
    except OSError:
        pass  # a cache: the overview is right without it


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _facts_to(f: Facts | None) -> dict[str, Any] | None:
    if f is None:
        return None  # purged: nothing to show, and nothing to read again while unchanged
    return {
        "id": f.candidate_id,
        "name": f.name,
        "planned": [[n, d.isoformat(), follow] for n, d, follow in f.planned],
        "hours_us": None if f.hours_used is None else f.hours_used // timedelta(microseconds=1),
        "budget": f.hours_budget,
        "last_day": _iso(f.last_day),
        "deadlines": [[d.isoformat(), objective, item] for d, objective, item in f.deadlines],
        "unfilled": [[n, d.isoformat(), empty] for n, d, empty in f.unfilled],
        "ready": f.ready_to_close,
        "ready_on": _iso(f.ready_to_close_on),
        "retention_end": _iso(f.retention_end),
    }


def _facts_from(entry: dict[str, Any]):
    """The facts kept, None for a purged file, or _BAD when the entry does not read."""
    raw = entry.get("facts", _BAD)
    if raw is None:
        return None
    try:
        hours = raw["hours_us"]
        return Facts(
            candidate_id=str(raw["id"]),
            name=str(raw["name"]),
            live=False,
            planned=tuple((int(n), date.fromisoformat(d), bool(follow)) for n, d, follow in raw["planned"]),
            hours_used=None if hours is None else timedelta(microseconds=int(hours)),
            hours_budget=float(raw["budget"]),
            last_day=_day(raw["last_day"]),
            deadlines=tuple((date.fromisoformat(d), str(objective), str(item)) for d, objective, item in raw["deadlines"]),
            unfilled=tuple((int(n), date.fromisoformat(d), bool(empty)) for n, d, empty in raw["unfilled"]),
            ready_to_close=bool(raw["ready"]),
            ready_to_close_on=_day(raw["ready_on"]),
            retention_end=_day(raw["retention_end"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return _BAD
