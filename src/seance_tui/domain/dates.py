"""French date entry and display.

Parsing uses a small strict grammar of regular expressions rather than
``dateutil.parser``: that parser fills missing parts from defaults, skips
unknown words, may swap day and month when the day is impossible, and reports
failures in English. A consultant who types a wrong date must be told, in
French, what was understood and why it is rejected, never handed a silently
guessed appointment. ``dateutil.relativedelta`` is still used for month and
year offsets, because it clamps to the end of shorter months.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from .text import fold

__all__ = [
    "FRENCH_MONTHS",
    "DateParseError",
    "MissingYear",
    "Understood",
    "format_date",
    "format_date_long",
    "format_day_month",
    "parse_french_date",
    "understand_french_date",
]

FRENCH_MONTHS: tuple[str, ...] = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_EXAMPLES = "15/03/2027, 15 mars 2027, demain, dans 3 mois, +10j"

# Keys are in normalized form (lowercase, no accents, single spaces).
_NAMED_DAYS = {
    "aujourd'hui": 0,
    "demain": 1,
    "apres-demain": 2,
    "apres demain": 2,
    "hier": -1,
}


_PLAIN_MONTHS = tuple(fold(name) for name in FRENCH_MONTHS)

_UNITS = {
    "j": "days",
    "jour": "days",
    "jours": "days",
    "s": "weeks",
    "sem": "weeks",
    "semaine": "weeks",
    "semaines": "weeks",
    "m": "months",
    "mois": "months",
    "a": "years",
    "an": "years",
    "ans": "years",
    "annee": "years",
    "annees": "years",
}

# Shortest prefix accepted as a month abbreviation: "jan", "fev", "sep"...
# Two letters would make "ma" and "ju" ambiguous.
_MIN_MONTH_PREFIX = 3

_YEAR = r"(?P<year>\d{4}|\d{2})"
_NUMERIC_RE = re.compile(
    r"(?P<day>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<month>\d{1,2}) ?(?P=sep) ?" + _YEAR
)
# "28/02" or "28.02": day and month only; the year comes from MissingYear.
_NUMERIC_NO_YEAR_RE = re.compile(r"(?P<day>\d{1,2}) ?(?P<sep>[/.]) ?(?P<month>\d{1,2})")
_ISO_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_DAY_MONTH_NAME_RE = re.compile(
    r"(?:(?P<first>1)er|(?P<day>\d{1,2})) ?(?P<month>[a-z]+)\.?(?: ?" + _YEAR + r")?"
)
_MONTH_NAME_YEAR_RE = re.compile(r"(?P<month>[a-z]+)\.? ?" + _YEAR)
_RELATIVE_RE = re.compile(
    r"(?:dans |(?P<sign>[+-]) ?)(?P<count>\d+) ?(?P<unit>[a-z]+)"
)

_NUMERIC_ORDER = "jour/mois/année"
_ISO_ORDER = "année-mois-jour"


class DateParseError(ValueError):
    """Raised with a French sentence meant to be shown to the user as is."""


class MissingYear(enum.Enum):
    """Which year a date typed without one (``28 février``, ``28/02``) is in.

    Each occurrence of the day and month counts *today included*: a deadline
    typed as today's day is today, not in a year; a consent typed as today's
    day was given today.
    """

    NEXT = "next"
    """The next occurrence: deadlines, appointments (on 26/11, ``28 février``
    is 28/02 of next year)."""
    LAST = "last"
    """The latest occurrence: what has already happened, like a consent."""
    NEAREST = "nearest"
    """Whichever occurrence is closer to today (the next one when both are as
    close): a date that may as well have just passed as be coming."""


class Understood(NamedTuple):
    date: datetime.date
    year_guessed: bool
    """True when the text had no year and ``MissingYear`` chose it."""


def format_date(d: datetime.date) -> str:
    """Return ``d`` as ``dd/mm/yyyy``."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_short_date(d: datetime.date) -> str:
    """Return ``d`` as ``dd/mm`` (where the year goes without saying)."""
    return f"{d.day:02d}/{d.month:02d}"


def format_date_long(d: datetime.date) -> str:
    """Return ``d`` as ``15 mars 2027`` or ``1er avril 2027``."""
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {FRENCH_MONTHS[d.month - 1]} {d.year}"


def format_day_month(d: datetime.date) -> str:
    """Return ``d`` without its year: ``28 février``, ``1er avril``."""
    return format_date_long(d).rsplit(" ", 1)[0]


def parse_french_date(
    text: str, today: datetime.date, missing_year: MissingYear = MissingYear.NEXT
) -> datetime.date:
    """Read a date typed by the user, always day first.

    ``today`` anchors relative forms ("demain", "dans 3 mois", "+10j") and,
    with ``missing_year``, gives the year of a day and month typed alone.
    Raises ``DateParseError`` whose message explains the problem in French.
    """
    return understand_french_date(text, today, missing_year).date


def understand_french_date(
    text: str, today: datetime.date, missing_year: MissingYear = MissingYear.NEXT
) -> Understood:
    """``parse_french_date``, also saying whether the year was chosen for the user."""
    if (match := _yearless_match(_normalize(text))) is not None:
        day, month = match
        return Understood(_resolve_year(day, month, today, missing_year), True)
    return Understood(_parse_with_year(text, today), False)


def _yearless_match(normalized: str) -> tuple[int, int] | None:
    """(day, month) when the text is a day and a month with no year."""
    if match := _NUMERIC_NO_YEAR_RE.fullmatch(normalized):
        return int(match["day"]), int(match["month"])
    if (match := _DAY_MONTH_NAME_RE.fullmatch(normalized)) and not match["year"]:
        return int(match["first"] or match["day"]), _month_from_name(match["month"])
    return None


def _resolve_year(day: int, month: int, today: datetime.date, missing_year: MissingYear) -> datetime.date:
    if not 1 <= month <= 12:
        raise DateParseError(
            f"Date impossible : il n'y a pas de mois {month} ({_NUMERIC_ORDER} attendu)."
        )
    month_name = FRENCH_MONTHS[month - 1]
    longest = calendar.monthrange(2000, month)[1]  # a leap year: 29 février exists
    if not 1 <= day <= longest:
        if day < 1:
            raise DateParseError(
                f"Date impossible : le jour {day} n'existe pas (les jours commencent à 1)."
            )
        length = "28 ou 29" if month == 2 else str(longest)
        raise DateParseError(
            f"Date impossible : le {day} {month_name} n'existe pas ({month_name} a {length} jours)."
        )
    # 29 février comes back every four years at most (eight around 2100).
    following = _occurrence(day, month, today, step=1)
    previous = _occurrence(day, month, today, step=-1)
    if missing_year is MissingYear.NEXT:
        chosen = following
    elif missing_year is MissingYear.LAST:
        chosen = previous
    elif previous and following:
        chosen = previous if (today - previous) < (following - today) else following
    else:
        chosen = following or previous
    if chosen is None:
        raise DateParseError(
            f"Date hors calendrier : le {day} {month_name} tombe en dehors des années 1 à 9999."
        )
    return chosen


def _occurrence(day: int, month: int, today: datetime.date, step: int) -> datetime.date | None:
    """The first (day, month) from today on (step 1) or back (step -1), today included."""
    for year in range(today.year, today.year + 9 * step, step):
        if not 1 <= year <= 9999 or day > calendar.monthrange(year, month)[1]:
            continue
        candidate = datetime.date(year, month, day)
        if (candidate - today).days * step >= 0:
            return candidate
    return None


def _parse_with_year(text: str, today: datetime.date) -> datetime.date:
    normalized = _normalize(text)
    if not normalized:
        raise DateParseError(
            f"Date vide : saisissez une date, par exemple {_EXAMPLES}."
        )

    if normalized in _NAMED_DAYS:
        return today + datetime.timedelta(days=_NAMED_DAYS[normalized])

    if match := _ISO_RE.fullmatch(normalized):
        return _build_date(
            int(match["year"]), int(match["month"]), int(match["day"]), _ISO_ORDER
        )

    if match := _NUMERIC_RE.fullmatch(normalized):
        return _build_date(
            _full_year(match["year"]),
            int(match["month"]),
            int(match["day"]),
            _NUMERIC_ORDER,
        )

    if match := _DAY_MONTH_NAME_RE.fullmatch(normalized):  # with a year: see _yearless_match
        day = int(match["first"] or match["day"])
        return _build_date(_full_year(match["year"]), _month_from_name(match["month"]), day, _NUMERIC_ORDER)

    if match := _MONTH_NAME_YEAR_RE.fullmatch(normalized):
        return _build_date(
            _full_year(match["year"]), _month_from_name(match["month"]), 1, _NUMERIC_ORDER
        )

    if match := _RELATIVE_RE.fullmatch(normalized):
        return _apply_offset(text.strip(), match, today)

    if _is_month_name(normalized):
        # "mars" as a deadline could be the 1st or the 31st: asked, never guessed.
        raise DateParseError(
            f"Date non reconnue : « {text.strip()} » sans jour. "
            f"Précisez le jour, par exemple 15 {FRENCH_MONTHS[_month_from_name(normalized.rstrip('.')) - 1]}."
        )

    raise DateParseError(
        f"Date non reconnue : « {text.strip()} ». Exemples : {_EXAMPLES}."
    )


def _normalize(text: str) -> str:
    # fold() ignores case, accents and typographic apostrophes (word processors,
    # phone keyboards); the modifier apostrophe ʼ comes from some keyboards too.
    return " ".join(fold(text.replace("\u02bc", "'")).split())


def _is_month_name(word: str) -> bool:
    try:
        _month_from_name(word.rstrip("."))
    except DateParseError:
        return False
    return re.fullmatch(r"[a-z]+\.?", word) is not None


def _full_year(digits: str) -> int:
    # Two-digit years in this domain are always recent or upcoming sessions.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month_from_name(word: str) -> int:
    # Every full name is also the only name it prefixes, so one rule covers
    # "mars", "févr." and "sept" alike.
    candidates = [
        index
        for index, name in enumerate(_PLAIN_MONTHS, start=1)
        if len(word) >= _MIN_MONTH_PREFIX and name.startswith(word)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = " ou ".join(FRENCH_MONTHS[index - 1] for index in candidates)
        raise DateParseError(
            f"Mois ambigu : « {word} » peut désigner {names}. "
            "Écrivez quelques lettres de plus."
        )
    raise DateParseError(
        f"Mois non reconnu : « {word} ». Écrivez le mois en toutes lettres "
        "(15 mars 2027) ou en abrégé (15 sept. 2027)."
    )


def _build_date(year: int, month: int, day: int, order: str) -> datetime.date:
    if not 1 <= month <= 12:
        raise DateParseError(
            f"Date impossible : il n'y a pas de mois {month} ({order} attendu)."
        )
    month_name = FRENCH_MONTHS[month - 1]
    if year < 1:
        raise DateParseError(
            f"Date impossible : l'année {year} n'existe pas "
            "(le calendrier commence à l'an 1)."
        )
    if day < 1:
        raise DateParseError(
            f"Date impossible : le jour {day} n'existe pas "
            "(les jours commencent à 1)."
        )
    if day > 31:
        length = "28 ou 29" if month == 2 else str(calendar.monthrange(2001, month)[1])
        raise DateParseError(
            f"Date impossible : le jour {day} n'existe pas "
            f"({month_name} a {length} jours)."
        )
    days_in_month = calendar.monthrange(year, month)[1]
    if day > days_in_month:
        raise DateParseError(
            f"Date impossible : le {day} {month_name} {year} n'existe pas "
            f"({month_name} {year} a {days_in_month} jours)."
        )
    return datetime.date(year, month, day)


def _apply_offset(
    original: str, match: re.Match[str], today: datetime.date
) -> datetime.date:
    unit = _UNITS.get(match["unit"])
    if unit is None:
        raise DateParseError(
            f"Unité non reconnue : « {match['unit']} » dans « {original} ». "
            "Unités possibles : j (jours), s (semaines), m (mois), a (ans)."
        )
    try:
        count = int(match["count"])
        if match["sign"] == "-":
            count = -count
        return today + relativedelta(**{unit: count})
    except (OverflowError, ValueError):
        # Depending on the unit, leaving the years 1 to 9999 surfaces as
        # either error; int() also refuses numbers of thousands of digits.
        raise DateParseError(
            f"Date hors calendrier : « {original} » tombe en dehors "
            "des années 1 à 9999."
        ) from None
