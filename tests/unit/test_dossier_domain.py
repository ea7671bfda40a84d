"""The rules of a dossier archive (domain/dossier.py) and the import's line
in the change log (domain/changelog.py), without any disk."""

from __future__ import annotations

from datetime import datetime

import pytest

from seance_tui.domain.changelog import describe
from seance_tui.domain.dossier import (
    ArchiveRefused, Existing, Manifest, check_member_name, check_schema_version, conflicts, log_import,
)
from seance_tui.domain.model import ChangeKind
from seance_tui.domain.purge import purged

from dossier_support import PHASES
from purge_world import planted_record

MANIFEST = Manifest(
    schema_version=2, app_version="0.1.0", candidate_id="cible-3fa9c1", candidate_name="Camille Zorglubax",
    created_at=datetime(2026, 12, 2, 10, 30), centre="Centre Nord", purged=False, members=(),
)


@pytest.mark.parametrize("name", ["manifest.json", "dossier.json", "exports/2027-03-01-seance-01.md",
                                  "exports/Synthèse complétée (v2).pdf"])
def test_names_an_archive_may_hold(name):
    check_member_name(name)


@pytest.mark.parametrize("name", ["../x", "/x", "exports/../x", "exports/a/b", "exports/a\\b", "exports/c:x",
                                  "exports/.x", "exports/", "exports/ x", "exports/a\u202eb", "x.json", "exports/a\0"])
def test_names_an_archive_may_not_hold(name):
    with pytest.raises(ArchiveRefused, match="refusé"):
        check_member_name(name)


def test_a_newer_schema_names_both_versions_and_an_older_known_one_reads():
    check_schema_version(1, (1, 2), "0.1.0", "0.0.9")
    with pytest.raises(ArchiveRefused, match=r"schéma version 3 \(exporté par seance 0\.2\.0\) : cette version de "
                       r"seance \(0\.1\.0\) lit jusqu'à la version 2"):
        check_schema_version(3, (1, 2), "0.1.0", "0.2.0")


def test_each_collision_names_the_option_that_resolves_it():
    here = [Existing("zoe-lefevre", "Zoé Lefèvre"), Existing("zoe-l-77aa00", "ZOE LEFEVRE")]
    [same_id, homonym] = conflicts("zoe-lefevre", "Zoé Lefèvre", here, new_id=False, homonyms=False)
    assert "zoe-lefevre" in same_id and "--nouvel-id" in same_id
    assert "ici zoe-l-77aa00, dans l'archive zoe-lefevre" in homonym and "--homonyme" in homonym
    assert conflicts("zoe-lefevre", "Zoé Lefèvre", here, new_id=True, homonyms=True) == []
    assert conflicts("zoe-new", "Jean", here, new_id=False, homonyms=False) == []


def test_purged_files_have_no_name_hence_no_homonym():
    here = [Existing("a-1", ""), Existing("b-2", "")]
    assert conflicts("c-3", "", here, new_id=False, homonyms=False) == []


def test_the_import_line_says_where_from_and_hides_words_when_content_free():
    record = planted_record()
    log_import(record, datetime(2026, 12, 3, 9, 0), source="2026-12-02-dossier.zip", manifest=MANIFEST,
               previous_id="camille-zorglubax")
    event = record.events[-1]
    assert event.kind is ChangeKind.IMPORTED and event.seance is None
    assert describe(event, "", PHASES) == (
        "Dossier importé depuis « 2026-12-02-dossier.zip » (export du 02/12/2026 10:30 par Centre Nord ; "
        "ancien identifiant : camille-zorglubax)"
    )
    assert describe(event, "", PHASES, content_free=True) == "Dossier importé (export du 02/12/2026 10:30)"
    # The purge keeps the date and blanks the words (the old id holds the name's slug).
    kept = purged(record, PHASES, datetime(2028, 1, 1), "marie").events[-2]
    assert "zorglubax" not in str(kept.after) and kept.after["exported_at"] == "02/12/2026 10:30"
    assert describe(kept, "", PHASES) == "Dossier importé (export du 02/12/2026 10:30)"
