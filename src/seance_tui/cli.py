"""The ``seance`` command: argparse front door to the workspace and the tools.

Exit codes: 0 success, 1 a check or search found problems/nothing, 2 bad
usage or data the command cannot work on (missing data dir, unknown candidate),
70 an unexpected error (a bug: its details are in a private log, ui/crash.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from . import __version__, paths
from .domain.dates import format_date
from .domain.hours import format_budget, format_hours
from .domain.phases import PhaseFileError, PhaseSet, load_phases
from .domain.record import RuleError
from .domain.text import fold, one_line, visible_controls
from .services import exports
from .storage.errors import CandidateFileError, DataDirMissing, StorageError
from .storage.layout import Layout
from .storage.permissions import make_data_dir_private
from .storage.store import ReadOnlyStore
from .ui import texts

EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A message for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_mutually_exclusive_group()
    where.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        help=f"dossier des données (sinon ${paths.DATA_DIR_ENV}, sinon le dossier utilisateur)",
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="travailler sur une copie neuve des données de démonstration",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="seance",
        parents=[common],
        description=(
            "Séances de bilan de compétences. Sans commande : ouvre l'espace de travail "
            "du consultant sur le dossier des données."
        ),
    )
    parser.add_argument("--version", action="version", version=f"seance {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    commands.add_parser(
        "list", parents=[common], help="une ligne par candidat",
        description="Liste les candidats : phase, séances, heures, dernière séance.",
    )
    commands.add_parser(
        "check", parents=[common], help="vérifier chaque fichier",
        description="Vérifie chaque fichier candidat ; une ligne par problème, code 1 s'il y en a.",
    )
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
    export.add_argument("--pdf", action="store_true", help="écrire aussi le PDF, à côté du fichier Markdown")

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
    search.add_argument("--limit", type=int, default=50, metavar="N", help="nombre maximal de séances (50)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
        from .ui import crash

        return crash.report(exc, getattr(args, "cache_dir", None))


DEMO_PREFIX = "seance-demo-"
DEMO_LOCK = ".seance-demo.lock"


class _data_dir:
    """The data dir the command works on; ``--demo`` gives a throwaway copy.

    The copy is removed at the end, on SIGHUP and SIGTERM too (they unwind
    to here, ui/signals.py), and, when a kill -9 left it, by the next
    ``--demo`` start. Each copy holds a lock (``flock``, which the kernel
    releases when its process dies, whatever killed it) for as long as its
    run lives: a copy whose lock nobody holds is a dead run's, and a live
    run's copy is never touched. The lock file appears already locked (made
    under another name, locked, then renamed), so a copy being set up is
    never mistaken for a dead one; a copy without it is left alone."""

    def __init__(self, args: argparse.Namespace):
        self._args = args
        self._temp: Path | None = None
        self._lock: int | None = None
        self._unwinding = None

    def __enter__(self) -> Path:
        if not getattr(self._args, "demo", False):
            return paths.resolve_data_dir(getattr(self._args, "data_dir", None))
        from .ui import signals

        self._unwinding = signals.unwinding()
        self._unwinding.__enter__()
        try:
            _remove_dead_demo_copies()
            self._temp = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
            self._lock = _hold_demo_lock(self._temp)
            signals.add_last_resort(self._remove)
            copy = self._temp / "donnees"
            shutil.copytree(paths.demo_data_dir(), copy)
            make_data_dir_private(copy)  # installed 0644: private as seance's own data dirs
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return copy

    def __exit__(self, *exc_info) -> None:
        if self._unwinding is not None:
            from .ui import signals

            signals.remove_last_resort(self._remove)
            self._unwinding.__exit__(None, None, None)
            self._unwinding = None
        self._remove()

    def _remove(self) -> None:
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _hold_demo_lock(folder: Path) -> int:
    import fcntl

    making = folder / f"{DEMO_LOCK}.{os.getpid()}"
    fd = os.open(making, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, f"{os.getpid()}\n".encode())  # for a human looking; the lock is what counts
    os.rename(making, folder / DEMO_LOCK)
    return fd


def _remove_dead_demo_copies() -> None:
    import fcntl

    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            if folder.is_symlink() or folder.stat().st_uid != os.getuid():
                continue
            fd = os.open(folder / DEMO_LOCK, os.O_RDWR | os.O_NOFOLLOW)
        except OSError:
            continue  # not a folder, not ours, or no lock file: nothing says its run is dead
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # its run is alive
        else:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            os.close(fd)


def _phases(data_dir: Path) -> PhaseSet:
    try:
        return load_phases(Layout(data_dir).phases_file())
    except PhaseFileError as exc:
        raise CommandError(str(exc)) from exc


def _read_only_store(data_dir: Path) -> ReadOnlyStore:
    try:
        return ReadOnlyStore(data_dir)
    except DataDirMissing as exc:
        raise CommandError(str(exc)) from exc


def _print_problems(problems) -> None:
    for problem in problems:
        print(f"{problem.path} : {problem.message}", file=sys.stderr)


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    store = _read_only_store(data_dir)
    phases = _phases(data_dir)
    summaries, problems = store.summaries(phases, datetime.now())
    for s in sorted(summaries, key=lambda s: fold(s.name)):
        last = format_date(s.last_seance_date) if s.last_seance_date else "aucune séance"
        print(
            f"{one_line(s.name)}\t{phases.label(s.current_phase)}\t{s.seance_count} séance(s)"
            f"\t{format_hours(s.hours_used)} / {format_budget(s.hours_budget)}\t{last}"
        )
    if not summaries and not problems:
        print(f"Aucun candidat dans {data_dir}.")
    _print_problems(problems)
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    problems = _read_only_store(data_dir).check()
    if problems:
        for problem in problems:
            print(f"{problem.path} : {problem.message}")
        return EXIT_FOUND_PROBLEMS
    print(f"Tous les fichiers de {data_dir} sont lisibles.")
    return EXIT_OK


def cmd_workspace(args: argparse.Namespace, data_dir: Path) -> int:
    from .services.workspace import Workspace
    from .ui import crash
    from .ui.app import SeanceApp

    try:
        workspace = Workspace(data_dir)
    except (OSError, PhaseFileError) as exc:
        raise CommandError(f"impossible d'ouvrir {data_dir} : {exc}") from exc
    app = SeanceApp(workspace)
    app.run()
    return crash.exit_code(app)


def _find_candidate(store: ReadOnlyStore, query: str) -> str:
    """An id, or an unambiguous part of a name (accents and case ignored)."""
    ids = store.candidate_ids()
    if query in ids:
        return query
    records, _ = store.load_all()
    wanted = fold(query.strip())
    matches = [r.candidate for r in records if wanted and wanted in fold(r.candidate.name)]
    if not matches:
        raise CommandError(f"aucun candidat ne correspond à « {one_line(query)} ».")
    if len(matches) > 1:
        names = "\n".join(
            f"  {c.id}\t{one_line(c.name)}" for c in sorted(matches, key=lambda c: fold(c.name))
        )
        raise CommandError(f"« {one_line(query)} » désigne plusieurs candidats ; précisez :\n{names}")
    return matches[0].id


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    _check_pdf_options(args)
    store = _read_only_store(data_dir)
    phases = _phases(data_dir)
    try:
        record = store.load(_find_candidate(store, args.candidate))
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
    if args.pdf:
        return _export_with_pdf(record, phases, document, now, exports_dir, number, data_dir)
    try:
        path = exports.export_to_file(record, phases, document, now, exports_dir, number)
    except (OSError, StorageError) as exc:
        raise CommandError(f"écriture impossible dans {exports_dir} : {exc}") from exc
    print(path)
    return EXIT_OK


# --- export --pdf: the Markdown and its PDF beside it (services/exports.py) ---


def _check_pdf_options(args: argparse.Namespace) -> None:
    if args.pdf and args.stdout:
        raise CommandError("--pdf écrit un fichier : il ne va pas avec --stdout.")
    if args.pdf and args.history:
        raise CommandError(
            "--pdf est réservé aux documents du bénéficiaire (--synthese, --seance N) : "
            "l'historique complet contient des notes privées."
        )


def _export_with_pdf(record, phases, document, now, exports_dir: Path, number, data_dir: Path) -> int:
    from .services.centre import CentreFileError, centre_name

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


def _review(args: argparse.Namespace, data_dir: Path):
    from .services.review import Review

    _read_only_store(data_dir)  # a missing data dir is said plainly, before anything else
    try:
        return Review(data_dir, paths.resolve_cache_dir(args.cache_dir))
    except PhaseFileError as exc:
        raise CommandError(str(exc)) from exc


def cmd_review(args: argparse.Namespace, data_dir: Path) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal (ssh -T, a pipe) Textual would wait for one forever.
        raise CommandError(texts.REVIEW_NEEDS_TERMINAL)
    from .storage.locks import LockOwner
    from .ui.reviewer.app import ReviewApp

    from .ui import crash

    review = _review(args, data_dir)
    try:
        app = ReviewApp(review, who=LockOwner.of_this_process().address)
        app.run()
    finally:
        review.close()
    return crash.exit_code(app)


def cmd_search(args: argparse.Namespace, data_dir: Path) -> int:
    from .search.highlight import HIT_END, HIT_START

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
    _print_problems(problems)
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


COMMANDS = {
    "review": cmd_review,
    "search": cmd_search,
    "workspace": cmd_workspace,
    "list": cmd_list,
    "check": cmd_check,
    "export": cmd_export,
}
