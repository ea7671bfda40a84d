"""Review shows a purged file (R6313-7) by its id, « dossier purgé le … »,
in the candidate list and in its history, whose notes say they were destroyed."""

from __future__ import annotations

from review_pilot import SIZE, open_from_candidates, screen_text, wait_until
from test_purged_file import PURGED, SHOWN, purge_demo_candidate


async def test_review_lists_and_opens_a_purged_file_by_its_id(data_dir, cache_dir, make_app):
    purge_demo_candidate(data_dir, cache_dir)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: SHOWN in screen_text(app), "listed as purged")
        assert "Zoé Lefèvre" not in screen_text(app)
        await open_from_candidates(pilot, PURGED)
        await wait_until(pilot, lambda: "notes détruites (" in screen_text(app), "history of a purged file")
        assert SHOWN in screen_text(app)
