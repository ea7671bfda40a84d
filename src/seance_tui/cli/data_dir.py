"""The data dir a command works on, and ``--demo``'s throwaway copies."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from .. import paths
from ..storage.permissions import make_data_dir_private

DEMO_PREFIX = "seance-demo-"
DEMO_LOCK = ".seance-demo.lock"


class data_dir:
    """The data dir the command works on; ``--demo`` gives a throwaway copy.

    The copy is removed at the end, on SIGHUP and SIGTERM too (they unwind
    to here, ui/signals.py), and, when a kill -9 left it, by the next
    ``--demo`` start. Each copy holds a lock (``flock``, which the kernel
    releases when its process dies, whatever killed it) for as long as its
    run lives: a copy whose lock nobody holds is a dead run's, and a live
    run's copy is never touched. The lock file appears already locked (made
    under another name, locked, then renamed), so a copy being set up is
    never mistaken for a dead one; a copy without it is left alone."""

    def __init__(self, args: argparse.Namespace):
        self._args = args
        self._temp: Path | None = None
        self._lock: int | None = None
        self._unwinding = None

    def __enter__(self) -> Path:
        if not getattr(self._args, "demo", False):
            return paths.resolve_data_dir(getattr(self._args, "data_dir", None))
        from ..ui import signals

        self._unwinding = signals.unwinding()
        self._unwinding.__enter__()
        try:
            _remove_dead_demo_copies()
            self._temp = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
            self._lock = _hold_demo_lock(self._temp)
            signals.add_last_resort(self._remove)
            copy = self._temp / "donnees"
            shutil.copytree(paths.demo_data_dir(), copy)
            make_data_dir_private(copy)  # installed 0644: private as seance's own data dirs
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return copy

    def __exit__(self, *exc_info) -> None:
        if self._unwinding is not None:
            from ..ui import signals

            signals.remove_last_resort(self._remove)
            self._unwinding.__exit__(None, None, None)
            self._unwinding = None
        self._remove()

    def _remove(self) -> None:
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _hold_demo_lock(folder: Path) -> int:
    import fcntl

    making = folder / f"{DEMO_LOCK}.{os.getpid()}"
    fd = os.open(making, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, f"{os.getpid()}\n".encode())  # for a human looking; the lock is what counts
    os.rename(making, folder / DEMO_LOCK)
    return fd


def _remove_dead_demo_copies() -> None:
    import fcntl

    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            if folder.is_symlink() or folder.stat().st_uid != os.getuid():
                continue
            fd = os.open(folder / DEMO_LOCK, os.O_RDWR | os.O_NOFOLLOW)
        except OSError:
            continue  # not a folder, not ours, or no lock file: nothing says its run is dead
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # its run is alive
        else:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            os.close(fd)


