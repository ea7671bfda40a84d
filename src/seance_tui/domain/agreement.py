"""The consent and the tripartite agreement, as records (L6313-4, R6313-8).

What the consultant types in the candidate form is compared with what the
file held: each change of the consent (its date, the two R6313-7 exceptions
the beneficiary agreed to) or of the agreement (sent, signed) is one logged
event, the values as they read before and after, so that an audit sees when
each was recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import format_date
from .model import Candidate, ChangeKind, FundingRoute
from .record import CandidateRecord

# R6313-8: the agreement is signed within ten days of being sent.
AGREEMENT_DAYS = 10

# The logged fields of each event, in the order the change log names them.
CONSENT_FIELDS = ("consent_date", "keep_documents_consent", "synthesis_to_adviser")
AGREEMENT_FIELDS = ("agreement_sent_date", "agreement_date")


@dataclass(frozen=True)
class AgreementLate:
    """The agreement was signed late (``signed``), or is still unsigned past ``deadline``."""

    sent: date
    deadline: date
    signed: date | None


def agreement_late(
    funding: FundingRoute, sent: date | None, signed: date | None, today: date
) -> AgreementLate | None:
    """R6313-8's ten days, for an employer-funded bilan whose agreement was sent:
    late when signed more than ten days after it was sent, or not signed and
    today is past the tenth day. Day ten itself is on time."""
    if not funding.employer_funded or sent is None:
        return None
    deadline = sent + timedelta(days=AGREEMENT_DAYS)
    if signed is not None:
        return AgreementLate(sent, deadline, signed) if signed > deadline else None
    return AgreementLate(sent, deadline, None) if today > deadline else None


def candidate_agreement_late(candidate: Candidate, today: date) -> AgreementLate | None:
    return agreement_late(candidate.funding, candidate.agreement_sent_date, candidate.agreement_date, today)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return format_date(value)
    return ""


def _diff(old: Candidate | None, new: Candidate, fields: tuple[str, ...]) -> tuple[dict, dict]:
    before, after = {}, {}
    for name in fields:
        was = _value(getattr(old, name)) if old is not None else None
        now = _value(getattr(new, name))
        if was != now and not (old is None and now in ("", "non")):
            if was is not None:
                before[name] = was
            after[name] = now
    return before, after


def log_consent_and_agreement(record: CandidateRecord, old: Candidate | None, now: datetime) -> None:
    """Log what changed in the consent and the agreement from ``old`` (None:
    a new file, whose consent is recorded as given) to ``record.candidate``."""
    for kind, fields in ((ChangeKind.CONSENT_CHANGED, CONSENT_FIELDS), (ChangeKind.AGREEMENT_CHANGED, AGREEMENT_FIELDS)):
        before, after = _diff(old, record.candidate, fields)
        if after:
            record.log(now, kind, None, "candidate", before=before, after=after)


def edit_candidate(record: CandidateRecord, candidate: Candidate, now: datetime) -> None:
    """The candidate form's values replace the candidate's: refused on a closed
    or purged bilan, and the consent and agreement changes logged."""
    record.ensure_editable()
    old = record.candidate
    record.candidate = candidate
    log_consent_and_agreement(record, old, now)
