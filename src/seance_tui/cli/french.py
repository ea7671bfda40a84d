"""argparse in French: its own words (usage, options, errors), and search words that start with ``-``.

argparse writes its words through ``gettext`` looked up in its own module at
call time (``argparse._``), with no catalogue for French in the standard
library. ``speak_french`` puts a lookup table there: a sentence it knows is
given in French, any other passes through unchanged. It changes this
process only, and the process is the ``seance`` command.
"""

from __future__ import annotations

import argparse

FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "not allowed with argument %s": "incompatible avec %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "une valeur au moins est attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (au choix : %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "ignored explicit argument %r": "valeur inattendue : %r",
    "unexpected option string: %s": "option inattendue : %s",
}


def _french(message: str) -> str:
    return FRENCH.get(message, message)


def speak_french() -> None:
    argparse._ = _french  # type: ignore[attr-defined]  # see the module's docstring


def positive_int(text: str) -> int:
    """An ``int`` argument that must be 1 or more (``--limit``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu, pas « {text} »") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"un nombre supérieur ou égal à 1 est attendu, pas {value}")
    return value


def words_may_start_with_a_dash(argv: list[str], command: str, options: dict[str, bool]) -> list[str]:
    """``seance search -x``: every word of ``command`` that is not one of its
    ``options`` (name → takes a value) is a word of the query, even one that
    starts with ``-``. The words go after a ``--``, in the order typed, so
    that argparse reads them as words and still checks the options."""
    if command not in argv:
        return argv
    at = argv.index(command) + 1
    before, rest = argv[:at], argv[at:]
    kept, words = [], []
    i = 0
    while i < len(rest):
        token = rest[i]
        name = token.split("=", 1)[0]
        if token == "--":
            words += rest[i + 1 :]
            break
        if name in options:
            kept.append(token)
            if options[name] and "=" not in token and i + 1 < len(rest):
                kept.append(rest[i + 1])
                i += 1
        else:
            words.append(token)
        i += 1
    return before + kept + (["--", *words] if words else [])
