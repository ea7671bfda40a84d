"""The change log in French: one sentence per logged event, for every reader
of it (the full history export, review's roadmap screen).

An objective is named as it read when the change was made, not as it reads
today: Qualiopi's auditors compare the log with the séance notes of that
day. The events are replayed in order: an addition gives the item its first
wording, a modification of the objective its next one.

The same describer has a content-free mode (``content_free=True``), for the
Qualiopi audit pack (export/qualiopi.py): it must read the same before and
after the R6313-7 purge, which empties the roadmap's texts. There an objective
is named by its number (« objectif n° 3 », numbered in order of creation, see
``objective_numbers``), a change of wording or means says only that the text
changed, and a bilan event shows only the values that cannot hold the
consultant's words (dates, numbers, statuses, who).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import ChangeEvent, ChangeKind, RoadmapItem, RoadmapStatus
from .phases import PhaseSet

# The French name of each field of the log's before/after, in the order they are named
# (also what export/roadmap.py says a séance changed).
FIELD_LABELS = {"objective": "objectif", "means": "moyens", "deadline": "délai", "status": "statut"}
UNKNOWN_NAME = "?"


@dataclass(frozen=True)
class DescribedChange:
    event: ChangeEvent
    text: str


def describe_changes(
    events: list[ChangeEvent], roadmap: list[RoadmapItem], phases: PhaseSet, *, content_free: bool = False
) -> list[DescribedChange]:
    """Every event, in the order of the log, with its French sentence
    (``content_free``: without any text the purge destroys, see the module's doc)."""
    if content_free:
        numbers = objective_numbers(events, roadmap)
        return [
            DescribedChange(event, describe(event, _numbered(numbers, event.target), phases, content_free=True))
            for event in events
        ]
    names = _names_at_the_time(events, {item.id: item.objective for item in roadmap})
    return [DescribedChange(event, describe(event, name, phases)) for event, name in zip(events, names)]


def objective_numbers(events: list[ChangeEvent], roadmap: list[RoadmapItem]) -> dict[str, int]:
    """Each roadmap item's number, from 1, in order of creation: the order its
    id first appears in the roadmap's events (its addition), then the items the
    log never mentions (a file older than its log) in the roadmap's order.
    Ids and the log's order survive the purge: so do these numbers."""
    order: dict[str, int] = {}
    for event in events:
        if event.kind in ROADMAP_KINDS and event.target not in order:
            order[event.target] = len(order) + 1
    for item in roadmap:
        order.setdefault(item.id, len(order) + 1)
    return order


def objective_label(number: int | None) -> str:
    """``objectif n° 3``: how the content-free mode names an objective."""
    return f"objectif n° {number if number is not None else UNKNOWN_NAME}"


def _numbered(numbers: dict[str, int], target: str) -> str:
    return objective_label(numbers.get(target))


def _names_at_the_time(events: list[ChangeEvent], current: dict[str, str]) -> list[str]:
    """Each event's item wording just before the event (its own wording for an addition).

    Replayed forwards; an item whose earlier wording the log never recorded
    (a file older than its log) takes the wording the next change of its
    objective started from, or failing that its current one.
    """
    later: dict[str, str] = dict(current)
    known_after: list[str | None] = [None] * len(events)
    for i in range(len(events) - 1, -1, -1):  # backwards: the wording each event led to
        event = events[i]
        known_after[i] = later.get(event.target)
        if "objective" in event.before:
            later[event.target] = event.before["objective"]
        elif event.kind is ChangeKind.ROADMAP_ADDED and "objective" in event.after:
            later.pop(event.target, None)  # before its addition the item had no wording
    names: dict[str, str] = {}
    result = []
    for event, fallback in zip(events, known_after):
        name = event.before.get("objective") or names.get(event.target)
        if event.kind is ChangeKind.ROADMAP_ADDED:
            name = event.after.get("objective") or name
        name = name or fallback or UNKNOWN_NAME
        result.append(name)
        names[event.target] = event.after.get("objective") or name
    return result


ROADMAP_KINDS = frozenset(
    {
        ChangeKind.ROADMAP_ADDED,
        ChangeKind.ROADMAP_MODIFIED,
        ChangeKind.ROADMAP_STATUS,
        ChangeKind.ROADMAP_DELETED,
        ChangeKind.ROADMAP_MOVED,
    }
)
# The roadmap's fields that are not text (objective, means: the purge empties
# those): the only ones whose values the content-free mode shows.
VALUE_FIELDS = ("deadline", "status")
# Log fields whose values are the consultant's or the candidate's words: the
# R6313-7 purge empties them (domain/purge.py) and the content-free mode never
# shows them, before the purge or after it, so the audit pack reads the same.
TEXT_FIELDS = frozenset(
    {"objective", "means", "notes", "next_steps", "tools", "tool", "text", "sections", "section_text",
     "name", "contact", "source", "comment", "reason", "title"}
)
TEXT_CHANGED = "texte modifié"


def describe(event: ChangeEvent, name: str, phases: PhaseSet, *, content_free: bool = False) -> str:
    kind = event.kind
    if kind in ROADMAP_KINDS:
        return _roadmap_sentence(event, name, content_free)
    if kind is ChangeKind.SEANCE_REOPENED:
        return "Séance rouverte pour correction"
    if kind in _SYNTHESIS_KINDS:
        return _synthesis_sentence(event)
    if kind in _SEANCE_DETAIL_KINDS and not content_free:  # next steps and free tools are the consultant's words
        return _seance_details_sentence(event)
    if kind is ChangeKind.IMPORTED:
        return _import_sentence(event, content_free)
    if kind in _BILAN_SENTENCES:
        return _bilan_sentence(event, content_free)
    if kind is ChangeKind.BUDGET_EXCEEDED:
        # L6313-4 caps a bilan's hours: going past the cap is the consultant's decision, on record.
        used, budget = event.after.get("used", "?"), event.after.get("budget", "?")
        return f"Dépassement du budget d'heures confirmé ({used} utilisées sur {budget})"
    phase_key, item_key = checklist_target(event.target)
    verb = "coché" if kind is ChangeKind.CHECKLIST_TICKED else "décoché"
    return f"Jalon {verb} : « {_checklist_label(phases, phase_key, item_key)} » ({phases.label(phase_key)})"


# The bilan's own steps (séance details, synthesis, consent, end, purge):
# a sentence, then what changed, each value as it was recorded at the time.
_BILAN_SENTENCES = {
    ChangeKind.SEANCE_DETAILS: "Détails de la séance modifiés",
    ChangeKind.SEANCE_CORRECTED: "Séance refermée après correction",
    ChangeKind.SYNTHESIS_DRAFTED: "Document de synthèse : brouillon commencé",
    ChangeKind.SYNTHESIS_NEW_VERSION: "Document de synthèse : nouvelle version après sa remise",
    ChangeKind.SYNTHESIS_HANDED_OVER: "Document de synthèse remis au bénéficiaire",
    # closing (domain/agreement.py, follow_up.py, closing.py): fields in _CLOSING_FIELD_LABELS
    ChangeKind.CONSENT_CHANGED: "Consentement du bénéficiaire enregistré",
    ChangeKind.AGREEMENT_CHANGED: "Convention tripartite (R6313-8) enregistrée",
    ChangeKind.FOLLOW_UP_PLANNED: "Entretien de suivi prévu",
    ChangeKind.FOLLOW_UP_DECLINED: "Entretien de suivi décliné par le bénéficiaire",
    ChangeKind.BILAN_CLOSED: "Bilan clos",
    ChangeKind.PURGED: "Contenu du dossier détruit (R6313-7)",
    ChangeKind.IMPORTED: "Dossier importé",
}
# The French name of the fields these events record (before/after).
BILAN_FIELD_LABELS = {
    "version": "version",
    "date": "date",
    "by": "par",
    "source": "origine",
}


# A value made only of these reads as a date, a time, a number or a count: it
# cannot hold the consultant's words, so the content-free mode may show it.
_CONTENT_FREE_VALUE = re.compile(r"[0-9 /:.,hT+-]*")
# Values shown in the content-free mode whatever they look like: who ran a step,
# a roadmap status (a code from RoadmapStatus), a yes/no.
_CONTENT_FREE_KEYS = frozenset({"by", "status"})
_YES_NO = frozenset({"oui", "non", "true", "false"})


def _safe_value(key: str, value: str) -> bool:
    if key in TEXT_FIELDS:  # emptied by the purge: shown neither before nor after it
        return False
    return key in _CONTENT_FREE_KEYS or value.lower() in _YES_NO or _CONTENT_FREE_VALUE.fullmatch(value) is not None


# The consent, agreement, follow-up and close events' fields; yes/no values
# are recorded as « oui »/« non », dates as dd/mm/yyyy.
_CLOSING_FIELD_LABELS = {
    "consent_date": "date du consentement",
    "keep_documents_consent": "documents gardés un an pour le suivi",
    "synthesis_to_adviser": "synthèse transmise au conseiller CEP",
    "agreement_sent_date": "envoyée le",
    "agreement_date": "signée le",
    "withdrawn": "entretien prévu retiré",
    "end_date": "fin du bilan",
    "cancelled": "séances prévues annulées",
}


def _bilan_sentence(event: ChangeEvent, content_free: bool = False) -> str:
    sentence = _BILAN_SENTENCES[event.kind]
    keys = list(dict.fromkeys([*event.before, *event.after]))
    details = []
    for key in keys:
        label = (
            BILAN_FIELD_LABELS.get(key) or _CLOSING_FIELD_LABELS.get(key) or DETAIL_FIELD_LABELS.get(key)
            or FIELD_LABELS.get(key, key)
        )
        before, after = event.before.get(key), event.after.get(key)
        if content_free and not all(_safe_value(key, v) for v in (before, after) if v is not None):
            details.append(f"{label} : {TEXT_CHANGED}")
            continue
        if before is not None and after is not None:
            details.append(f"{label} : {before or 'aucun'} → {after or 'aucun'}")
        else:
            details.append(f"{label} : {after if after is not None else before}")
    return sentence + (f" ({' ; '.join(details)})" if details else "")


# --- the document de synthèse (domain/synthesis.py) ----------------------------
# Its versions are what an auditor follows: which one was started, which one
# the beneficiary received and when, and that a later change made a new one.
_SYNTHESIS_KINDS = {ChangeKind.SYNTHESIS_DRAFTED, ChangeKind.SYNTHESIS_NEW_VERSION, ChangeKind.SYNTHESIS_HANDED_OVER}


def _synthesis_sentence(event: ChangeEvent) -> str:
    number = event.after.get("version", "?")
    if event.kind is ChangeKind.SYNTHESIS_DRAFTED:
        from_notes = event.after.get("from_notes") == "oui"
        return f"Document de synthèse : brouillon commencé (version {number})" + (
            ", à partir des notes des séances" if from_notes else ""
        )
    if event.kind is ChangeKind.SYNTHESIS_NEW_VERSION:
        old = event.before.get("version", "?")
        return f"Document de synthèse : version {number} commencée ; la version {old}, déjà remise, reste inchangée"
    day = event.after.get("date")
    return f"Document de synthèse (version {number}) remis au bénéficiaire" + (f" le {day}" if day else "")
def _roadmap_sentence(event: ChangeEvent, name: str, content_free: bool) -> str:
    """A roadmap change. Worded: the objective as it read then, every field.
    Content-free: the objective by its number (``name`` is « objectif n° 3 »),
    a changed text said to have changed; deadlines, statuses, positions kept."""
    kind = event.kind
    # The objective is the line's subject, and "à faire" is what every item starts as.
    shown = VALUE_FIELDS if content_free else tuple(k for k in event.after if k != "objective")
    title = name[0].upper() + name[1:] if content_free else ""
    if kind is ChangeKind.ROADMAP_ADDED:
        details = " ; ".join(
            _field(k, v) for k, v in event.after.items()
            if v and k in shown and not (k == "status" and v == RoadmapStatus.TODO)
        )
        head = f"{title} ajouté" if content_free else f"Objectif ajouté : « {name} »"
        return head + (f" ({details})" if details else "")
    if kind is ChangeKind.ROADMAP_MODIFIED:
        diffs = " ; ".join(
            f"{FIELD_LABELS.get(key, key)} : {TEXT_CHANGED}" if content_free and key not in VALUE_FIELDS
            else f"{_field(key, event.before.get(key, ''))} → {_value(key, value)}"
            for key, value in event.after.items()
        )
        if content_free:
            return f"{title} modifié" + (f" — {diffs}" if diffs else "")
        return f"Objectif modifié : « {name} » — {diffs}"
    if kind is ChangeKind.ROADMAP_STATUS:
        before = _value("status", event.before.get("status", ""))
        after = _value("status", event.after.get("status", ""))
        subject = f"l'{name}" if content_free else f"« {name} »"
        return f"Statut de {subject} : {before} → {after}"
    if kind is ChangeKind.ROADMAP_DELETED:
        return f"{title} retiré" if content_free else f"Objectif retiré : « {name} »"
    moved = f"{event.before.get('position', '?')} → {event.after.get('position', '?')}"
    return f"{title} déplacé (position {moved})" if content_free else f"Objectif déplacé : « {name} » (position {moved})"


# --- séance details (domain/details.py) and corrections (CandidateRecord.close_seance) ---

_SEANCE_DETAIL_KINDS = (ChangeKind.SEANCE_DETAILS, ChangeKind.SEANCE_CORRECTED)
DETAIL_FIELD_LABELS = {"tools": "outils", "next_steps": "prochaines étapes", "next_date": "prochaine séance"}


def _seance_details_sentence(event: ChangeEvent) -> str:
    """``Détails de la séance : outils : aucun → Jeu de rôle ; prochaine séance : aucune → 15/01/2027``.

    Each field as it was recorded; multi-line next steps on one line (the
    log is read one line per event)."""
    if event.kind is ChangeKind.SEANCE_CORRECTED:
        return "Séance refermée après correction : son compte rendu est refait, marqué corrigé"
    details = []
    for key in DETAIL_FIELD_LABELS:
        if key in event.before or key in event.after:
            before = _one_line(event.before.get(key, "")) or _nothing(key)
            after = _one_line(event.after.get(key, "")) or _nothing(key)
            details.append(f"{DETAIL_FIELD_LABELS[key]} : {before} → {after}")
    return "Détails de la séance modifiés" + (f" — {' ; '.join(details)}" if details else "")


def _one_line(value: str) -> str:
    return " / ".join(line.strip() for line in value.splitlines() if line.strip())


def _nothing(key: str) -> str:
    return "aucune" if key in ("next_steps", "next_date") else "aucun"


def checklist_target(target: str) -> tuple[str, str]:
    """The phase key and item key of a checklist change's target (``checklist:<phase>:<item>``)."""
    _, _, rest = target.partition(":")
    phase, _, item = rest.partition(":")
    return phase, item


def _field(key: str, value: str) -> str:
    return f"{FIELD_LABELS.get(key, key)} : {_value(key, value)}"


def _value(key: str, value: str) -> str:
    if not value:
        return "aucun"
    if key == "status":
        try:
            return RoadmapStatus(value).label
        except ValueError:
            return value
    return value if key == "deadline" else f"« {value} »"


def _checklist_label(phases: PhaseSet, phase_key: str, item_key: str) -> str:
    phase = phases.get(phase_key)
    item = next((c for c in phase.checklist if c.key == item_key), None) if phase else None
    return item.label if item else item_key


# --- a file brought in from an archive (domain/dossier.py, `seance import`) ---
# Where it came from is words (a file name, a centre's name, an old id that
# holds the name's slug): the content-free mode keeps only the export's date.


def _import_sentence(event: ChangeEvent, content_free: bool = False) -> str:
    source, centre = event.after.get("source"), event.after.get("centre")
    exported, previous = event.after.get("exported_at"), event.after.get("previous_id")
    if content_free:
        shown = exported and _safe_value("exported_at", exported)
        return "Dossier importé" + (f" (export du {exported})" if shown else "")
    sentence = "Dossier importé" + (f" depuis « {source} »" if source else "")
    details = [f"export du {exported}" if exported else "", f"par {centre}" if centre else ""]
    details = [" ".join(d for d in details if d)]
    if previous:
        details.append(f"ancien identifiant : {previous}")
    details = [d for d in details if d]
    return sentence + (f" ({' ; '.join(details)})" if details else "")
