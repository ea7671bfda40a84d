"""The listing index: one summary per candidate, so that ``seance list`` at
5,000 candidates does not parse 5,000 files.

It is derived data. Each entry carries the stamp (inode, mtime_ns, size) of
the file it was computed from, and is used only while the file still has that
stamp; every atomic write makes a new inode, so a changed file is always
noticed. A candidate with a séance still running has hours that grow with the clock:
its entry keeps the stamp only and the file is read every time. The index is
also tied to the timeline (the current phase of a candidate without séances
is the timeline's first phase), and ignored as a whole when that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.model import SeanceStatus
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord

# 2: the consultant's name, for ``seance list --consultant``.
INDEX_VERSION = 2

Stamp = tuple[int, int, int]


@dataclass(frozen=True)
class CandidateSummary:
    id: str
    name: str
    current_phase: str
    seance_count: int
    hours_used: timedelta
    hours_budget: float
    last_seance_date: date | None
    # A séance left open (by a quit or a crash) is offered back at start-up.
    # Cached entries never have one: a file with an open séance is always re-read.
    open_seance: int | None = None
    # The R6313-7 purge ran (its day): the name is gone, the list shows the id.
    purged_on: date | None = None
    consultant: str = ""


# Told of each file read while listing: (files read, files to read, the
# summaries known so far: a list the listing goes on appending to).
Progress = Callable[[int, int, list[CandidateSummary]], None]


def listing_cache_file(cache_dir: Path, data_dir: Path) -> Path:
    """Where the read-only commands keep this index: in the cache dir (readers
    never write the data dir), one file per data dir, named after its absolute path."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"listing-{digest}.json"


def summarize(record: CandidateRecord, phases: PhaseSet, now: datetime) -> CandidateSummary:
    last = record.last_seance
    return CandidateSummary(
        id=record.candidate.id,
        name=record.candidate.name,
        current_phase=record.current_phase(phases),
        seance_count=len(record.seances),
        hours_used=record.hours_used(now),
        hours_budget=record.candidate.hours_budget,
        last_seance_date=last.day if last else None,
        open_seance=record.open_seance.number if record.open_seance else None,
        purged_on=record.purge.purged_at.date() if record.purge else None,
        consultant=record.candidate.consultant,
    )


def stamp_of(stat: os.stat_result) -> Stamp:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def entry_for(record: CandidateRecord, summary: CandidateSummary, stamp: Stamp) -> dict[str, Any]:
    # Re-read at every listing: a séance started and not ended counts up to now,
    # and an open one (a correction included) must be offered back at start-up.
    if any((s.start is not None and s.end is None) or s.status is SeanceStatus.OPEN for s in record.seances):
        return {"stamp": list(stamp), "live": True}
    return {
        "stamp": list(stamp),
        "name": summary.name,
        "phase": summary.current_phase,
        "seances": summary.seance_count,
        "hours_used_us": summary.hours_used // timedelta(microseconds=1),
        "hours_budget": summary.hours_budget,
        "last_seance": summary.last_seance_date.isoformat() if summary.last_seance_date else None,
        "purged": summary.purged_on.isoformat() if summary.purged_on else None,
        "consultant": summary.consultant,
    }


def summary_from_entry(candidate_id: str, entry: Any, stamp: Stamp | None) -> CandidateSummary | None:
    """The cached summary, or None when the file must be read (changed, live, or a bad entry).
    ``stamp`` None: the entry is taken unchecked (a first frame, verified just after)."""
    if not isinstance(entry, dict) or entry.get("live") or (stamp is not None and entry.get("stamp") != list(stamp)):
        return None
    try:
        last, purged = entry["last_seance"], entry.get("purged")
        return CandidateSummary(
            id=candidate_id,
            name=str(entry["name"]),
            current_phase=str(entry["phase"]),
            seance_count=int(entry["seances"]),
            hours_used=timedelta(microseconds=int(entry["hours_used_us"])),
            hours_budget=float(entry["hours_budget"]),
            last_seance_date=date.fromisoformat(last) if last else None,
            purged_on=date.fromisoformat(purged) if purged else None,
            consultant=str(entry["consultant"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def summaries_from_index(entries: dict[str, Any]) -> list[CandidateSummary]:
    """Every summary the index holds, unchecked against the files; a live or
    bad entry is left out (its file must be read)."""
    summaries = []
    for candidate_id, entry in entries.items():
        summary = summary_from_entry(candidate_id, entry, None)
        if summary is not None:
            summaries.append(summary)
    return summaries


def index_document(entries: dict[str, dict[str, Any]], phases: PhaseSet) -> dict[str, Any]:
    return {"index_version": INDEX_VERSION, "phases": _phase_keys(phases), "candidates": entries}


def read_index(path: Path, phases: PhaseSet) -> dict[str, Any] | None:
    """The entries by candidate id; None when the index is missing, unreadable or for another timeline."""
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(doc, dict)
        or doc.get("index_version") != INDEX_VERSION
        or doc.get("phases") != _phase_keys(phases)
        or not isinstance(doc.get("candidates"), dict)
    ):
        return None
    return doc["candidates"]


def _phase_keys(phases: PhaseSet) -> list[str]:
    return [phase.key for phase in phases]
