"""Version 2 of the candidate file: the end-of-bilan fields, and version 1 files still read."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from seance_tui.domain.model import PurgeMark, SynthesisVersion
from seance_tui.storage import ReadOnlyStore, WritableStore
from seance_tui.storage.codec import SCHEMA_VERSION, record_from_tables, record_to_tables


def test_end_of_bilan_fields_round_trip(tmp_path, make_record):
    record = make_record()
    c = record.candidate
    c.keep_documents_consent, c.synthesis_to_adviser = True, True
    c.agreement_sent_date, c.end_date, c.follow_up_declined = date(2026, 9, 1), date(2026, 12, 1), True
    record.seances[0].follow_up, record.seances[0].notes_size = True, 1234
    record.synthesis = [
        SynthesisVersion(1, datetime(2026, 11, 2, 10, 0), {"projets": "Fleuriste\n- alternative"}, date(2026, 11, 3)),
        SynthesisVersion(2, datetime(2026, 11, 4, 9, 30), {"projets": "Fleuriste, puis CAP"}),
    ]
    record.purge = PurgeMark(purged_at=datetime(2027, 12, 2, 8, 0), by="marie@centre")
    store = WritableStore(tmp_path / "data")
    store.create(record)

    assert ReadOnlyStore(tmp_path / "data").load(c.id) == record
    on_disk = json.loads(store.path_of(c.id).read_text(encoding="utf-8"))
    assert on_disk["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 2
    assert on_disk["synthesis"]["1"]["handed_over"] == "2026-11-03"
    assert on_disk["purge"]["1"]["by"] == "marie@centre"


def test_a_version_1_file_reads_with_the_new_fields_empty_and_writes_back_as_version_2():
    path = Path(__file__).parent / "fixtures" / "schema-v1-amelie-duboeuf.json"  # the demo file as version 1 wrote it
    tables = json.loads(path.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["schema_version"] == 1
    record = record_from_tables(tables)
    assert record.synthesis == [] and record.purge is None
    assert record.candidate.end_date is None and not record.candidate.keep_documents_consent

    written = record_to_tables(record)
    assert written["meta"]["1"]["schema_version"] == 2
    assert record_from_tables(written) == record
    # nothing version 1 held is lost on the way
    for table in ("candidate", "seances", "roadmap", "events", "checklist"):
        for key, doc in tables[table].items():
            assert {k: v for k, v in written[table][key].items() if k in doc} == doc, (table, key)
