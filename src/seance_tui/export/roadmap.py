"""The feuille de route as a table, and what a séance changed in it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..domain.changelog import FIELD_LABELS
from ..domain.dates import format_date
from ..domain.model import ChangeEvent, ChangeKind, RoadmapItem, RoadmapStatus
from .markdown import table

HEADERS = ("Objectif", "Moyens", "Délai", "Statut")
CHANGE_HEADER = "Pendant la séance"
NO_DEADLINE = "non fixé"

_FINAL_STATUS_MARKERS = {RoadmapStatus.ACHIEVED: "atteint", RoadmapStatus.DROPPED: "abandonné"}


def roadmap_table(items: Iterable[RoadmapItem], changes: dict[str, str] | None = None) -> str:
    """Objectif | Moyens | Délai | Statut, plus a column of ``changes`` (by item id) if given."""
    headers: Sequence[str] = HEADERS if changes is None else (*HEADERS, CHANGE_HEADER)
    rows = []
    for item in items:
        deadline = format_date(item.deadline) if item.deadline else NO_DEADLINE
        row = [item.objective, item.means, deadline, item.status.label]
        if changes is not None:
            row.append(changes.get(item.id, ""))
        rows.append(row)
    return table(headers, rows)


def by_deadline(items: Iterable[RoadmapItem]) -> list[RoadmapItem]:
    """Soonest first, undated last; equal deadlines keep the roadmap's order."""
    return sorted(items, key=lambda i: (i.deadline is None, i.deadline or date.min))


def change_markers(events: Iterable[ChangeEvent]) -> dict[str, str]:
    """What a séance's events did to each item: ``ajouté``, ``modifié (délai)``,
    ``atteint``, ``abandonné``, ``statut : en cours``; by item id.

    An item added in the séance is not also called modified; of several
    status changes only the last counts; a move is not a change of content.
    """
    added: set[str] = set()
    modified: dict[str, set[str]] = {}
    status: dict[str, str] = {}
    for event in events:
        if event.kind is ChangeKind.ROADMAP_ADDED:
            added.add(event.target)
        elif event.kind is ChangeKind.ROADMAP_MODIFIED:
            modified.setdefault(event.target, set()).update(event.after)
        elif event.kind is ChangeKind.ROADMAP_STATUS and "status" in event.after:
            status[event.target] = _status_marker(event.after["status"])
    markers = {}
    for item_id in added | modified.keys() | status.keys():
        parts = []
        if item_id in added:
            parts.append("ajouté")
        elif item_id in modified:
            fields = [label for key, label in FIELD_LABELS.items() if key in modified[item_id]]
            parts.append(f"modifié ({', '.join(fields)})" if fields else "modifié")
        if item_id in status:
            parts.append(status[item_id])
        markers[item_id] = ", ".join(parts)
    return markers


def removed_objectives(events: Iterable[ChangeEvent]) -> list[str]:
    return [e.before.get("objective", "") for e in events if e.kind is ChangeKind.ROADMAP_DELETED]


def _status_marker(value: str) -> str:
    try:
        status = RoadmapStatus(value)
    except ValueError:
        return f"statut : {value}"
    return _FINAL_STATUS_MARKERS.get(status, f"statut : {status.label.lower()}")
