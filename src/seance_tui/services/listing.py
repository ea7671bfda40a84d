"""The workspace's candidate list, in two steps: what the listing index says
(a first frame without reading a file), then the listing verified against
every file's stamp (a worker's job: at 5,000 candidates with no index yet,
reading every file takes seconds, told as it goes by ``progress``).

The ui never imports storage (a contract in pyproject.toml); the types it
displays are storage's own, passed through here unchanged.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..storage.index import CandidateSummary, Progress
from ..storage.permissions import PermissionReport

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["CandidateSummary", "PermissionReport", "Progress", "from_index", "file_count", "verified"]

# A folder changed while it was listed is listed again (what changed only: the
# index vouches for the rest), but not forever under a busy writer.
_MAX_PASSES = 3


def from_index(ws: Workspace) -> list[CandidateSummary] | None:
    """The listing as the index last left it, by name, without a stat or a read
    (the files may have changed since: ``verified`` says); None without an index."""
    return ws.store.cached_summaries(ws.phases)


def file_count(ws: Workspace) -> int | None:
    """How many files there are to list, cheaply: None when the folder cannot be read."""
    try:
        with os.scandir(ws.store.layout.candidates_dir) as entries:
            return sum(1 for _ in entries)
    except OSError:
        return None


def verified(ws: Workspace, progress: Progress | None = None) -> tuple[list[CandidateSummary], list]:
    """The listing, every file's stamp checked and the files the index cannot
    vouch for read; listed again while files came or went meanwhile."""
    for _ in range(_MAX_PASSES):
        before = _folder_stamp(ws)
        summaries, problems = ws.store.summaries(ws.phases, ws.clock(), progress=progress)
        if _folder_stamp(ws) == before:
            break
    return summaries, problems


def _folder_stamp(ws: Workspace) -> tuple[int, int] | None:
    try:
        stat = os.stat(ws.store.layout.candidates_dir)
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns
