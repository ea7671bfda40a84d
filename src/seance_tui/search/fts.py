"""What the index's FTS5 table is and how a parsed query is asked of it.

- ``unicode61 remove_diacritics 2`` folds accents and case and splits words
  on both apostrophes, but keeps œ, æ and ß whole: a query's "oe", "ae" or
  "ss" also asks for the ligature.
- Every term is quoted and the whole expression bound as a parameter: user
  text never reaches FTS5's query syntax.
"""

from __future__ import annotations

from .query import Term

TOKENIZE = "unicode61 remove_diacritics 2"
SNIPPET_WORDS = 16

# Contentless (content=''): the index keeps where each word occurs, never the
# text; snippets are made from the files (``snippets``). No column sizes: no
# ranking asks for them. The words stay in the inverted index after their
# séance changed (SQLite 3.40 has no contentless_delete, and deleting needs
# the old text): ``writing`` counts those rows dead and rebuilds.
# Two tables, searched together: the first build fills the second in another
# process (``build``); every later write goes to the first. A séance's key is
# in one of them at most.
TEXT_TABLES = ("seance_text", "seance_text_1")


def text_table(name: str) -> str:
    return (f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5("
            f"body, content = '', columnsize = 0, tokenize = '{TOKENIZE}')")


def fts_expression(terms: list[Term]) -> str:
    """Each term as quoted FTS5 phrases (a prefix one gets ``*``), all required."""
    parts = []
    for term in terms:
        phrases = [
            '"' + " ".join(words).replace('"', '""') + '"' + ("*" if term.prefix else "")
            for words in _ligature_spellings(term.words, term.prefix)
        ]
        parts.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    return " AND ".join(parts)


# What fold() writes for each ligature the tokenizer keeps whole.
_LIGATURES = {"oe": "œ", "ae": "æ", "ss": "ß"}
MAX_SPELLINGS = 16  # per term: "coeur", "cœur"; a long word full of "ss" stops there


def _ligature_spellings(words: tuple[str, ...], prefix: bool = False) -> list[tuple[str, ...]]:
    """Every way the folded words may be written in the text, ligatures or not."""
    spellings: list[tuple[str, ...]] = [()]
    for i, word in enumerate(words):
        forms = _word_spellings(word)
        if prefix and i == len(words) - 1:
            # "mano*" must also find "manœuvre": the prefix may stop inside a ligature.
            forms += [form[:-1] + ligature for form in forms for pair, ligature in _LIGATURES.items()
                      if form.endswith(pair[0])]
        spellings = [start + (form,) for start in spellings for form in forms][:MAX_SPELLINGS]
    return spellings


def _word_spellings(word: str) -> list[str]:
    forms = [""]
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _LIGATURES:
            forms = [f + written for f in forms for written in (pair, _LIGATURES[pair])][:MAX_SPELLINGS]
            i += 2
        else:
            forms = [f + word[i] for f in forms]
            i += 1
    return forms
