"""What every command shares: its error, the data dir's phases and store, finding a candidate."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.phases import PhaseFileError, PhaseSet, load_phases
from ..domain.text import fold, one_line
from ..storage.errors import DataDirMissing
from ..storage.layout import Layout

if TYPE_CHECKING:  # loaded by read_only_store(): `seance --version` never needs TinyDB
    from ..storage.store import ReadOnlyStore

EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_USAGE = 0, 1, 2

# Today's date for the commands that depend on it (purge, agenda): the
# machine's, or this variable's (AAAA-MM-JJ) when set: the tests' fixed
# clock, and a way to see what a later day will list.
TODAY_ENV = "SEANCE_TODAY"


class CommandError(Exception):
    """A message for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def phases_of(data_dir: Path) -> PhaseSet:
    try:
        return load_phases(Layout(data_dir).phases_file())
    except PhaseFileError as exc:
        raise CommandError(str(exc)) from exc


def read_only_store(data_dir: Path) -> ReadOnlyStore:
    from ..storage.store import ReadOnlyStore

    try:
        return ReadOnlyStore(data_dir)
    except DataDirMissing as exc:
        raise CommandError(str(exc)) from exc


def print_problems(problems) -> None:
    for problem in problems:
        print(f"{problem.path} : {problem.message}", file=sys.stderr)


def find_candidate(store: ReadOnlyStore, query: str) -> str:
    """An id, or an unambiguous part of a name or of an id (accents and case
    ignored): a purged file has no name left, only its id."""
    ids = store.candidate_ids()
    if query in ids:
        return query
    records, _ = store.load_all()
    wanted = fold(query.strip())
    matches = [
        r.candidate for r in records
        if wanted and (wanted in fold(r.candidate.name) or wanted in fold(r.candidate.id))
    ]
    if not matches:
        raise CommandError(f"aucun candidat ne correspond à « {one_line(query)} ».")
    if len(matches) > 1:
        names = "\n".join(
            f"  {c.id}\t{one_line(c.name)}" for c in sorted(matches, key=lambda c: fold(c.name))
        )
        raise CommandError(f"« {one_line(query)} » désigne plusieurs candidats ; précisez :\n{names}")
    return matches[0].id




def today() -> date:
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise CommandError(f"{TODAY_ENV} : date invalide « {one_line(fixed)} » (attendu AAAA-MM-JJ).") from None


def now_clock() -> Callable[[], datetime]:
    """The machine's clock, or ``SEANCE_TODAY`` at the machine's time of day."""
    if os.environ.get(TODAY_ENV) is None:
        return datetime.now
    day = today()
    return lambda: datetime.combine(day, datetime.now().time().replace(microsecond=0))
