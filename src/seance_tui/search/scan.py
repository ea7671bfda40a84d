"""The same search as the index, without it: reads every file. The fallback
while the index is built (or when the cache dir refuses it), and the baseline
the benchmarks compare it with."""

from __future__ import annotations

from ..storage.errors import CandidateFileError, CandidateNotFound
from ..storage.store import ReadOnlyStore
from .highlight import plain_snippet
from .hits import SearchHit, indexed_text, newest_first_key
from .query import folded_words, matches, parse_query


def scan_search(store: ReadOnlyStore, query: str, limit: int = 20) -> list[SearchHit]:
    terms = parse_query(query)
    if not terms:
        return []
    hits = []
    for candidate_id in store.candidate_ids():
        # One file at a time: at centre scale every record at once is a gigabyte.
        try:
            record = store.load(candidate_id)
        except (CandidateNotFound, CandidateFileError):
            continue  # removed meanwhile, or unreadable: check and review say which
        for seance in record.seances:
            text = indexed_text(seance)
            if matches(folded_words(text), terms):
                hits.append(
                    SearchHit(record.candidate.id, record.candidate.name, seance.number, seance.day,
                              seance.phase, plain_snippet(text, terms))
                )
    hits.sort(key=lambda h: newest_first_key(h.day, h.candidate_id, h.number), reverse=True)
    return hits[:limit]
