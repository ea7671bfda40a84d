"""The Qualiopi trace pack: one candidate's bilan as an auditor checks it,
without any of its content.

Qualiopi asks that each phase be documented, dated and traceable and that
objectives can be assessed; R6313-7 asks that the bilan's documents be
destroyed at its end. The pack reconciles both: it is built only from what
the purge keeps (domain/purge.py's content-free record): ids, dates, times,
durations, phases, the sizes of the notes, the catalogue's tool names, the
checklist's dates, the log's dates and statuses. So it reads the same before
and after the purge, but for one line that says when and by whom the content
was destroyed.

What never reaches it: the candidate's name and contact (the file is named by
its id), notes, private notes, next steps, roadmap texts (an objective is
« objectif n° 3 », numbered by ``domain.changelog.objective_numbers``),
synthesis sections, and tools typed as free text (``domain.purge.FREE_TOOL``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from ..domain.changelog import ROADMAP_KINDS, describe_changes, objective_label, objective_numbers
from ..domain.dates import format_date, format_date_long
from ..domain.hours import LEGAL_BUDGET_HOURS, format_budget, format_hours
from ..domain.model import ChangeEvent, ChangeKind, Seance
from ..domain.phases import PhaseSet
from ..domain.purge import audit_tool_name
from ..domain.record import CandidateRecord
from .blocks import FACT_HEADERS, NOT_SET, checklist_block
from .document import Audience, assemble, clock
from .markdown import bullet_list, emphasis, heading, table

AUDIENCE = Audience.AUDIT
SECTION = 2
PART = 3
# R6313-8: the three-party agreement is signed within ten days.
AGREEMENT_DAYS = 10
# French typography: thousands separated by a narrow no-break space.
THOUSANDS = "\u202f"

INTRO = (
    "Document établi pour l'audit Qualiopi. Il retrace le déroulement du bilan "
    "(dates, horaires, durées, phases, outils, jalons, évolution de la feuille de route) "
    "et ne contient aucun contenu : ni notes de séance, ni notes privées, ni prochaines étapes, "
    "ni texte de la feuille de route, ni document de synthèse."
)
SEANCE_HEADERS = ("Séance", "Date", "Horaires", "Durée", "Phase", "Statut", "Notes", "Outils utilisés")
ROADMAP_HEADERS = ("Objectif", "Délai", "Statut", "Créé en")
SYNTHESIS_HEADERS = ("Version", "Commencée le", "Remise au bénéficiaire")
# Shown elsewhere in the pack (roadmap, hours, purge line), so not in the journal.
_NOT_IN_JOURNAL = ROADMAP_KINDS | {ChangeKind.BUDGET_EXCEEDED, ChangeKind.PURGED}


def qualiopi_pack(record: CandidateRecord, phases: PhaseSet, now: datetime) -> str:
    """The pack's Markdown: the same for a file and for its purged record,
    plus the purge line once purged."""
    changes = [
        (change.event, _dated(change.event, change.text))
        for change in describe_changes(record.events, record.roadmap, phases, content_free=True)
    ]
    blocks = [
        heading(1, f"Traçabilité Qualiopi — dossier {record.candidate.id}"),
        emphasis(INTRO),
        heading(SECTION, "Le bilan"),
        _bilan_table(record),
        heading(SECTION, "Consentement et convention"),
        _consent_table(record, now),
        heading(SECTION, "Heures"),
        _hours_table(record, now),
        *_budget_overrides(changes),
        heading(SECTION, "Séances"),
        _seances_table(record, phases, now) if record.seances else emphasis("Aucune séance."),
        heading(SECTION, "Jalons des phases"),
    ]
    for phase in phases:
        blocks += [heading(PART, phase.label), checklist_block(phase.key, record.checklist.get(phase.key, {}), phases)]
    roadmap_lines = [line for event, line in changes if event.kind in ROADMAP_KINDS]
    blocks += [
        heading(SECTION, "Feuille de route"),
        _roadmap_table(record) if record.roadmap else emphasis("La feuille de route est vide."),
        heading(PART, "Évolution des objectifs"),
        bullet_list(roadmap_lines) if roadmap_lines else emphasis("Aucun changement consigné."),
        heading(SECTION, "Document de synthèse"),
        _synthesis_table(record) if record.synthesis else emphasis("Aucune version du document de synthèse."),
        heading(SECTION, "Entretien de suivi et fin du bilan"),
        _closing_table(record),
    ]
    journal = [line for event, line in changes if event.kind not in _NOT_IN_JOURNAL]
    blocks += [
        heading(SECTION, "Journal du dossier"),
        bullet_list(journal) if journal else emphasis("Aucun autre événement consigné."),
    ]
    return assemble(blocks, now, AUDIENCE)


# --- the bilan, consent, hours ------------------------------------------------


def _bilan_table(record: CandidateRecord) -> str:
    candidate = record.candidate
    rows = [
        ("Dossier", candidate.id),
        ("Consultant", candidate.consultant or NOT_SET),
        ("Financement", candidate.funding.label),
        ("Début du bilan", _long(_start_date(record))),
        ("Statut du bilan", candidate.status.label),
    ]
    if record.purge is not None:
        # The one line the purge adds: everything else reads as it did before.
        mark = record.purge
        rows.append(("Contenu détruit (R6313-7)", f"le {_moment(mark.purged_at)}, par {mark.by or NOT_SET}"))
    return table(FACT_HEADERS, rows)


def _consent_table(record: CandidateRecord, now: datetime) -> str:
    candidate = record.candidate
    scope = ["le bilan de compétences"]
    if candidate.keep_documents_consent:
        scope.append("la conservation des documents un an pour l'entretien de suivi")
    if candidate.synthesis_to_adviser:
        scope.append("la transmission de la synthèse au conseiller en évolution professionnelle")
    rows = [
        ("Consentement du bénéficiaire", _long(candidate.consent_date)),
        ("Portée du consentement", " ; ".join(scope) if candidate.consent_date else NOT_SET),
    ]
    has_agreement = candidate.agreement_sent_date or candidate.agreement_date
    if not candidate.funding.employer_funded and not has_agreement:
        rows.append(("Convention tripartite (R6313-8)", f"sans objet (financement : {candidate.funding.label})"))
        return table(FACT_HEADERS, rows)
    rows += [
        ("Convention tripartite envoyée", _long(candidate.agreement_sent_date)),
        ("Convention tripartite signée", _or(candidate.agreement_date, "non signée")),
        (f"Délai de signature ({AGREEMENT_DAYS} jours, R6313-8)", _agreement_delay(
            candidate.agreement_sent_date, candidate.agreement_date, now.date()
        )),
    ]
    return table(FACT_HEADERS, rows)


def _agreement_delay(sent: date | None, signed: date | None, today: date) -> str:
    if sent is None:
        return "non vérifiable (date d'envoi non renseignée)"
    if signed is None:
        waited = (today - sent).days
        verdict = "dépassé" if waited > AGREEMENT_DAYS else "en cours"
        return f"{verdict} : non signée {_days(waited)} après l'envoi"
    took = (signed - sent).days
    verdict = "dépassé" if took > AGREEMENT_DAYS else "respecté"
    return f"{verdict} : signée {_days(took)} après l'envoi"


def _hours_table(record: CandidateRecord, now: datetime) -> str:
    budget = record.candidate.hours_budget
    if budget == LEGAL_BUDGET_HOURS:
        budget_text = f"{format_budget(budget)} (durée légale, L6313-4)"
    else:
        side = "au-delà des" if budget > LEGAL_BUDGET_HOURS else "en deçà des"
        budget_text = f"{format_budget(budget)} (budget modifié, {side} {format_budget(LEGAL_BUDGET_HOURS)} légales)"
    rows = [
        ("Budget d'heures", budget_text),
        ("Heures utilisées", f"{format_hours(record.hours_used(now))} sur {format_budget(budget)}"),
    ]
    return table(FACT_HEADERS, rows)


def _budget_overrides(changes: list[tuple[ChangeEvent, str]]) -> list[str]:
    lines = [line for event, line in changes if event.kind is ChangeKind.BUDGET_EXCEEDED]
    return [
        heading(PART, "Dépassements du budget confirmés"),
        bullet_list(lines) if lines else emphasis("Aucun dépassement du budget d'heures."),
    ]


# --- séances ------------------------------------------------------------------


def _seances_table(record: CandidateRecord, phases: PhaseSet, now: datetime) -> str:
    rows = []
    for seance in sorted(record.seances, key=lambda s: s.number):
        held = seance.start is not None
        duration = format_hours(seance.duration(now)) if held else "—"
        if held and seance.pauses:
            duration += " (pauses déduites)"
        status = seance.status.label + (" — entretien de suivi" if seance.follow_up else "")
        rows.append(
            (
                f"n° {seance.number}",
                format_date(seance.day) if seance.day else NOT_SET,
                _times(seance),
                duration,
                phases.label(seance.phase),
                status,
                _notes_fact(record, seance),
                _tools(seance, phases),
            )
        )
    return table(SEANCE_HEADERS, rows)


def _times(seance: Seance) -> str:
    if seance.start is None:
        return "—"
    return f"{clock(seance.start)} – {clock(seance.end) if seance.end else 'en cours'}"


def _notes_fact(record: CandidateRecord, seance: Seance) -> str:
    """Whether the séance has notes, and their size: what the purge keeps of them."""
    size = (seance.notes_size or 0) if record.purge is not None else len(seance.notes)
    return f"oui ({_count(size)} caractère{'s' if size > 1 else ''})" if size else "aucune"


def _tools(seance: Seance, phases: PhaseSet) -> str:
    """The catalogue's names; a free-text tool only as counted (``FREE_TOOL``)."""
    counted = Counter(audit_tool_name(tool, phases) for tool in seance.tools)
    if not counted:
        return "aucun"
    return " ; ".join(name if n == 1 else f"{name} (×{n})" for name, n in counted.items())


# --- roadmap, synthesis, closing ----------------------------------------------


def _roadmap_table(record: CandidateRecord) -> str:
    numbers = objective_numbers(record.events, record.roadmap)
    rows = [
        (
            objective_label(numbers.get(item.id)),
            format_date(item.deadline) if item.deadline else "non fixé",
            item.status.label,
            f"séance n° {item.created_in}" if item.created_in else "—",
        )
        for item in record.roadmap
    ]
    return table(ROADMAP_HEADERS, rows)


def _synthesis_table(record: CandidateRecord) -> str:
    rows = [
        (f"n° {version.number}", _moment(version.started), _or(version.handed_over, "non remise"))
        for version in sorted(record.synthesis, key=lambda v: v.number)
    ]
    return table(SYNTHESIS_HEADERS, rows)


def _closing_table(record: CandidateRecord) -> str:
    candidate = record.candidate
    follow_ups = [s for s in record.seances if s.follow_up]
    rows = [("Entretien de suivi", _follow_up(s)) for s in follow_ups]
    if candidate.follow_up_declined:
        rows.append(("Entretien de suivi", "décliné par le bénéficiaire"))
    if not rows:
        rows.append(("Entretien de suivi", "non prévu"))
    rows.append(("Fin du bilan", _long(candidate.end_date) if candidate.end_date else "bilan non clos"))
    return table(FACT_HEADERS, rows)


def _follow_up(seance: Seance) -> str:
    if seance.start is not None:
        return f"tenu le {format_date_long(seance.start.date())} (séance n° {seance.number})"
    planned = format_date_long(seance.planned_date) if seance.planned_date else "date non fixée"
    return f"prévu le {planned} (séance n° {seance.number})" if seance.planned_date else f"prévu, {planned}"


# --- small formats --------------------------------------------------------------


def _start_date(record: CandidateRecord) -> date | None:
    held = [s.start for s in record.seances if s.start is not None]
    return record.candidate.start_date or (min(held).date() if held else None)


def _dated(event: ChangeEvent, text: str) -> str:
    where = f"séance n° {event.seance}" if event.seance is not None else "hors séance"
    return f"{format_date(event.at)} à {clock(event.at)} — {where} — {text}"


def _moment(moment: datetime) -> str:
    return f"{format_date_long(moment.date())} à {clock(moment)}"


def _long(day: date | None) -> str:
    return _or(day, NOT_SET)


def _or(day: date | None, missing: str) -> str:
    return format_date_long(day) if day else missing


def _days(n: int) -> str:
    return f"{n} jour{'s' if abs(n) > 1 else ''}"


def _count(n: int) -> str:
    return f"{n:,}".replace(",", THOUSANDS)
