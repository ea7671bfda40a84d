"""An import in its own process, stopped for a kill -9 (test_dossier_kill.py).

    dossier_child.py DATA_DIR ARCHIVE N

Imports ARCHIVE into DATA_DIR; just before its N-th atomic rename (the lock's
owner file, each document, the candidate file, the listing index), prints
"stopped N" and waits to be killed. Prints "done" if the import ends first.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

from seance_tui.services import dossier

# A child whose parent died must not wait forever.
MAX_SECONDS = 60


def main(data_dir: str, archive: str, stop_at: str) -> None:
    real_replace, calls = os.replace, []

    def replace(source, target, *args, **kwargs):
        calls.append(target)
        if len(calls) == int(stop_at):
            print(f"stopped {len(calls)} {Path(target).name}", flush=True)
            time.sleep(MAX_SECONDS)
            sys.exit(3)
        return real_replace(source, target, *args, **kwargs)

    os.replace = replace
    dossier.import_dossier(Path(data_dir), Path(archive), datetime(2026, 12, 3, 9, 0), "0.1.0")
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
