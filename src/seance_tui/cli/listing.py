"""``seance list`` and ``seance check``: the data dir at a glance, and whether every file reads."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime
from pathlib import Path

from .. import paths
from ..domain.dates import format_date
from ..domain.hours import BudgetLevel, budget_level, format_budget, format_hours, warning_threshold
from ..domain.phases import PhaseSet
from ..domain.text import fold, one_line
from ..storage.index import CandidateSummary, listing_cache_file
from .common import EXIT_FOUND_PROBLEMS, EXIT_OK, phases_of, print_problems, read_only_store

SORTS = ("nom", "phase", "heures", "derniere")
# --json and --csv: stable field names, in English (README, « seance list »).
FIELDS = (
    "id", "name", "consultant", "phase", "phase_label", "seances",
    "hours_used", "hours_budget", "budget", "last_seance", "purged_on",
)
HEADER = ("Identifiant", "Nom", "Phase", "Séances", "Heures", "Dernière séance", "Alerte")


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser(
        "list", parents=[common], help="une ligne par candidat",
        description="Liste les candidats : identifiant, nom, phase, séances, heures (⚠ à 20 h de 24 "
        "et au-delà du budget), dernière séance.",
    )
    listing.add_argument("--sort", choices=SORTS, default="nom", help="ordre des lignes (défaut : nom)")
    listing.add_argument("--phase", metavar="PHASE", help="seulement cette phase (clé ou partie du libellé)")
    listing.add_argument("--consultant", metavar="NOM", help="seulement ce consultant (partie du nom)")
    output = listing.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="une liste d'objets JSON, pour les scripts")
    output.add_argument("--csv", action="store_true", help="du CSV avec une ligne d'en-tête, pour un tableur")
    listing.add_argument(
        "--cache-dir", metavar="DOSSIER",
        help=f"où garder l'index de la liste, hors des données (sinon ${paths.CACHE_DIR_ENV}, sinon le cache utilisateur)",
    )
    commands.add_parser(
        "check", parents=[common], help="vérifier chaque fichier",
        description="Vérifie chaque fichier candidat ; une ligne par problème, code 1 s'il y en a.",
    )


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    store = read_only_store(data_dir)
    phases = phases_of(data_dir)
    cache_file = listing_cache_file(paths.resolve_cache_dir(getattr(args, "cache_dir", None)), data_dir)
    summaries, problems = store.summaries(phases, datetime.now(), cache_file)
    shown = _sorted(_filtered(summaries, phases, args), phases, getattr(args, "sort", "nom"))
    if getattr(args, "json", False):
        json.dump([_fields(s, phases) for s in shown], sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif getattr(args, "csv", False):
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_fields(s, phases) for s in shown)
    elif summaries or problems:
        # One write for 5,000 lines: a print per line was a tenth of the run.
        rows = [HEADER, *(_plain_row(s, phases) for s in shown)]
        sys.stdout.write("".join("\t".join(row) + "\n" for row in rows))
        if not shown and summaries:
            print("Aucun candidat ne correspond aux filtres.")
    else:
        print(f"Aucun candidat dans {data_dir}.")
    print_problems(problems)
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


def _filtered(summaries: list[CandidateSummary], phases: PhaseSet, args) -> list[CandidateSummary]:
    wanted_phase = fold(args.phase.strip()) if getattr(args, "phase", None) else None
    wanted_consultant = fold(args.consultant.strip()) if getattr(args, "consultant", None) else None
    kept = []
    for s in summaries:
        if wanted_phase is not None and not (
            wanted_phase == fold(s.current_phase) or wanted_phase in fold(phases.label(s.current_phase))
        ):
            continue
        if wanted_consultant is not None and wanted_consultant not in fold(s.consultant):
            continue
        kept.append(s)
    return kept


def _sorted(summaries: list[CandidateSummary], phases: PhaseSet, sort: str) -> list[CandidateSummary]:
    # Purged files (no name left) come last whatever the order; ties go by name then id.
    by_name = sorted(summaries, key=lambda s: (s.purged_on is not None, fold(s.name), s.id))
    order = [p.key for p in phases]
    if sort == "phase":
        return sorted(by_name, key=lambda s: order.index(s.current_phase) if s.current_phase in order else len(order))
    if sort == "heures":  # most used first: the files to watch
        return sorted(by_name, key=lambda s: -s.hours_used)
    if sort == "derniere":  # most recent séance first, none last
        return sorted(by_name, key=lambda s: (s.last_seance_date is None, -(s.last_seance_date or datetime.min).toordinal()))
    return by_name


def _budget_mark(s: CandidateSummary) -> str:
    level = budget_level(s.hours_used, s.hours_budget)
    if level is BudgetLevel.OVER:
        return "⚠ dépassé"
    if level is BudgetLevel.WARNING:
        return f"⚠ {format_hours(warning_threshold(s.hours_budget))}"
    return ""


def _plain_row(s: CandidateSummary, phases: PhaseSet) -> list[str]:
    last = format_date(s.last_seance_date) if s.last_seance_date else "aucune séance"
    # A purged file has no name any more (R6313-7): its id says which it is.
    name = f"{s.id} · dossier purgé le {format_date(s.purged_on)}" if s.purged_on else one_line(s.name)
    return [
        s.id, name, one_line(phases.label(s.current_phase)), f"{s.seance_count} séance(s)",
        f"{format_hours(s.hours_used)} / {format_budget(s.hours_budget)}", last, _budget_mark(s),
    ]


def _fields(s: CandidateSummary, phases: PhaseSet) -> dict:
    """One candidate for scripts: ISO dates, hours as decimal numbers, the text as stored."""
    return {
        "id": s.id,
        "name": s.name,
        "consultant": s.consultant,
        "phase": s.current_phase,
        "phase_label": phases.label(s.current_phase),
        "seances": s.seance_count,
        "hours_used": round(s.hours_used.total_seconds() / 3600, 2),
        "hours_budget": s.hours_budget,
        "budget": budget_level(s.hours_used, s.hours_budget).value,
        "last_seance": s.last_seance_date.isoformat() if s.last_seance_date else None,
        "purged_on": s.purged_on.isoformat() if s.purged_on else None,
    }


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    store = read_only_store(data_dir)
    from ..services.purge import settle_interrupted_purges

    for settled in settle_interrupted_purges(data_dir, paths.resolve_cache_dir(None)):
        verb = "terminée" if settled.completed else "annulée (le dossier n'avait pas changé)"
        print(f"Purge interrompue de {settled.candidate_id} : {verb}.")
    records, problems = store.load_all()
    for record in sorted((r for r in records if r.purge), key=lambda r: r.candidate.id):
        day = format_date(record.purge.purged_at.date())
        print(f"{store.path_of(record.candidate.id)} : dossier purgé le {day} (R6313-7), lisible")
    if problems:
        for problem in problems:
            print(f"{problem.path} : {problem.message}")
        return EXIT_FOUND_PROBLEMS
    print(f"Tous les fichiers de {data_dir} sont lisibles.")
    return EXIT_OK


COMMANDS = {"list": cmd_list, "check": cmd_check}
