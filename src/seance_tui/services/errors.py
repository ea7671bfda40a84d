"""What the services report to the ui: the ui shows ``str(error)`` (French,
naming the file) and never needs to know which layer below failed."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the errors a use case reports; ``str()`` is the message to show."""


class SaveFailed(ServiceError):
    """The data dir refused a write (full, read-only, removed, a broken file)."""


class RecoveryFailed(ServiceError):
    """Even the recovery copy could not be written anywhere."""


class ExportFailed(ServiceError):
    """A document could not be made or written (a PDF, a bad ``centre.json``)."""
