"""The hours budget: L6313-4 caps a bilan at 24 hours, warned before it is passed."""

from __future__ import annotations

import enum
from datetime import timedelta

LEGAL_BUDGET_HOURS = 24.0
# 20 h of 24 h: the point from which the consultant is warned, scaled for other budgets.
WARNING_RATIO = 20 / 24


class BudgetLevel(enum.Enum):
    OK = "ok"
    WARNING = "warning"
    OVER = "over"


def budget(hours: float) -> timedelta:
    return timedelta(hours=hours)


def warning_threshold(budget_hours: float) -> timedelta:
    return timedelta(hours=budget_hours * WARNING_RATIO)


def budget_level(used: timedelta, budget_hours: float) -> BudgetLevel:
    if used >= budget(budget_hours):
        return BudgetLevel.OVER
    if used >= warning_threshold(budget_hours):
        return BudgetLevel.WARNING
    return BudgetLevel.OK


def levels_crossed(before: timedelta, after: timedelta, budget_hours: float) -> list[BudgetLevel]:
    """The thresholds passed going from ``before`` to ``after`` (in order)."""
    crossed = []
    for level, mark in (
        (BudgetLevel.WARNING, warning_threshold(budget_hours)),
        (BudgetLevel.OVER, budget(budget_hours)),
    ):
        if before < mark <= after:
            crossed.append(level)
    return crossed


def format_hours(span: timedelta) -> str:
    """``12 h 30``, ``24 h``, ``0 h 05``: the way a French consultant writes a duration."""
    minutes = int(span.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours} h {rest:02d}" if rest else f"{sign}{hours} h"


def format_budget(hours: float) -> str:
    return format_hours(budget(hours))
