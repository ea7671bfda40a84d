"""Where a query matches in a text (search/highlight.py): the same rule as the
search, positions in the text as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seance_tui.search.highlight import HIT_END, HIT_START, first_match, locate, match_spans, plain_snippet
from seance_tui.search.query import folded_words, matches, parse_query

BLOCKS = [
    "# Compte rendu de séance n° 3 — Zoé Lefèvre",
    "## Retour sur l’intersession",
    "L’entretien avec la conseillère n’a pas encore eu lieu.",
    "La manœuvre, à 12:30.",
]


def test_locate_opens_at_the_block_holding_the_phrase_not_at_its_first_word():
    assert locate(BLOCKS, "l'entretien") == 2
    assert locate(BLOCKS, "L’ENTRETIEN") == 2
    assert locate(BLOCKS, "conseill*") == 2
    assert locate(BLOCKS, "manoeuvre") == 3
    assert locate(BLOCKS, "12:30") == 3


def test_locate_prefers_a_block_with_every_term_then_the_first_with_any():
    assert locate(BLOCKS, "manoeuvre seance") == 0  # "séance" first, "manœuvre" later: spread out
    assert locate(BLOCKS, "lieu conseillere") == 2
    assert locate(BLOCKS, "absent") is None
    assert locate(BLOCKS, "  ") is None


def test_first_match_spans_the_text_as_written():
    text = BLOCKS[2] + " " + BLOCKS[3]
    start, end = first_match(text, parse_query("l'entretien"))
    assert text[start:end] == "L’entretien"
    start, end = first_match(text, parse_query("manoeuvre"))
    assert text[start:end] == "manœuvre"
    start, end = first_match(text, parse_query("man*"))
    assert text[start:end] == "manœuvre"
    decomposed = "un e\u0301le\u0300ve"  # accents as combining marks
    start, end = first_match(decomposed, parse_query("eleve"))
    assert decomposed[start:end] == "e\u0301le\u0300ve"


def test_match_spans_are_every_occurrence_of_every_term_as_written():
    text = "Retour sur l’intersession. L’Entretien a eu lieu ; l'entretien suivant, entretien seul, lentretien."
    shown = lambda query: [text[a:b] for a, b in match_spans(text, parse_query(query))]  # noqa: E731
    # the phrase, not its first word: "l’intersession" is not a match
    assert shown("l'entretien") == ["L’Entretien", "l'entretien"]
    assert shown("L’ÉNTRETIEN") == ["L’Entretien", "l'entretien"]
    assert shown("entretien") == ["Entretien", "entretien", "entretien"]
    assert shown("entr* lieu") == ["Entretien", "lieu", "entretien", "entretien"]
    assert shown("absent") == [] and shown("  ") == []


def test_match_spans_merge_overlapping_terms():
    text = "La manœuvre du contrôle de gestion."
    assert [text[a:b] for a, b in match_spans(text, parse_query("controle controle*de"))] == ["contrôle de"]
    assert [text[a:b] for a, b in match_spans(text, parse_query("manoeuvre man*"))] == ["manœuvre"]


def test_the_scan_snippet_marks_the_whole_phrase():
    snippet = plain_snippet("Retour sur l’intersession. L’entretien a eu lieu.", parse_query("l'entretien"))
    assert f"{HIT_START}L’entretien{HIT_END}" in snippet


@given(st.text(alphabet="aàeéœ l’'_-:1²", max_size=40), st.text(alphabet="aeoe l'*1", max_size=8))
def test_a_text_the_search_matches_has_a_place_where_it_matches(text, query):
    terms = parse_query(query)
    if terms and matches(folded_words(text), terms):
        span = first_match(text, terms)
        assert span is not None
        start, end = span
        assert folded_words(text[start:end]), (text, query, span)
        assert locate([text], query) == 0
