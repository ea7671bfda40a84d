"""``seance import``: a candidate's whole file from an archive of ``seance export --dossier``."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ..domain.text import one_line
from .common import EXIT_OK, CommandError


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    importing = commands.add_parser(
        "import", parents=[common], help="importer le dossier d'un candidat (archive de « export --dossier »)",
        description="Importe tout le dossier d'un candidat depuis une archive écrite par "
        "« seance export CANDIDAT --dossier ». L'archive est vérifiée entièrement (manifeste, sommes "
        "sha256, tailles, noms, version du schéma) avant toute écriture ; un dossier existant n'est "
        "jamais remplacé.",
    )
    importing.add_argument("archive", metavar="ARCHIVE", help="le fichier .zip à importer")
    importing.add_argument(
        "--nouvel-id", dest="new_id", action="store_true",
        help="importer sous un nouvel identifiant (quand un dossier porte déjà celui de l'archive)",
    )
    importing.add_argument(
        "--homonyme", dest="homonyms", action="store_true",
        help="importer même si un dossier porte déjà le même nom (une autre personne)",
    )


def cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    from .. import __version__
    from ..services.dossier import ArchiveRefused, import_dossier

    archive = Path(args.archive).expanduser()
    try:
        imported = import_dossier(
            data_dir, archive, datetime.now(), __version__, new_id=args.new_id, homonyms=args.homonyms
        )
    except ArchiveRefused as exc:
        raise CommandError(f"{one_line(str(archive))} : {exc}\nRien n'a été écrit.") from exc
    except OSError as exc:  # a folder refusing the write (read-only, disk full, a file in a folder's place)
        where = one_line(str(exc.filename or data_dir))
        raise CommandError(
            f"{one_line(str(archive))} : écriture impossible dans {where} ({exc.strerror or exc}). "
            "Le dossier n'a pas été créé ; réparez la cause puis relancez l'import (les documents "
            "déjà écrits sont reconnus et gardés)."
        ) from exc
    name = "dossier purgé" if imported.purged else f"« {one_line(imported.name)} »"
    print(f"Dossier importé : {name}, identifiant {imported.candidate_id}")
    if imported.previous_id:
        print(f"  (nouvel identifiant ; celui de l'archive était {imported.previous_id})")
    print(f"  {imported.path}")
    for path in imported.documents:
        print(f"  {path}")
    return EXIT_OK


COMMANDS = {"import": cmd_import}
