"""``seance export``: a document of one candidate, to a file or to the standard output."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..domain.record import RuleError
from ..storage.errors import CandidateFileError, StorageError
from .common import (
    EXIT_FOUND_PROBLEMS, EXIT_OK, CommandError, find_candidate, phases_of, print_problems, read_only_store,
)


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[common], help="exporter un document (Markdown, PDF) ou tout le dossier (zip)",
        description="Exporte le compte rendu d'une séance, l'historique, le document de synthèse "
        "le dossier de traçabilité Qualiopi (sans contenu de notes), ou tout le dossier "
        "en une archive (--dossier) à importer ailleurs avec « seance import ».",
    )
    export.add_argument("candidate", metavar="CANDIDAT", nargs="?", help="identifiant ou partie du nom")
    what = export.add_mutually_exclusive_group()
    what.add_argument("--seance", type=int, metavar="N", help="numéro de séance (par défaut : la dernière tenue)")
    what.add_argument("--history", action="store_true", help="historique complet (document du consultant)")
    what.add_argument("--synthese", action="store_true", help="document de synthèse")
    what.add_argument(
        "--qualiopi", action="store_true",
        help="dossier de traçabilité Qualiopi, pour un audit : dates, durées, phases, sans contenu de notes",
    )
    what.add_argument(
        "--dossier", action="store_true",
        help="tout le dossier en une archive zip (notes privées comprises), pour un collègue "
        "ou un autre centre : voir « seance import »",
    )
    export.add_argument(
        "--all", action="store_true", help="avec --qualiopi, sans CANDIDAT : un dossier par candidat"
    )
    export.add_argument("-o", "--output", metavar="DOSSIER", help="dossier des exports (par défaut DONNÉES/exports)")
    export.add_argument("--stdout", action="store_true", help="écrire sur la sortie standard au lieu d'un fichier")
    export.add_argument("--pdf", action="store_true", help="écrire aussi le PDF, à côté du fichier Markdown")


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    if args.dossier:
        return _export_dossier(args, data_dir)
    # services.exports is imported in the functions that export: every
    # ``seance`` command builds this parser, and most never export.
    from ..services import exports

    _check_all(args)
    _check_pdf_options(args)
    store = read_only_store(data_dir)
    phases = phases_of(data_dir)
    if args.all:
        return _every_qualiopi_pack(store, phases, data_dir, args)
    try:
        record = store.load(find_candidate(store, args.candidate))
    except CandidateFileError as exc:
        raise CommandError(str(exc)) from exc
    now = datetime.now()
    if args.history:
        document, number = exports.Document.HISTORY, None
    elif args.synthese:
        document, number = exports.Document.SYNTHESIS, None
    elif args.qualiopi:
        document, number = exports.Document.QUALIOPI, None
    else:
        document, number = exports.Document.SUMMARY, _chosen_seance(record, args.seance).number
    if args.stdout:
        text, _ = exports.render(record, phases, document, now, number)
        sys.stdout.write(text)
        return EXIT_OK
    exports_dir = _exports_dir(data_dir, args)
    if args.pdf:
        return _export_with_pdf(record, phases, document, now, exports_dir, number, data_dir)
    try:
        path = exports.export_to_file(record, phases, document, now, exports_dir, number)
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    print(path)
    return EXIT_OK


def _exports_dir(data_dir: Path, args: argparse.Namespace) -> Path:
    from ..services import exports

    return exports.exports_dir(data_dir, Path(args.output).expanduser() if args.output else None)


def _check_all(args: argparse.Namespace) -> None:
    """``--all`` is the audit's form of ``--qualiopi``: one file per candidate."""
    if args.all and not args.qualiopi:
        raise CommandError("--all ne s'emploie qu'avec --qualiopi (un dossier de traçabilité par candidat).")
    if args.all and args.candidate:
        raise CommandError("--all exporte tous les candidats : ne nommez pas de CANDIDAT.")
    if args.all and args.stdout:
        raise CommandError("--all écrit un fichier par candidat : --stdout ne s'y emploie pas.")
    if not args.all and not args.candidate:
        raise CommandError("précisez un CANDIDAT (ou --qualiopi --all pour tous).")


def _every_qualiopi_pack(store, phases, data_dir: Path, args: argparse.Namespace) -> int:
    from ..services import exports

    exports_dir = _exports_dir(data_dir, args)
    try:
        paths, problems = exports.export_every_qualiopi_pack(store, phases, datetime.now(), exports_dir)
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    for path in paths:
        print(path)
    print_problems(problems)  # an unreadable file is named; the others' packs are written
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


# --- export --pdf: the Markdown and its PDF beside it (services/exports.py) ---


def _check_pdf_options(args: argparse.Namespace) -> None:
    if args.pdf and args.stdout:
        raise CommandError("--pdf écrit un fichier : il ne va pas avec --stdout.")
    if args.pdf and (args.history or args.qualiopi):
        raise CommandError(
            "--pdf est réservé aux documents du bénéficiaire (--synthese, --seance N) : "
            "l'historique complet contient des notes privées, le dossier Qualiopi est un document d'audit."
        )


def _export_with_pdf(record, phases, document, now, exports_dir: Path, number, data_dir: Path) -> int:
    from ..services import exports
    from ..services.centre import CentreFileError, centre_name

    try:
        centre = centre_name(data_dir)
    except CentreFileError as exc:
        raise CommandError(str(exc)) from exc
    try:
        paths_written = exports.export_with_pdf(record, phases, document, now, exports_dir, centre, number)
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    for path in paths_written:
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


# --- export --dossier: the whole file in one archive (services/dossier.py) ---

DOSSIER_NOTICE = (
    "Cette archive contient tout le dossier, notes privées comprises : elle est destinée à un collègue "
    "ou à un autre centre (seance import), pas au bénéficiaire."
)


def _export_dossier(args: argparse.Namespace, data_dir: Path) -> int:
    from .. import __version__
    from ..services.centre import CentreFileError, centre_name
    from ..services.dossier import ArchiveRefused, export_dossier

    for given, option in ((args.all, "--all"), (args.stdout, "--stdout"), (args.pdf, "--pdf")):
        if given:
            raise CommandError(f"--dossier écrit une archive zip : {option} ne s'y emploie pas.")
    if not args.candidate:
        raise CommandError("précisez le CANDIDAT dont exporter le dossier.")
    store = read_only_store(data_dir)
    candidate_id = find_candidate(store, args.candidate)
    try:
        centre = centre_name(data_dir)
    except CentreFileError as exc:
        raise CommandError(str(exc)) from exc
    exports_dir = _exports_dir(data_dir, args)
    try:
        exported = export_dossier(data_dir, candidate_id, datetime.now(), exports_dir, __version__, centre)
    except (CandidateFileError, ArchiveRefused) as exc:
        raise CommandError(f"archive non écrite : {exc}") from exc
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    print(exported.path)
    for path in exported.left_out:
        print(f"{path} : laissé hors de l'archive (un autre document porte ce nom)", file=sys.stderr)
    if exported.purged:
        print("Dossier purgé (R6313-7) : l'archive ne contient que son enregistrement sans contenu.", file=sys.stderr)
    else:
        print(DOSSIER_NOTICE, file=sys.stderr)
    return EXIT_OK


COMMANDS = {"export": cmd_export}
