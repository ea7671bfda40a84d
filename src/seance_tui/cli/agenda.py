"""``seance agenda``: the overview across every candidate, as lines or JSON.

The rules are ``domain/overview.py``'s; each file's facts are kept in the
cache dir (``services/overview.py``), so a second run reads only the files
that changed. Today is the machine's or
``SEANCE_TODAY``'s (``cli/common.py``, as for the purge).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..domain.dates import format_date
from ..domain.text import one_line
from .common import EXIT_OK, TODAY_ENV, CommandError, now_clock, print_problems

if TYPE_CHECKING:  # imported by cmd_agenda only: every command builds this parser
    from ..services.overview import Overview


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    agenda = commands.add_parser(
        "agenda", parents=[common], help="la semaine et ce qui attend, tous candidats",
        description="Séances prévues cette semaine et la suivante, entretiens de suivi à faire, dossiers à 20 h "
        "ou plus, séances closes aux notes vides, échéances dépassées, bilans prêts à clore, purges à faire. "
        f"Date du jour : ${TODAY_ENV} (AAAA-MM-JJ) si défini.",
    )
    agenda.add_argument("--json", action="store_true", help="sortie JSON pour les scripts (dates AAAA-MM-JJ)")
    agenda.add_argument(
        "--cache-dir", metavar="DOSSIER",
        help=f"où garder ce qui évite de relire les dossiers inchangés (sinon ${paths.CACHE_DIR_ENV}, "
        "sinon le cache utilisateur)",
    )


def cmd_agenda(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.overview import overview_cache_file, read_overview
    from ..storage.errors import DataDirMissing

    cache_file = overview_cache_file(paths.resolve_cache_dir(getattr(args, "cache_dir", None)), data_dir)
    try:
        view, problems = read_overview(data_dir, now_clock()(), cache_file)
    except DataDirMissing as exc:
        raise CommandError(str(exc)) from exc
    print(as_json(view) if args.json else as_lines(view))
    print_problems(problems)
    return EXIT_OK


def as_lines(view: Overview) -> str:
    out = [f"Au {format_date(view.today)}"]
    for section, lines in view.sections.items():
        out += ["", f"{section.title} ({len(lines)})"]
        out += [f"  {line.candidate_id} · {_one_line(line.name)} : {_one_line(line.what)}" for line in lines]
        if not lines:
            out.append("  —")
    return "\n".join(out)


def _one_line(text: str) -> str:
    # one_line changes only what is not printable: 31,000 lines at 5,000
    # candidates, most of them printable as they are (str.isprintable is C).
    return text if text.isprintable() else one_line(text)


def as_json(view: Overview) -> str:
    """Stable keys: ``today``, then ``sections`` keyed by ``Section`` values,
    each a list of ``candidate_id``, ``name``, ``date`` (ISO or null),
    ``seance`` (number or null), ``what`` (French)."""
    return json.dumps({
        "today": view.today.isoformat(),
        "sections": {
            section.value: [
                {
                    "candidate_id": line.candidate_id,
                    "name": line.name,
                    "date": line.day.isoformat() if line.day else None,
                    "seance": line.seance,
                    "what": line.what,
                }
                for line in lines
            ]
            for section, lines in view.sections.items()
        },
    }, ensure_ascii=False, indent=2)


COMMANDS = {"agenda": cmd_agenda}
