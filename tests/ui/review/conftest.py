"""Fixtures for review mode's Pilot tests: each test gets its own copy of
data/demo (``data_dir``, from tests/ui/conftest.py, which also runs the
``async def`` tests), a cache dir beside it and a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from review_pilot import make_review_app
from seance_tui.services.review import Review


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_app(data_dir: Path, cache_dir: Path):
    """Builds a ReviewApp on the test's data dir (overrides the workspace's make_app)."""
    reviews: list[Review] = []

    def make():
        return make_review_app(data_dir, cache_dir, reviews)

    yield make
    for review in reviews:
        review.close()
