"""What a reviewer types in the search box, understood the same way by the
index and by the plain scan it replaces: words (all must match), accents,
case, ligatures and apostrophes ignored, a trailing ``*`` for a prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..domain.text import fold

# A word is what the index's tokenizer keeps: letters and digits. Everything
# else (apostrophes, hyphens, "12:30", quotes) separates words.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # folded; several for "l'entretien" or "12:30", matched as a phrase
    prefix: bool = False


def parse_query(text: str) -> list[Term]:
    terms = []
    for chunk in text.split():
        prefix = chunk.endswith("*")
        words = tuple(WORD.findall(fold(chunk.rstrip("*")).replace("_", " ")))
        if words:
            terms.append(Term(words, prefix))
    return terms


def folded_words(text: str) -> list[str]:
    return WORD.findall(fold(text).replace("_", " "))


def matches(words: list[str], terms: list[Term]) -> bool:
    """The plain scan's rule: every term appears, as consecutive words."""
    return all(phrase_at(words, term) is not None for term in terms)


def phrase_at(words: list[str], term: Term) -> int | None:
    """Where the term's words first appear in a row (the last one as a prefix for ``mot*``)."""
    return next(phrase_positions(words, term), None)


def phrase_positions(words: list[str], term: Term) -> Iterator[int]:
    """Every index where the term's words appear in a row, in order."""
    n = len(term.words)
    for i in range(len(words) - n + 1):
        head = words[i : i + n - 1]
        last = words[i + n - 1]
        if list(term.words[:-1]) == head and (
            last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
        ):
            yield i
