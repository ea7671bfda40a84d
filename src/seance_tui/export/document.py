"""What every export shares: who it is for, how its blocks join, and how it ends.

Every document is made for one audience, and says so: it ends with the date
it was made and a confidentiality line that follows from its audience, so
that a printed or forwarded copy always carries them last.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum

from ..domain.dates import format_date_long


class Audience(Enum):
    """Who a document is for; it decides whether private notes may be in it.

    - ``CANDIDATE``: the beneficiary, who owns the results and may pass them
      on (L6313-4): séance summaries, the synthesis. Never a private line.
    - ``CENTRE``: the consultant, a supervisor, an auditor: the full history,
      review's séance view. Private notes kept, and the document says so.
    - ``AUDIT``: a Qualiopi auditor (the trace pack, export/qualiopi.py):
      dates, durations and facts only, no note content at all, and it says so.
    """

    CANDIDATE = "candidate"
    CENTRE = "centre"
    AUDIT = "audit"

    @property
    def keeps_private(self) -> bool:
        return self is Audience.CENTRE

    @property
    def notice(self) -> str:
        """The document's last line."""
        return NOTICES[self]


NOTICES = {
    Audience.CANDIDATE: "Confidentiel — document propriété du bénéficiaire",
    Audience.CENTRE: "Confidentiel — document interne — contient des notes privées",
    Audience.AUDIT: "Confidentiel — document d'audit Qualiopi — ne contient aucun contenu de notes",
}


def clock(moment: datetime) -> str:
    """``9 h 05``, ``14 h 30``: the way French documents write a time of day."""
    return f"{moment.hour} h {moment.minute:02d}"


def assemble(blocks: Iterable[str], now: datetime, audience: Audience) -> str:
    """Blocks separated by blank lines (so no block can run into the next), then the ending."""
    ending = ["---", f"Document établi le {format_date_long(now.date())}.", audience.notice]
    return "\n\n".join([*(b for b in blocks if b), *ending]) + "\n"
