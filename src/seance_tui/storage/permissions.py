"""Folders and files other accounts can read, found and made private.

seance creates everything 0600 in 0700 folders, but a data dir may come from
elsewhere (copied with ``cp -r`` under a 022 umask, restored from a backup,
made by hand) and hold personal notes readable by every account of the
machine. Opening it tightens what seance owns in it to 0700/0600 (group and
others lose every right; the owner's rights stay); what cannot be tightened
(another account's file, a read-only filesystem) is reported so the UI can
name it. Review never writes to a data dir: there, ``fix=False`` only reports.

Only seance's own entries are walked, never the whole folder: a data dir given
as ``--data-dir ~`` must not change the modes of everything in a home.
Symbolic links are never followed (a link to /etc must not be chmodded).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .layout import Layout

OTHERS = 0o077  # group and others: no right at all on personal notes

# What seance owns in a cache dir: search indexes (and SQLite's side files),
# recovery copies, error logs.
_CACHE_GLOBS = ("search-*.sqlite3*",)
_CACHE_ENTRIES = ("recovery", "logs")


@dataclass
class PermissionReport:
    tightened: list[Path] = field(default_factory=list)
    # Readable by others and left so: not ours, read-only filesystem, or fix=False.
    left_open: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.tightened or self.left_open)

    def extend(self, other: PermissionReport) -> None:
        self.tightened += other.tightened
        self.left_open += other.left_open


def data_dir_entries(data_dir: Path) -> list[Path]:
    return list(Layout(data_dir).own_entries)


def cache_dir_entries(cache_dir: Path) -> list[Path]:
    entries = [cache_dir / name for name in _CACHE_ENTRIES]
    for pattern in _CACHE_GLOBS:
        entries += sorted(cache_dir.glob(pattern))
    return entries


def make_data_dir_private(data_dir: Path, fix: bool = True) -> PermissionReport:
    return make_private(data_dir, data_dir_entries(data_dir), fix)


def make_cache_dir_private(cache_dir: Path, fix: bool = True) -> PermissionReport:
    try:
        if not cache_dir.is_dir():
            return PermissionReport()  # made 0700 when first needed
        entries = cache_dir_entries(cache_dir)
    except OSError:
        return PermissionReport()  # cannot be listed: nobody reads it through us either
    return make_private(cache_dir, entries, fix)


def make_workspace_private(data_dir: Path, cache_dir: Path) -> PermissionReport:
    """What a workspace does on opening: both its folders tightened."""
    report = make_data_dir_private(data_dir)
    report.extend(make_cache_dir_private(cache_dir))
    return report


def make_private(top: Path, entries: Iterable[Path], fix: bool = True) -> PermissionReport:
    """``top`` itself and everything under ``entries`` (missing ones skipped):
    each folder or regular file that group or others may use loses those rights."""
    report = PermissionReport()
    for path in _walk(top, entries):
        try:
            st = os.lstat(path)
        except OSError:
            continue  # gone meanwhile, or a folder we cannot enter: nothing to read there
        if not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)) or not st.st_mode & OTHERS:
            continue  # links, sockets, FIFOs; and what is already private
        if fix and _tighten(path, st):
            report.tightened.append(path)
        else:
            report.left_open.append(path)
    return report


def _walk(top: Path, entries: Iterable[Path]) -> Iterator[Path]:
    yield top
    for entry in entries:
        try:
            if entry.is_symlink() or not entry.exists():
                continue
            is_dir = entry.is_dir()
        except OSError:
            continue  # a folder we may not enter: what is under it is not listed
        yield entry
        if is_dir:
            for folder, dirs, files in os.walk(entry):  # followlinks=False: links are listed, not entered
                for name in dirs + files:
                    yield Path(folder) / name


def _tighten(path: Path, st: os.stat_result) -> bool:
    """Removes group and others' rights; False when the system refuses."""
    if st.st_uid != os.geteuid():
        return False  # not ours (root included: an administrator's choice stays theirs)
    if stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_ISVTX:
        return False  # a shared sticky folder such as /tmp given as a cache dir
    wanted = stat.S_IMODE(st.st_mode) & ~OTHERS
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | (os.O_DIRECTORY if stat.S_ISDIR(st.st_mode) else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno != errno.EACCES:
            return False  # replaced by a link since lstat, or gone
        try:  # a file its owner cannot read (0200): chmod by name, not followed since lstat said regular
            os.chmod(path, wanted)
        except OSError:
            return False
        return True
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            return False  # swapped since lstat
        os.fchmod(fd, wanted)
    except OSError:
        return False  # read-only filesystem, or a system that refuses
    finally:
        os.close(fd)
    return True
