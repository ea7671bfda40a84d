"""kill -9 a writer at random moments: no file is ever left unparseable, and
every save acknowledged before the kill is on disk."""

from __future__ import annotations

import json
import random
import time

import pytest

from seance_tui.storage import ReadOnlyStore, WritableStore

KILLS = 60
MAX_SLEEP_SECONDS = 0.05


def acks(output: str) -> list[int]:
    # A line cut by the kill has no newline: only whole lines were acknowledged.
    return [int(line.split()[1]) for line in output.split("\n")[:-1] if line.startswith("ack ")]


def assert_every_file_parses(data_dir):
    for path in data_dir.rglob("*"):
        if path.is_dir() or path.suffix in (".lock", ".tmp"):
            continue  # flock files are empty by design; temp files are the orphans under test
        json.loads(path.read_bytes())


def temp_files(data_dir):
    return {path for path in data_dir.rglob("*.tmp")}


@pytest.mark.slow
def test_kill_9_never_loses_an_acknowledged_save(tmp_path, make_record, child):
    record = make_record("kill-test")
    record.seance(1).notes = "0"
    WritableStore(tmp_path).create(record)
    rng = random.Random(20270301)
    orphans_seen = 0
    previous_orphans: set = set()
    started = time.monotonic()

    for kill in range(KILLS):
        process = child("counter", tmp_path, "kill-test")
        first = process.stdout.readline()
        assert first.startswith("ack "), f"kill {kill}: {first!r} {process.communicate()[1]}"
        # The child's store start-up ran before its first save.
        assert not any(path.exists() for path in previous_orphans)

        time.sleep(rng.uniform(0, MAX_SLEEP_SECONDS))
        process.kill()
        # Read through the same buffered file as readline() above: communicate()
        # reads the pipe under it and would skip the acks that readline() buffered.
        rest = process.stdout.read()
        process.wait()
        last_ack = acks(first + rest)[-1]

        assert_every_file_parses(tmp_path)
        saved = int(ReadOnlyStore(tmp_path).load("kill-test").seance(1).notes)
        # At most the one save in flight when killed went through unacknowledged.
        assert last_ack <= saved <= last_ack + 1, f"kill {kill}"
        previous_orphans = temp_files(tmp_path)
        orphans_seen += len(previous_orphans)

    WritableStore(tmp_path)
    assert temp_files(tmp_path) == set()
    assert ReadOnlyStore(tmp_path).check() == []
    print(f"{KILLS} kills in {time.monotonic() - started:.1f} s, {orphans_seen} orphan temp files cleaned")
