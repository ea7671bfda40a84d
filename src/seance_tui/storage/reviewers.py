"""The reviewers' file of ``seance serve`` (``relecteurs.json`` in the config
dir, never in the data dir): names and token hashes, 0600 in a 0700 folder,
written whole and atomically under a lock so two ``--add-reviewer`` runs
cannot lose one another's line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from filelock import FileLock

from ..domain.reviewers import Reviewer
from .atomic import make_private_dir, write_json_atomically
from .errors import StorageError

FORMAT_VERSION = 1


def read_reviewers(path: Path) -> list[Reviewer]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StorageError(f"lecture impossible de {path} : {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw)
        return [Reviewer(str(r["name"]), str(r["token_hash"]), str(r["created"])) for r in data["reviewers"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise StorageError(f"{path} n'est pas un fichier de relecteurs lisible ({exc}).") from exc


def stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file (a cheap stat, made for every request)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


class ReviewersFile:
    """Read, change and write back the file, the whole time under its lock."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> tuple["ReviewersFile", list[Reviewer]]:
        try:  # a config dir that is a file, or not ours; another change holding the lock for 10 s
            make_private_dir(self.path.parent)
            self._lock = FileLock(str(self.path.with_name(f".{self.path.name}.lock")), mode=0o600)
            self._lock.acquire(timeout=10)
        except OSError as exc:  # filelock's Timeout is a TimeoutError, an OSError too
            raise StorageError(
                f"{self.path} : écriture impossible ({exc.strerror or 'fichier verrouillé par une autre commande'})"
            ) from exc
        try:
            return self, read_reviewers(self.path)
        except BaseException:
            self._lock.release()
            raise

    def write(self, reviewers: list[Reviewer]) -> None:
        write_json_atomically(
            self.path,
            {
                "version": FORMAT_VERSION,
                "reviewers": [{"name": r.name, "token_hash": r.token_hash, "created": r.created} for r in reviewers],
            },
        )
        os.chmod(self.path, 0o600)

    def __exit__(self, *exc_info) -> None:
        self._lock.release()
