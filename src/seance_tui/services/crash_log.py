"""The private log of an unexpected error: where ``ui/crash.py`` puts the
traceback that must never be printed on a reviewer's terminal."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..storage.atomic import make_private_dir
from ..storage.permissions import make_private


def write_log(error: BaseException, cache_dir: Path, now: datetime | None = None) -> Path:
    """The traceback (no local variables) in a new private file; returns its path."""
    now = now or datetime.now()
    folder = cache_dir / "logs"
    make_private_dir(folder)
    make_private(folder, [])  # an existing folder others could read is tightened
    path = folder / f"erreur-{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as log:
        os.fchmod(log.fileno(), 0o600)
        log.write(f"seance {__version__}, {now:%Y-%m-%d %H:%M:%S}, {' '.join(sys.argv[1:])}\n")
        log.write("".join(traceback.format_exception(error)))
    return path
