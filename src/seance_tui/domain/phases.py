"""The bilan's timeline, read from data (``phases.json``), never hard-coded:
a centre may run only the three legal phases plus follow-up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class PhaseFileError(ValueError):
    """phases.json is unreadable or malformed; the message names the file."""


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    # The event that ticks this step by itself (``"synthesis_handed_over"``):
    # a centre's phases.json says which step a recorded act completes.
    ticked_by: str | None = None


@dataclass(frozen=True)
class Phase:
    key: str
    label: str
    description: str
    legal: bool
    checklist: tuple[ChecklistItem, ...]
    # The tools a consultant picks from for a séance of this phase (tests,
    # questionnaires, ...); free text may be added beside them.
    tools: tuple[str, ...] = ()
    # Closing a séance of this phase proposes the follow-up interview (R6313-4).
    follow_up: bool = False


@dataclass(frozen=True)
class PhaseSet:
    phases: tuple[Phase, ...]

    def __iter__(self):
        return iter(self.phases)

    def __len__(self) -> int:
        return len(self.phases)

    def get(self, key: str) -> Phase | None:
        return next((p for p in self.phases if p.key == key), None)

    def label(self, key: str) -> str:
        """A phase a centre has since removed still shows, by its key."""
        phase = self.get(key)
        return phase.label if phase else key

    def index(self, key: str) -> int:
        """Position in the timeline; unknown keys sort last."""
        for i, phase in enumerate(self.phases):
            if phase.key == key:
                return i
        return len(self.phases)

    @property
    def first(self) -> Phase:
        return self.phases[0]

    def ticked_by(self, event: str) -> tuple[tuple[str, str], ...]:
        """The (phase, item) keys of the checklist steps that ``event`` ticks."""
        return tuple((p.key, c.key) for p in self.phases for c in p.checklist if c.ticked_by == event)

    @property
    def all_tools(self) -> tuple[str, ...]:
        """Every tool of every phase's list, each once, in timeline order."""
        return tuple(dict.fromkeys(tool for phase in self.phases for tool in phase.tools))


def load_phases(path: Path) -> PhaseSet:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PhaseFileError(f"{path} : lecture impossible ({exc})") from exc
    try:
        phases = tuple(
            Phase(
                key=str(p["key"]),
                label=str(p["label"]),
                description=str(p.get("description", "")),
                legal=bool(p.get("legal", False)),
                checklist=tuple(
                    ChecklistItem(key=str(c["key"]), label=str(c["label"]),
                                  ticked_by=str(c["ticked_by"]) if c.get("ticked_by") else None)
                    for c in p.get("checklist", [])
                ),
                tools=tuple(str(t) for t in p.get("tools", [])),
                follow_up=bool(p.get("follow_up", False)),
            )
            for p in raw["phases"]
        )
    except (KeyError, TypeError) as exc:
        raise PhaseFileError(f"{path} : format inattendu ({exc!r} manquant ou invalide)") from exc
    if not phases:
        raise PhaseFileError(f"{path} : aucune phase définie")
    keys = [p.key for p in phases]
    if len(set(keys)) != len(keys):
        raise PhaseFileError(f"{path} : clé de phase en double")
    return PhaseSet(phases)
