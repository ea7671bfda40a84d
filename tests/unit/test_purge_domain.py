"""The content-free record (R6313-7) and the retention rule, without disk."""

from __future__ import annotations

import copy
from dataclasses import asdict
from datetime import date, datetime

import pytest
from purge_world import WORD, planted_record

from seance_tui.domain.model import ChangeEvent, ChangeKind, PurgeMark
from seance_tui.domain.purge import FREE_TOOL, purge_due, purged, retention_end
from seance_tui.domain.record import RuleError

NOW = datetime(2027, 7, 1, 9, 30)


def test_purged_record_keeps_the_audit_facts_and_no_text(phases):
    record = planted_record()
    original = copy.deepcopy(record)
    result = purged(record, phases, NOW, "marie@poste-12")

    assert asdict(record) == asdict(original), "the record given is left as it was"
    assert WORD not in repr(asdict(result)).lower()
    c, o = result.candidate, original.candidate
    assert (c.id, c.name, c.contact) == (o.id, "", None)
    for field in ("consultant", "funding", "consent_date", "keep_documents_consent", "synthesis_to_adviser",
                  "agreement_sent_date", "agreement_date", "start_date", "hours_budget", "status", "end_date",
                  "follow_up_declined"):
        assert getattr(c, field) == getattr(o, field), field
    for after, before in zip(result.seances, original.seances, strict=True):
        for field in ("number", "phase", "status", "planned_date", "start", "end", "pauses", "follow_up",
                      "next_seance_date"):
            assert getattr(after, field) == getattr(before, field), field
        assert (after.notes, after.next_steps) == ("", "")
        assert after.notes_size == len(before.notes)  # the private part counted too
    assert result.seances[0].tools == ["Jeu de rôle", FREE_TOOL]
    assert [(i.id, i.deadline, i.status, i.created_in, i.objective, i.means) for i in result.roadmap] == [
        (i.id, i.deadline, i.status, i.created_in, "", "") for i in original.roadmap
    ]
    assert result.checklist == original.checklist
    assert [(v.number, v.started, v.handed_over, v.sections) for v in result.synthesis] == [
        (1, datetime(2027, 5, 1, 9, 0), date(2027, 5, 10), {})
    ]
    assert result.purge == PurgeMark(NOW, "marie@poste-12")
    assert result.events[-1].kind is ChangeKind.PURGED
    assert result.events[-1].after == {"by": "marie@poste-12", "date": "01/07/2027"}


def test_events_keep_keys_dates_statuses_positions_and_lose_words(phases):
    record = planted_record()
    record.events.append(ChangeEvent(NOW, ChangeKind.SEANCE_DETAILS, 1, "1",
                                     before={"next_steps": "x", "hours": "12 h 30", "version": "2"},
                                     after={"later_field": f"texte libre {WORD}", "date": "01/07/2027",
                                            "status": "en_cours", "by": "marie@poste-12"}))
    result = purged(record, phases, NOW, "marie")
    by_kind = {e.kind: e for e in result.events}
    added, modified = by_kind[ChangeKind.ROADMAP_ADDED], by_kind[ChangeKind.ROADMAP_MODIFIED]
    assert added.after["objective"] == added.after["means"] == ""
    assert added.after["deadline"] == "30/09/2027" and added.after["status"] == "a_faire"
    assert set(modified.before) == set(modified.after) == {"objective"}
    details = result.events[-2]
    assert details.before == {"next_steps": "", "hours": "12 h 30", "version": "2"}
    assert details.after == {"later_field": "", "date": "01/07/2027", "status": "en_cours", "by": "marie@poste-12"}
    assert [(e.at, e.kind, e.seance, e.target) for e in result.events[:-1]] == [
        (e.at, e.kind, e.seance, e.target) for e in record.events
    ]


def test_an_open_bilan_cannot_be_purged(phases):
    with pytest.raises(RuleError, match="pas clos"):
        purged(planted_record(end=None), phases, NOW, "marie")


def test_a_purged_file_is_not_purged_twice_nor_edited(phases):
    result = purged(planted_record(), phases, NOW, "marie")
    with pytest.raises(RuleError, match="déjà été purgé le 01/07/2027"):
        purged(result, phases, NOW, "marie")
    with pytest.raises(RuleError, match="purgé"):
        result.ensure_editable()


@pytest.mark.parametrize(
    ("keep", "adviser", "end"),
    [(False, False, date(2027, 6, 30)), (True, False, date(2028, 6, 30)), (False, True, date(2028, 6, 30)),
     (True, True, date(2028, 6, 30))],
)
def test_retention_ends_at_the_end_date_or_one_year_later(keep, adviser, end):
    record = planted_record(end=date(2027, 6, 30), keep_documents_consent=keep, synthesis_to_adviser=adviser)
    assert retention_end(record) == end
    assert not purge_due(record, date.fromordinal(end.toordinal() - 1))
    assert purge_due(record, end)
    assert purge_due(record, date(2030, 1, 1))


def test_an_open_or_purged_bilan_is_never_due(phases):
    assert retention_end(planted_record(end=None)) is None
    assert not purge_due(planted_record(end=None), date(2099, 1, 1))
    assert not purge_due(purged(planted_record(), phases, NOW, "m"), date(2099, 1, 1))


def test_a_29_february_end_keeps_one_year_to_28_february():
    record = planted_record(end=date(2028, 2, 29), keep_documents_consent=True)
    assert retention_end(record) == date(2029, 2, 28)
