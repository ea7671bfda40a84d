"""Candidates for the overview's tests and snapshots: homonyms, hostile
names, a week of planned séances around the tests' day (Thursday 26/11/2026)."""

from __future__ import annotations

from datetime import date, datetime

from seance_tui.domain.model import Candidate, FundingRoute, Seance
from seance_tui.domain.record import CandidateRecord
from seance_tui.storage.store import WritableStore

# Two candidates with the same name: lines open by id.
HOMONYM = "Camille Martin"
HOMONYM_FIRST = "camille-martin-aaaa"  # planned Friday 27/11
HOMONYM_SECOND = "camille-martin-bbbb"  # planned Saturday 28/11
MARKUP_NAME = "[bold]Zoé[/]"
MARKUP_ID = "zoe-markup"
CONTROL_NAME = "Bel\x07 \x1b[31mRouge"
CONTROL_SHOWN = "Bel␇ ␛[31mRouge"
CONTROL_ID = "bel-rouge"


def planned(candidate_id: str, name: str, *days: date) -> CandidateRecord:
    record = CandidateRecord(Candidate(id=candidate_id, name=name, consultant="Moi", funding=FundingRoute.CPF))
    record.start_seance("preliminaire", datetime(2026, 11, 2, 9), notes="Premier échange, projet de reconversion.")
    record.close_seance(1, datetime(2026, 11, 2, 10))
    for day in days:
        record.seances.append(Seance(number=record.next_number(), phase="investigation", planned_date=day))
    return record


def add_week(data_dir) -> None:
    store = WritableStore(data_dir)
    store.create(planned(HOMONYM_FIRST, HOMONYM, date(2026, 11, 27)))
    store.create(planned(HOMONYM_SECOND, HOMONYM, date(2026, 11, 28)))
    store.create(planned(MARKUP_ID, MARKUP_NAME, date(2026, 11, 30)))
    store.create(planned(CONTROL_ID, CONTROL_NAME, date(2026, 11, 26)))


def empty_data_dir(data_dir) -> None:
    """No candidate at all: the overview has nothing to say."""
    for path in (data_dir / "candidates").glob("*.json"):
        path.unlink()
    (data_dir / "index.json").unlink(missing_ok=True)
