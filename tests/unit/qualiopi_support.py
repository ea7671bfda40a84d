"""Helpers for the Qualiopi pack's tests (no tests here): demo records, one
enriched with the end-of-bilan facts, and the content-free record of the
R6313-7 purge, made by hand to the purge's contract.

TODO at merge with the purge (issue 12, point 4): ``contract_purged`` is a
stand-in for ``domain.purge.purged(record, phases, now, by)``; the tests should
call that instead, so that they check the real purge against the pack.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime

from seance_tui.domain.model import ChangeKind, PurgeMark, Seance, SeanceStatus, SynthesisVersion
from seance_tui.domain.phases import PhaseSet
from seance_tui.domain.purge import audit_tool_name
from seance_tui.domain.record import CandidateRecord
from seance_tui.paths import demo_data_dir
from seance_tui.storage.codec import record_from_tables

# After the purge, when an audit reads the pack (one clock for the pack before
# and after the purge, so that the two differ only by the purge line).
PURGED_AT = datetime(2027, 11, 25, 9, 30)
NOW = datetime(2027, 12, 1, 10, 0)
PURGED_BY = "Mathieu Roussel"


def load_demo(stem: str) -> CandidateRecord:
    path = demo_data_dir() / "candidates" / f"{stem}.json"
    return record_from_tables(json.loads(path.read_text(encoding="utf-8")))


def closed_bilan() -> CandidateRecord:
    """Hélène (employer-funded) with the end of her bilan on file: the
    agreement sent late, consent to keep documents, two synthesis versions,
    a budget set below 24 h and gone past, a follow-up planned, the end date."""
    record = load_demo("helene-chaussee")
    candidate = record.candidate
    candidate.agreement_sent_date = date(2026, 9, 10)  # signed 25/09: 15 days
    candidate.keep_documents_consent = True
    candidate.hours_budget = 12.0
    candidate.end_date = date(2026, 11, 26)
    record.log(
        datetime(2026, 9, 25, 17, 0), ChangeKind.AGREEMENT_CHANGED, None, "agreement",
        before={"date": ""}, after={"date": "25/09/2026"},
    )
    record.log(
        datetime(2026, 11, 24, 14, 30), ChangeKind.BUDGET_EXCEEDED, 6, "budget",
        after={"used": "12 h", "budget": "12 h"},
    )
    record.synthesis = [
        SynthesisVersion(1, datetime(2026, 11, 24, 16, 10), {"circonstances": "Version remise."}, date(2026, 11, 25)),
        SynthesisVersion(2, datetime(2026, 11, 25, 18, 0), {"circonstances": "Correction demandée."}, None),
    ]
    record.log(
        datetime(2026, 11, 25, 17, 45), ChangeKind.SYNTHESIS_HANDED_OVER, None, "synthesis:1",
        after={"version": "1", "date": "25/11/2026"},
    )
    record.seances.append(
        Seance(number=7, phase="conclusion", status=SeanceStatus.PLANNED, planned_date=date(2027, 5, 24), follow_up=True)
    )
    record.log(
        datetime(2026, 11, 24, 16, 5), ChangeKind.FOLLOW_UP_PLANNED, 6, "seance:7", after={"date": "24/05/2027"}
    )
    record.log(datetime(2026, 11, 26, 9, 0), ChangeKind.BILAN_CLOSED, None, "bilan", after={"date": "26/11/2026"})
    record.events.sort(key=lambda e: e.at)  # the app appends as things happen
    return record


def contract_purged(record: CandidateRecord, phases: PhaseSet, now: datetime, by: str) -> CandidateRecord:
    """The content-free record the R6313-7 purge leaves, per its contract."""
    purged = copy.deepcopy(record)
    purged.candidate.name = ""
    purged.candidate.contact = None
    for seance in purged.seances:
        seance.notes_size = len(seance.notes)
        seance.notes = ""
        seance.next_steps = ""
        seance.tools = [audit_tool_name(tool, phases) for tool in seance.tools]
    for item in purged.roadmap:
        item.objective = ""
        item.means = ""
    for event in purged.events:
        for side in (event.before, event.after):
            for key in ("objective", "means"):
                if key in side:
                    side[key] = ""
    for version in purged.synthesis:
        version.sections = {}
    purged.purge = PurgeMark(purged_at=now, by=by)
    purged.log(now, ChangeKind.PURGED, None, "dossier", after={"by": by})
    return purged
