"""What the services report to the ui: the ui shows ``str(error)`` (French,
naming the file) and never needs to know which layer below failed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..storage.errors import StorageError


class ServiceError(Exception):
    """Base of the errors a use case reports; ``str()`` is the message to show."""


class SaveFailed(ServiceError):
    """The data dir refused a write (full, read-only, removed, a broken file)."""


class RecoveryFailed(ServiceError):
    """Even the recovery copy could not be written anywhere."""


class ExportFailed(ServiceError):
    """A document could not be made or written (a PDF, a bad ``centre.json``)."""


@contextmanager
def reported_as(error: type[ServiceError]) -> Iterator[None]:
    """The data dir's refusals (OSError, StorageError) become one service
    error, with the same French message."""
    try:
        yield
    except (OSError, StorageError) as exc:
        raise error(str(exc)) from exc
