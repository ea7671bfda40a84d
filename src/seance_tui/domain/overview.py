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
from .hours import BudgetLevel, format_budget, format_hours
from .model import SeanceStatus
from .purge import purge_due, retention_end
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


def overview(records: list[CandidateRecord], now: datetime) -> Overview:
    today = now.date()
    sections: dict[Section, list[OverviewLine]] = {section: [] for section in Section}
    for record in records:
        if record.purge is not None:
            continue
        for line in _lines_of(record, now):
            sections[line.section].append(line)
    far = date.max
    for lines in sections.values():
        lines.sort(key=lambda l: (l.day or far, l.name.casefold(), l.candidate_id, l.seance or 0))
    return Overview(today, sections)


def _lines_of(record: CandidateRecord, now: datetime):
    today = now.date()
    c = record.candidate
    this_monday, next_monday, after = week_bounds(today)

    def line(section: Section, day: date | None, what: str, seance: int | None = None) -> OverviewLine:
        return OverviewLine(section, c.id, c.name, day, what, seance)

    for s in record.seances:
        if s.status is not SeanceStatus.PLANNED or s.planned_date is None:
            continue
        kind = "entretien de suivi" if s.follow_up else "séance"
        what = f"{kind} n° {s.number} le {format_date(s.planned_date)}"
        if this_monday <= s.planned_date < next_monday:
            yield line(Section.THIS_WEEK, s.planned_date, what, s.number)
        elif next_monday <= s.planned_date < after:
            yield line(Section.NEXT_WEEK, s.planned_date, what, s.number)
        if s.follow_up and s.planned_date <= today + FOLLOW_UP_NOTICE:
            late = " (date passée, pas encore tenu)" if s.planned_date < today else ""
            yield line(Section.FOLLOW_UPS_DUE, s.planned_date,
                       f"entretien de suivi n° {s.number} prévu le {format_date(s.planned_date)}{late}", s.number)
    if editable(record):
        level = record.budget_level(now)
        if level is not BudgetLevel.OK:
            used = format_hours(record.hours_used(now))
            state = "budget dépassé" if level is BudgetLevel.OVER else "proche du budget"
            last = record.last_seance
            yield line(Section.HOURS, last.day if last else None,
                       f"{used} sur {format_budget(c.hours_budget)} ({state})")
        for item in record.roadmap:
            if item.is_overdue(today):
                yield line(Section.OVERDUE_DEADLINES, item.deadline,
                           f"échéance du {format_date(item.deadline)} : {item.objective}")
    for s in record.seances:
        if s.status is SeanceStatus.CLOSED and editable(record, s.number) and template_only(s.notes):
            state = "notes vides" if not s.notes.strip() else "rien de rempli pour le compte rendu"
            yield line(Section.NOTES_TO_FILL, s.day, f"séance n° {s.number} du {format_date(s.day)} : {state}",
                       s.number)
    if c.end_date is None and all(check.met for check in closing_checks(record)):
        last = record.last_seance
        yield line(Section.READY_TO_CLOSE, last.end.date() if last and last.end else None,
                   "synthèse remise, séances closes, suivi prévu ou décliné")
    if purge_due(record, today):
        end = retention_end(record)
        yield line(Section.PURGES_DUE, end, f"conservation échue le {format_date(end)}")
