"""Maps a CandidateRecord to the TinyDB tables of its JSON file, and back.

One file per candidate, one TinyDB table per kind of thing::

    meta       {"1": {"schema_version": 1}}
    candidate  {"1": {...}}
    seances    {"<number>": {...}}       doc id = séance number, so an autosave
                                          touches exactly one document
    roadmap    {"<n>": {..., "position": n}}
    events     {"<n>": {...}}            the change log, in order
    checklist  {"<n>": {"phase", "item", "done_at"}}
    synthesis  {"<version>": {"number", "started", "sections", "handed_over"}}
    purge      {"1": {"purged_at", "by"}}   only once the R6313-7 purge has run

Dates are ISO strings, times naive local ISO strings (see domain.model).

Version 2 added the synthesis and purge tables and the end-of-bilan fields
(consent scope, agreement sent, end date, follow-up). A version 1 file reads
as version 2 with those empty, and is written back as version 2: a version 1
seance refuses it rather than drop what it does not know.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..domain.model import (
    Candidate,
    CandidateStatus,
    ChangeEvent,
    ChangeKind,
    FundingRoute,
    Pause,
    PurgeMark,
    RoadmapItem,
    RoadmapStatus,
    Seance,
    SeanceStatus,
    SynthesisVersion,
)
from ..domain.record import CandidateRecord

SCHEMA_VERSION = 2
# The versions this seance reads; it always writes SCHEMA_VERSION.
READABLE_VERSIONS = (1, 2)
TABLES = ("meta", "candidate", "seances", "roadmap", "events", "checklist", "synthesis", "purge")


class SchemaError(ValueError):
    """The file parsed as JSON but is not a candidate file we understand."""


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dt(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    # The domain compares times with naive local ``now``: an offset (a hand
    # edit) would only fail later, far from the file, with a TypeError.
    if moment.tzinfo is not None:
        raise ValueError(f"heure avec fuseau horaire inattendue : {value}")
    return moment


def _required_dt(value: str | None) -> datetime:
    moment = _dt(value)
    if moment is None:
        raise ValueError("date et heure manquantes")
    return moment


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _table(rows: list[dict[str, Any]], start: int = 1) -> dict[str, dict[str, Any]]:
    return {str(i): row for i, row in enumerate(rows, start)}


def seance_to_doc(s: Seance) -> dict[str, Any]:
    return {
        "number": s.number,
        "phase": s.phase,
        "status": s.status.value,
        "planned_date": _iso(s.planned_date),
        "start": _iso(s.start),
        "end": _iso(s.end),
        "pauses": [{"start": _iso(p.start), "end": _iso(p.end)} for p in s.pauses],
        "notes": s.notes,
        "tools": list(s.tools),
        "next_steps": s.next_steps,
        "next_seance_date": _iso(s.next_seance_date),
        "follow_up": s.follow_up,
        "notes_size": s.notes_size,
    }


def candidate_to_doc(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "contact": c.contact,
        "consultant": c.consultant,
        "funding": c.funding.value,
        "consent_date": _iso(c.consent_date),
        "agreement_date": _iso(c.agreement_date),
        "start_date": _iso(c.start_date),
        "hours_budget": c.hours_budget,
        "status": c.status.value,
        "keep_documents_consent": c.keep_documents_consent,
        "synthesis_to_adviser": c.synthesis_to_adviser,
        "agreement_sent_date": _iso(c.agreement_sent_date),
        "end_date": _iso(c.end_date),
        "follow_up_declined": c.follow_up_declined,
    }


def record_to_tables(record: CandidateRecord) -> dict[str, dict[str, Any]]:
    return {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "candidate": {"1": candidate_to_doc(record.candidate)},
        "seances": {str(s.number): seance_to_doc(s) for s in sorted(record.seances, key=lambda s: s.number)},
        "roadmap": _table(
            [
                {
                    "id": item.id,
                    "position": position,
                    "objective": item.objective,
                    "means": item.means,
                    "deadline": _iso(item.deadline),
                    "status": item.status.value,
                    "created_in": item.created_in,
                }
                for position, item in enumerate(record.roadmap, 1)
            ]
        ),
        "events": _table(
            [
                {
                    "at": _iso(e.at),
                    "kind": e.kind.value,
                    "seance": e.seance,
                    "target": e.target,
                    "before": dict(e.before),
                    "after": dict(e.after),
                }
                for e in record.events
            ]
        ),
        "checklist": _table(
            [
                {"phase": phase, "item": item, "done_at": _iso(at)}
                for phase, items in record.checklist.items()
                for item, at in items.items()
            ]
        ),
        "synthesis": {
            str(v.number): {
                "number": v.number,
                "started": _iso(v.started),
                "sections": dict(v.sections),
                "handed_over": _iso(v.handed_over),
            }
            for v in record.synthesis
        },
        "purge": (
            {"1": {"purged_at": _iso(record.purge.purged_at), "by": record.purge.by}} if record.purge else {}
        ),
    }


def schema_version(tables: dict[str, Any]) -> int | None:
    try:
        version = tables["meta"]["1"]["schema_version"]
    except (KeyError, TypeError):
        return None
    # int() would read "1", 1.5 or true as version 1.
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    return version


def check_schema(tables: Any) -> None:
    """Raises SchemaError (in French) unless ``tables`` is a file of the version we read and write."""
    if not isinstance(tables, dict):
        raise SchemaError("le contenu n'est pas un objet JSON")
    version = schema_version(tables)
    if version is None:
        raise SchemaError("schema_version absent ou invalide")
    if version not in READABLE_VERSIONS:
        raise SchemaError(
            f"schema_version {version} inconnu (cette version de seance lit les versions "
            f"{' et '.join(map(str, READABLE_VERSIONS))})"
        )


def record_from_tables(tables: dict[str, Any]) -> CandidateRecord:
    """Raises SchemaError (in French) for an unknown version or a malformed document."""
    check_schema(tables)
    try:
        return _decode(tables)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SchemaError(f"document mal formé ({type(exc).__name__}: {exc})") from exc


def seance_from_doc(doc: dict[str, Any]) -> Seance:
    return Seance(
        number=int(doc["number"]),
        phase=str(doc["phase"]),
        status=SeanceStatus(doc["status"]),
        planned_date=_d(doc.get("planned_date")),
        start=_dt(doc.get("start")),
        end=_dt(doc.get("end")),
        pauses=[Pause(start=_required_dt(p["start"]), end=_dt(p.get("end"))) for p in doc.get("pauses", [])],
        notes=str(doc.get("notes", "")),
        tools=[str(t) for t in doc.get("tools", [])],
        next_steps=str(doc.get("next_steps", "")),
        next_seance_date=_d(doc.get("next_seance_date")),
        follow_up=bool(doc.get("follow_up", False)),
        notes_size=_optional_int(doc.get("notes_size")),
    )


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"nombre entier attendu : {value!r}")
    return value


def candidate_from_doc(c: dict[str, Any]) -> Candidate:
    return Candidate(
        id=str(c["id"]),
        name=str(c["name"]),
        contact=c.get("contact"),
        consultant=str(c.get("consultant", "")),
        funding=FundingRoute(c["funding"]),
        consent_date=_d(c.get("consent_date")),
        agreement_date=_d(c.get("agreement_date")),
        start_date=_d(c.get("start_date")),
        hours_budget=float(c.get("hours_budget", 24.0)),
        status=CandidateStatus(c.get("status", CandidateStatus.ACTIVE.value)),
        keep_documents_consent=bool(c.get("keep_documents_consent", False)),
        synthesis_to_adviser=bool(c.get("synthesis_to_adviser", False)),
        agreement_sent_date=_d(c.get("agreement_sent_date")),
        end_date=_d(c.get("end_date")),
        follow_up_declined=bool(c.get("follow_up_declined", False)),
    )


def _decode(tables: dict[str, Any]) -> CandidateRecord:
    record = CandidateRecord(candidate=candidate_from_doc(tables["candidate"]["1"]))
    record.seances = sorted(
        (seance_from_doc(doc) for doc in tables.get("seances", {}).values()),
        key=lambda s: s.number,
    )
    items = sorted(tables.get("roadmap", {}).values(), key=lambda doc: doc["position"])
    record.roadmap = [
        RoadmapItem(
            id=str(doc["id"]),
            objective=str(doc["objective"]),
            means=str(doc.get("means", "")),
            deadline=_d(doc.get("deadline")),
            status=RoadmapStatus(doc["status"]),
            created_in=doc.get("created_in"),
        )
        for doc in items
    ]
    record.events = [
        ChangeEvent(
            at=_required_dt(doc["at"]),
            kind=ChangeKind(doc["kind"]),
            seance=doc.get("seance"),
            target=str(doc["target"]),
            before=dict(doc.get("before", {})),
            after=dict(doc.get("after", {})),
        )
        for _, doc in sorted(tables.get("events", {}).items(), key=lambda kv: int(kv[0]))
    ]
    for doc in tables.get("checklist", {}).values():
        record.checklist.setdefault(doc["phase"], {})[doc["item"]] = _required_dt(doc["done_at"])
    record.synthesis = sorted(
        (
            SynthesisVersion(
                number=int(doc["number"]),
                started=_required_dt(doc["started"]),
                sections={str(k): str(v) for k, v in doc.get("sections", {}).items()},
                handed_over=_d(doc.get("handed_over")),
            )
            for doc in tables.get("synthesis", {}).values()
        ),
        key=lambda v: v.number,
    )
    purge = tables.get("purge", {}).get("1")
    if purge is not None:
        record.purge = PurgeMark(purged_at=_required_dt(purge["purged_at"]), by=str(purge["by"]))
    return record
