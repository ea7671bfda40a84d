"""The change log has one describer (domain/changelog.py): the full history
export and review's roadmap screen word every event alike, and name an
objective as it read when the change was made."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_support import PHASES, demo_like_record, list_items

from seance_tui.domain.changelog import describe_changes
from seance_tui.domain.model import ChangeEvent, ChangeKind, RoadmapStatus
from seance_tui.domain.record import CandidateRecord
from seance_tui.export.history import full_history
from seance_tui.paths import demo_data_dir
from seance_tui.services.review import roadmap_changes
from seance_tui.storage.codec import record_from_tables

NOW = datetime(2026, 11, 26, 10, 0)
# A history bullet: "20/10/2026 à 15 h 40 — <the describer's sentence>"
_HISTORY_LINE = re.compile(r"^(\d\d/\d\d/\d{4} à \d{1,2} h \d\d) — (.*)$", re.S)


def history_changes(record: CandidateRecord) -> list[str]:
    """The change sentences of the full history, as its reader sees them, in order."""
    found = []
    for item in list_items(full_history(record, PHASES, NOW)):
        match = _HISTORY_LINE.match(item)
        if match:
            found.append(" ".join(match.group(2).split()))  # a bullet reads its line breaks as spaces
    return found


def review_changes(record: CandidateRecord) -> list[str]:
    # As a Markdown bullet shows it: line breaks read as spaces.
    return [" ".join(change.text.split()) for change in roadmap_changes(record, PHASES)]


def amelie() -> CandidateRecord:
    path = demo_data_dir() / "candidates" / "amelie-duboeuf.json"
    return record_from_tables(json.loads(path.read_text(encoding="utf-8")))


def test_the_20_10_addition_is_named_as_it_read_on_20_10_in_both_outputs():
    record = amelie()
    added = "Objectif ajouté : « Obtenir le CAP fleuriste » (moyens : « Formation pour adultes au CFA"
    later_title = "Obtenir le CAP fleuriste (candidate libre, session de juin 2027)"
    (in_review,) = [c.text for c in roadmap_changes(record, PHASES) if c.at == datetime(2026, 10, 20, 15, 40)]
    assert in_review.startswith(added)
    assert later_title not in in_review
    history = list_items(full_history(record, PHASES, NOW))
    in_history = [line for line in history if line.startswith("20/10/2026 à 15 h 40")]
    assert in_history == [f"20/10/2026 à 15 h 40 — {in_review}"]
    # and the 05/11 change says what it became
    (renamed,) = [c.text for c in roadmap_changes(record, PHASES) if c.at == datetime(2026, 11, 5, 14, 40)]
    assert renamed.startswith("Objectif modifié : « Obtenir le CAP fleuriste » — objectif :")
    assert f"→ « {later_title} »" in renamed


def test_review_lists_the_roadmap_and_budget_events_worded_as_the_history():
    for stem in ("amelie-duboeuf", "zoe-lefevre", "francois-nguyen"):
        path = demo_data_dir() / "candidates" / f"{stem}.json"
        record = record_from_tables(json.loads(path.read_text(encoding="utf-8")))
        shown = {ChangeKind.BUDGET_EXCEEDED} | {k for k in ChangeKind if k.value.startswith("roadmap_")}
        history = [t for t, e in zip(history_changes(record), record.events) if e.kind in shown]
        assert review_changes(record) == history, stem


def test_every_kind_of_event_has_a_sentence():
    record = demo_like_record()
    past = {"used": "24 h", "budget": "24 h"}
    record.events.append(ChangeEvent(NOW, ChangeKind.BUDGET_EXCEEDED, 2, "budget", after=past))
    record.events.append(ChangeEvent(NOW, ChangeKind.SEANCE_REOPENED, 1, "seance:1"))
    record.move_roadmap_item(record.roadmap[-1].id, -1, NOW, 2)
    record.set_checklist_item("preliminaire", "presentation", False, NOW, 2)
    bilan_kinds = [k for k in ChangeKind if not k.value.startswith(("roadmap_", "checklist_"))]
    for kind in bilan_kinds:
        if kind not in {e.kind for e in record.events}:
            record.events.append(ChangeEvent(NOW, kind, None, "dossier", after={"date": "01/12/2026"}))
    kinds = {change.event.kind for change in describe_changes(record.events, record.roadmap, PHASES)}
    assert kinds == set(ChangeKind)
    texts = [c.text for c in describe_changes(record.events, record.roadmap, PHASES)]
    assert "Séance rouverte pour correction" in texts
    assert "Dépassement du budget d'heures confirmé (24 h utilisées sur 24 h)" in texts
    assert any(t.startswith("Jalon coché : «") for t in texts)
    assert "Bilan clos (date : 01/12/2026)" in texts
    # none of them falls through to the checklist's sentence
    checklist = sum(e.kind.value.startswith("checklist_") for e in record.events)
    assert sum(t.startswith("Jalon") for t in texts) == checklist


def test_a_log_older_than_its_item_names_it_by_the_wording_it_had_then():
    """No 'added' event (a file older than the log): the next rename says what it was called."""
    record = demo_like_record()
    item = record.add_roadmap_item("Premier titre", NOW, 2)
    del record.events[-1]
    record.set_roadmap_status(item.id, RoadmapStatus.IN_PROGRESS, NOW, 2)
    record.edit_roadmap_item(item.id, NOW, 2, objective="Second titre")
    record.delete_roadmap_item(item.id, NOW, 2)
    texts = [c.text for c in describe_changes(record.events, record.roadmap, PHASES)][-3:]
    assert texts[0].startswith("Statut de « Premier titre »")
    assert texts[1].startswith("Objectif modifié : « Premier titre »")
    assert texts[2] == "Objectif retiré : « Second titre »"


WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(str.strip).filter(bool)
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "rename", "means", "status", "move", "delete", "tick"]), st.integers(0, 5), WORDS
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(STEPS)
def test_both_outputs_describe_every_event_alike_with_the_name_of_the_time(steps):
    record = demo_like_record()
    start = len(record.events)
    at = datetime(2027, 4, 1, 9, 0)
    expected_names: list[str | None] = []  # the objective each new event must name
    for action, pick, words in steps:
        at += timedelta(minutes=5)
        if action == "add":
            record.add_roadmap_item(words, at, 2, deadline=date(2027, 6, 1))
            expected_names.append(words)
            continue
        if action == "tick":
            phase = list(PHASES)[pick % len(PHASES)]
            if phase.checklist:
                done = phase.checklist[0].key not in record.checklist.get(phase.key, {})
                record.set_checklist_item(phase.key, phase.checklist[0].key, done, at, 2)
                expected_names.append(None)
            continue
        if not record.roadmap:
            continue
        item = record.roadmap[pick % len(record.roadmap)]
        name, count = item.objective, len(record.events)
        if action == "rename":
            record.edit_roadmap_item(item.id, at, 2, objective=words)
        elif action == "means":
            record.edit_roadmap_item(item.id, at, 2, means=words)
        elif action == "status":
            record.set_roadmap_status(item.id, list(RoadmapStatus)[pick % len(RoadmapStatus)], at, 2)
        elif action == "move":
            record.move_roadmap_item(item.id, 1 if pick % 2 else -1, at, 2)
        else:
            record.delete_roadmap_item(item.id, at, 2)
        expected_names.extend([name] * (len(record.events) - count))

    described = describe_changes(record.events, record.roadmap, PHASES)[start:]
    for change, name in zip(described, expected_names, strict=True):
        if name is not None:
            assert f"« {name} »" in change.text, (change.event.kind, change.text)
    history = history_changes(record)
    shown = [t for t, e in zip(history, record.events) if e.kind is not ChangeKind.SEANCE_REOPENED
             and not e.kind.value.startswith("checklist_")]
    assert review_changes(record) == shown
    assert len(history) == len(record.events)
