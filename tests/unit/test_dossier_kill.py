"""kill -9 an import before each of its atomic renames: the data dir then
holds no candidate or the whole one, and the same import, run again,
completes (or, once the file exists, is refused as a collision)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seance_tui.domain.dossier import ArchiveRefused
from seance_tui.services import dossier
from seance_tui.storage import ReadOnlyStore

from conftest import _child_env
from dossier_support import CENTRE, LATER, NOW, VERSION, demo_copy, members, with_documents

CHILD = Path(__file__).with_name("dossier_child.py")
ZOE = "zoe-lefevre"


@pytest.mark.slow
def test_kill_9_before_each_rename_leaves_nothing_or_the_whole_file(tmp_path):
    origin = demo_copy(tmp_path / "origine")
    with_documents(origin, ZOE)
    archive = dossier.export_dossier(origin, ZOE, NOW, None, VERSION, CENTRE).path
    documents = sorted(n.removeprefix("exports/") for n in members(archive)[1] if n != "dossier.json")
    # Renames: the lock's owner file, each document, the candidate file, the index.
    renames = 1 + len(documents) + 2
    for stop in range(1, renames + 2):
        target = tmp_path / f"cible-{stop}"
        with subprocess.Popen(
            [sys.executable, str(CHILD), str(target), str(archive), str(stop)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_child_env(),
        ) as process:  # closes its pipes, and waits for it, on the way out
            said = process.stdout.readline()
            process.kill()
            errors = process.stderr.read()
        assert said.startswith("stopped" if stop <= renames else "done"), (stop, said, errors)
        ids = ReadOnlyStore(target).candidate_ids()
        file_written = stop > 1 + len(documents) + 1
        assert ids == ([ZOE] if file_written else []), (stop, said)
        if file_written:
            with pytest.raises(ArchiveRefused, match="existe déjà"):
                dossier.import_dossier(target, archive, LATER, VERSION)
        else:
            dossier.import_dossier(target, archive, LATER, VERSION)
        folder = target / "exports" / ZOE
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == documents
        for name in documents:
            assert (folder / name).read_bytes() == (origin / "exports" / ZOE / name).read_bytes()
        assert ReadOnlyStore(target).load(ZOE).candidate.name == "Zoé Lefèvre"
