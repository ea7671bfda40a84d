"""Export file and folder names: readable, and never a way out of the exports dir."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seance_tui.domain.model import Candidate, FundingRoute, Seance
from seance_tui.domain.slug import candidate_folder, candidate_slug
from seance_tui.export.naming import history_filename, summary_filename, synthesis_filename

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zoé Dubœuf", "zoe-duboeuf"),
        ("Æsa Straße", "aesa-strasse"),
        ("François Nguyễn", "francois-nguyen"),
        ("Søren Łukasz", "soren-lukasz"),
        ("  Jean--Marc  O'Neil ", "jean-marc-o-neil"),
        ("../../x", "x"),
        ("/etc", "etc"),
        ("..\\..\\Windows", "windows"),
        ("CON", "con-candidat"),
        ("nul", "nul-candidat"),
        ("Com1", "com1-candidat"),
        ("", "candidat"),
        ("../..", "candidat"),
        ("★ ♥ !!", "candidat"),
        ("Иван", "candidat"),
    ],
)
def test_candidate_slug(name, slug):
    assert candidate_slug(name) == slug


@given(st.text())
def test_any_name_gives_a_plain_non_empty_slug(name):
    slug = candidate_slug(name)
    assert SLUG.match(slug)
    assert len(slug) <= 64


def candidate(name: str, candidate_id: str) -> Candidate:
    return Candidate(id=candidate_id, name=name, consultant="", funding=FundingRoute.CPF)


def test_the_folder_tells_homonyms_apart_by_their_id():
    assert candidate_folder(candidate("Marie Dupont", "3f2a9c1b2d4e")) == "marie-dupont-3f2a9c1b2d4e"
    assert candidate_folder(candidate("Marie Dupont", "a1b2c3d4e5f6")) == "marie-dupont-a1b2c3d4e5f6"
    # An id made from the name is not repeated.
    assert candidate_folder(candidate("Zoé Lefèvre", "zoe-lefevre")) == "zoe-lefevre"
    assert candidate_folder(candidate("Zoé Lefèvre", "zoe-lefevre-2")) == "zoe-lefevre-2"
    assert candidate_folder(candidate("../../x", "../y")) == "x-y"


def test_file_names():
    held = Seance(number=3, phase="investigation", start=datetime(2027, 3, 15, 9, 0))
    planned = Seance(number=12, phase="investigation", planned_date=date(2027, 4, 1))
    assert summary_filename(held) == "2027-03-15-seance-03.md"
    assert summary_filename(planned) == "2027-04-01-seance-12.md"
    assert summary_filename(Seance(number=4, phase="x")) == "sans-date-seance-04.md"
    assert history_filename(date(2027, 5, 2)) == "2027-05-02-historique.md"
    assert synthesis_filename(date(2027, 5, 2)) == "2027-05-02-synthese.md"
