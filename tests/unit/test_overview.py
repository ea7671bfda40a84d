"""The overview's sections (domain/overview.py), each with a fixed today."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from seance_tui.domain import closing, follow_up
from seance_tui.domain.model import (
    Candidate, FundingRoute, PurgeMark, RoadmapStatus, Seance, SynthesisVersion,
)
from seance_tui.domain.overview import Section, overview, template_only, week_bounds
from seance_tui.domain.record import CandidateRecord

TEMPLATES = Path(__file__).resolve().parents[2] / "data" / "templates"
MONDAY = date(2027, 3, 15)
SUNDAY = date(2027, 3, 21)
NOW = datetime(2027, 3, 17, 10, 0)  # a Wednesday


def make(cid: str = "zoe", name: str = "Zoé Lefèvre", **fields) -> CandidateRecord:
    return CandidateRecord(Candidate(id=cid, name=name, consultant="Inès", funding=FundingRoute.CPF, **fields))


def held(record: CandidateRecord, day: date, hours: float = 2, notes: str = "Un vrai échange.", phase="investigation"):
    start = datetime.combine(day, datetime.min.time()).replace(hour=9)
    s = record.start_seance(phase, start, notes=notes)
    record.close_seance(s.number, start + timedelta(hours=hours))
    return s


def planned(record: CandidateRecord, day: date, follow_up_seance: bool = False) -> Seance:
    s = Seance(number=record.next_number(), phase="conclusion", planned_date=day, follow_up=follow_up_seance)
    record.seances.append(s)
    return s


def section(records, now=NOW, which=Section.THIS_WEEK):
    return [(line.candidate_id, line.seance, line.day) for line in overview(records, now).sections[which]]


def test_weeks_run_monday_to_sunday():
    assert week_bounds(MONDAY) == (MONDAY, date(2027, 3, 22), date(2027, 3, 29))
    assert week_bounds(SUNDAY) == (MONDAY, date(2027, 3, 22), date(2027, 3, 29))


@pytest.mark.parametrize("now", [datetime(2027, 3, 15, 8), datetime(2027, 3, 21, 23)])  # Monday, Sunday
def test_planned_seances_fall_in_this_week_or_the_next_on_either_end_of_the_week(now):
    r = make()
    planned(r, date(2027, 3, 14))  # the Sunday before: neither
    planned(r, MONDAY)
    planned(r, SUNDAY)
    planned(r, date(2027, 3, 22))
    planned(r, date(2027, 3, 28))
    planned(r, date(2027, 3, 29))  # the week after next: neither
    assert section([r], now) == [("zoe", 2, MONDAY), ("zoe", 3, SUNDAY)]
    assert section([r], now, Section.NEXT_WEEK) == [("zoe", 4, date(2027, 3, 22)), ("zoe", 5, date(2027, 3, 28))]


def test_planned_lines_sort_by_date_across_candidates_and_include_the_follow_up():
    a, b = make("a", "Alice"), make("b", "Bruno")
    planned(b, date(2027, 3, 16))
    planned(a, date(2027, 3, 19), follow_up_seance=True)
    planned(a, date(2027, 3, 18))
    lines = overview([a, b], NOW).sections[Section.THIS_WEEK]
    assert [(l.candidate_id, l.day.day) for l in lines] == [("b", 16), ("a", 18), ("a", 19)]
    assert lines[2].what == "entretien de suivi n° 1 le 19/03/2027"
    assert lines[1].name == "Alice" and lines[1].what == "séance n° 2 le 18/03/2027"


def test_follow_up_is_due_seven_days_ahead_and_stays_due_until_held():
    soon, later, past = make("soon"), make("later"), make("past")
    planned(soon, NOW.date() + timedelta(days=7), follow_up_seance=True)
    planned(later, NOW.date() + timedelta(days=8), follow_up_seance=True)
    planned(past, date(2027, 1, 5), follow_up_seance=True)
    ordinary = make("ordinary")
    planned(ordinary, NOW.date())
    lines = overview([soon, later, past, ordinary], NOW).sections[Section.FOLLOW_UPS_DUE]
    assert [l.candidate_id for l in lines] == ["past", "soon"]
    assert "date passée, pas encore tenu" in lines[0].what


def test_a_follow_up_held_is_no_longer_due():
    r = make()
    planned(r, NOW.date(), follow_up_seance=True)
    r.start_seance("conclusion", NOW, follow_up=True)
    assert section([r], which=Section.FOLLOW_UPS_DUE) == []


def test_files_at_twenty_hours_of_their_budget_are_listed():
    under, at, over = make("under"), make("at"), make("over")
    held(under, date(2027, 3, 1), hours=19.9)
    held(at, date(2027, 3, 2), hours=20)
    held(over, date(2027, 3, 3), hours=25)
    lines = overview([under, at, over], NOW).sections[Section.HOURS]
    assert [(l.candidate_id, l.what) for l in lines] == [
        ("at", "20 h sur 24 h (proche du budget)"), ("over", "25 h sur 24 h (budget dépassé)"),
    ]


def test_closed_seances_with_template_only_notes_are_listed_and_real_notes_are_not():
    template = (TEMPLATES / "investigation.md").read_text(encoding="utf-8")
    assert template_only(template) and template_only("") and template_only("## Synthèse\n\n- Outil :\n")
    assert not template_only(template.replace("- Outil :", "- Outil : RIASEC", 1) if "- Outil :" in template
                             else template + "\nLa candidate a avancé.\n")
    r = make()
    held(r, date(2027, 3, 1), notes=template)
    held(r, date(2027, 3, 2), notes="")
    held(r, date(2027, 3, 3), notes="## Échanges\n\nLa candidate a rencontré deux employeurs.\n")
    lines = overview([r], NOW).sections[Section.NOTES_TO_FILL]
    assert [(l.seance, l.what) for l in lines] == [
        (1, "séance n° 1 du 01/03/2027 : rien de rempli pour le compte rendu"),
        (2, "séance n° 2 du 02/03/2027 : notes vides"),
    ]


def test_an_open_seance_is_not_listed_for_its_notes():
    r = make()
    r.start_seance("investigation", datetime(2027, 3, 17, 9))
    assert section([r], which=Section.NOTES_TO_FILL) == []


def test_overdue_roadmap_deadlines_are_listed_by_date():
    r = make()
    late = r.add_roadmap_item("Enquête métier", NOW, None, means="deux entretiens", deadline=date(2027, 3, 16))
    r.add_roadmap_item("Pas encore", NOW, None, means="", deadline=date(2027, 3, 17))  # due today: not overdue
    done = r.add_roadmap_item("Fait", NOW, None, means="", deadline=date(2027, 3, 1))
    r.set_roadmap_status(done.id, RoadmapStatus.ACHIEVED, NOW, None)
    earlier = r.add_roadmap_item("Plus ancien", NOW, None, means="", deadline=date(2027, 3, 2))
    lines = overview([r], NOW).sections[Section.OVERDUE_DEADLINES]
    assert [l.what for l in lines] == [
        "échéance du 02/03/2027 : Plus ancien", "échéance du 16/03/2027 : Enquête métier",
    ]
    assert earlier.deadline < late.deadline


def ready(cid: str) -> CandidateRecord:
    r = make(cid)
    held(r, date(2027, 3, 1), phase="conclusion")
    r.synthesis = [SynthesisVersion(1, datetime(2027, 3, 2), {"projet": "x"}, handed_over=date(2027, 3, 2))]
    follow_up.plan_follow_up(r, date(2027, 9, 1), "conclusion", datetime(2027, 3, 2, 12))
    return r


def test_bilans_whose_closing_checks_are_all_met_are_ready_to_close():
    r, not_handed = ready("ready"), ready("not-handed")
    not_handed.synthesis[0].handed_over = None
    lines = overview([r, not_handed], NOW).sections[Section.READY_TO_CLOSE]
    assert [(l.candidate_id, l.day) for l in lines] == [("ready", date(2027, 3, 1))]
    closing.close_bilan(r, date(2027, 3, 3), datetime(2027, 3, 3, 12))
    assert section([r], which=Section.READY_TO_CLOSE) == []


def test_a_closed_bilan_shows_only_its_follow_up_and_its_purge():
    r = ready("closed")
    held(r, date(2027, 3, 2), hours=23, notes="")
    r.add_roadmap_item("Ancien objectif", NOW, None, means="", deadline=date(2027, 3, 2))
    closing.close_bilan(r, date(2027, 3, 3), datetime(2027, 3, 3, 12))
    later = datetime(2027, 8, 30, 10)  # a Monday: its follow-up (1 September) is due; nothing else is listed
    assert {s: len(lines) for s, lines in overview([r], later).sections.items() if lines} == {
        Section.THIS_WEEK: 1, Section.FOLLOW_UPS_DUE: 1, Section.PURGES_DUE: 1,
    }


def test_purges_due_follow_the_retention_and_purged_files_appear_nowhere():
    closed, kept, purged = ready("closed"), ready("kept"), ready("purged")
    kept.candidate.keep_documents_consent = True
    for r in (closed, kept, purged):
        closing.close_bilan(r, date(2027, 3, 3), datetime(2027, 3, 3, 12))
    purged.purge = PurgeMark(datetime(2027, 3, 4), "x")
    lines = overview([closed, kept, purged], datetime(2027, 3, 3, 9)).sections[Section.PURGES_DUE]
    assert [(l.candidate_id, l.day, l.what) for l in lines] == [
        ("closed", date(2027, 3, 3), "conservation échue le 03/03/2027"),
    ]
    assert section([kept], datetime(2028, 3, 3, 9), Section.PURGES_DUE) == [("kept", None, date(2028, 3, 3))]
    # Its follow-up (1 September) is still planned on disk: not shown either.
    assert not overview([purged], datetime(2027, 8, 30, 9)).lines()


@pytest.mark.parametrize("notes, filled", [
    ("La candidate a rencontré deux employeurs.", True),
    ("## Échanges\n\n- Outil :\n", False),
    ("Titre\n=====\n", False),  # a setext heading, empty: the full cut decides
    ("## Privé\n\nLa candidate a rencontré deux employeurs.", False),  # private: never « surely » filled
    ("Notes privées\nUn texte.", False),
])
def test_the_quick_look_only_vouches_for_plain_public_text(notes, filled):
    from seance_tui.domain.overview import _surely_filled

    assert _surely_filled(notes) is filled
    if filled:
        assert not template_only(notes)
