"""The consultant's week at a glance, across every candidate: what is planned,
what is due, what needs attention (issue 13). ``seance agenda`` prints it;
the workspace's overview screen shows the same sections.

Pure: the records and ``now`` in, sections of lines out. Each line names
its candidate (id and name: homonyms exist) and what it is about, with the
date it sorts by within its section.

Which files count where:
- a **purged** file appears nowhere: it has no name, no notes, no roadmap,
  and nothing of it can be done any more (R6313-7);
- a **closed** bilan appears only where something can still be done: its
  follow-up interview (planned this week or next, or due), its purge when
  due. Its hours, notes and roadmap are read-only, so they are not listed
  (``closing.editable`` decides, as for the screens);
- weeks are Monday to Sunday (French calendar); a planned séance of this
  week already past and not held stays listed under this week.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .closing import closing_checks, editable
from .dates import format_date
from .hours import BudgetLevel, budget_level, format_budget, format_hours
from .model import SeanceStatus
from .purge import retention_end
from .record import CandidateRecord
from .privacy import PRIVATE_TITLES
from .text import LIGATURES, fold
from .unfilled import for_candidate, is_prompt

# A follow-up is "due" from this many days before its date (and stays due until held).
FOLLOW_UP_NOTICE = timedelta(days=7)


class Section(enum.StrEnum):
    """In the order the overview shows them; the values are the JSON keys."""

    THIS_WEEK = "this_week"
    NEXT_WEEK = "next_week"
    FOLLOW_UPS_DUE = "follow_ups_due"
    HOURS = "hours"
    NOTES_TO_FILL = "notes_to_fill"
    OVERDUE_DEADLINES = "overdue_deadlines"
    READY_TO_CLOSE = "ready_to_close"
    PURGES_DUE = "purges_due"

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Section.THIS_WEEK: "Séances prévues cette semaine",
    Section.NEXT_WEEK: "Séances prévues la semaine prochaine",
    Section.FOLLOW_UPS_DUE: "Entretiens de suivi à faire",
    Section.HOURS: "Dossiers à 20 h ou plus de leur budget",
    Section.NOTES_TO_FILL: "Séances closes aux notes vides ou au modèle seul",
    Section.OVERDUE_DEADLINES: "Échéances dépassées de la feuille de route",
    Section.READY_TO_CLOSE: "Bilans prêts à clore",
    Section.PURGES_DUE: "Dossiers à purger, conservation échue",
}


@dataclass(frozen=True)
class OverviewLine:
    section: Section
    candidate_id: str
    name: str  # as typed: the caller makes it one line
    day: date | None  # what the line sorts by within its section
    what: str  # French; may quote user text (an objective): the caller makes it one line
    seance: int | None = None
    item: str | None = None  # the roadmap item an overdue deadline is, by id: where its line opens


@dataclass(frozen=True)
class Overview:
    today: date
    sections: dict[Section, list[OverviewLine]]  # every section, in order, each sorted

    def lines(self) -> list[OverviewLine]:
        return [line for lines in self.sections.values() for line in lines]


def week_bounds(today: date) -> tuple[date, date, date]:
    """This week's Monday, next week's Monday, and the Monday after."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=7), monday + timedelta(days=14)


def template_only(notes: str) -> bool:
    """Nothing for the candidate's compte rendu: empty, or only unanswered
    prompts and empty headings once the private parts are cut
    (``unfilled.for_candidate``). The private part is cut because every
    template ends with one holding a line of its own (« Notes personnelles du
    consultant… »): a séance with private notes only is listed too, and
    rightly, as its compte rendu says nothing.

    Cutting the private parts reads the whole text (about 7 ms for a
    generated note: minutes across 50,000 séances), so a line that surely
    stays is looked for first (``_surely_filled``)."""
    if _surely_filled(notes):
        return False
    return not for_candidate(notes).strip()


# Every private title's letters, folded: a line holding any of them may start
# a private part, and the quick look stops there (erring towards the full cut).
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_PRIVATE_STEMS = tuple({"".join(ch for ch in fold(t) if ch.isalpha()) for t in PRIVATE_TITLES})
_PRIVATE_STEM = re.compile("|".join(sorted(_PRIVATE_STEMS)))
# How a line that drop_unfilled may drop, or that may be markup, can begin.
_MAYBE_MARKUP = frozenset("#-*+>|<`~=_\\[!0123456789")


def _may_be_private(line: str) -> bool:
    return _PRIVATE_STEM.search(_NOT_LETTERS.sub("", _quick_fold(line))) is not None


def _quick_fold(line: str) -> str:
    """``fold`` as far as letters go, without its Python loop over every
    character (which was nearly all of ``seance agenda``'s time): the
    combining marks ``fold`` drops are no letters, so ``_NOT_LETTERS`` takes
    them with the rest. The ligatures are replaced one by one (``str.replace``
    is C; ``str.translate`` with a dict is not)."""
    if not line.isascii():
        for ligature, letters in _LIGATURE_PAIRS:
            if ligature in line:
                line = line.replace(ligature, letters)
        line = unicodedata.normalize("NFKD", line)
    return line.casefold()


_LIGATURE_PAIRS = tuple((chr(code), text) for code, text in LIGATURES.items())


def _surely_filled(notes: str) -> bool:
    """A line of plain text above anything that may be private: it is no
    heading, list item, prompt (``Label :``) or setext title, so neither the
    privacy cut nor ``drop_unfilled`` removes it. False means « look closer »."""
    lines = notes.split("\n")
    for i, line in enumerate(lines):
        if _may_be_private(line):
            return False
        text = line.strip()
        if not text or text[0] in _MAYBE_MARKUP or is_prompt(text):
            continue
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if following and set(following) <= set("=-"):
            continue  # a setext heading's title
        return True
    return False


@dataclass(frozen=True)
class Facts:
    """What one file tells the overview, whatever the day: ``lines_of(facts,
    now)`` gives its lines on any day. A file whose hours grow with the clock
    (a séance started and not ended) has facts true only at the ``now`` they
    were read at (``live``): a cache must not keep them.

    Every field is a plain value (dates, numbers, text), so that a cache can
    keep them as JSON."""

    candidate_id: str
    name: str
    live: bool
    # (number, planned day, follow-up?) of each planned séance with a date
    planned: tuple[tuple[int, date, bool], ...]
    # Hours, roadmap and notes count only where closing.editable (None otherwise).
    hours_used: timedelta | None
    hours_budget: float
    last_day: date | None  # the last séance held
    # (deadline, objective, item id) of each roadmap item not finished, with a deadline
    deadlines: tuple[tuple[date, str, str], ...]
    # (number, day, empty?) of each closed, editable séance giving nothing to its compte rendu
    unfilled: tuple[tuple[int, date, bool], ...]
    ready_to_close_on: date | None  # set when ready to close: the last séance's end
    ready_to_close: bool
    retention_end: date | None


def facts_of(record: CandidateRecord, now: datetime) -> Facts | None:
    """None for a purged file: it appears nowhere."""
    if record.purge is not None:
        return None
    c = record.candidate
    last = record.last_seance
    can_edit = editable(record)
    ready = c.end_date is None and all(check.met for check in closing_checks(record))
    return Facts(
        candidate_id=c.id,
        name=c.name,
        live=any((s.start is not None and s.end is None) or s.status is SeanceStatus.OPEN for s in record.seances),
        planned=tuple(
            (s.number, s.planned_date, s.follow_up) for s in record.seances
            if s.status is SeanceStatus.PLANNED and s.planned_date is not None
        ),
        hours_used=record.hours_used(now) if can_edit else None,
        hours_budget=c.hours_budget,
        last_day=last.day if last else None,
        deadlines=tuple(
            (item.deadline, item.objective, item.id) for item in record.roadmap
            if can_edit and item.deadline is not None and not item.status.is_finished
        ),
        unfilled=tuple(
            (s.number, s.day, not s.notes.strip()) for s in record.seances
            if s.status is SeanceStatus.CLOSED and editable(record, s.number) and template_only(s.notes)
        ),
        ready_to_close_on=last.end.date() if ready and last and last.end else None,
        ready_to_close=ready,
        retention_end=retention_end(record),
    )


def overview(records: list[CandidateRecord], now: datetime) -> Overview:
    return overview_of(
        (facts for record in records if (facts := facts_of(record, now)) is not None), now
    )


def overview_of(all_facts, now: datetime) -> Overview:
    """The overview from each file's ``Facts`` (read now, or kept by a cache)."""
    sections: dict[Section, list[OverviewLine]] = {section: [] for section in Section}
    for facts in all_facts:
        for line in lines_of(facts, now):
            sections[line.section].append(line)
    far = date.max
    for lines in sections.values():
        lines.sort(key=lambda l: (l.day or far, l.name.casefold(), l.candidate_id, l.seance or 0))
    return Overview(now.date(), sections)


def lines_of(f: Facts, now: datetime):
    today = now.date()
    this_monday, next_monday, after = week_bounds(today)

    def line(section: Section, day: date | None, what: str, seance: int | None = None,
             item: str | None = None) -> OverviewLine:
        return OverviewLine(section, f.candidate_id, f.name, day, what, seance, item)

    for number, day, is_follow_up in f.planned:
        kind = "entretien de suivi" if is_follow_up else "séance"
        what = f"{kind} n° {number} le {format_date(day)}"
        if this_monday <= day < next_monday:
            yield line(Section.THIS_WEEK, day, what, number)
        elif next_monday <= day < after:
            yield line(Section.NEXT_WEEK, day, what, number)
        if is_follow_up and day <= today + FOLLOW_UP_NOTICE:
            late = " (date passée, pas encore tenu)" if day < today else ""
            yield line(Section.FOLLOW_UPS_DUE, day,
                       f"entretien de suivi n° {number} prévu le {format_date(day)}{late}", number)
    if f.hours_used is not None:
        level = budget_level(f.hours_used, f.hours_budget)
        if level is not BudgetLevel.OK:
            state = "budget dépassé" if level is BudgetLevel.OVER else "proche du budget"
            yield line(Section.HOURS, f.last_day,
                       f"{format_hours(f.hours_used)} sur {format_budget(f.hours_budget)} ({state})")
    for deadline, objective, item in f.deadlines:
        if deadline < today:
            yield line(Section.OVERDUE_DEADLINES, deadline, f"échéance du {format_date(deadline)} : {objective}",
                       item=item)
    for number, day, empty in f.unfilled:
        state = "notes vides" if empty else "rien de rempli pour le compte rendu"
        yield line(Section.NOTES_TO_FILL, day, f"séance n° {number} du {format_date(day)} : {state}", number)
    if f.ready_to_close:
        yield line(Section.READY_TO_CLOSE, f.ready_to_close_on,
                   "synthèse remise, séances closes, suivi prévu ou décliné")
    if f.retention_end is not None and today >= f.retention_end:
        yield line(Section.PURGES_DUE, f.retention_end, f"conservation échue le {format_date(f.retention_end)}")
