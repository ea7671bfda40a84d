"""A candidate whose feuille de route has long rows (issue 13 §3): a
200-character objective and means, an overdue deadline, markup and a control
character in the text; and reading one widget's part of the screen."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from seance_pilot import screen_text
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.storage.store import WritableStore

CANDIDATE_ID = "lucie-longues-lignes"
OBJECTIVE = (
    "Ouvrir un atelier de réparation de vélos cargo à Villeurbanne avant l'été, avec un local partagé, "
    "une clientèle de familles et de livreurs, un revenu suffisant [b]sans[/b] regret \x1b[2J ni dette ni découragement"
)
MEANS = (
    "Stage de deux semaines chez Cyclofficine, formation mécanique cycles au GRETA, prêt d'honneur "
    "Initiative Lyon, enquête auprès de trente familles du quartier et visite de quatre locaux commerciaux vacants"
)
# As the screen shows them: markup as typed, the escape character visible.
OBJECTIVE_SHOWN = OBJECTIVE.replace("\x1b", "␛")
SHORT = "Valider le budget"


def add_long_roadmap_candidate(data_dir: Path) -> str:
    assert len(OBJECTIVE) >= 200 and len(MEANS) >= 200
    record = CandidateRecord(Candidate(id=CANDIDATE_ID, name="Lucie Longues-Lignes", consultant="Moi",
                                       funding=FundingRoute.CPF))
    seance = record.start_seance("preliminaire", datetime(2026, 9, 1, 9), notes="Première rencontre.")
    record.add_roadmap_item(OBJECTIVE, datetime(2026, 9, 1, 9, 30), seance.number, means=MEANS,
                            deadline=date(2026, 10, 1))  # overdue on the tests' day, 26/11/2026
    record.add_roadmap_item(SHORT, datetime(2026, 9, 1, 9, 40), seance.number, deadline=date(2027, 1, 15))
    record.close_seance(seance.number, datetime(2026, 9, 1, 10))
    WritableStore(data_dir).create(record)
    return CANDIDATE_ID


def region_lines(app, widget) -> list[str]:
    """The screen's lines over ``widget``'s region, cut to its columns."""
    region = widget.region
    lines = screen_text(app).split("\n")
    return [line[region.x:region.right] for line in lines[region.y:region.bottom]]


def as_prose(lines: list[str]) -> str:
    """Lines read one after the other, borders and runs of spaces dropped: a
    text wrapped over several lines is found whole in it."""
    return " ".join(" ".join(line.strip("│ ").split()) for line in lines)
