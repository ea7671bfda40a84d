from seance_tui.search.query import Term, folded_words, matches, parse_query


def test_terms_fold_accents_ligatures_and_apostrophes():
    assert parse_query("Séance") == [Term(("seance",))]
    assert parse_query("manœuvre") == [Term(("manoeuvre",))]
    assert parse_query("l’entretien") == parse_query("l'entretien") == [Term(("l", "entretien"))]
    assert parse_query("forma*") == [Term(("forma",), prefix=True)]
    assert parse_query("12:30 - ' \"") == [Term(("12", "30"))]
    assert parse_query("   ") == []


def test_plain_matching_rules():
    words = folded_words("L’entretien d’un élève en manœuvre, séance de 12:30.")
    assert matches(words, parse_query("eleve"))
    assert matches(words, parse_query("MANOEUVRE seance"))
    assert matches(words, parse_query("l'entretien"))
    assert matches(words, parse_query("12:30"))
    assert matches(words, parse_query("man*"))
    assert not matches(words, parse_query("man"))
    assert not matches(words, parse_query("eleve absent"))
