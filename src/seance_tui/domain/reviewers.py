"""Reviewers of ``seance serve``: named tokens, of which only a hash is kept.

A token is 32 random bytes (``secrets.token_urlsafe``): guessing one is out of
reach, so a plain SHA-256 is enough to store it (a slow password hash is for
secrets a person chose). Checking compares against every stored hash with
``hmac.compare_digest``, so the time taken does not say how close a guess was.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

TOKEN_BYTES = 32
HASH_PREFIX = "sha256:"
NAME_MAX = 80


class ReviewerError(ValueError):
    """A reviewer change refused; ``str()`` is the French reason."""


@dataclass(frozen=True)
class Reviewer:
    name: str  # as typed: shown with its control characters made visible, never as markup
    token_hash: str  # "sha256:<hex>"
    created: str  # ISO date-time, UTC


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return HASH_PREFIX + hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def check_name(name: str) -> str:
    """The name as it will be stored: surrounding blanks dropped, nothing else."""
    name = name.strip()
    if not name:
        raise ReviewerError("le nom du relecteur est vide.")
    if len(name) > NAME_MAX:
        raise ReviewerError(f"le nom du relecteur dépasse {NAME_MAX} caractères.")
    return name


def find(reviewers: list[Reviewer], name: str) -> Reviewer | None:
    return next((r for r in reviewers if r.name == name.strip()), None)


def matching(reviewers: list[Reviewer], hashed: str) -> Reviewer | None:
    """The reviewer whose stored hash is ``hashed``; every hash compared, in constant time each."""
    found = None
    for reviewer in reviewers:
        if hmac.compare_digest(reviewer.token_hash.encode(), hashed.encode()):
            found = reviewer
    return found
