"""A data dir for the purge tests: one closed bilan whose every text holds a
unique word, and two other candidates that must come out byte-identical."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime
from pathlib import Path

from seance_tui.domain.model import Candidate, FundingRoute, SynthesisVersion
from seance_tui.domain.record import CandidateRecord
from seance_tui.storage import WritableStore

WORD = "zorglubax"
TARGET = "cible-3fa9c1"
OTHERS = ("autre-a1b2c3", "autre-d4e5f6")


def planted_record(candidate_id: str = TARGET, word: str = WORD, end: date | None = date(2027, 6, 30),
                   **candidate_fields) -> CandidateRecord:
    """Every place a candidate's text can live, each holding ``word``."""
    record = CandidateRecord(
        Candidate(
            id=candidate_id, name=f"Camille {word.capitalize()}", consultant="Zoé Ménard",
            funding=FundingRoute.CPF, consent_date=date(2027, 3, 1), start_date=date(2027, 3, 1),
            contact=f"{word}@exemple.fr", **candidate_fields,
        )
    )
    first = record.start_seance("preliminaire", datetime(2027, 3, 1, 9, 0),
                                notes=f"Attentes {word} exprimées.\n\n## Privé\n\nsecret {word} de famille\n")
    record.set_checklist_item("preliminaire", "contrat", True, datetime(2027, 3, 1, 10, 0), first.number)
    record.close_seance(first.number, datetime(2027, 3, 1, 11, 30))
    first.tools = ["Jeu de rôle", f"grille maison {word}"]
    first.next_steps = f"Préparer le récit {word}."
    second = record.start_seance("investigation", datetime(2027, 3, 8, 14, 0), notes=f"Tests {word} passés.")
    item = record.add_roadmap_item(f"Objectif {word}", datetime(2027, 3, 8, 15, 0), second.number,
                                   means=f"Moyens {word}", deadline=date(2027, 9, 30))
    record.edit_roadmap_item(item.id, datetime(2027, 3, 8, 15, 5), second.number, objective=f"Objectif {word} bis")
    record.move_roadmap_item(item.id, 0, datetime(2027, 3, 8, 15, 6), second.number)
    record.close_seance(second.number, datetime(2027, 3, 8, 16, 0))
    record.synthesis.append(SynthesisVersion(1, datetime(2027, 5, 1, 9, 0), {"projet": f"Projet {word}"},
                                             handed_over=date(2027, 5, 10)))
    record.candidate.end_date = end
    return record


def other_record(candidate_id: str) -> CandidateRecord:
    record = CandidateRecord(
        Candidate(id=candidate_id, name=f"Autre {candidate_id[-6:]}", consultant="Zoé Ménard",
                  funding=FundingRoute.CPF)
    )
    seance = record.start_seance("preliminaire", datetime(2027, 3, 2, 9, 0), notes="Des notes ordinaires.")
    record.close_seance(seance.number, datetime(2027, 3, 2, 10, 0))
    record.candidate.end_date = date(2027, 6, 30)  # last: a closed bilan takes no more changes
    return record


def make_world(data_dir: Path) -> WritableStore:
    store = WritableStore(data_dir)
    store.create(planted_record())
    for other in OTHERS:
        store.create(other_record(other))
    return store


def hashes(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def files_of(folder: Path) -> list[Path]:
    return sorted(Path(root) / n for root, _, names in os.walk(folder) for n in names)


def hits(folders: list[Path], word: str = WORD) -> list[Path]:
    """Every file under ``folders`` holding ``word`` in any case, byte by byte."""
    needle = word.lower().encode()
    return [p for folder in folders for p in files_of(folder) if needle in p.read_bytes().lower()]
