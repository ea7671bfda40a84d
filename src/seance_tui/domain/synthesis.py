"""The document de synthèse as the consultant writes it, and its rules.

The synthesis is the bilan's legal deliverable (L6313-4): it belongs to the
beneficiary. It has six sections, always the same (DOMAIN.md); this module is
the one owner of their keys and French titles. ``record.synthesis`` holds its
versions, oldest first:

- a version is a *brouillon* until it is handed over (``handed_over``);
- a version handed over is never changed again: the first change after the
  hand-over starts the next version (a copy), and the old one stays on file;
- a first draft may be proposed from the séance notes' public parts (headings
  such as « Compétences identifiées », « Projet défini », labelled lines such
  as « - Projet principal : … ») and the feuille de route (Étapes); the draft
  fills empty sections and replaces written ones only when asked to.

Every rule that changes the file calls ``record.ensure_editable()`` first and
logs what Qualiopi wants traceable through ``record.log``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from markdown_it import MarkdownIt

from .dates import format_date, format_date_long
from .model import ChangeKind, RoadmapItem, RoadmapStatus, SynthesisVersion
from .privacy import public_text, split_lines
from .record import CandidateRecord, RuleError
from .text import fold
from .unfilled import drop_unfilled


@dataclass(frozen=True)
class Section:
    key: str
    title: str


CIRCUMSTANCES = Section("circonstances", "Circonstances du bilan")
COMPETENCES = Section("competences", "Compétences et aptitudes")
PROJECTS = Section("projets", "Projet(s) et alternatives")
CONDITIONS = Section("conditions", "Conditions et moyens de réalisation")
STEPS = Section("etapes", "Étapes")
OBSERVATIONS = Section("observations", "Observations du bénéficiaire")
SECTIONS: tuple[Section, ...] = (CIRCUMSTANCES, COMPETENCES, PROJECTS, CONDITIONS, STEPS, OBSERVATIONS)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
TARGET = "synthesis"

# Headings of the notes (folded, see ``fold``) whose whole part goes to a
# section: the phase templates' (data/templates/*.md) and their usual variants.
# A heading matches when it starts with one of these.
HEADINGS: dict[str, tuple[str, ...]] = {
    CIRCUMSTANCES.key: ("situation et attentes", "demande formalisee", "demande du beneficiaire", "demande du candidat",
                        "circonstances"),
    COMPETENCES.key: ("competences identifiees", "competences mises en evidence", "competences et aptitudes",
                      "competences"),
    PROJECTS.key: ("projet defini", "projet retenu", "projet principal", "projet alternatif", "projets",
                   "alternative", "pistes retenues"),
    CONDITIONS.key: ("facteurs de reussite", "conditions et moyens", "conditions de reussite", "moyens de realisation"),
    OBSERVATIONS.key: ("observations du candidat", "observations du beneficiaire", "appreciation du candidat",
                       "appreciation du beneficiaire"),
}
# Labelled lines (``- Projet principal : …``) anywhere else in the notes.
LABELS: dict[str, tuple[str, ...]] = {
    COMPETENCES.key: ("competences mises en evidence", "competences identifiees"),
    PROJECTS.key: ("projet principal", "projet alternatif", "projet retenu", "alternative", "piste alternative"),
    CONDITIONS.key: ("facteurs de reussite", "conditions de reussite"),
}

_parser = MarkdownIt("commonmark").enable("table")
# ``- Label : text`` or ``Label : text`` (emphasis around the label allowed).
_LABELLED = re.compile(r"^\s*(?:[-*+]\s+)?[*_]*([^:*_]{2,60}?)[*_]*\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def section(key: str) -> Section:
    for s in SECTIONS:
        if s.key == key:
            return s
    raise RuleError(f"Section inconnue du document de synthèse : {key}")


# --- reading ------------------------------------------------------------------


def current(record: CandidateRecord) -> SynthesisVersion | None:
    return record.synthesis[-1] if record.synthesis else None


def version(record: CandidateRecord, number: int) -> SynthesisVersion:
    for v in record.synthesis:
        if v.number == number:
            return v
    raise RuleError(f"Version {number} du document de synthèse introuvable.")


def state_label(v: SynthesisVersion | None) -> str:
    """``brouillon`` or ``remis le 3 décembre 2026``: what a reader is told of a version."""
    if v is None or v.handed_over is None:
        return "brouillon"
    return f"remis le {format_date_long(v.handed_over)}"


def text_of(record: CandidateRecord, key: str) -> str:
    v = current(record)
    return v.sections.get(key, "") if v else ""


# --- the draft from the notes ------------------------------------------------------


def roadmap_steps(record: CandidateRecord) -> list[RoadmapItem]:
    """The feuille de route's objectives the Étapes speak of: soonest first,
    undated last, an abandoned objective left out (it is no step of the project)."""
    items = [i for i in record.roadmap if i.status is not RoadmapStatus.DROPPED]
    return sorted(items, key=lambda i: (i.deadline is None, i.deadline or date.min))


def propose_draft(record: CandidateRecord, steps_markdown: Callable[[list[RoadmapItem]], str]) -> dict[str, str]:
    """What the notes and the feuille de route say for each section (sections
    they say nothing for are left out). Only the public parts of the notes are
    read: their private parts are cut before any heading is looked at.
    ``steps_markdown`` writes the objectives as Markdown (the export's escaping:
    the domain does not know Markdown's specials)."""
    found: dict[str, list[str]] = {key: [] for key in SECTION_KEYS}
    for seance in sorted(record.seances, key=lambda s: s.number):
        for key, text in _parts(public_text(seance.notes)):
            if text not in found[key]:
                found[key].append(text)
    draft = {key: "\n\n".join(texts) for key, texts in found.items() if texts}
    steps = roadmap_steps(record)
    if steps:
        draft[STEPS.key] = steps_markdown(steps)
    return draft


def _parts(text: str) -> Iterable[tuple[str, str]]:
    """(section key, Markdown) of each matching heading's part, then of each
    labelled line outside those parts, in the order of the notes."""
    lines = split_lines(text)
    tokens = _parser.parse("\n".join(lines))
    headings = [
        (t.map[0], t.map[1], int(t.tag[1]), tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.level == 0 and t.map
    ]
    taken = [False] * len(lines)
    out: list[tuple[int, str, str]] = []
    for n, (start, body_start, level, title) in enumerate(headings):
        key = _match(title, HEADINGS)
        if key is None:
            continue
        end = next((h[0] for h in headings[n + 1:] if h[2] <= level), len(lines))
        for i in range(start, end):
            taken[i] = True
        body = _clean(lines[body_start:end])
        if body:
            out.append((start, key, body))
    last: tuple[int, str] | None = None  # (line after it, key) of the last labelled line taken
    for i, line in enumerate(lines):
        if taken[i]:
            continue
        match = _LABELLED.match(line)
        if match and match.group(2).strip():
            key = _match(match.group(1), LABELS)
            if key is not None:
                more = _continuation(lines, i)
                item = _clean([line, *more])
                if last == (i, key):  # the next item of the same list: one list, not two
                    start, _, body = out[-1]
                    out[-1] = (start, key, f"{body}\n{item}")
                else:
                    out.append((i, key, item))
                last = (i + 1 + len(more), key)
    out.sort(key=lambda part: part[0])
    return [(key, body) for _, key, body in out]


def _match(title: str, table: dict[str, tuple[str, ...]]) -> str | None:
    folded = " ".join(fold(title).replace("*", " ").replace("_", " ").split()).strip(" :")
    for key, starts in table.items():
        if any(folded == s or folded.startswith(s + " ") or folded.startswith(s + " :") for s in starts):
            return key
    return None


def _continuation(lines: list[str], i: int) -> list[str]:
    """The indented lines that carry on a list item."""
    more = []
    for line in lines[i + 1:]:
        if not line.strip() or not line.startswith((" ", "\t")) or _ITEM.match(line):
            break
        more.append(line)
    return more


def _clean(lines: list[str]) -> str:
    """A part without the template's unanswered prompts and empty headings
    (``domain.unfilled``, the candidate documents' own rule) and surrounding blank lines."""
    return drop_unfilled("\n".join(lines)).strip("\n")


def draft_conflicts(record: CandidateRecord, proposed: dict[str, str]) -> list[str]:
    """The sections where the draft would replace text already written."""
    v = current(record)
    if v is None:
        return []
    return [key for key in SECTION_KEYS if v.sections.get(key, "").strip() and key in proposed
            and v.sections[key] != proposed[key]]


# --- changing it ----------------------------------------------------------------------


def apply_draft(
    record: CandidateRecord, proposed: dict[str, str], now: datetime, seance: int | None, *, replace: bool
) -> list[str]:
    """Put the draft into the current version: empty sections always, written
    ones only if ``replace`` (the consultant was asked). Returns the keys changed."""
    record.ensure_editable()
    keys = [
        key for key in SECTION_KEYS
        if proposed.get(key, "").strip() and text_of(record, key) != proposed[key]
        and (replace or not text_of(record, key).strip())
    ]
    if not keys:
        return []
    v = _editable(record, now, seance, from_notes=True)
    for key in keys:
        v.sections[key] = proposed[key]
    return keys


def set_section(record: CandidateRecord, key: str, text: str, now: datetime, seance: int | None) -> bool:
    """The consultant's text for one section; True if that changed the file.
    After a hand-over, the first change starts the next version."""
    record.ensure_editable()
    section(key)
    if text_of(record, key) == text:
        return False
    v = _editable(record, now, seance, from_notes=False)
    if text:
        v.sections[key] = text
    else:
        v.sections.pop(key, None)
    return True


HANDED_OVER_EVENT = "synthesis_handed_over"  # phases.json: the checklist step it ticks


def hand_over(record: CandidateRecord, day: date, now: datetime, seance: int | None,
              steps: tuple[tuple[str, str], ...] = ()) -> SynthesisVersion:
    """The current version is given to the beneficiary on ``day``: from now on
    it never changes. ``steps`` are the checklist steps (phase, item) a hand-over
    completes (``PhaseSet.ticked_by(HANDED_OVER_EVENT)``): ticked if not yet."""
    record.ensure_editable()
    refusal = hand_over_refusal(record)
    if refusal is not None:
        raise RuleError(refusal)
    v = current(record)
    v.handed_over = day
    record.log(now, ChangeKind.SYNTHESIS_HANDED_OVER, seance, TARGET,
               after={"version": str(v.number), "date": format_date(day)})
    for phase, item in steps:
        record.set_checklist_item(phase, item, True, now, seance)  # a step ticked earlier keeps its date
    return v


def hand_over_refusal(record: CandidateRecord) -> str | None:
    """Why the current version cannot be handed over (asked before the confirmation), or None."""
    v = current(record)
    if v is None or not any(t.strip() for t in v.sections.values()):
        return "Le document de synthèse est vide : rédigez-le avant de le remettre."
    if v.handed_over is not None:
        return (f"La version {v.number} du document de synthèse a déjà été remise le {format_date(v.handed_over)} : "
                "une modification commencera la version suivante.")
    return None


def _editable(record: CandidateRecord, now: datetime, seance: int | None, *, from_notes: bool) -> SynthesisVersion:
    """The version a change goes into: the current brouillon, a first one, or
    (after a hand-over) a copy that becomes the next version."""
    v = current(record)
    if v is not None and v.handed_over is None:
        return v
    if v is None:
        v = SynthesisVersion(number=1, started=now)
        record.synthesis.append(v)
        after = {"version": "1"}
        if from_notes:
            # "oui", not words: the purge keeps it, so the audit pack reads the same after it.
            after["from_notes"] = "oui"
        record.log(now, ChangeKind.SYNTHESIS_DRAFTED, seance, TARGET, after=after)
        return v
    new = SynthesisVersion(number=v.number + 1, started=now, sections=dict(v.sections))
    record.synthesis.append(new)
    record.log(now, ChangeKind.SYNTHESIS_NEW_VERSION, seance, TARGET,
               before={"version": str(v.number)}, after={"version": str(new.number)})
    return new
