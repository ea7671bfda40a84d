"""What every export shares: how its blocks join, and how it ends.

Every document ends with the same two lines, the date it was made and the
confidentiality notice (L6313-4: results belong to the beneficiary), so that
a printed or forwarded copy always carries them last.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..domain.dates import format_date_long

CONFIDENTIAL = "Confidentiel — document propriété du bénéficiaire"


def clock(moment: datetime) -> str:
    """``9 h 05``, ``14 h 30``: the way French documents write a time of day."""
    return f"{moment.hour} h {moment.minute:02d}"


def assemble(blocks: Iterable[str], now: datetime) -> str:
    """Blocks separated by blank lines (so no block can run into the next), then the ending."""
    ending = ["---", f"Document établi le {format_date_long(now.date())}.", CONFIDENTIAL]
    return "\n\n".join([*(b for b in blocks if b), *ending]) + "\n"
