"""Helpers for the test_serve_* and test_attack_serve modules (no tests here):
a reviewers' book in a temporary config dir, and a server driven through
aiohttp's test client, in-process."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestClient, TestServer

from seance_tui import paths
from seance_tui.services.reviewers import ReviewerBook
from seance_tui.web.server import SeanceServer


@pytest.fixture
def book(tmp_path) -> ReviewerBook:
    return ReviewerBook(paths.reviewers_file(tmp_path / "config"))


def run(server: SeanceServer, scenario) -> None:
    """``await scenario(client)`` against ``server``'s aiohttp app, then closes it."""
    async def go():
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        try:
            await scenario(client)
        finally:
            await client.close()

    asyncio.run(go())
