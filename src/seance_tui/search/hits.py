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
    # normalize() copies and checks every character (a third of the first
    # build's time): the common typographic ones are replaced by what NFKC
    # makes of them, and what is left is checked first, without a copy. Each
    # is replaced by its own compatibility decomposition, so the result is
    # exactly NFKC's.
    for char, plain in _TYPOGRAPHIC.items():
        if char in body:
            body = body.replace(char, plain)
    if unicodedata.is_normalized("NFKC", body):
        return body
    return unicodedata.normalize("NFKC", body)


# "…", no-break space, narrow no-break space (before « » ; : ! ? in French)
_TYPOGRAPHIC = {"\u2026": "...", "\u00a0": " ", "\u202f": " "}


def newest_first_key(day: date | None, candidate_id: str, number: int) -> int:
    """Date in the high bits: the index's rowid order and the scan's sort are date order."""
    ordinal = day.toordinal() if day else 0
    spread = zlib.crc32(candidate_id.encode()) & 0xFFFF
    return (ordinal << 24) | (spread << 8) | (number & 0xFF)
