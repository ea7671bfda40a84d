from seance_tui.domain.text import fold


def test_fold_ignores_accents_case_ligatures_and_apostrophes():
    assert fold("Amélie DUBŒUF") == "amelie duboeuf"
    assert fold("élève") == fold("ELEVE") == "eleve"
    assert fold("manœuvre") == "manoeuvre"
    assert fold("l’entretien") == fold("l'entretien")
    assert fold("Nguyễn") == "nguyen"
