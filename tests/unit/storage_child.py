"""A writer in its own process, driven by the storage tests.

    counter DATA_DIR ID        save séance 1's notes as a growing counter, forever,
                               printing "ack N" once save N has returned
    increment DATA_DIR ID N    print "ready", wait for a line on stdin, then N times:
                               open for writing, add 1 to the counter, close
    hold DATA_DIR ID           open for writing, print "held", hold until stdin closes

The counter is séance 1's notes, as an integer.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime

from seance_tui.domain.phases import load_phases
from seance_tui.paths import phases_file
from seance_tui.storage import WritableStore
from writing import save_notes, update

# A counter child whose parent died must not run forever.
MAX_SECONDS = 120


def _set_counter(value: int):
    def change(record):
        record.seance(1).notes = str(value)

    return change


def counter(store: WritableStore, candidate_id: str) -> None:
    phases = load_phases(phases_file())
    deadline = time.monotonic() + MAX_SECONDS
    with store.open_for_writing(candidate_id, timeout=30) as writer:
        value = int(writer.record.seance(1).notes)
        while time.monotonic() < deadline:
            value += 1
            # The one write path, reached the two ways the tests use it.
            if value % 2:
                save_notes(writer, 1, str(value))
            else:
                update(writer, _set_counter(value))
            if value % 5 == 0:
                store.summaries(phases, datetime.now())  # rewrites index.json atomically too
            print(f"ack {value}", flush=True)


def increment(store: WritableStore, candidate_id: str, times: int) -> None:
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(times):
        with store.open_for_writing(candidate_id, timeout=30) as writer:
            update(writer, lambda record: _set_counter(int(record.seance(1).notes) + 1)(record))
    print("done", flush=True)


def hold(store: WritableStore, candidate_id: str) -> None:
    with store.open_for_writing(candidate_id):
        print("held", flush=True)
        sys.stdin.read()


def main(argv: list[str]) -> None:
    mode, data_dir, candidate_id, *rest = argv
    store = WritableStore(data_dir)
    if mode == "counter":
        counter(store, candidate_id)
    elif mode == "increment":
        increment(store, candidate_id, int(rest[0]))
    elif mode == "hold":
        hold(store, candidate_id)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
