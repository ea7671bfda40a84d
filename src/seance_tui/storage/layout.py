"""Where things are inside a data dir::

    <data-dir>/candidates/<id>.json     one TinyDB file per candidate
    <data-dir>/exports/<folder>/<file>  Markdown exports (names in export.naming)
    <data-dir>/phases.json              the centre's own timeline (else the bundled one)
    <data-dir>/templates/<phase>.md     the centre's own note templates (else the bundled ones)
    <data-dir>/keymap.json              the centre's own keys, {"binding id": "keys"} (optional)
    <data-dir>/centre.json              the centre's name on the PDF exports, {"name": "…"} (optional)
    <data-dir>/index.json               derived summaries for listing (rebuildable)
    <data-dir>/locks/<id>.lock          a writer's flock, left in place on release
    <data-dir>/locks/<id>.owner.json    who holds it, for the message of the next writer
    <data-dir>/purges/<id>.json         a purge under way (storage/purge_files.py), content-free

Locks live apart so that ``candidates/`` holds candidate files only and a
reader never has to tell them apart. This module is the only one that names
what is inside a data dir (``paths`` says where the data dir is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from .errors import InvalidCandidateId

# Lower case only: ids stay distinct on case-insensitive filesystems, and no
# separator or leading dot can take a path out of its folder.
_CANDIDATE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

CANDIDATE_SUFFIX = ".json"
PHASES_FILE = "phases.json"
TEMPLATES_DIR = "templates"
# The follow-up interview's own template (templates/suivi.md), whatever its phase.
FOLLOW_UP_TEMPLATE = "suivi"
KEYMAP_FILE = "keymap.json"
CENTRE_FILE = "centre.json"


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

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def purges_dir(self) -> Path:
        return self.data_dir / "purges"

    def purge_journal(self, candidate_id: str) -> Path:
        return self.purges_dir / f"{check_candidate_id(candidate_id)}.json"

    @property
    def keymap_file(self) -> Path:
        return self.data_dir / KEYMAP_FILE

    @property
    def centre_file(self) -> Path:
        return self.data_dir / CENTRE_FILE

    @property
    def own_entries(self) -> tuple[Path, ...]:
        """Everything seance may create or read at the top of a data dir."""
        return (
            self.candidates_dir, self.locks_dir, self.exports_dir, self.data_dir / TEMPLATES_DIR,
            self.index_file, self.data_dir / PHASES_FILE, self.purges_dir,
        )

    def phases_file(self) -> Path:
        """A centre may replace the timeline by putting its own phases.json in its data dir."""
        own = self.data_dir / PHASES_FILE
        return own if own.is_file() else paths.phases_file()

    def template_file(self, phase_key: str) -> Path:
        """A centre's own template, in its data dir, wins over the bundled one."""
        own = self.data_dir / TEMPLATES_DIR / f"{phase_key}.md"
        return own if own.is_file() else paths.template_file(phase_key)

    def candidate_file(self, candidate_id: str) -> Path:
        return self.candidates_dir / f"{check_candidate_id(candidate_id)}{CANDIDATE_SUFFIX}"

    def lock_file(self, candidate_id: str) -> Path:
        return self.locks_dir / f"{check_candidate_id(candidate_id)}.lock"

    def owner_file(self, candidate_id: str) -> Path:
        return self.locks_dir / f"{check_candidate_id(candidate_id)}.owner.json"
