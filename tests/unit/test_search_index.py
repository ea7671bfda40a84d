"""The search index (SQLite FTS5 in a cache dir) finds what a reviewer types,
gives the same answers as the plain scan it replaces, follows the files it is
derived from, and never writes under the data dir.

Every test works on a copy of data/demo plus one candidate written here
through the domain API (the demo has no typographic apostrophe before
"entretien", no "élève", no compatibility characters)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seance_tui import paths
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.text import fold
from seance_tui.search.highlight import HIT_END, HIT_START
from seance_tui.search.hits import SearchHit
from seance_tui.search.index import SearchIndex, default_index_path
from seance_tui.search.scan import scan_search
from seance_tui.storage.store import ReadOnlyStore, WritableStore

EXTRA_ID = "ines-typographe"
EXTRA_NOTES = (
    "## Entretien\n\n"
    "Préparer l’entretien avec l’élève ; rendez-vous à 12:30 au CFA.\n"
    "Boutique de 80 m², ﬁnancement à trouver ; « c’est mon cœur de métier ».\n"
)
ALL = 10_000  # a limit above any count of séances here

ADVERSARIAL = [
    "'", '"', 'a"b', "-", "12:30", "NEAR(", "NEAR(a b)", "AND", "OR", "NOT", "*", "**", "^", "^entretien",
    "col:x", "body:entretien", "rowid:1", '"""', "''", "‘", "’", "«", "»", "(", ")", "()", "{a}", "[x]",
    "a OR b", "entretien NOT stage", "-entretien", "+", "%", "_", "\\", ";", "--", "/*", "*/",
    "entretien*", "*entretien", "en*tretien", "l'", "l’", "d'", "\x00", "\t", "\n", " ", "",
    "😀", "🙂 stage", "é", "É*", "œ", "Œ*", "ß", "x" * 5000, "entretien " * 500, "e* " * 200,
    "' OR 1=1 --", "\"entretien\" OR \"stage\"", "séance'); DROP TABLE seances; --",
]


def make_extra_record() -> CandidateRecord:
    record = CandidateRecord(
        Candidate(
            id=EXTRA_ID,
            name="Inès Typographe",
            consultant="Claire Vasseur",
            funding=FundingRoute.CPF,
            consent_date=date(2026, 11, 20),
            start_date=date(2026, 11, 20),
        )
    )
    seance = record.start_seance("preliminaire", datetime(2026, 11, 25, 9, 0), notes=EXTRA_NOTES)
    record.close_seance(seance.number, datetime(2026, 11, 25, 11, 0))
    return record


def make_data_dir(root: Path) -> Path:
    data_dir = root / "data"
    shutil.copytree(paths.demo_data_dir(), data_dir)
    WritableStore(data_dir).create(make_extra_record())
    return data_dir


def snapshot(root: Path) -> dict[str, tuple]:
    """Bytes and mtime of every file, mtime of every folder (a file created
    then removed still changes its folder's mtime)."""
    shot = {}
    for path in [root, *root.rglob("*")]:
        st_ = path.stat()
        shot[str(path.relative_to(root))] = (None if path.is_dir() else path.read_bytes(), st_.st_mtime_ns)
    return shot


def keys(hits: list[SearchHit]) -> list[tuple[str, int]]:
    return [(h.candidate_id, h.number) for h in hits]


def marked(snippet: str) -> list[str]:
    """The words a snippet highlights."""
    return re.findall(re.escape(HIT_START) + "(.*?)" + re.escape(HIT_END), snippet)


def seance_text(store: ReadOnlyStore, hit: SearchHit) -> str:
    seance = store.load(hit.candidate_id).seance(hit.number)
    return "\n".join([seance.notes, seance.next_steps, *seance.tools])


class Built:
    def __init__(self, root: Path) -> None:
        self.data_dir = make_data_dir(root)
        self.cache_dir = root / "cache"
        self.store = ReadOnlyStore(self.data_dir)
        self.before = snapshot(self.data_dir)
        self.index = self.open_index()
        self.report = self.index.refresh()

    def open_index(self) -> SearchIndex:
        return SearchIndex(default_index_path(self.cache_dir, self.data_dir), self.store)

    def search(self, query: str) -> list[SearchHit]:
        return self.index.search(query, ALL)

    def scan(self, query: str) -> list[SearchHit]:
        return scan_search(self.store, query, ALL)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One index over the demo, for the tests that only read it."""
    b = Built(tmp_path_factory.mktemp("search"))
    yield b
    b.index.close()


@pytest.fixture
def fresh(tmp_path):
    """An index of its own, for the tests that change files."""
    b = Built(tmp_path)
    yield b
    b.index.close()


# --- what a reviewer types ----------------------------------------------------


def test_first_build_indexes_every_candidate(built):
    assert built.report.reindexed == 6
    assert built.report.problems == []
    assert not built.index.is_empty


def test_accents_and_case_are_ignored(built):
    hits = built.search("seance")
    assert hits
    assert keys(hits) == keys(built.search("SÉANCE")) == keys(built.search("Séance"))
    assert all("séance" in seance_text(built.store, h).lower() for h in hits)
    assert all(fold(w) == "seance" for h in hits for w in marked(h.snippet))

    # réussite, enquête and élève (the last written here) found without their accents
    for typed, written in [("reussite", "réussite"), ("enquete", "enquête"), ("eleve", "élève")]:
        hits = built.search(typed)
        assert hits, typed
        assert all(written in seance_text(built.store, h).lower() for h in hits), typed
        assert keys(hits) == keys(built.search(written.upper()))
    assert keys(built.search("eleve")) == [(EXTRA_ID, 1)]


def test_ligatures_fold_both_ways(built):
    hits = built.search("manoeuvre")
    assert keys(hits) == [("helene-chaussee", 6)]
    assert "manœuvre" in seance_text(built.store, hits[0])
    assert keys(built.search("manœuvre")) == keys(built.search("MANŒUVRE")) == keys(hits)
    assert [fold(w) for w in marked(hits[0].snippet)] == ["manoeuvre"]
    # and a word written "oe" is found by the ligature too
    assert keys(built.search("oeuvre")) == keys(built.search("œuvre"))
    assert (EXTRA_ID, 1) in keys(built.search("coeur"))


def test_both_apostrophes_match(built):
    straight, curly = built.search("l'entretien"), built.search("l’entretien")
    assert keys(straight) == keys(curly)
    found = set(keys(straight))
    assert (EXTRA_ID, 1) in found  # written with ’
    assert any(cid == "helene-chaussee" for cid, _ in found)  # written with '
    assert "l’entretien" in seance_text(built.store, built.search("l'entretien eleve")[0])
    # the demo's own curly apostrophe (Hélène: « aujourd’hui »)
    assert keys(built.search("aujourd'hui")) == keys(built.search("aujourd’hui"))
    assert any("aujourd’hui" in seance_text(built.store, h) for h in built.search("aujourd'hui"))


def test_trailing_star_searches_a_prefix(built):
    hits = built.search("forma*")
    words = {fold(w) for h in hits for w in re.findall(r"\w+", seance_text(built.store, h))}
    assert {"formation", "formateur"} <= words
    assert all(any(fold(w).startswith("forma") for w in marked(h.snippet)) for h in hits)
    assert built.search("forma") == []  # without the star, a whole word
    assert len(hits) > len(built.search("formation"))


def test_several_words_must_all_appear(built):
    both = set(keys(built.search("fleuriste stage")))
    assert both
    assert both <= set(keys(built.search("fleuriste"))) & set(keys(built.search("stage")))
    assert built.search("fleuriste zzzinconnu") == []


def test_compatibility_characters_are_found_like_the_scan_finds_them(built):
    # "80 m²" and the PDF ligature "ﬁ" in "ﬁnancement": what the reader sees is what they type
    for query in ["m2", "financement", "80 m2"]:
        assert (EXTRA_ID, 1) in keys(built.scan(query)), query
        assert keys(built.search(query)) == keys(built.scan(query)), query


def test_hits_come_newest_first_with_their_details(built):
    hits = built.search("entretien")
    assert len(hits) > 3
    days = [h.day for h in hits]
    assert all(isinstance(d, date) for d in days)
    assert days == sorted(days, reverse=True)
    first = hits[0]
    assert (first.candidate_id, first.number, first.day) == (EXTRA_ID, 1, date(2026, 11, 25))
    assert first.candidate_name == "Inès Typographe"
    assert first.phase == "preliminaire"
    # the limit keeps the newest
    assert keys(built.index.search("entretien", 2)) == keys(hits[:2])


def test_snippets_mark_the_match(built):
    for query, word in [("stage", "stage"), ("fleuriste", "fleuriste"), ("eleve", "eleve"), ("12:30", "12")]:
        hits = built.search(query)
        assert hits, query
        for hit in hits:
            assert HIT_START in hit.snippet and HIT_END in hit.snippet, (query, hit)
            assert any(word in fold(w) for w in marked(hit.snippet)), (query, hit.snippet)
            assert "\n" not in hit.snippet


# --- user text never reaches FTS5's syntax --------------------------------------


@pytest.mark.parametrize("query", ADVERSARIAL, ids=lambda q: repr(q[:20]))
def test_adversarial_queries_never_raise_and_agree_with_the_scan(built, query):
    assert keys(built.search(query)) == keys(built.scan(query))


COMMON = ["entretien", "stage", "fleuriste", "l'entretien", "forma*", "séance", "métier", "12:30", "CAP", "e*"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet="ae'’\"*-:^()éÉœŒ ln0123 NEAROD", max_size=30),
        st.lists(st.sampled_from([*COMMON, *ADVERSARIAL[:40]]), min_size=1, max_size=4).map(" ".join),
    )
)
def test_any_text_gives_the_scans_hits(built, query):
    assert keys(built.search(query)) == keys(built.scan(query))


def test_queries_a_reviewer_might_type_agree_with_the_scan(built):
    for query in [*COMMON, "manoeuvre", "aujourd'hui", "eleve", "fleuriste stage", "Dubœuf", "cap*", "2026"]:
        assert keys(built.search(query)) == keys(built.scan(query)), query


# --- where the index lives, and what it follows ---------------------------------


def test_index_lives_in_the_cache_dir_and_leaves_the_data_dir_untouched(built):
    index_path = built.index.path.resolve()
    assert index_path.is_file()
    assert index_path.is_relative_to(built.cache_dir.resolve())
    assert not index_path.is_relative_to(built.data_dir.resolve())
    for query in ["entretien", "forma*", "'", "manœuvre"]:
        built.search(query)
    built.index.refresh()
    assert snapshot(built.data_dir) == built.before
    # one index per data dir, named after its path
    assert default_index_path(built.cache_dir, built.data_dir) == built.index.path
    assert default_index_path(built.cache_dir, built.data_dir.parent / "autre") != built.index.path


def test_a_refresh_with_nothing_changed_reads_nothing(fresh):
    report = fresh.index.refresh()
    assert (report.reindexed, report.removed, report.problems) == (0, 0, [])
    assert snapshot(fresh.data_dir) == fresh.before


def test_a_changed_file_is_reindexed_alone(fresh):
    assert fresh.search("hippocampe") == []
    with WritableStore(fresh.data_dir).open_for_writing("zoe-lefevre") as writer:
        record = writer.record
        record.seance(4).notes += "\nElle évoque un hippocampe dessiné sur son carnet."
        writer.save(record)
    before_refresh = snapshot(fresh.data_dir)

    report = fresh.index.refresh()
    assert report.reindexed == 1
    assert report.removed == 0
    assert keys(fresh.search("hippocampe")) == [("zoe-lefevre", 4)]
    assert keys(fresh.search("HIPPOCAMPE*")) == keys(fresh.scan("hippocampe"))
    # the other séances of that candidate are still there, once each
    assert keys(fresh.search("epicerie solidaire")) == keys(fresh.scan("epicerie solidaire"))
    assert fresh.index.refresh().reindexed == 0
    assert snapshot(fresh.data_dir) == before_refresh


def test_a_removed_candidate_disappears_from_hits(fresh):
    assert any(cid == "helene-chaussee" for cid, _ in keys(fresh.search("entretien")))
    (fresh.data_dir / "candidates" / "helene-chaussee.json").unlink()
    report = fresh.index.refresh()
    assert (report.reindexed, report.removed) == (0, 1)
    assert fresh.search("manoeuvre") == []
    assert all(cid != "helene-chaussee" for cid, _ in keys(fresh.search("entretien")))
    assert keys(fresh.search("entretien")) == keys(fresh.scan("entretien"))


def test_a_corrupt_file_is_a_problem_and_stops_nothing(fresh):
    broken = fresh.data_dir / "candidates" / "casse.json"
    broken.write_text('{"meta": {"1": {"schema_ver', encoding="utf-8")
    fresh.index.close()
    os.remove(fresh.index.path)
    fresh.index = fresh.open_index()

    report = fresh.index.refresh()
    assert report.reindexed == 7  # six good files, one tried
    assert [p.path for p in report.problems] == [broken]
    assert "casse.json" in str(report.problems[0])
    assert keys(fresh.search("manoeuvre")) == [("helene-chaussee", 6)]
    assert keys(fresh.search("eleve")) == [(EXTRA_ID, 1)]
    assert keys(fresh.search("entretien")) == keys(fresh.scan("entretien"))


def test_a_deleted_index_is_rebuilt_from_the_files(fresh):
    expected = {q: keys(fresh.search(q)) for q in ["entretien", "manoeuvre", "forma*", "l'entretien"]}
    path = fresh.index.path
    fresh.index.close()
    for leftover in path.parent.glob(path.name + "*"):  # the database and its WAL files
        leftover.unlink()
    assert not path.exists()

    fresh.index = fresh.open_index()
    assert fresh.index.is_empty
    assert fresh.index.search("entretien") == []  # empty until refreshed: review scans meanwhile
    assert fresh.index.refresh().reindexed == 6
    assert {q: keys(fresh.search(q)) for q in expected} == expected
    assert snapshot(fresh.data_dir) == fresh.before


def test_an_index_of_another_version_is_rebuilt(fresh):
    fresh.index.close()
    with sqlite3.connect(fresh.index.path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
    db.close()
    fresh.index = fresh.open_index()
    assert fresh.index.is_empty
    assert fresh.index.refresh().reindexed == 6
    assert keys(fresh.search("manoeuvre")) == [("helene-chaussee", 6)]


def test_the_index_file_is_private(built):
    assert built.index.path.stat().st_mode & 0o077 == 0


def test_a_prefix_stopping_inside_a_ligature_finds_it(built):
    # "mano*" is "man" + "o" of "œ": the index asks for "manœ*" too, as the scan finds it.
    assert (("helene-chaussee", 6)) in keys(built.search("mano*"))
    assert keys(built.search("mano*")) == keys(built.scan("mano*"))
