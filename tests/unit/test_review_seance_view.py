"""services.review.seance_view: review's séance view is the centre's summary
split in two, the facts for its header and the sections as its body."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from seance_tui.services.review import Review

NOW = datetime(2026, 11, 26, 10, 0)
DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


def make_review(tmp_path: Path) -> Review:
    shutil.copytree(DEMO, tmp_path / "data")
    return Review(tmp_path / "data", tmp_path / "cache", clock=lambda: NOW)


def test_the_view_is_the_centre_summary_without_its_title_and_facts_table(tmp_path):
    review = make_review(tmp_path)
    record, _ = review.load("zoe-lefevre")
    view = review.seance_view(record, 2)
    summary = review.seance_document(record, 2)
    # the body is the summary from its first section on, private part and last line included
    assert view.body.startswith("## Notes de séance")
    assert summary.endswith(view.body)
    assert "Rubrique" not in view.body and "Compte rendu" not in view.body
    assert "Beaucoup d'émotion" in view.body and view.has_private
    assert view.body.rstrip().endswith("contient des notes privées")
    # the facts the summary's table gives, one by one
    for value in (view.facts.day, view.facts.times, view.facts.duration, view.facts.phase, view.facts.hours):
        assert f"| {value} |" in summary
    assert (view.candidate, view.number) == ("Zoé Lefèvre", 2)
    assert view.searched_sections == ("Notes de séance", "Outils utilisés", "Prochaines étapes")
    assert not review.seance_view(record, 3).has_private
    review.close()
