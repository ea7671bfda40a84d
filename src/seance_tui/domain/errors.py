"""The domain's one error: an action the bilan's rules forbid."""

from __future__ import annotations


class RuleError(ValueError):
    """An action the bilan's rules forbid; the message is French, for the user."""
