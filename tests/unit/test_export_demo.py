"""Every demo séance, history and synthesis exports into the expected
structure; a few are also kept as golden files.

Golden files live in tests/unit/golden/. After a deliberate change of the
documents (or of the demo data), regenerate them and review the diff:

    SEANCE_UPDATE_GOLDEN=1 PYTHONPATH=src pytest tests/unit/test_export_demo.py
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from test_export_support import (
    CANDIDATE_LINE,
    CENTRE_LINE,
    PHASES,
    inline_text,
    list_items,
    outline,
    parse,
    section,
    table_with,
)

from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.privacy import is_private_title
from seance_tui.export.history import full_history
from seance_tui.export.snapshot import roadmap_after
from seance_tui.export.summary import seance_summary
from seance_tui.export.synthesis import SECTIONS, synthesis_document
from seance_tui.paths import demo_data_dir
from seance_tui.storage.codec import record_from_tables

GOLDEN_DIR = Path(__file__).with_name("golden")
UPDATE = os.environ.get("SEANCE_UPDATE_GOLDEN") == "1"
# Two days after the last demo séance: fixed, so that the documents' dates
# and an open séance's duration do not move.
NOW = datetime(2026, 11, 26, 10, 0)

DEMO_FILES = sorted((demo_data_dir() / "candidates").glob("*.json"))
pytestmark = pytest.mark.skipif(not DEMO_FILES, reason="no demo data")


def load(stem: str) -> CandidateRecord:
    path = demo_data_dir() / "candidates" / f"{stem}.json"
    return record_from_tables(json.loads(path.read_text(encoding="utf-8")))


DEMO_SEANCES = [(path.stem, s.number) for path in DEMO_FILES for s in load(path.stem).seances]


def private_paragraphs(notes: str) -> list[str]:
    """The paragraphs of the notes' private sections, found by parsing."""
    tokens = parse(notes)
    found, level = [], None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            this = int(token.tag[1])
            if level is not None and this <= level:
                level = None
            if is_private_title(inline_text(tokens[i + 1])):
                level = this
        elif token.type == "paragraph_open" and level is not None:
            found.append(tokens[i + 1].content)
    return found


@pytest.mark.parametrize(("stem", "number"), DEMO_SEANCES)
def test_every_demo_seance_summary_has_the_expected_structure(stem, number):
    record = load(stem)
    seance = record.seance(number)
    summary = seance_summary(record, number, PHASES, NOW)
    heads = outline(summary)
    assert heads[0] == (1, f"Compte rendu de séance n° {number} — {record.candidate.name}")
    # The details' sections (tools, next steps) only when the séance has them.
    assert [text for level, text in heads if level == 2] == [
        "Notes de séance",
        *(["Outils utilisés"] if seance.tools else []),
        f"Jalons de la phase : {PHASES.label(seance.phase)}",
        *(["Prochaines étapes"] if seance.next_steps or seance.next_seance_date else []),
        "Feuille de route",
    ]
    assert all(level >= 3 for level, _ in outline(section(summary, "Notes de séance")))
    assert len(table_with(summary, "Rubrique").rows) == 7
    items = roadmap_after(record, seance, NOW)
    if items:
        assert len(table_with(summary, "Objectif").rows) == len(items)
    for paragraph in private_paragraphs(seance.notes):
        assert paragraph not in summary
    assert not [text for _, text in heads if is_private_title(text)]
    checklist = list_items(section(summary, f"Jalons de la phase : {PHASES.label(seance.phase)}"))
    assert len(checklist) == len(PHASES.get(seance.phase).checklist)
    assert summary.endswith(f"\n{CANDIDATE_LINE}\n")


@pytest.mark.parametrize("stem", [path.stem for path in DEMO_FILES])
def test_every_demo_history_has_every_seance_and_the_private_parts(stem):
    record = load(stem)
    history = full_history(record, PHASES, NOW)
    titles = [text for level, text in outline(history) if level == 2]
    numbers = [f"Séance n° {s.number}" for s in record.seances]
    assert [t.split(" — ")[0] for t in titles[: len(record.seances)]] == numbers
    assert titles[len(record.seances) :] == ["Feuille de route actuelle", "Jalons des phases"]
    for seance in record.seances:
        for paragraph in private_paragraphs(seance.notes):
            assert paragraph in history
    assert len(table_with(section(history, "Feuille de route actuelle"), "Objectif").rows) == len(record.roadmap)
    assert history.endswith(f"\n{CENTRE_LINE}\n")


@pytest.mark.parametrize("stem", [path.stem for path in DEMO_FILES])
def test_every_demo_synthesis_has_the_six_sections(stem):
    record = load(stem)
    document = synthesis_document(record, PHASES, NOW)
    title = (1, f"Document de synthèse — {record.candidate.name}")
    assert outline(document) == [title, *((2, s) for s in SECTIONS)]
    for seance in record.seances:
        for paragraph in private_paragraphs(seance.notes):
            assert paragraph not in document
    assert document.endswith(f"\n{CANDIDATE_LINE}\n")


GOLDEN = [
    ("amelie-duboeuf-seance-06.md", lambda: seance_summary(load("amelie-duboeuf"), 6, PHASES, NOW)),
    ("amelie-duboeuf-seance-08.md", lambda: seance_summary(load("amelie-duboeuf"), 8, PHASES, NOW)),
    ("francois-nguyen-seance-06.md", lambda: seance_summary(load("francois-nguyen"), 6, PHASES, NOW)),
    ("zoe-lefevre-seance-05.md", lambda: seance_summary(load("zoe-lefevre"), 5, PHASES, NOW)),
    ("zoe-lefevre-historique.md", lambda: full_history(load("zoe-lefevre"), PHASES, NOW)),
    ("francois-nguyen-synthese.md", lambda: synthesis_document(load("francois-nguyen"), PHASES, NOW)),
]


@pytest.mark.parametrize(("name", "render"), GOLDEN, ids=[name for name, _ in GOLDEN])
def test_golden(name, render):
    path = GOLDEN_DIR / name
    text = render()
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs: see the module docstring to regenerate"
