"""One writer per candidate file: without a lock, two processes corrupted the
file in every trial.

The flock on ``<id>.lock`` is the truth: the OS drops it when its holder dies,
even by kill -9. The owner file beside it only words the message for the next
writer; it is read only when acquiring failed, so a stale one left by a
killed process is never mistaken for a held lock.
"""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


from .atomic import FILE_MODE, write_json_atomically
from .errors import FileContentError, StorageError
from .jsonfile import decode_json

# filelock's default (50 ms) makes two writers taking turns wait far longer than they write.
_POLL_SECONDS = 0.01


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: datetime

    @classmethod
    def of_this_process(cls) -> LockOwner:
        since = datetime.now().replace(microsecond=0)
        return cls(user=_user(), host=socket.gethostname(), pid=os.getpid(), since=since)

    @property
    def address(self) -> str:
        """``marie@poste-12``: who, as a reviewer's header or a lock message shows it."""
        return f"{self.user}@{self.host}"

    def describe(self, today: date | None = None) -> str:
        """``marie@poste-12 (pid 4242) depuis 09:14``; the date too when it is not today."""
        today = today or date.today()
        when = self.since.strftime("%H:%M")
        if self.since.date() != today:
            when = f"le {self.since:%d/%m/%Y} à {when}"
        return f"{self.address} (pid {self.pid}) depuis {when}"

    def to_doc(self) -> dict[str, object]:
        return {"user": self.user, "host": self.host, "pid": self.pid, "since": self.since.isoformat()}

    @classmethod
    def from_doc(cls, doc: dict[str, object]) -> LockOwner:
        return cls(
            user=str(doc["user"]),
            host=str(doc["host"]),
            pid=int(doc["pid"]),
            since=datetime.fromisoformat(str(doc["since"])),
        )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name nor passwd entry, as in some containers
        return str(os.getuid())


class CandidateLocked(StorageError):
    """Another process writes this candidate's file; open it read-only instead."""

    def __init__(self, candidate_id: str, owner: LockOwner | None) -> None:
        self.candidate_id = candidate_id
        self.owner = owner
        holder = owner.describe() if owner else "un autre programme"
        super().__init__(f"Dossier déjà ouvert en écriture par {holder} : ouverture en lecture seule.")


class CandidateLock:
    """A held write lock; ``release()`` (or the end of the process) gives it back."""

    def __init__(self, candidate_id: str, lock_file: Path, owner_file: Path, timeout: float) -> None:
        """Acquire within ``timeout`` seconds (0: one try) or raise CandidateLocked.

        The folder of both files must exist.
        """
        self.candidate_id = candidate_id
        self._owner_file = owner_file
        # Not thread-local: the UI may take the lock in one worker thread and give it back in another.
        # Imported here: no lock is needed before the first frame is shown.
        from filelock import FileLock, Timeout

        self._lock = FileLock(lock_file, mode=FILE_MODE, thread_local=False)
        try:
            self._lock.acquire(timeout=max(timeout, 0), poll_interval=_POLL_SECONDS)
        except Timeout:
            raise CandidateLocked(candidate_id, _read_owner(owner_file)) from None
        try:
            write_json_atomically(owner_file, LockOwner.of_this_process().to_doc())
        except BaseException:
            self._lock.release()
            raise

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        # Removed while still held, so it can never delete the next holder's file.
        try:
            self._owner_file.unlink()
        except FileNotFoundError:
            pass
        finally:
            self._lock.release()


def _read_owner(owner_file: Path) -> LockOwner | None:
    """None when the holder has not written it yet, or it cannot be read."""
    try:
        return LockOwner.from_doc(decode_json(owner_file, owner_file.read_bytes()))
    except (OSError, FileContentError, KeyError, TypeError, ValueError):
        return None


def held_by(lock_file: Path, owner_file: Path) -> str | None:
    """Who holds this lock now (``marie@poste-12 (pid …) depuis …``), or None,
    asked without taking it and without writing anything: a command that must
    refuse to touch an open file (``seance import``) says so before it writes."""
    import fcntl

    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except OSError:
        return None  # never taken, or not ours to read: nobody holds it through seance
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        owner = _read_owner(owner_file)
        return owner.describe() if owner else "un autre programme"
    finally:
        os.close(fd)  # closing gives back the shared lock, if it was taken
    return None
