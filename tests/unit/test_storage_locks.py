"""One writer per candidate: no lost update, no corrupt file, and a second
writer is told who holds the dossier."""

from __future__ import annotations

import getpass
import json
import socket
import subprocess
from datetime import date, datetime

import pytest

from seance_tui.storage import CandidateLocked, LockOwner, ReadOnlyStore, WritableStore
from writing import save_notes

INCREMENTS = 100


@pytest.fixture
def store(tmp_path, make_record):
    store = WritableStore(tmp_path)
    record = make_record("partage")
    record.seance(1).notes = "0"
    store.create(record)
    return store


def counter(store) -> int:
    return int(ReadOnlyStore(store.data_dir).load("partage").seance(1).notes)


@pytest.mark.slow
def test_two_writers_lose_no_update(store, child):
    writers = [child("increment", store.data_dir, "partage", INCREMENTS, stdin=subprocess.PIPE) for _ in range(2)]
    for writer in writers:
        assert writer.stdout.readline() == "ready\n", writer.communicate()[1]
    for writer in writers:  # both start together, so they contend for the lock
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert out.endswith("done\n")

    assert counter(store) == 2 * INCREMENTS
    assert ReadOnlyStore(store.data_dir).check() == []


def test_second_writer_is_told_who_holds_the_dossier(store, child):
    holder = child("hold", store.data_dir, "partage", stdin=subprocess.PIPE)
    assert holder.stdout.readline() == "held\n", holder.communicate()[1]

    with pytest.raises(CandidateLocked) as caught:
        store.open_for_writing("partage", timeout=0)
    message = str(caught.value)
    assert f"{getpass.getuser()}@{socket.gethostname()}" in message
    assert f"(pid {holder.pid})" in message
    assert message.startswith("Dossier déjà ouvert en écriture par ")
    assert message.endswith(" : ouverture en lecture seule.")
    assert caught.value.owner.pid == holder.pid

    holder.stdin.close()
    assert holder.wait(timeout=60) == 0
    with store.open_for_writing("partage", timeout=10) as writer:
        save_notes(writer, 1, "1")
    assert counter(store) == 1


def test_a_killed_holder_leaves_no_lock_behind(store, child):
    holder = child("hold", store.data_dir, "partage", stdin=subprocess.PIPE)
    assert holder.stdout.readline() == "held\n", holder.communicate()[1]
    holder.kill()
    holder.wait()
    owner_file = store.data_dir / "locks" / "partage.owner.json"
    assert json.loads(owner_file.read_text())["pid"] == holder.pid  # stale, and harmless

    with store.open_for_writing("partage", timeout=0) as writer:
        assert json.loads(owner_file.read_text())["pid"] != holder.pid
        save_notes(writer, 1, "5")
    assert counter(store) == 5


def test_lock_is_per_handle_even_within_one_process(store):
    first = store.open_for_writing("partage")
    with pytest.raises(CandidateLocked, match=r"\(pid \d+\)"):
        WritableStore(store.data_dir).open_for_writing("partage", timeout=0)
    first.close()
    with store.open_for_writing("partage"):
        pass


def test_lock_can_be_released_from_another_thread(store):
    import threading

    writer = store.open_for_writing("partage")
    closer = threading.Thread(target=writer.close)
    closer.start()
    closer.join()
    with store.open_for_writing("partage"):
        pass


def test_unknown_holder_still_gets_a_clear_message(store):
    with store.open_for_writing("partage"):
        (store.data_dir / "locks" / "partage.owner.json").write_text("pas du json")
        with pytest.raises(CandidateLocked, match="par un autre programme : ouverture en lecture seule"):
            store.open_for_writing("partage")


def test_owner_description_gives_the_date_when_not_today():
    owner = LockOwner("marie", "poste-12", 4242, datetime(2027, 3, 15, 9, 14))
    assert owner.describe(today=date(2027, 3, 15)) == "marie@poste-12 (pid 4242) depuis 09:14"
    assert owner.describe(today=date(2027, 3, 16)) == "marie@poste-12 (pid 4242) depuis le 15/03/2027 à 09:14"
