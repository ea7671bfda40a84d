"""Where a query matches inside a text, by the same rule as the search that
found it (``query.matches``): the scan's snippet marks it, and the séance
view opens at the block holding it.

Positions are in the text as written: the words are folded to compare
(accents, case, ligatures, apostrophes), never to show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..domain.text import fold
from .query import WORD, Term, folded_words, matches, parse_query, phrase_at, phrase_positions

# Snippet highlight markers: private-use characters, which never come from a keyboard.
HIT_START, HIT_END = "\ue000", "\ue001"

Span = tuple[int, int]


def _words_with_spans(text: str) -> tuple[list[str], list[Span]]:
    """The folded words of ``text`` (as ``folded_words`` finds them) and where each is written."""
    if text.isascii():  # folding keeps every character in place: the common case, fast
        folded, origin = text.casefold().replace("_", " "), None
    else:
        pieces, origin = [], []
        for i, char in enumerate(text):
            # fold() works character by character, so folding each one keeps
            # track of where every folded character came from ("œ" gives "oe").
            piece = fold(char).replace("_", " ")
            pieces.append(piece)
            origin += [i] * len(piece)
        folded = "".join(pieces)
    words, spans = [], []
    for match in WORD.finditer(folded):
        if origin is None:
            start, end = match.span()
        else:
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1  # "e" + U+0301: the accent belongs to the word
        words.append(match.group())
        spans.append((start, end))
    return words, spans


def term_span(text: str, term: Term) -> Span | None:
    """Where ``term`` first occurs in ``text`` (a phrase from its first word to its last)."""
    words, spans = _words_with_spans(text)
    at = phrase_at(words, term)
    if at is None:
        return None
    return spans[at][0], spans[at + len(term.words) - 1][1]


def first_match(text: str, terms: list[Term]) -> Span | None:
    """The earliest place where any of the terms occurs in ``text``."""
    words, spans = _words_with_spans(text)
    found = [(at, at + len(term.words) - 1) for term in terms if (at := phrase_at(words, term)) is not None]
    if not found:
        return None
    first, last = min(found)
    return spans[first][0], spans[last][1]


def locate(parts: Sequence[str], query: str) -> int | None:
    """Which of a document's parts (the séance view's blocks, in order) to open
    a search at: the first holding every term, as the search matched the
    séance; else, the terms being spread over several parts, the first holding
    any of them; None when the query has no term or none occurs."""
    terms = parse_query(query)
    if not terms:
        return None
    for i, part in enumerate(parts):
        if matches(folded_words(part), terms):
            return i
    for i, part in enumerate(parts):
        if first_match(part, terms) is not None:
            return i
    return None


def match_spans(text: str, terms: list[Term]) -> list[Span]:
    """Every place in ``text`` where one of the terms occurs (a phrase from its
    first word to its last), in order, overlapping ones merged: the words the
    séance view highlights, by the rule the search matched them with."""
    words, spans = _words_with_spans(text)
    found = sorted(
        (spans[at][0], spans[at + len(term.words) - 1][1])
        for term in terms
        for at in phrase_positions(words, term)
    )
    merged: list[Span] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def plain_snippet(text: str, terms: list[Term], width: int = 100) -> str:
    """A window of text around the first term's first occurrence, marked like FTS5's snippets."""
    start, end = term_span(text, terms[0]) or (0, 0)
    left = max(0, start - width // 2)
    right = min(len(text), end + width // 2)
    window = (
        ("…" if left else "") + text[left:start] + HIT_START + text[start:end] + HIT_END
        + text[end:right] + ("…" if right < len(text) else "")
    )
    return " ".join(window.split())
