"""``seance close-bilan``: the end of a bilan, after its check list."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..domain.dates import DateParseError, MissingYear, format_date_long, parse_french_date
from ..domain.record import RuleError
from ..domain.text import one_line
from ..storage.errors import CandidateFileError
from .common import EXIT_OK, CommandError, find_candidate, read_only_store


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    close = commands.add_parser(
        "close-bilan", parents=[common], help="clore un bilan (date de fin, après vérifications)",
        description=(
            "Enregistre la fin du bilan après une liste de vérifications : document de synthèse remis, "
            "séances closes, entretien de suivi prévu ou décliné. Le dossier passe ensuite en lecture "
            "seule, sauf l'entretien de suivi."
        ),
    )
    close.add_argument("candidate", metavar="CANDIDAT", help="identifiant ou partie du nom")
    close.add_argument("--date", metavar="JJ/MM/AAAA", help="date de fin du bilan (par défaut : aujourd'hui)")
    close.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    close.add_argument(
        "--cancel-planned", action="store_true",
        help="annuler les séances prévues et jamais tenues (hors entretien de suivi)",
    )


def cmd_close_bilan(args: argparse.Namespace, data_dir: Path) -> int:
    # Imported here: every ``seance`` command parses these parsers, only this one closes a bilan.
    from ..domain.closing import PLANNED, blocking
    from ..services.closing import BilanBusy, open_to_close
    from ..services.errors import SaveFailed

    store = read_only_store(data_dir)  # a missing data dir is an error here, never created
    candidate_id = find_candidate(store, args.candidate)
    now = datetime.now()
    try:
        end = parse_french_date(args.date, now.date(), MissingYear.LAST) if args.date else now.date()
    except DateParseError as exc:
        raise CommandError(f"--date : {exc}") from exc
    name = one_line(args.candidate)
    try:
        with open_to_close(data_dir, candidate_id) as bilan:
            name = one_line(bilan.record.candidate.name)
            checks = bilan.checks()
            print(f"Clôture du bilan de {name} au {format_date_long(end)} :")
            for check in checks:
                mark = "✓" if check.met else "✗"
                print(f"  {mark} {check.label}" + (f" — {check.detail}" if check.detail else ""))
            unmet = blocking(checks, args.cancel_planned)
            if unmet:
                hint = " (--cancel-planned pour annuler les séances prévues)" if any(
                    c.key == PLANNED for c in unmet) else ""
                names = "\n".join(f"  - {c.label} : {c.detail}" for c in unmet)
                raise CommandError(f"bilan non clos, à faire d'abord{hint} :\n{names}")
            if not args.yes and not _confirmed(f"Clore le bilan de {name} ? [o/N] "):
                raise CommandError("rien n'a été modifié (--yes pour clore sans question).")
            bilan.close(end, now, args.cancel_planned)
    except (BilanBusy, RuleError, SaveFailed) as exc:
        raise CommandError(f"{name} : {exc}") from exc
    except CandidateFileError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Bilan de {name} clos le {format_date_long(end)}.")
    return EXIT_OK


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return input(question).strip().lower() in ("o", "oui", "y", "yes")
    except EOFError:
        return False


COMMANDS = {"close-bilan": cmd_close_bilan}
