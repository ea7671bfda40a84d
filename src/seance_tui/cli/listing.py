"""``seance list`` and ``seance check``: the data dir at a glance, and whether every file reads."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ..domain.dates import format_date
from ..domain.hours import format_budget, format_hours
from ..domain.text import fold, one_line
from .common import EXIT_FOUND_PROBLEMS, EXIT_OK, phases_of, print_problems, read_only_store


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    commands.add_parser(
        "list", parents=[common], help="une ligne par candidat",
        description="Liste les candidats : phase, séances, heures, dernière séance.",
    )
    commands.add_parser(
        "check", parents=[common], help="vérifier chaque fichier",
        description="Vérifie chaque fichier candidat ; une ligne par problème, code 1 s'il y en a.",
    )


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    store = read_only_store(data_dir)
    phases = phases_of(data_dir)
    summaries, problems = store.summaries(phases, datetime.now())
    for s in sorted(summaries, key=lambda s: (s.purged_on is not None, fold(s.name), s.id)):
        last = format_date(s.last_seance_date) if s.last_seance_date else "aucune séance"
        # A purged file has no name any more (R6313-7): its id says which it is.
        name = f"{s.id} · dossier purgé le {format_date(s.purged_on)}" if s.purged_on else one_line(s.name)
        print(
            f"{name}\t{phases.label(s.current_phase)}\t{s.seance_count} séance(s)"
            f"\t{format_hours(s.hours_used)} / {format_budget(s.hours_budget)}\t{last}"
        )
    if not summaries and not problems:
        print(f"Aucun candidat dans {data_dir}.")
    print_problems(problems)
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    store = read_only_store(data_dir)
    from .. import paths
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
