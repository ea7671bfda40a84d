"""The files of a purge (R6313-7), on disk: its journal, and where a
candidate's content lives outside its own file.

The journal (``<data-dir>/purges/<id>.json``) is written before the purged
file replaces the old one and removed after the last deletion; it holds the
candidate id, when the purge started and the names of the crash logs to
delete, nothing of the candidate's text (services/purge.py has the protocol).

Everything else is found from the candidate id alone, so that a purge
interrupted after its commit point can be finished without the name, which
is gone by then: the export folders (``<slug of a name>-<id>``, the name
being any the candidate ever had), the recovery copies (``<id>-<time>.md``),
the listing cache's entry.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.slug import candidate_slug
from .atomic import make_private_dir, write_json_atomically
from .errors import FileContentError
from .jsonfile import decode_json
from .layout import Layout, is_valid_candidate_id


@dataclass(frozen=True)
class PurgeJournal:
    candidate_id: str
    started: datetime
    logs: tuple[str, ...] = ()  # file names in <cache>/logs


def write_journal(layout: Layout, journal: PurgeJournal) -> Path:
    make_private_dir(layout.purges_dir)
    path = layout.purge_journal(journal.candidate_id)
    write_json_atomically(
        path,
        {"candidate": journal.candidate_id, "started": journal.started.isoformat(), "logs": list(journal.logs)},
    )
    return path


def read_journals(layout: Layout) -> list[PurgeJournal | str]:
    """Every purge under way or interrupted; a journal that does not read is
    given as its candidate id alone (str), still to be settled."""
    try:
        names = sorted(os.listdir(layout.purges_dir))
    except (FileNotFoundError, NotADirectoryError):
        return []
    journals: list[PurgeJournal | str] = []
    for name in names:
        if not name.endswith(".json") or not is_valid_candidate_id(name[:-5]):
            continue  # a temporary file of a journal being written
        candidate_id = name[:-5]
        path = layout.purges_dir / name
        try:
            doc = decode_json(path, path.read_bytes())
            logs = tuple(str(n) for n in doc.get("logs", []) if _plain_name(str(n)))
            journals.append(PurgeJournal(candidate_id, datetime.fromisoformat(doc["started"]), logs))
        except FileNotFoundError:
            continue
        except (OSError, FileContentError, KeyError, TypeError, ValueError, AttributeError):
            journals.append(candidate_id)
    return journals


def remove_journal(layout: Layout, candidate_id: str) -> None:
    remove_file(layout.purge_journal(candidate_id))


def _plain_name(name: str) -> bool:
    return name not in ("", ".", "..") and "/" not in name and "\\" not in name and "\0" not in name


# Export folders shared by every candidate (export/naming.py): never one
# candidate's, whatever its id. The Qualiopi packs there hold no content.
SHARED_EXPORT_FOLDERS = frozenset({"audit-qualiopi"})


def export_folders(layout: Layout, candidate_id: str, other_ids: list[str]) -> list[Path]:
    """The candidate's export folders, under any name it ever had.

    A folder is ``<slug of the name>-<slug of the id>`` (or the id's slug
    alone): it is this candidate's when it ends with this id's slug and not
    with the longer id of another candidate that ends the same way.
    """
    own = candidate_slug(candidate_id)
    longer = [s for s in (candidate_slug(i) for i in other_ids) if len(s) > len(own) and s.endswith(own)]
    try:
        entries = list(os.scandir(layout.exports_dir))
    except (FileNotFoundError, NotADirectoryError):
        return []
    folders = []
    for entry in entries:
        name = entry.name
        if name in SHARED_EXPORT_FOLDERS:
            continue
        if not (name == own or name.endswith(f"-{own}")):
            continue
        if any(name == s or name.endswith(f"-{s}") for s in longer):
            continue
        if entry.is_dir(follow_symlinks=False):
            folders.append(Path(entry.path))
    return sorted(folders)


def files_under(folder: Path) -> list[Path]:
    return sorted(Path(root) / name for root, _, names in os.walk(folder) for name in names)


def recovery_copies(candidate_id: str, folders: list[Path]) -> list[Path]:
    """``<id>-YYYYmmdd-HHMMSS.md`` in the recovery folders (storage/recovery.py)."""
    pattern = re.compile(rf"^{re.escape(candidate_id)}-\d{{8}}-\d{{6}}\.md$")
    found = []
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found += [folder / n for n in names if pattern.match(n)]
    return sorted(found)


def candidate_temp_files(layout: Layout, candidate_id: str) -> list[Path]:
    """Temporary files of writes of this candidate's file (storage/atomic.py's
    names): a write killed half-way leaves one, with the old text in it."""
    prefix = f".{candidate_id}.json."
    try:
        names = os.listdir(layout.candidates_dir)
    except OSError:
        return []
    return sorted(layout.candidates_dir / n for n in names if n.startswith(prefix) and n.endswith(".tmp"))


def remove_file(path: Path) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True


def remove_tree(path: Path) -> None:
    if path.is_symlink():
        os.unlink(path)  # a link planted there: its target is not ours
        return
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        pass  # removed by a purge that was killed half-way: this run finishes it


def drop_index_entry(layout: Layout, candidate_id: str, path: Path | None = None) -> bool:
    """``index.json`` (or the read-only commands' copy in the cache dir, ``path``)
    rewritten without this candidate's entry (it holds the name); the next
    listing computes it again from the purged file."""
    path = path if path is not None else layout.index_file
    try:
        doc = decode_json(path, path.read_bytes())
    except FileNotFoundError:
        return False
    except (OSError, FileContentError):
        remove_file(path)  # a cache that does not read: rebuilt at the next listing
        return True
    entries = doc.get("candidates") if isinstance(doc, dict) else None
    if not isinstance(entries, dict):
        remove_file(path)
        return True
    if candidate_id not in entries:
        return False
    del entries[candidate_id]
    write_json_atomically(path, doc)
    return True
