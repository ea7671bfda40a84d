"""Each app loads its own stylesheet and the shared one, never the other app's:
a rule written for review cannot change the workspace (the snapshots show both
look as they did when each loaded every stylesheet)."""

from pathlib import Path

from seance_tui.ui.app import SeanceApp
from seance_tui.ui.reviewer.app import ReviewApp


def loaded(app_class) -> list[str]:
    return [Path(path).name for path in app_class.CSS_PATH]


def test_the_workspace_loads_its_stylesheet_and_the_shared_one():
    assert loaded(SeanceApp) == ["dialogs.tcss", "workspace.tcss"]


def test_review_loads_its_stylesheet_and_the_shared_one():
    assert loaded(ReviewApp) == ["dialogs.tcss", "review.tcss"]
