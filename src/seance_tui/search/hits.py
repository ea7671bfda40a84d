"""What a search answers with, whether the index or the scan found it."""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SearchHit:
    candidate_id: str
    candidate_name: str
    number: int
    day: date | None
    phase: str
    snippet: str  # the match between highlight.HIT_START and highlight.HIT_END


def indexed_text(seance) -> str:
    """The séance text a search looks in: its notes, next steps and tools."""
    body = "\n".join([seance.notes, seance.next_steps, " ; ".join(seance.tools)])
    # NFKC as well: fold() (hence the query and the plain scan) decomposes
    # "m²", "nº", "½" and the "ﬁ" ligature of text pasted from a PDF, which
    # unicode61 keeps whole; without it the index would miss what the scan finds.
    return unicodedata.normalize("NFKC", body)


def newest_first_key(day: date | None, candidate_id: str, number: int) -> int:
    """Date in the high bits: the index's rowid order and the scan's sort are date order."""
    ordinal = day.toordinal() if day else 0
    spread = zlib.crc32(candidate_id.encode()) & 0xFFFF
    return (ordinal << 24) | (spread << 8) | (number & 0xFF)
