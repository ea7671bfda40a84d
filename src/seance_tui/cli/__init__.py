"""The ``seance`` command: argparse front door to the workspace and the tools.

One module per family of commands; each adds its sub-parsers
(``add_parsers``) and maps its command names to functions (``COMMANDS``).
``common`` holds what they share, ``data_dir`` which data dir they work on.

Exit codes: 0 success, 1 a check or search found problems/nothing, 2 bad
usage or data the command cannot work on (missing data dir, unknown candidate),
70 an unexpected error (a bug: its details are in a private log, ui/crash.py).
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__, paths
from ..domain.text import visible_controls
from ..storage.errors import StorageError
from . import agenda, bilan, export, listing, purge, review, serve, transfer, workspace
from .common import EXIT_USAGE, CommandError
from .french import speak_french, words_may_start_with_a_dash
from .data_dir import data_dir as _data_dir

# Each family of commands, in the order ``seance --help`` lists them.
FAMILIES = (listing, agenda, export, transfer, review, bilan, purge, serve)
COMMANDS = {**workspace.COMMANDS, **{name: run for family in FAMILIES for name, run in family.COMMANDS.items()}}


def _common_options(defaults: bool = True) -> argparse.ArgumentParser:
    """--data-dir and --demo, before the command or after it. The commands'
    copy has no defaults (SUPPRESS): a sub-parser's default would otherwise
    overwrite the value given before the command (``seance --data-dir X list``)."""
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_mutually_exclusive_group()
    unset = {} if defaults else {"default": argparse.SUPPRESS}
    where.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        help=f"dossier des données (sinon ${paths.DATA_DIR_ENV}, sinon le dossier utilisateur)",
        **unset,
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="travailler sur une copie neuve des données de démonstration",
        **unset,
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    speak_french()
    parser = argparse.ArgumentParser(
        prog="seance",
        parents=[_common_options()],
        description=(
            "Séances de bilan de compétences. Sans commande : ouvre l'espace de travail "
            "du consultant sur le dossier des données."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"seance {__version__}", help="afficher la version et quitter"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    common = _common_options(defaults=False)
    for family in FAMILIES:
        family.add_parsers(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(words_may_start_with_a_dash(argv, "search", review.SEARCH_OPTIONS))
    try:
        with _data_dir(args) as data_dir:
            return COMMANDS[args.command or "workspace"](args, data_dir)
    except CommandError as exc:
        print(f"seance : {visible_controls(str(exc))}", file=sys.stderr)  # a name or path is shown, never run
        return exc.code
    except StorageError as exc:  # a data dir that cannot be used: said plainly, no traceback
        print(f"seance : {visible_controls(str(exc))}", file=sys.stderr)  # a name or path is shown, never run
        return EXIT_USAGE
    except Exception as exc:  # a bug: a French sentence here, the traceback in a private log
        from ..ui import crash

        return crash.report(exc, getattr(args, "cache_dir", None))
