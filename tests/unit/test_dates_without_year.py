"""A day and a month typed without a year (``28 février``, ``28/02``): which
year, by ``MissingYear``. On 26/11/2026, ``28 février`` used to give
28/02/2026, nine months in the past, as a deadline."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seance_tui.domain.dates import (
    DateParseError,
    MissingYear,
    format_day_month,
    parse_french_date,
    understand_french_date,
)

D = datetime.date
TODAY = D(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "missing_year", "expected"),
    [
        ("28 février", MissingYear.NEXT, D(2027, 2, 28)),
        ("28/02", MissingYear.NEXT, D(2027, 2, 28)),
        ("28.2", MissingYear.NEXT, D(2027, 2, 28)),
        ("1er décembre", MissingYear.NEXT, D(2026, 12, 1)),
        ("26 novembre", MissingYear.NEXT, TODAY),  # today included
        ("25 novembre", MissingYear.NEXT, D(2027, 11, 25)),
        ("28 février", MissingYear.LAST, D(2026, 2, 28)),
        ("1er décembre", MissingYear.LAST, D(2025, 12, 1)),
        ("26/11", MissingYear.LAST, TODAY),  # a consent given today
        ("20 novembre", MissingYear.NEAREST, D(2026, 11, 20)),
        ("2 décembre", MissingYear.NEAREST, D(2026, 12, 2)),
        ("28 février", MissingYear.NEAREST, D(2027, 2, 28)),
        ("29 février", MissingYear.NEXT, D(2028, 2, 29)),
        ("29 février", MissingYear.LAST, D(2024, 2, 29)),
    ],
)
def test_which_year(text, missing_year, expected):
    understood = understand_french_date(text, TODAY, missing_year)
    assert understood.date == expected
    assert understood.year_guessed


def test_the_default_is_the_next_occurrence():
    assert parse_french_date("28 février", TODAY) == D(2027, 2, 28)


def test_a_year_typed_is_never_changed():
    for missing_year in MissingYear:
        understood = understand_french_date("28 février 2026", TODAY, missing_year)
        assert understood == (D(2026, 2, 28), False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 avril", "Date impossible : le 31 avril n'existe pas (avril a 30 jours)."),
        ("30/02", "Date impossible : le 30 février n'existe pas (février a 28 ou 29 jours)."),
        ("15/13", "Date impossible : il n'y a pas de mois 13 (jour/mois/année attendu)."),
        ("mars", "Date non reconnue : « mars » sans jour. Précisez le jour, par exemple 15 mars."),
    ],
)
def test_impossible_or_incomplete(text, message):
    with pytest.raises(DateParseError) as error:
        parse_french_date(text, TODAY)
    assert str(error.value) == message


days = st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31))


@given(days, days)
def test_next_is_the_first_occurrence_from_today(today, d):
    result = parse_french_date(format_day_month(d), today, MissingYear.NEXT)
    assert (result.month, result.day) == (d.month, d.day)
    assert result >= today
    assert not any(
        today <= D(year, d.month, d.day) < result for year in range(today.year, result.year) if _exists(year, d)
    )


@given(days, days)
def test_last_is_the_latest_occurrence_up_to_today(today, d):
    result = parse_french_date(f"{d.day}/{d.month}", today, MissingYear.LAST)
    assert (result.month, result.day) == (d.month, d.day)
    assert result <= today
    assert not any(
        result < D(year, d.month, d.day) <= today for year in range(result.year + 1, today.year + 1) if _exists(year, d)
    )


@given(days, days)
def test_nearest_is_never_farther_than_the_other(today, d):
    result = parse_french_date(format_day_month(d), today, MissingYear.NEAREST)
    following = parse_french_date(format_day_month(d), today, MissingYear.NEXT)
    previous = parse_french_date(format_day_month(d), today, MissingYear.LAST)
    assert result in (following, previous)
    assert abs((result - today).days) <= min((following - today).days, (today - previous).days)


@given(days)
def test_today_is_its_own_next_and_last(today):
    for missing_year in MissingYear:
        assert parse_french_date(format_day_month(today), today, missing_year) == today


def _exists(year: int, d: D) -> bool:
    try:
        D(year, d.month, d.day)
    except ValueError:
        return False
    return True
