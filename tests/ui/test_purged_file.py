"""A purged file (R6313-7) in the workspace: listed by its id as « dossier
purgé le … », opened read-only with a banner saying why, and any change
refused with the reason."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from seance_pilot import leave_overview, load, notifications, open_candidate, screen_text, wait_until
from seance_tui.services.purge import Purger
from seance_tui.storage.store import WritableStore

PURGED = "zoe-lefevre"
SHOWN = "zoe-lefevre · dossier purgé le 25/11/2026"


def purge_demo_candidate(data_dir: Path, cache_dir: Path, candidate_id: str = PURGED) -> None:
    """Close the bilan, then purge it, as `seance purge` does."""
    with WritableStore(data_dir).open_for_writing(candidate_id) as writer:
        record = writer.record
        record.candidate.end_date = date(2026, 11, 20)
        writer.save(record)
    Purger(data_dir, cache_dir, "marie@poste-12", clock=lambda: datetime(2026, 11, 25, 9, 0)).purge(candidate_id)


async def test_a_purged_file_is_listed_by_id_and_opens_read_only_saying_why(data_dir, tmp_path, make_app):
    purge_demo_candidate(data_dir, tmp_path / "cache")
    before = (data_dir / "candidates" / f"{PURGED}.json").read_bytes()
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await leave_overview(pilot)
        # The list is narrow: the id, and the day of the purge where the phase was.
        await wait_until(pilot, lambda: "│ zoe-lefevre " in screen_text(app), "the purged file listed by its id")
        assert "│   purgé le 25/11/2026 " in screen_text(app)
        assert "Zoé Lefèvre" not in screen_text(app)
        await open_candidate(pilot, "zoe-lef")
        await wait_until(pilot, lambda: "Dossier purgé le 25/11/2026 (R6313-7)" in screen_text(app), "banner")
        text = screen_text(app)
        assert "lecture seule" in text and SHOWN in text
        await pilot.press("f6")  # start a séance
        await wait_until(
            pilot, lambda: any("Dossier purgé (R6313-7)" in n for n in notifications(app)), "change refused"
        )
    assert (data_dir / "candidates" / f"{PURGED}.json").read_bytes() == before
    assert load(data_dir, PURGED).purge is not None
