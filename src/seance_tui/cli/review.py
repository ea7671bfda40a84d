"""``seance review`` (the read-only screens, over SSH) and ``seance search`` (the same search, as lines)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import paths
from ..domain.dates import format_date
from ..domain.phases import PhaseFileError
from ..domain.text import one_line, visible_controls
from .french import positive_int
from .common import EXIT_FOUND_PROBLEMS, EXIT_OK, CommandError, print_problems, read_only_store


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    cache = argparse.ArgumentParser(add_help=False)
    cache.add_argument(
        "--cache-dir", metavar="DOSSIER",
        help=f"où garder l'index de recherche, hors des données (sinon ${paths.CACHE_DIR_ENV}, sinon le cache utilisateur)",
    )
    commands.add_parser(
        "review", parents=[common, cache], help="relire les historiques (lecture seule)",
        description="Relecture en lecture seule des historiques de séances, avec recherche ; faite pour SSH.",
    )
    search = commands.add_parser(
        "search", parents=[common, cache], help="chercher dans toutes les séances",
        description="Cherche dans toutes les séances (accents et casse ignorés, mot* pour un préfixe). "
        "Une ligne par séance trouvée ; code 1 si rien ne correspond.",
    )
    search.add_argument("query", metavar="RECHERCHE", nargs="+")
    search.add_argument(
        "--limit", type=positive_int, default=50, metavar="N", help="nombre maximal de séances (50)"
    )


# search's options (name → takes a value): any other word is a word of the
# query, one that starts with "-" included (cli/french.py).
SEARCH_OPTIONS = {
    "-h": False, "--help": False, "--demo": False,
    "--data-dir": True, "--cache-dir": True, "--limit": True,
}


def _review(args: argparse.Namespace, data_dir: Path):
    from ..services.review import Review

    read_only_store(data_dir)  # a missing data dir is said plainly, before anything else
    try:
        return Review(data_dir, paths.resolve_cache_dir(args.cache_dir))
    except PhaseFileError as exc:
        raise CommandError(str(exc)) from exc


def browser_badge(reviewer_name: str) -> str:
    """« lecture seule · navigateur · NOM »: the name as typed, its control characters visible."""
    from ..ui import texts  # lazily: `seance list` never imports the ui

    return texts.WEB_BADGE.format(name=visible_controls(reviewer_name))


def cmd_review(args: argparse.Namespace, data_dir: Path) -> int:
    from ..web import REVIEWER_ENV

    # Started by `seance serve` for a reviewer it authenticated: Textual's web
    # driver talks through pipes, and the badge names the reviewer.
    web_reviewer = os.environ.get(REVIEWER_ENV) if os.environ.get("TEXTUAL_DRIVER") else None
    if web_reviewer is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal (ssh -T, a pipe) Textual would wait for one forever.
        from ..ui import texts

        raise CommandError(texts.REVIEW_NEEDS_TERMINAL)
    from ..storage.locks import LockOwner
    from ..ui import crash
    from ..ui.reviewer.app import ReviewApp

    review = _review(args, data_dir)
    try:
        badge = None if web_reviewer is None else browser_badge(web_reviewer)
        app = ReviewApp(review, who=LockOwner.of_this_process().address, badge=badge)
        app.run()
    finally:
        review.close()
    return crash.exit_code(app)


def cmd_search(args: argparse.Namespace, data_dir: Path) -> int:
    from ..search.highlight import HIT_END, HIT_START

    review = _review(args, data_dir)
    query = " ".join(args.query)
    try:
        try:
            problems = review.build_index()
        except OSError as exc:  # no usable cache dir: the plain scan gives the same answers
            print(f"seance : index de recherche indisponible ({exc}) ; recherche dans les fichiers.", file=sys.stderr)
            problems = []
        hits = review.search(query, args.limit)
    finally:
        review.close()
    print_problems(problems)
    emphasis = ("\x1b[1;7m", "\x1b[0m") if sys.stdout.isatty() and not os.environ.get("NO_COLOR") else ("", "")
    for hit in hits:
        # one_line: a tab or newline in a name or a note never splits a hit's line or columns.
        snippet = one_line(hit.snippet).replace(HIT_START, emphasis[0]).replace(HIT_END, emphasis[1])
        day = format_date(hit.day) if hit.day else "—"
        print(
            f"{one_line(hit.candidate_name)}\t{day}\t{review.phases.label(hit.phase)}"
            f"\tséance {hit.number}\t{snippet}"
        )
    if not hits:
        print(f"Aucune séance ne contient « {query} ».", file=sys.stderr)
        return EXIT_FOUND_PROBLEMS
    return EXIT_OK


COMMANDS = {"review": cmd_review, "search": cmd_search}
