"""A hit's snippet, made from the file rather than from text kept in the index.

The index stores no séance text (its size is the inverted index alone). For
the few rows a search shows, the séances' texts are read from their files and
put in a small in-memory FTS5 table of the same tokenizer, asked the same
expression: FTS5's own ``snippet()`` then picks the same window and marks
the same words as it did when the index held the text. A séance whose file
changed since it was indexed is asked again here, on its current text: one
that no longer matches is no hit.

The texts of the last candidates read stay in memory, checked against their
file's stamp, so that a reviewer refining a query does not re-read them.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict

from ..storage.errors import CandidateFileError, CandidateNotFound
from ..storage.index import Stamp, stamp_of
from ..storage.store import ReadOnlyStore
from .fts import SNIPPET_WORDS, TOKENIZE
from .highlight import HIT_END, HIT_START
from .hits import indexed_text

CACHED_CANDIDATES = 64  # about 100 KB of text each at centre scale


class Snippets:
    """Not thread-safe: the index calls it under its lock."""

    def __init__(self, store: ReadOnlyStore) -> None:
        self.store = store
        self._texts: OrderedDict[str, tuple[Stamp, dict[int, str]]] = OrderedDict()
        self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        # External content, so that emptying it is 'delete-all' (each text
        # tokenized once, to be found) rather than a DELETE (tokenized again, to be removed).
        self._db.execute("CREATE TABLE docs (body TEXT)")
        self._db.execute(f"CREATE VIRTUAL TABLE shown USING fts5(body, content = 'docs', tokenize = '{TOKENIZE}')")

    def close(self) -> None:
        self._db.close()
        self._texts.clear()

    def of(self, rows: list[tuple[int, str, int]], expression: str) -> dict[int, str]:
        """{key: snippet} for the (key, candidate id, séance number) rows whose
        current text matches ``expression``."""
        docs = []
        for key, candidate_id, number in rows:
            text = self._texts_of(candidate_id).get(number)
            if text is not None:
                docs.append((key, text))
        self._db.execute("BEGIN")
        try:
            self._db.executemany("INSERT INTO docs (rowid, body) VALUES (?, ?)", docs)
            self._db.executemany("INSERT INTO shown (rowid, body) VALUES (?, ?)", docs)
            found = self._db.execute(
                "SELECT rowid, snippet(shown, 0, ?, ?, '…', ?) FROM shown WHERE shown MATCH ?",
                (HIT_START, HIT_END, SNIPPET_WORDS, expression),
            ).fetchall()
        finally:
            self._db.execute("INSERT INTO shown (shown) VALUES ('delete-all')")
            self._db.execute("DELETE FROM docs")
            self._db.execute("COMMIT")
        return dict(found)

    def _texts_of(self, candidate_id: str) -> dict[int, str]:
        try:
            stamp = stamp_of(os.stat(self.store.path_of(candidate_id)))
        except OSError:
            self._texts.pop(candidate_id, None)
            return {}
        cached = self._texts.get(candidate_id)
        if cached is not None and cached[0] == stamp:
            self._texts.move_to_end(candidate_id)
            return cached[1]
        try:
            record, stamp = self.store.load_stamped(candidate_id)
        except (CandidateNotFound, CandidateFileError):
            self._texts.pop(candidate_id, None)
            return {}
        texts = {seance.number: indexed_text(seance) for seance in record.seances}
        self._texts[candidate_id] = (stamp, texts)
        self._texts.move_to_end(candidate_id)
        while len(self._texts) > CACHED_CANDIDATES:
            self._texts.popitem(last=False)
        return texts
