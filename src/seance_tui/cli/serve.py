"""``seance serve``: review in a web browser (textual-serve), for reviewers
holding a named token; and the reviewers' tokens themselves.

The server (aiohttp, textual-serve) is imported inside ``cmd_serve`` only:
the other commands never pay for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import paths
from ..domain.text import one_line
from .common import EXIT_OK, CommandError, read_only_store
from .french import positive_int

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

TLS_WARNING = (
    "Attention : seance serve écoute sur {host}, en HTTP sans chiffrement : les jetons et les "
    "historiques y passeraient en clair. Le TLS est l'affaire d'un proxy inverse (nginx, Caddy) : "
    "laissez seance sur 127.0.0.1 derrière lui (docs/web.md)."
)


def port_number(text: str) -> int:
    """A TCP port, 1 to 65535: 70000 is said here, not by a crash in the server."""
    value = positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"un port va de 1 à 65535, pas {value}")
    return value


def add_parsers(commands, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common], help="relecture dans un navigateur, pour les relecteurs munis d'un jeton",
        description="Sert la relecture en lecture seule (les écrans de « seance review ») à un navigateur. "
        "Chaque relecteur a un jeton nominatif ; sans jeton valide, réponse 401 et aucun processus lancé. "
        "Voir docs/web.md.",
    )
    serve.add_argument("--host", default="127.0.0.1", metavar="ADRESSE", help="adresse d'écoute (127.0.0.1)")
    serve.add_argument("--port", type=port_number, default=8000, metavar="PORT", help="port d'écoute (8000)")
    serve.add_argument(
        "--max-sessions", type=positive_int, default=4, metavar="N",
        help="relectures ouvertes en même temps, au plus (4) : une de plus est refusée",
    )
    serve.add_argument(
        "--public-url", metavar="URL",
        help="l'adresse que voient les navigateurs, derrière un proxy inverse (https://… : cookie Secure)",
    )
    serve.add_argument(
        "--cache-dir", metavar="DOSSIER",
        help=f"index de recherche des relectures (sinon ${paths.CACHE_DIR_ENV}, sinon le cache utilisateur)",
    )
    serve.add_argument(
        "--config-dir", metavar="DOSSIER",
        help=f"où sont les relecteurs (sinon ${paths.CONFIG_DIR_ENV}, sinon la configuration utilisateur)",
    )
    manage = serve.add_mutually_exclusive_group()
    manage.add_argument("--add-reviewer", metavar="NOM", help="créer un relecteur ; son jeton est affiché une fois")
    manage.add_argument("--remove-reviewer", metavar="NOM", help="retirer un relecteur : son jeton ne vaut plus rien")
    manage.add_argument("--list-reviewers", action="store_true", help="lister les relecteurs (noms et dates)")


def _book(args: argparse.Namespace):
    from ..services.reviewers import ReviewerBook

    return ReviewerBook(paths.reviewers_file(paths.resolve_config_dir(args.config_dir)))


def cmd_serve(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.reviewers import ReviewerError

    book = _book(args)
    try:
        if args.add_reviewer is not None:
            return _add(book, args.add_reviewer)
        if args.remove_reviewer is not None:
            gone = book.remove(args.remove_reviewer)
            print(f"Relecteur retiré : {one_line(gone.name)}. Son jeton est refusé dès sa prochaine requête.")
            return EXIT_OK
    except ReviewerError as exc:
        raise CommandError(str(exc)) from exc
    if args.list_reviewers:
        return _list(book)
    return _serve(args, data_dir, book)


def _add(book, name: str) -> int:
    token = book.add(name)
    print(f"Relecteur ajouté : {one_line(name.strip())}")
    print(f"Jeton (affiché cette fois seulement, seule son empreinte est gardée dans {book.path}) :")
    print(token)
    return EXIT_OK


def _list(book) -> int:
    reviewers = book.reviewers()
    if not reviewers:
        print(f"Aucun relecteur ({book.path}).", file=sys.stderr)
    for reviewer in reviewers:
        print(f"{one_line(reviewer.name)}\tajouté le {reviewer.created}")
    return EXIT_OK


def _serve(args: argparse.Namespace, data_dir: Path, book) -> int:
    read_only_store(data_dir)  # a missing data dir is said plainly, before listening
    if args.host not in LOCAL_HOSTS:
        print(TLS_WARNING.format(host=one_line(args.host)), file=sys.stderr)
    if not book.reviewers():
        print(
            f"seance : aucun relecteur dans {book.path} : toute requête sera refusée. "
            "Ajoutez-en un : seance serve --add-reviewer NOM",
            file=sys.stderr,
        )
    from ..web.server import SeanceServer

    server = SeanceServer(
        data_dir, paths.resolve_cache_dir(args.cache_dir), book,
        host=args.host, port=args.port, max_sessions=args.max_sessions, public_url=args.public_url,
    )
    try:
        server.serve()
    except OSError as exc:  # the port taken, an address not of this machine: said plainly
        raise CommandError(
            f"impossible d'écouter sur {one_line(args.host)}:{args.port} : {exc.strerror or exc}"
        ) from exc
    return EXIT_OK


COMMANDS = {"serve": cmd_serve}
