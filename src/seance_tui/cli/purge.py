"""``seance purge``: the R6313-7 destruction of a closed bilan's content,
one candidate or every one whose retention has ended (``--due``).

Today's date is the machine's, or ``SEANCE_TODAY`` (``AAAA-MM-JJ``) when set:
the fixed clock of the tests, and a way to see what a later ``--due`` will
list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import paths
from ..domain.dates import format_date
from ..domain.phases import PhaseFileError
from ..domain.record import CandidateRecord, RuleError
from ..domain.text import one_line, visible_controls
from ..storage.errors import CandidateFileError, StorageError
from .common import (
    EXIT_FOUND_PROBLEMS, EXIT_OK, TODAY_ENV, CommandError, find_candidate, now_clock, print_problems,
    read_only_store, today,
)


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    purge = commands.add_parser(
        "purge", parents=[common], help="détruire le contenu d'un bilan clos (R6313-7)",
        description="Détruit le contenu d'un bilan clos (notes, feuille de route, synthèse, exports, copies, "
        "index de recherche) et garde un dossier sans contenu : dates, durées, heures, phases. "
        f"Date du jour : ${TODAY_ENV} (AAAA-MM-JJ) si défini.",
    )
    which = purge.add_mutually_exclusive_group(required=True)
    which.add_argument("candidate", metavar="CANDIDAT", nargs="?", help="identifiant ou partie du nom")
    which.add_argument("--due", action="store_true", help="chaque bilan dont la durée de conservation est échue")
    purge.add_argument("--dry-run", action="store_true", help="dire ce qui serait détruit et gardé, sans rien toucher")
    purge.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    purge.add_argument(
        "--cache-dir", metavar="DOSSIER",
        help=f"le cache de l'index de recherche (sinon ${paths.CACHE_DIR_ENV}, sinon le cache utilisateur)",
    )


def cmd_purge(args: argparse.Namespace, data_dir: Path) -> int:
    # Imported here: every command builds this parser (`seance --version` loads no store).
    from ..services.purge import Purger
    from ..storage.locks import LockOwner

    store = read_only_store(data_dir)
    day = today()
    clock = now_clock()
    try:
        purger = Purger(data_dir, paths.resolve_cache_dir(args.cache_dir), LockOwner.of_this_process().address, clock)
    except PhaseFileError as exc:
        raise CommandError(str(exc)) from exc
    for settled in purger.settle_interrupted():
        verb = "terminée" if settled.completed else "annulée (le dossier n'avait pas changé)"
        print(f"Purge interrompue de {settled.candidate_id} : {verb}.")
    if args.due:
        records, problems = purger.due(day)
        print_problems(problems)
        if not records:
            print(f"Aucun bilan dont la conservation est échue au {format_date(day)}.")
            return EXIT_OK
    else:
        try:
            records = [store.load(find_candidate(store, args.candidate))]
        except CandidateFileError as exc:
            raise CommandError(str(exc)) from exc
    if not args.due:
        return _purge_one(purger, records[0], args)
    code = EXIT_OK
    for record in records:  # one refused (a workspace has it open) stops none of the others
        try:
            code = max(code, _purge_one(purger, record, args))
        except CommandError as exc:
            print(f"seance : {visible_controls(str(exc))}", file=sys.stderr)
            code = max(code, exc.code)
    return code


def _purge_one(purger, record: CandidateRecord, args: argparse.Namespace) -> int:
    from ..storage.locks import CandidateLocked

    cid = record.candidate.id
    try:
        plan = purger.plan(record)
    except RuleError as exc:
        raise CommandError(f"{cid} : {exc}") from exc
    print(_describe(record, plan, dry_run=args.dry_run))
    if args.dry_run:
        return EXIT_OK
    if not args.yes and not _confirmed(cid):
        print(f"Purge de {cid} annulée.")
        return EXIT_FOUND_PROBLEMS
    try:
        purger.purge(cid)
    except CandidateLocked as exc:
        holder = exc.owner.describe() if exc.owner else "un autre programme"
        raise CommandError(f"{cid} : dossier ouvert en écriture par {holder} : purge refusée ; fermez-le d'abord.")
    except RuleError as exc:
        raise CommandError(f"{cid} : {exc}") from exc
    except (OSError, StorageError) as exc:
        raise CommandError(f"{cid} : purge interrompue ({exc}) ; elle sera reprise au prochain démarrage.") from exc
    print(f"Dossier {cid} purgé : il ne garde que des dates, des durées et des heures.")
    return EXIT_OK


def _confirmed(candidate_id: str) -> bool:
    print(f"Pour détruire ce contenu, tapez l'identifiant du dossier ({candidate_id}) : ", end="", flush=True)
    answer = sys.stdin.readline()
    return answer.strip() == candidate_id


def _describe(record: CandidateRecord, plan, dry_run: bool) -> str:
    c = record.candidate
    end = format_date(c.end_date) if c.end_date else "—"
    until = format_date(plan.retention_end) if plan.retention_end else "—"
    lines = [
        f"Dossier {c.id} (« {one_line(c.name)} ») : bilan clos le {end}, conservation jusqu'au {until}.",
        "Sera détruit :" if dry_run else "Va être détruit :",
        f"  {plan.candidate_file} : réécrit sans contenu ; le nom et le contact,",
        f"    {plan.notes} note(s) de séance ({plan.notes_chars} caractères, dont {plan.private_parts} "
        f"partie(s) privée(s)), {plan.next_steps} « prochaines étapes », {plan.free_tools} outil(s) hors liste,",
        f"    {plan.roadmap_texts} texte(s) de la feuille de route (objectifs et moyens),",
        f"    {plan.synthesis_versions} version(s) du document de synthèse (leur texte),",
        "    les textes du journal des modifications",
    ]
    lines += [f"  {p}" for p in plan.export_files]
    lines += [f"  {p} (copie de secours)" for p in plan.recovery_copies]
    lines += [f"  {p} (journal d'erreur)" for p in plan.crash_logs]
    lines += [f"  {p} : les séances de ce dossier, puis compactage" for p in plan.search_indexes]
    lines += [f"  {p} : l'entrée de ce dossier" for p in plan.listing_caches]
    if plan.lock_owner:
        lines.append(f"  {plan.lock_owner}")
    lines += [f"  {p} (écriture interrompue)" for p in plan.temp_files]
    lines += [
        f"Restera, dans {plan.candidate_file} :",
        f"  l'identifiant, les dates, horaires, pauses et phases des {plan.seances} séance(s) et la taille de "
        "leurs notes, les heures, le consentement et la convention, la date de fin, les jalons, les dates du "
        "document de synthèse, le journal des modifications sans ses textes, la date de la purge et son auteur.",
    ]
    return "\n".join(lines)


COMMANDS = {"purge": cmd_purge}
