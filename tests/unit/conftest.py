from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

import seance_tui
from seance_tui.domain.model import Candidate, FundingRoute, RoadmapStatus
from seance_tui.domain.phases import PhaseSet, load_phases
from seance_tui.domain.record import CandidateRecord
from seance_tui.paths import phases_file

STORAGE_CHILD = Path(__file__).with_name("storage_child.py")


@pytest.fixture(scope="session")
def phases() -> PhaseSet:
    return load_phases(phases_file())


def rich_record(candidate_id: str = "c-helene", name: str = "Hélène Dupré-Lefèvre") -> CandidateRecord:
    """A dossier with something in every part: closed and open séances, pauses,
    a roadmap changed over time, its log, and ticked checklist items."""
    record = CandidateRecord(
        Candidate(
            id=candidate_id,
            name=name,
            consultant="Zoé Ménard",
            funding=FundingRoute.PLAN_DEVELOPPEMENT,
            consent_date=date(2027, 3, 1),
            agreement_date=date(2027, 2, 20),
            start_date=date(2027, 3, 1),
            contact="helene@exemple.fr",
            hours_budget=20.0,
        )
    )
    first = record.start_seance(
        "preliminaire", datetime(2027, 3, 1, 9, 0), notes="Attentes : évoluer vers la qualité.\n"
    )
    record.pause_seance(first.number, datetime(2027, 3, 1, 10, 0))
    record.resume_seance(first.number, datetime(2027, 3, 1, 10, 15))
    record.set_checklist_item("preliminaire", "contrat_signe", True, datetime(2027, 3, 1, 11, 0), first.number)
    record.close_seance(first.number, datetime(2027, 3, 1, 11, 30))
    first.tools = ["questionnaire d'intérêts", "jeu de rôle"]
    first.next_steps = "Préparer le récit de carrière."
    first.next_seance_date = date(2027, 3, 8)

    second = record.start_seance(
        "investigation", datetime(2027, 3, 8, 14, 0), notes="Tests passés — « ça m'a plu » 🙂"
    )
    item = record.add_roadmap_item(
        "Obtenir la certification qualité", datetime(2027, 3, 8, 15, 0), second.number,
        means="Formation CPF", deadline=date(2027, 9, 30),
    )
    record.edit_roadmap_item(item.id, datetime(2027, 3, 8, 15, 5), second.number, means="Formation CPF, 70 h")
    record.set_roadmap_status(item.id, RoadmapStatus.IN_PROGRESS, datetime(2027, 3, 8, 15, 6), second.number)
    record.add_roadmap_item("Rencontrer trois responsables qualité", datetime(2027, 3, 8, 15, 10), second.number)
    record.pause_seance(second.number, datetime(2027, 3, 8, 15, 30))
    return record


@pytest.fixture
def make_record():
    return rich_record


def _child_env() -> dict[str, str]:
    # The children import the very package these tests import, checkout or installed.
    package_root = str(Path(seance_tui.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


@pytest.fixture
def child():
    """Starts storage_child.py with the given arguments; any child still running at the end is killed."""
    started: list[subprocess.Popen[str]] = []

    def start(*args: str | os.PathLike[str], stdin: int | None = subprocess.DEVNULL) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, str(STORAGE_CHILD), *map(str, args)],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_child_env(),
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
