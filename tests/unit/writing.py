"""The storage tests' ways of changing a candidate, all through the one write
path production uses (``CandidateWriter.save``, encoding then ``save_tables``)."""

from __future__ import annotations

from collections.abc import Callable


def update(writer, change: Callable[[object], object]):
    """Apply ``change`` to the record as last written (what the file holds: the
    writer holds the lock) and save the whole record."""
    record = writer.record
    change(record)
    writer.save(record)
    return record


def save_notes(writer, number: int, text: str) -> None:
    record = writer.record
    record.seance(number).notes = text
    writer.save(record)
