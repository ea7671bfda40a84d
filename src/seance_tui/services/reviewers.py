"""``seance serve``'s reviewers as use cases: add one (its token returned
once, its hash stored), remove, list, and who a token or a stored hash is."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..domain import reviewers as rules
from ..domain.reviewers import Reviewer, ReviewerError
from ..domain.text import one_line
from ..storage.reviewers import ReviewersFile, read_reviewers, stamp

__all__ = ["Reviewer", "ReviewerError", "ReviewerBook"]


class ReviewerBook:
    """The reviewers' file of one config dir.

    The server asks it on every request; it re-reads the file only when its
    stamp changed, so a reviewer removed by another ``seance serve
    --remove-reviewer`` is refused from the next request on.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._cached: list[Reviewer] = []

    def reviewers(self) -> list[Reviewer]:
        current = stamp(self.path)
        if current is None:
            self._stamp, self._cached = None, []
        elif current != self._stamp:
            self._cached = read_reviewers(self.path)
            self._stamp = current
        return list(self._cached)

    def add(self, name: str, now: datetime | None = None) -> str:
        """The new reviewer's token: shown once, never stored."""
        name = rules.check_name(name)
        token = rules.new_token()
        created = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
        with ReviewersFile(self.path) as (file, current):
            if rules.find(current, name) is not None:
                raise ReviewerError(
                    f"« {one_line(name)} » a déjà un jeton ; --remove-reviewer d'abord pour en donner un autre."
                )
            file.write([*current, Reviewer(name, rules.token_hash(token), created)])
        return token

    def remove(self, name: str) -> Reviewer:
        with ReviewersFile(self.path) as (file, current):
            gone = rules.find(current, name)
            if gone is None:
                raise ReviewerError(f"aucun relecteur ne s'appelle « {one_line(name.strip())} ».")
            file.write([r for r in current if r is not gone])
        return gone

    def by_token(self, token: str) -> Reviewer | None:
        if not token:
            return None
        return rules.matching(self.reviewers(), rules.token_hash(token))

    def by_hash(self, hashed: str) -> Reviewer | None:
        """Still there? (a browser session keeps the hash its token had)"""
        return rules.matching(self.reviewers(), hashed)
