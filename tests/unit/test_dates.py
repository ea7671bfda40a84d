import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seance_tui.domain.dates import (
    FRENCH_MONTHS,
    DateParseError,
    format_date,
    format_date_long,
    parse_french_date,
)

TODAY = datetime.date(2026, 11, 26)
D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Numeric, day first.
        ("15/03/2027", D(2027, 3, 15)),
        ("15/3/27", D(2027, 3, 15)),
        ("15-03-2027", D(2027, 3, 15)),
        ("15.03.2027", D(2027, 3, 15)),
        ("  15 / 03 / 2027  ", D(2027, 3, 15)),
        ("1/2/03", D(2003, 2, 1)),
        # Month names.
        ("15 mars 2027", D(2027, 3, 15)),
        ("15 MARS 2027", D(2027, 3, 15)),
        ("15   Mars   2027", D(2027, 3, 15)),
        ("15 février 2027", D(2027, 2, 15)),
        ("15 fevrier 2027", D(2027, 2, 15)),
        ("15 FÉVRIER 2027", D(2027, 2, 15)),
        ("1er avril 2027", D(2027, 4, 1)),
        ("1 avril 2027", D(2027, 4, 1)),
        ("15 août 2027", D(2027, 8, 15)),
        ("15 aout 2027", D(2027, 8, 15)),
        ("15 décembre 2027", D(2027, 12, 15)),
        ("15 mars 27", D(2027, 3, 15)),
        # Abbreviated month names.
        ("15 févr. 2027", D(2027, 2, 15)),
        ("15 fev 2027", D(2027, 2, 15)),
        ("15 sept 2027", D(2027, 9, 15)),
        ("15 sept. 2027", D(2027, 9, 15)),
        ("15 janv. 2027", D(2027, 1, 15)),
        ("15 juil. 2027", D(2027, 7, 15)),
        ("15 déc. 2027", D(2027, 12, 15)),
        # Without a year, the next occurrence (test_dates_without_year.py says more).
        ("15 mars", D(2027, 3, 15)),
        ("1er décembre", D(2026, 12, 1)),
        ("15/03", D(2027, 3, 15)),
        # Month and year only: the first of the month.
        ("mars 2027", D(2027, 3, 1)),
        ("Septembre 2027", D(2027, 9, 1)),
        ("févr. 2027", D(2027, 2, 1)),
        # Named days.
        ("aujourd'hui", TODAY),
        ("aujourd’hui", TODAY),
        ("Aujourd'hui", TODAY),
        ("demain", D(2026, 11, 27)),
        ("après-demain", D(2026, 11, 28)),
        ("apres-demain", D(2026, 11, 28)),
        ("hier", D(2026, 11, 25)),
        # "dans N ...".
        ("dans 3 jours", D(2026, 11, 29)),
        ("dans 1 jour", D(2026, 11, 27)),
        ("dans 2 semaines", D(2026, 12, 10)),
        ("dans 3 mois", D(2027, 2, 26)),
        ("dans 1 an", D(2027, 11, 26)),
        ("dans 2 ans", D(2028, 11, 26)),
        ("Dans  3  mois", D(2027, 2, 26)),
        # Short offsets.
        ("+10j", D(2026, 12, 6)),
        ("+10 j", D(2026, 12, 6)),
        ("+2s", D(2026, 12, 10)),
        ("+3m", D(2027, 2, 26)),
        ("+1a", D(2027, 11, 26)),
        ("-3j", D(2026, 11, 23)),
        ("-1m", D(2026, 10, 26)),
        # ISO.
        ("2027-03-15", D(2027, 3, 15)),
        ("2027-3-5", D(2027, 3, 5)),
    ],
)
def test_parse_accepted_formats(text, expected):
    assert parse_french_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("dans 1 mois", D(2027, 1, 31), D(2027, 2, 28)),
        ("dans 1 mois", D(2028, 1, 31), D(2028, 2, 29)),
        ("+1a", D(2028, 2, 29), D(2029, 2, 28)),
        ("demain", D(2026, 12, 31), D(2027, 1, 1)),
    ],
)
def test_relative_dates_clamp_to_month_end(text, today, expected):
    assert parse_french_date(text, today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "31/02/2027",
            "Date impossible : le 31 février 2027 n'existe pas "
            "(février 2027 a 28 jours).",
        ),
        (
            "29/02/2027",
            "Date impossible : le 29 février 2027 n'existe pas "
            "(février 2027 a 28 jours).",
        ),
        (
            "31 avril 2027",
            "Date impossible : le 31 avril 2027 n'existe pas "
            "(avril 2027 a 30 jours).",
        ),
        (
            "2027-02-30",
            "Date impossible : le 30 février 2027 n'existe pas "
            "(février 2027 a 28 jours).",
        ),
        (
            "32 mars 2027",
            "Date impossible : le jour 32 n'existe pas (mars a 31 jours).",
        ),
        (
            "35/02/2027",
            "Date impossible : le jour 35 n'existe pas (février a 28 ou 29 jours).",
        ),
        (
            "0/03/2027",
            "Date impossible : le jour 0 n'existe pas (les jours commencent à 1).",
        ),
        (
            "15/13/2027",
            "Date impossible : il n'y a pas de mois 13 (jour/mois/année attendu).",
        ),
        (
            "15/00/2027",
            "Date impossible : il n'y a pas de mois 0 (jour/mois/année attendu).",
        ),
        (
            "2027-13-15",
            "Date impossible : il n'y a pas de mois 13 (année-mois-jour attendu).",
        ),
        (
            "0000-01-01",
            "Date impossible : l'année 0 n'existe pas "
            "(le calendrier commence à l'an 1).",
        ),
    ],
)
def test_impossible_dates_explain_what_was_understood(text, message):
    with pytest.raises(DateParseError) as excinfo:
        parse_french_date(text, TODAY)
    assert str(excinfo.value) == message


def test_unknown_text_quotes_input_and_gives_examples():
    with pytest.raises(DateParseError) as excinfo:
        parse_french_date("  xyz ", TODAY)
    assert str(excinfo.value) == (
        "Date non reconnue : « xyz ». "
        "Exemples : 15/03/2027, 15 mars 2027, demain, dans 3 mois, +10j."
    )


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input_is_rejected(text):
    with pytest.raises(DateParseError, match="^Date vide : "):
        parse_french_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("15 xyz 2027", "Mois non reconnu : « xyz »"),
        ("15 ma 2027", "Mois non reconnu : « ma »"),
        ("15 jui 2027", "Mois ambigu : « jui » peut désigner juin ou juillet"),
        ("dans 3 heures", "Unité non reconnue : « heures »"),
        ("+3h", "Unité non reconnue : « h »"),
        ("dans 9000 ans", "Date hors calendrier : « dans 9000 ans »"),
        ("-99999999999j", "Date hors calendrier"),
        ("+" + "9" * 5000 + "j", "Date hors calendrier"),
    ],
)
def test_bad_words_and_out_of_range_offsets(text, fragment):
    with pytest.raises(DateParseError, match=fragment):
        parse_french_date(text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "15/03-2027",
        "15/03/202",
        "2027/03/15",
        "03 15 2027",
        "15 mars 2027 10h",
        "mars",
        "dans trois jours",
        "11er mars 2027",
        "avant-hier",
    ],
)
def test_odd_inputs_are_rejected_not_guessed(text):
    with pytest.raises(DateParseError, match="^Date non reconnue : "):
        parse_french_date(text, TODAY)


def test_date_parse_error_is_a_value_error():
    assert issubclass(DateParseError, ValueError)


def test_format_date():
    assert format_date(D(2027, 3, 15)) == "15/03/2027"
    assert format_date(D(2027, 1, 1)) == "01/01/2027"


def test_format_date_long():
    assert format_date_long(D(2027, 3, 15)) == "15 mars 2027"
    assert format_date_long(D(2027, 4, 1)) == "1er avril 2027"
    assert format_date_long(D(2027, 2, 2)) == "2 février 2027"
    assert format_date_long(D(2027, 12, 31)) == "31 décembre 2027"


def test_french_months():
    assert len(FRENCH_MONTHS) == 12
    assert FRENCH_MONTHS[0] == "janvier"
    assert FRENCH_MONTHS[7] == "août"
    assert FRENCH_MONTHS[-1] == "décembre"


dates_1950_2100 = st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31))


@given(dates_1950_2100)
def test_round_trip_short_format(d):
    assert parse_french_date(format_date(d), TODAY) == d


@given(dates_1950_2100)
def test_round_trip_long_format(d):
    assert parse_french_date(format_date_long(d), TODAY) == d


@given(dates_1950_2100)
def test_round_trip_iso(d):
    assert parse_french_date(d.isoformat(), TODAY) == d


@given(dates_1950_2100, st.integers(min_value=0, max_value=120))
def test_dans_n_mois_never_raises(today, n):
    result = parse_french_date(f"dans {n} mois", today)
    assert result.day <= today.day
    assert (result.year - today.year) * 12 + result.month - today.month == n


@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=12),
)
def test_day_and_month_are_never_swapped(day, month):
    result = parse_french_date(f"{day}/{month}/2027", TODAY)
    assert (result.day, result.month) == (day, month)
