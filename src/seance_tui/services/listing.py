"""What the screens show of storage, named where the screens may import it.

The ui never imports storage (a contract in pyproject.toml); the types it
displays are storage's own, passed through here unchanged.
"""

from __future__ import annotations

from ..storage.index import CandidateSummary
from ..storage.permissions import PermissionReport

__all__ = ["CandidateSummary", "PermissionReport"]
