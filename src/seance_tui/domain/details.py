"""A séance's details: the tools used, the next steps and the next séance's date.

The consultant records them for the open séance (or one reopened for a
correction). The next date is also a plan: for the bilan's latest séance it
creates, or moves, the planned séance the timeline shows, which
``CandidateRecord.start_seance`` takes when the next séance starts. Every
change is logged (``ChangeKind.SEANCE_DETAILS``) with the fields it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .dates import format_date, format_date_long
from .model import ChangeKind, Seance, SeanceStatus
from .record import CandidateRecord, RuleError
from .text import fold

# The separators of the free-text tools field: a comma (outside parentheses,
# so "Questionnaire (RIASEC, Holland)" stays one tool), a semicolon, a line break.
_OPEN, _CLOSE = "([{", ")]}"


def split_tools(text: str) -> list[str]:
    """``"Photolangage, Questionnaire (RIASEC, Holland)\\nCarte mentale"`` → three tools."""
    tools, current, depth = [], [], 0
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        if (char in ",;\n" and depth == 0) or char == "\n":
            tools.append("".join(current))
            current, depth = [], 0
            continue
        current.append(char)
    tools.append("".join(current))
    return [" ".join(t.split()) for t in tools if t.strip()]


def clean_tools(tools: Iterable[str]) -> list[str]:
    """Each tool once (accents and case ignored), the first spelling kept, blanks dropped."""
    seen: dict[str, str] = {}
    for tool in tools:
        tool = " ".join(tool.split())
        if tool and fold(tool) not in seen:
            seen[fold(tool)] = tool
    return list(seen.values())


def plans_next(record: CandidateRecord, seance: Seance) -> bool:
    """Whether this séance's next date plans a séance: only the latest séance
    held does (a correction of an older one records the date as it was)."""
    later = [s for s in record.seances if s.number > seance.number and s.status is not SeanceStatus.PLANNED]
    return not later


def check_next_date(record: CandidateRecord, seance: Seance, next_date: date | None, today: date) -> None:
    """Raises RuleError (French, saying what was understood) for a next date that cannot be."""
    if next_date is None:
        return
    understood = format_date_long(next_date)
    if plans_next(record, seance) and next_date < today:
        raise RuleError(
            f"Compris : {understood}, une date passée. La prochaine séance se prévoit à partir "
            f"d'aujourd'hui ({format_date_long(today)})."
        )
    if seance.day is not None and next_date < seance.day:
        raise RuleError(
            f"Compris : {understood}, avant la séance n° {seance.number} elle-même "
            f"({format_date_long(seance.day)})."
        )


def set_seance_details(
    record: CandidateRecord,
    number: int,
    now: datetime,
    *,
    tools: Iterable[str],
    next_steps: str,
    next_date: date | None,
) -> bool:
    """Records séance ``number``'s details; True if anything changed.

    The séance must be open (running, or reopened for a correction). A next
    date in the past is refused; for the latest séance it creates or moves
    the planned séance, and clearing it removes the planned séance it had
    made if nothing was written in it yet.
    """
    record.ensure_editable(number)
    seance = record.seance(number)
    if seance.status is not SeanceStatus.OPEN:
        raise RuleError(f"La séance n° {number} n'est pas ouverte : rouvrez-la (F9) pour la corriger.")
    check_next_date(record, seance, next_date, now.date())
    new = {"tools": clean_tools(tools), "next_steps": next_steps.strip("\n").rstrip(), "next_date": next_date}
    before, after = _logged(seance), _logged_values(new)
    changed = [key for key in after if after[key] != before[key]]
    if not changed:
        return False
    old_date = seance.next_seance_date
    seance.tools, seance.next_steps, seance.next_seance_date = new["tools"], new["next_steps"], next_date
    if plans_next(record, seance) and old_date != next_date:
        _plan(record, seance, old_date, next_date)
    record.log(
        now, ChangeKind.SEANCE_DETAILS, number, f"seance:{number}",
        before={k: before[k] for k in changed}, after={k: after[k] for k in changed},
    )
    return True


def planned_seance(record: CandidateRecord) -> Seance | None:
    """The next séance planned (a follow-up interview is planned by its own rule)."""
    return next((s for s in record.seances if s.status is SeanceStatus.PLANNED and not s.follow_up), None)


def _plan(record: CandidateRecord, seance: Seance, old: date | None, new: date | None) -> None:
    planned = planned_seance(record)
    if new is not None:
        if planned is None:
            record.seances.append(
                Seance(number=record.next_number(), phase=seance.phase, planned_date=new)
            )
        else:
            planned.planned_date = new
    elif planned is not None and planned.planned_date == old and _empty(planned):
        record.seances.remove(planned)


def _empty(seance: Seance) -> bool:
    return not (seance.notes.strip() or seance.tools or seance.next_steps.strip() or seance.start)


def _logged(seance: Seance) -> dict[str, str]:
    return _logged_values(
        {"tools": seance.tools, "next_steps": seance.next_steps, "next_date": seance.next_seance_date}
    )


def _logged_values(values: dict) -> dict[str, str]:
    # As the log stores every value: text, a date as domain.dates.format_date shows it.
    return {
        "tools": ", ".join(values["tools"]),
        "next_steps": values["next_steps"],
        "next_date": format_date(values["next_date"]) if values["next_date"] else "",
    }
