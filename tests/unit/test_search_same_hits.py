"""The index that keeps no text (issue 14) answers exactly as the index that
stored it did: the same hits in the same order, with the same snippets, on a
generated store of about 200 séances (tests/benchmarks/generate.py: French
with accents, both apostrophes, œ) plus one candidate written here with the
characters the generator does not write.

The reference is the former design, rebuilt here in a few lines: an FTS5
table holding each séance's text, asked the same expression, FTS5's
``snippet()`` over the stored text.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.search import build, writing
from seance_tui.search.fts import SNIPPET_WORDS, TEXT_TABLES, TOKENIZE, fts_expression
from seance_tui.search.highlight import HIT_END, HIT_START
from seance_tui.search.hits import indexed_text, newest_first_key
from seance_tui.search.index import SearchIndex, default_index_path
from seance_tui.search.query import parse_query
from seance_tui.search.scan import scan_search
from seance_tui.storage.store import ReadOnlyStore, WritableStore

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

EXTRA_NOTES = (
    "## Séance\n\n"
    "Elle a vu une kinésiologue… puis un ostéopathe ; « c’est mon cœur de métier », dit-elle.\n"
    "Préparer l’entretien d’embauche et l'entretien annuel ; rendez-vous à 12:30.\n"
    "Boutique de 80\u00a0m², ﬁnancement à trouver ; la manœuvre est délicate ; Œuvre collective.\n"
    "Aujourd’hui et aujourd'hui : l’Élève, l'ÉLÈVE, élève.\n"
)

QUERIES = [
    "kinesiologue", "kinésiologue", "KINÉSIOLOGUE", "kinesio*", "projet", "proj*", "projet professionnel",
    "projet-professionnel", "l'entretien", "l’entretien", "entretien d'embauche", "d’embauche", "aujourd'hui",
    "aujourd’hui", "coeur", "cœur", "CŒUR", "manoeuvre", "mano*", "oeuvre", "œuvre*", "eleve", "élève",
    "12:30", "m2", "financement", "fi*", "bilan", "compétences", "competence*", "bilan compétences",
    "formation", "reconversion", "stage", "e*", "l*", "c'est", "qu'elle", "n'est", "ornithorynque",
    "xylophoniste", "a", "très", "deja", "voila", "francais", "introuvable", "", "'", "*",
]


def make_extra(number_of_seances: int = 2) -> CandidateRecord:
    record = CandidateRecord(Candidate(
        id="zz-typographe", name="Zoé Typographe", consultant="Claire Vasseur", funding=FundingRoute.CPF,
        consent_date=date(2026, 11, 2), start_date=date(2026, 11, 2),
    ))
    for i in range(number_of_seances):
        seance = record.start_seance("preliminaire", datetime(2026, 11, 3 + i, 9, 0), notes=EXTRA_NOTES * (i + 1))
        record.close_seance(seance.number, datetime(2026, 11, 3 + i, 11, 0))
    return record


class Reference:
    """The former index: text stored in the FTS5 table, snippet() over it."""

    def __init__(self, store: ReadOnlyStore) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize = '{TOKENIZE}')")
        self.db.execute("CREATE TABLE s (key INTEGER PRIMARY KEY, cid, name, number, day, phase)")
        stamps, _ = store.stamps()
        for candidate_id in stamps:
            record = store.load(candidate_id)
            for seance in record.seances:
                key = newest_first_key(seance.day, candidate_id, seance.number)
                while self.db.execute("SELECT 1 FROM s WHERE key = ?", (key,)).fetchone():
                    key += 1
                self.db.execute("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?)", (
                    key, candidate_id, record.candidate.name, seance.number,
                    seance.day.isoformat() if seance.day else None, seance.phase))
                self.db.execute("INSERT INTO t (rowid, body) VALUES (?, ?)", (key, indexed_text(seance)))

    def search(self, query: str, limit: int) -> list[tuple]:
        terms = list(dict.fromkeys(parse_query(query)))
        if not terms:
            return []
        rows = self.db.execute(
            "SELECT s.cid, s.name, s.number, s.day, s.phase, snippet(t, 0, ?, ?, '…', ?) FROM t "
            "JOIN s ON s.key = t.rowid WHERE t MATCH ? ORDER BY t.rowid DESC LIMIT ?",
            (HIT_START, HIT_END, SNIPPET_WORDS, fts_expression(terms), limit),
        ).fetchall()
        return [(cid, name, number, day, phase, " ".join(snippet.split())) for cid, name, number, day, phase, snippet in rows]


def answers(index: SearchIndex, query: str, limit: int) -> list[tuple]:
    return [(h.candidate_id, h.candidate_name, h.number, h.day.isoformat() if h.day else None, h.phase, h.snippet)
            for h in index.search(query, limit)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("same-hits")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    data_dir = root / "data"
    generate.generate(data_dir, 200, seed=3, jobs=1, quiet=True)
    WritableStore(data_dir).create(make_extra())
    store = ReadOnlyStore(data_dir)
    index = SearchIndex(default_index_path(root / "cache", data_dir), store)
    index.refresh()
    yield store, index, Reference(store)
    index.close()


def test_the_generated_store_has_what_the_queries_ask_for(generated):
    store, index, reference = generated
    assert sum(len(store.load(cid).seances) for cid in store.candidate_ids()) >= 180
    for query in ("l’entretien", "cœur", "kinesiologue", "12:30", "m2", "projet-professionnel"):
        assert reference.search(query, 5), query


@pytest.mark.parametrize("query", QUERIES)
def test_same_hits_and_snippets_as_the_index_that_stored_the_text(generated, query):
    store, index, reference = generated
    for limit in (20, 10_000):
        assert answers(index, query, limit) == reference.search(query, limit)


def test_same_hits_as_the_scan(generated):
    store, index, _ = generated
    found = [(h.candidate_id, h.number) for h in index.search("l'entretien", 10_000)]
    assert found == [(h.candidate_id, h.number) for h in scan_search(store, "l'entretien", 10_000)]


def integrity_checked(index: SearchIndex) -> None:
    for name in TEXT_TABLES:  # raises on a table whose segments are not consistent
        index._db.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('integrity-check', 0)")


def test_the_first_build_in_two_processes_answers_the_same(generated, tmp_path, monkeypatch):
    store, _, reference = generated
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    index = SearchIndex(default_index_path(tmp_path / "cache", store.data_dir), store)
    try:
        seen = []
        report = index.refresh(lambda done, total: seen.append((done, total)))
        assert report.reindexed == len(store.candidate_ids()) and report.problems == []
        assert seen[-1] == (report.reindexed, report.reindexed)
        assert not build.part_path(index.path).exists()
        # both tables hold séances: the other process did its half
        for name in TEXT_TABLES:
            assert index._db.execute(f"SELECT count(*) FROM {name} WHERE {name} MATCH 'projet'").fetchone()[0] > 10
        integrity_checked(index)
        for query in QUERIES:
            assert answers(index, query, 10_000) == reference.search(query, 10_000), query
    finally:
        index.close()


def test_changed_seances_leave_dead_rows_until_the_rebuild_takes_their_words(generated, tmp_path, monkeypatch):
    store, _, _ = generated
    data_dir = tmp_path / "data"
    shutil.copytree(store.data_dir, data_dir)
    copy = ReadOnlyStore(data_dir)
    index = SearchIndex(default_index_path(tmp_path / "cache", data_dir), copy)
    try:
        index.refresh()
        dead = lambda: index._db.execute("SELECT count(*) FROM dead").fetchone()[0]  # noqa: E731
        with WritableStore(data_dir).open_for_writing("zz-typographe") as writer:
            record = writer.record
            record.seance(1).notes = "Une séance réécrite : hippocampe dessiné."
            writer.save(record)
        assert index.refresh().reindexed == 1
        assert dead() == 1  # the séance that changed; its neighbour kept its row
        assert answers(index, "hippocampe", 50)[0][:3] == ("zz-typographe", "Zoé Typographe", 1)
        assert [h[2] for h in answers(index, "ostéopathe", 50) if h[0] == "zz-typographe"] == [2]
        monkeypatch.setattr(writing, "MIN_DEAD", 0)
        monkeypatch.setattr(writing, "DEAD_SHARE", 0)
        with WritableStore(data_dir).open_for_writing("zz-typographe") as writer:
            record = writer.record
            record.seance(1).notes = "Plus rien."
            writer.save(record)
        index.refresh()  # any dead row is now too many: rebuilt
        assert dead() == 0
        integrity_checked(index)
        for name in TEXT_TABLES:  # the words of the old texts are out of the index itself
            assert index._db.execute(f"SELECT count(*) FROM {name} WHERE {name} MATCH 'hippocampe'").fetchone() == (0,)
        assert answers(index, "hippocampe", 50) == []
        assert Reference(copy).search("cœur", 10_000) == answers(index, "cœur", 10_000)
    finally:
        index.close()


@pytest.mark.parametrize("query", ["projet", "l'entretien", "cœur", "e*", "introuvable", ""])
def test_count_is_the_number_of_hits(generated, query):
    _, index, reference = generated
    assert index.count(query) == len(reference.search(query, 10_000))


def test_a_corrupt_index_file_is_said_deleted_and_built_again(generated, tmp_path):
    from seance_tui.search.index import SearchIndexUnavailable
    from seance_tui.services.review import Review

    store, _, reference = generated
    review = Review(store.data_dir, tmp_path / "cache")
    try:
        review.index_path.parent.mkdir(parents=True, exist_ok=True)
        review.index_path.write_bytes(b"not a database, " * 1000)
        with pytest.raises(SearchIndexUnavailable):
            review.build_index()
        assert not review.index_path.exists()
        assert [h.snippet for h in review.search("cœur", 20)]  # the scan answers meanwhile
        assert review.build_index() == []
        assert [(h.candidate_id, h.number, h.snippet) for h in review.search("cœur", 20)] == [
            (cid, number, snippet) for cid, _, number, _, _, snippet in reference.search("cœur", 20)]
    finally:
        review.close()


def test_a_private_part_is_searched_and_quoted_as_before(tmp_path):
    """Review shows a séance's private part (reviewers are professionals) and
    the index always searched it: the same rule, neither wider nor narrower."""
    data_dir = tmp_path / "data"
    record = make_extra(1)
    record.seances[0].notes += "\n## Privé\n\nÉvoque un burn-out ancien ; suivi par une psychologue.\n"
    WritableStore(data_dir).create(record)
    store = ReadOnlyStore(data_dir)
    index = SearchIndex(default_index_path(tmp_path / "cache", data_dir), store)
    try:
        index.refresh()
        found = index.search("psychologue", 20)
        assert [(h.candidate_id, h.number) for h in found] == [("zz-typographe", 1)]
        assert f"{HIT_START}psychologue{HIT_END}" in found[0].snippet
        assert answers(index, "psychologue", 20) == Reference(store).search("psychologue", 20)
        assert [(h.candidate_id, h.number) for h in scan_search(store, "psychologue", 20)] == [("zz-typographe", 1)]
    finally:
        index.close()
