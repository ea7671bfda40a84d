"""The dossier as it stood at the end of a séance.

A séance's summary may be exported again weeks later; it must still say what
was true when the séance ended: the hours used up to then, the checklist
items ticked by then, and the feuille de route before any later change.

"Later" is read from the change log: a change logged in a later séance, or
one logged outside any séance after this séance ended. A correction made in
this séance (or an earlier one) after reopening it stays: it amends the record.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from ..domain.model import ChangeEvent, ChangeKind, RoadmapItem, RoadmapStatus, Seance
from ..domain.record import CandidateRecord

# The change log stores a deadline as it is displayed (domain.dates.format_date),
# and a checklist item as "checklist:<phase>:<item>" (CandidateRecord.set_checklist_item).
_LOGGED_DATE = "%d/%m/%Y"
_CHECKLIST_KINDS = (ChangeKind.CHECKLIST_TICKED, ChangeKind.CHECKLIST_UNTICKED)


def hours_through(record: CandidateRecord, number: int, now: datetime) -> timedelta:
    """Hours used by the séances up to and including séance ``number``."""
    return sum((s.duration(now) for s in record.seances if s.number <= number), timedelta(0))


def roadmap_after(record: CandidateRecord, seance: Seance, now: datetime) -> list[RoadmapItem]:
    """Today's feuille de route with every later change undone, newest first.

    A deleted item comes back at the end: the log does not keep its position.
    """
    items = [replace(item) for item in record.roadmap]
    for event in reversed(record.events):
        if _later(event, seance, now):
            _undo(items, event)
    return items


def checklist_after(record: CandidateRecord, seance: Seance, now: datetime) -> dict[str, dict[str, datetime]]:
    """Phase key → checklist item key → when it was ticked, as of the séance's end.

    Replays the log; an item ticked with no trace in the log (an imported
    dossier) counts from the time it carries.
    """
    logged = {e.target for e in record.events if e.kind in _CHECKLIST_KINDS}
    end = seance.end or now
    state = {
        f"checklist:{phase}:{item}": at
        for phase, items in record.checklist.items()
        for item, at in items.items()
        if f"checklist:{phase}:{item}" not in logged and at <= end
    }
    for event in record.events:
        if event.kind in _CHECKLIST_KINDS and not _later(event, seance, now):
            if event.kind is ChangeKind.CHECKLIST_TICKED:
                state[event.target] = event.at
            else:
                state.pop(event.target, None)
    ticked: dict[str, dict[str, datetime]] = {}
    for target, at in state.items():
        phase, item = checklist_target(target)
        ticked.setdefault(phase, {})[item] = at
    return ticked


def checklist_target(target: str) -> tuple[str, str]:
    """The phase key and item key of a checklist change's target."""
    _, _, rest = target.partition(":")
    phase, _, item = rest.partition(":")
    return phase, item


def _later(event: ChangeEvent, seance: Seance, now: datetime) -> bool:
    if event.seance is None:
        return event.at > (seance.end or now)
    return event.seance > seance.number


def _undo(items: list[RoadmapItem], event: ChangeEvent) -> None:
    found = next((i for i in items if i.id == event.target), None)
    if event.kind is ChangeKind.ROADMAP_ADDED and found is not None:
        items.remove(found)
    elif event.kind in (ChangeKind.ROADMAP_MODIFIED, ChangeKind.ROADMAP_STATUS) and found is not None:
        _restore(found, event.before)
    elif event.kind is ChangeKind.ROADMAP_DELETED and found is None:
        restored = RoadmapItem(id=event.target, objective="")
        _restore(restored, event.before)
        items.append(restored)
    elif event.kind is ChangeKind.ROADMAP_MOVED and found is not None:
        position = event.before.get("position", "")
        if position.isdigit():
            items.remove(found)
            items.insert(max(int(position) - 1, 0), found)


def _restore(item: RoadmapItem, fields: dict[str, str]) -> None:
    # A value the log cannot give back (a hand-edited file) leaves the field
    # as it is: an export must not fail on one odd line of the log.
    for key, value in fields.items():
        try:
            if key == "objective":
                item.objective = value
            elif key == "means":
                item.means = value
            elif key == "deadline":
                item.deadline = _logged_date(value)
            elif key == "status":
                item.status = RoadmapStatus(value)
        except ValueError:
            continue


def _logged_date(value: str) -> date | None:
    return datetime.strptime(value, _LOGGED_DATE).date() if value else None
