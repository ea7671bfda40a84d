"""Where things are inside a data dir::

    <data-dir>/candidates/<id>.json     one TinyDB file per candidate
    <data-dir>/index.json               derived summaries for listing (rebuildable)
    <data-dir>/locks/<id>.lock          a writer's flock, left in place on release
    <data-dir>/locks/<id>.owner.json    who holds it, for the message of the next writer

Locks live apart so that ``candidates/`` holds candidate files only and a
reader never has to tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InvalidCandidateId

# Lower case only: ids stay distinct on case-insensitive filesystems, and no
# separator or leading dot can take a path out of its folder.
_CANDIDATE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

CANDIDATE_SUFFIX = ".json"


def is_valid_candidate_id(candidate_id: str) -> bool:
    return _CANDIDATE_ID.fullmatch(candidate_id) is not None


def check_candidate_id(candidate_id: str) -> str:
    if not isinstance(candidate_id, str) or not is_valid_candidate_id(candidate_id):
        raise InvalidCandidateId(str(candidate_id))
    return candidate_id


@dataclass(frozen=True)
class Layout:
    data_dir: Path

    @property
    def candidates_dir(self) -> Path:
        return self.data_dir / "candidates"

    @property
    def locks_dir(self) -> Path:
        return self.data_dir / "locks"

    @property
    def index_file(self) -> Path:
        return self.data_dir / "index.json"

    def candidate_file(self, candidate_id: str) -> Path:
        return self.candidates_dir / f"{check_candidate_id(candidate_id)}{CANDIDATE_SUFFIX}"

    def lock_file(self, candidate_id: str) -> Path:
        return self.locks_dir / f"{check_candidate_id(candidate_id)}.lock"

    def owner_file(self, candidate_id: str) -> Path:
        return self.locks_dir / f"{check_candidate_id(candidate_id)}.owner.json"
