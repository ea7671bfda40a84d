"""``seance export``: a document of one candidate, to a file or to the standard output."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..domain.record import RuleError
from ..services import exports
from ..storage.errors import CandidateFileError, StorageError
from .common import EXIT_OK, CommandError, find_candidate, phases_of, read_only_store


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[common], help="exporter en Markdown",
        description="Exporte le compte rendu d'une séance, l'historique ou le document de synthèse.",
    )
    export.add_argument("candidate", metavar="CANDIDAT", help="identifiant ou partie du nom")
    what = export.add_mutually_exclusive_group()
    what.add_argument("--seance", type=int, metavar="N", help="numéro de séance (par défaut : la dernière tenue)")
    what.add_argument("--history", action="store_true", help="historique complet (document du consultant)")
    what.add_argument("--synthese", action="store_true", help="document de synthèse")
    export.add_argument("-o", "--output", metavar="DOSSIER", help="dossier des exports (par défaut DONNÉES/exports)")
    export.add_argument("--stdout", action="store_true", help="écrire sur la sortie standard au lieu d'un fichier")


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    store = read_only_store(data_dir)
    phases = phases_of(data_dir)
    try:
        record = store.load(find_candidate(store, args.candidate))
    except CandidateFileError as exc:
        raise CommandError(str(exc)) from exc
    now = datetime.now()
    if args.history:
        document, number = exports.Document.HISTORY, None
    elif args.synthese:
        document, number = exports.Document.SYNTHESIS, None
    else:
        document, number = exports.Document.SUMMARY, _chosen_seance(record, args.seance).number
    if args.stdout:
        text, _ = exports.render(record, phases, document, now, number)
        sys.stdout.write(text)
        return EXIT_OK
    exports_dir = exports.exports_dir(data_dir, Path(args.output).expanduser() if args.output else None)
    try:
        path = exports.export_to_file(record, phases, document, now, exports_dir, number)
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    print(path)
    return EXIT_OK


def _chosen_seance(record, number: int | None):
    if number is not None:
        try:
            return record.seance(number)
        except RuleError as exc:
            raise CommandError(f"{record.candidate.name} : {exc}") from exc
    if record.last_seance is None:
        raise CommandError(f"{record.candidate.name} n'a encore aucune séance tenue.")
    return record.last_seance


COMMANDS = {"export": cmd_export}
