"""The change log in French: one sentence per logged event, for every reader
of it (the full history export, review's roadmap screen).

An objective is named as it read when the change was made, not as it reads
today: Qualiopi's auditors compare the log with the séance notes of that
day. The events are replayed in order: an addition gives the item its first
wording, a modification of the objective its next one.
"""

from __future__ import annotations

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
    events: list[ChangeEvent], roadmap: list[RoadmapItem], phases: PhaseSet
) -> list[DescribedChange]:
    """Every event, in the order of the log, with its French sentence."""
    names = _names_at_the_time(events, {item.id: item.objective for item in roadmap})
    return [DescribedChange(event, describe(event, name, phases)) for event, name in zip(events, names)]


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


def describe(event: ChangeEvent, name: str, phases: PhaseSet) -> str:
    kind = event.kind
    if kind is ChangeKind.ROADMAP_ADDED:
        # The objective is the line's subject, and "à faire" is what every item starts as.
        details = " ; ".join(
            _field(k, v)
            for k, v in event.after.items()
            if v and k != "objective" and not (k == "status" and v == RoadmapStatus.TODO)
        )
        return f"Objectif ajouté : « {name} »" + (f" ({details})" if details else "")
    if kind is ChangeKind.ROADMAP_MODIFIED:
        diffs = " ; ".join(
            f"{_field(key, event.before.get(key, ''))} → {_value(key, value)}" for key, value in event.after.items()
        )
        return f"Objectif modifié : « {name} » — {diffs}"
    if kind is ChangeKind.ROADMAP_STATUS:
        before = _value("status", event.before.get("status", ""))
        after = _value("status", event.after.get("status", ""))
        return f"Statut de « {name} » : {before} → {after}"
    if kind is ChangeKind.ROADMAP_DELETED:
        return f"Objectif retiré : « {name} »"
    if kind is ChangeKind.ROADMAP_MOVED:
        moved = f"{event.before.get('position', '?')} → {event.after.get('position', '?')}"
        return f"Objectif déplacé : « {name} » (position {moved})"
    if kind is ChangeKind.SEANCE_REOPENED:
        return "Séance rouverte pour correction"
    if kind in _SYNTHESIS_KINDS:
        return _synthesis_sentence(event)
    if kind in _BILAN_SENTENCES:
        return _bilan_sentence(event)
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
    ChangeKind.CONSENT_CHANGED: "Consentement du bénéficiaire modifié",
    ChangeKind.AGREEMENT_CHANGED: "Convention tripartite modifiée",
    ChangeKind.FOLLOW_UP_PLANNED: "Entretien de suivi prévu",
    ChangeKind.FOLLOW_UP_DECLINED: "Entretien de suivi décliné",
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


def _bilan_sentence(event: ChangeEvent) -> str:
    sentence = _BILAN_SENTENCES[event.kind]
    keys = list(dict.fromkeys([*event.before, *event.after]))
    details = []
    for key in keys:
        label = BILAN_FIELD_LABELS.get(key, FIELD_LABELS.get(key, key))
        before, after = event.before.get(key), event.after.get(key)
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
        source = event.after.get("source")
        return f"Document de synthèse : brouillon commencé (version {number})" + (
            f", à partir des {source}" if source else ""
        )
    if event.kind is ChangeKind.SYNTHESIS_NEW_VERSION:
        old = event.before.get("version", "?")
        return f"Document de synthèse : version {number} commencée ; la version {old}, déjà remise, reste inchangée"
    day = event.after.get("date")
    return f"Document de synthèse (version {number}) remis au bénéficiaire" + (f" le {day}" if day else "")


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
