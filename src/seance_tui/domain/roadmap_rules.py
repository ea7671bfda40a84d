"""The feuille de route's rules: objectives, means, deadlines, statuses.

Mixed into ``CandidateRecord`` (``domain/record.py``), whose ``roadmap``,
``ensure_editable`` and ``log`` they use: every change is refused on a file
that may not change, and logged with what it was before and after (the
describer, ``changelog.py``, tells it in French).
"""

from __future__ import annotations

from datetime import date, datetime

from .dates import format_date
from .errors import RuleError
from .model import ChangeEvent, ChangeKind, RoadmapItem, RoadmapStatus, new_id

# F-key order of a roadmap item's status: each press moves to the next, round.
STATUS_CYCLE = (RoadmapStatus.TODO, RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED)


def next_status(status: RoadmapStatus) -> RoadmapStatus:
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


class _Unchanged:
    """Marks an argument left out, where ``None`` is a meaningful value (no deadline)."""


class RoadmapRules:
    roadmap: list[RoadmapItem]
    events: list[ChangeEvent]

    def roadmap_item(self, item_id: str) -> RoadmapItem:
        for item in self.roadmap:
            if item.id == item_id:
                return item
        raise RuleError("Objectif introuvable dans la feuille de route.")

    def add_roadmap_item(
        self,
        objective: str,
        now: datetime,
        seance: int | None,
        means: str = "",
        deadline: date | None = None,
        status: RoadmapStatus = RoadmapStatus.TODO,
    ) -> RoadmapItem:
        self.ensure_editable()
        if not objective.strip():
            raise RuleError("L'objectif ne peut pas être vide.")
        item = RoadmapItem(
            id=new_id(),
            objective=objective.strip(),
            means=means.strip(),
            deadline=deadline,
            status=status,
            created_in=seance,
        )
        self.roadmap.append(item)
        self.log(now, ChangeKind.ROADMAP_ADDED, seance, item.id, after=_item_fields(item))
        return item

    def edit_roadmap_item(
        self,
        item_id: str,
        now: datetime,
        seance: int | None,
        *,
        objective: str | None = None,
        means: str | None = None,
        deadline: date | None | type[_Unchanged] = _Unchanged,
    ) -> None:
        """Change objective, means or deadline (status has its own method: its change is the one audits read)."""
        self.ensure_editable()
        item = self.roadmap_item(item_id)
        before = _item_fields(item)
        if objective is not None:
            if not objective.strip():
                raise RuleError("L'objectif ne peut pas être vide.")
            item.objective = objective.strip()
        if means is not None:
            item.means = means.strip()
        if deadline is not _Unchanged:
            item.deadline = deadline
        self._log_diff(now, ChangeKind.ROADMAP_MODIFIED, seance, item, before)

    def set_roadmap_status(self, item_id: str, status: RoadmapStatus, now: datetime, seance: int | None) -> None:
        self.ensure_editable()
        item = self.roadmap_item(item_id)
        before = _item_fields(item)
        item.status = status
        self._log_diff(now, ChangeKind.ROADMAP_STATUS, seance, item, before)

    def cycle_roadmap_status(self, item_id: str, now: datetime, seance: int | None) -> RoadmapStatus:
        """The next status in STATUS_CYCLE, logged like any status change."""
        self.ensure_editable()
        status = next_status(self.roadmap_item(item_id).status)
        self.set_roadmap_status(item_id, status, now, seance)
        return status

    def delete_roadmap_item(self, item_id: str, now: datetime, seance: int | None) -> None:
        self.ensure_editable()
        item = self.roadmap_item(item_id)
        self.roadmap.remove(item)
        self.log(now, ChangeKind.ROADMAP_DELETED, seance, item.id, before=_item_fields(item))

    def move_roadmap_item(self, item_id: str, offset: int, now: datetime, seance: int | None) -> None:
        self.ensure_editable()
        item = self.roadmap_item(item_id)
        old = self.roadmap.index(item)
        new = max(0, min(len(self.roadmap) - 1, old + offset))
        if new == old:
            return
        self.roadmap.insert(new, self.roadmap.pop(old))
        self.log(
            now, ChangeKind.ROADMAP_MOVED, seance, item.id,
            before={"position": str(old + 1)}, after={"position": str(new + 1)},
        )

    def _log_diff(self, now, kind, seance, item, before) -> None:
        after = _item_fields(item)
        changed = [k for k in after if after[k] != before.get(k)]
        if changed:
            self.log(
                now, kind, seance, item.id,
                before={k: before[k] for k in changed}, after={k: after[k] for k in changed},
            )


def _item_fields(item: RoadmapItem) -> dict[str, str]:
    return {
        "objective": item.objective,
        "means": item.means,
        "deadline": format_date(item.deadline) if item.deadline else "",
        "status": item.status.value,
    }
