"""Benchmarks that run inside one Python process, each in a fresh one
started by run.py (so that one's garbage never slows the next). Prints one
JSON object.

    inproc.py autosave DATA CANDIDATE_ID SAVES
    inproc.py search DATA CACHE RARE COMMON SCAN(0|1)
    inproc.py review-core DATA CACHE CANDIDATE_ID NUMBER REPEAT
    inproc.py document DATA CANDIDATE_ID NUMBER OUT   (writes the séance's Markdown, for the bare baseline)
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _restore(path: Path, raw: bytes) -> None:
    """Puts a candidate file back byte for byte (atomically)."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(raw)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)


def _snapshot(opened):
    """What the workspace does before a save: ``mark_changed()`` (per keystroke)
    then ``snapshot()`` (at save time)."""
    opened.mark_changed()
    return opened.snapshot()


def autosave(data_dir: Path, candidate_id: str, saves: int) -> dict:
    """The workspace's autosave path: a séance being typed, then the snapshot taken
    on the UI thread and ``save()`` (the worker's write)."""
    import french
    from seance_tui.services.workspace import Workspace
    from seance_tui.storage.atomic import write_json_atomically
    from seance_tui.storage.codec import record_to_tables

    path = data_dir / "candidates" / f"{candidate_id}.json"
    original = path.read_bytes()
    rng = random.Random("autosave")
    now = datetime(2026, 11, 26, 10, 0)
    workspace = Workspace(data_dir, clock=lambda: now)
    opened = workspace.open(candidate_id)
    assert not opened.read_only, opened.locked_message
    try:
        seance = opened.record.start_seance("accompagnement", now, notes=workspace.template("accompagnement"))
        opened.save(_snapshot(opened))
        # About 40 characters typed between two saves (one every pause of 0.4 s):
        # the note grows from the template to about 9 KB over 200 saves.
        words = [french.sentence(rng, 3, 7) for _ in range(2 * saves)]
        changed_ms, save_ms, total_ms = [], [], []
        for i in range(saves):
            seance.notes += " " + words[i]  # what the consultant typed since the last save
            t0 = time.perf_counter()
            snapshot = _snapshot(opened)
            t1 = time.perf_counter()
            opened.save(snapshot)
            t2 = time.perf_counter()
            changed_ms.append((t1 - t0) * 1000)
            save_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
        notes_bytes = len(seance.notes.encode())
        # The same path with fsync made a no-op: the application's own CPU cost,
        # apart from the disk's (this is a measurement, the app always fsyncs).
        real_fsync = os.fsync
        os.fsync = lambda fd: None
        try:
            cpu_ms = []
            for i in range(saves):
                seance.notes += " " + words[saves + i]
                t0 = time.perf_counter()
                opened.save(_snapshot(opened))
                cpu_ms.append((time.perf_counter() - t0) * 1000)
        finally:
            os.fsync = real_fsync
        file_bytes = path.stat().st_size
        # The floor of a crash-safe save: the same tables, encoded and written
        # atomically (fsync of the file and of the folder), nothing else.
        tables = record_to_tables(opened.record)
        floor_path = path.parent / ".bench-floor.json"
        floor_ms = []
        for _ in range(saves):
            t0 = time.perf_counter()
            write_json_atomically(floor_path, tables)
            floor_ms.append((time.perf_counter() - t0) * 1000)
        floor_path.unlink()
    finally:
        opened.close()
        _restore(path, original)
    return {
        "p50_ms": statistics.median(total_ms),
        "p99_ms": _percentile(total_ms, 99),
        "snapshot_p50_ms": statistics.median(changed_ms),
        "save_p50_ms": statistics.median(save_ms),
        "no_fsync_p50_ms": statistics.median(cpu_ms),
        "no_fsync_p99_ms": _percentile(cpu_ms, 99),
        "floor_p50_ms": statistics.median(floor_ms),
        "floor_p99_ms": _percentile(floor_ms, 99),
        "file_bytes": file_bytes,
        "notes_bytes": notes_bytes,
        "saves": saves,
    }


def _median_ms(action, repeat: int) -> tuple[float, float, object]:
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), _percentile(times, 90), result


def _bare_stat_scan(folder: Path) -> int:
    count = 0
    for entry in os.scandir(folder):
        if entry.name.endswith(".json") and not entry.name.startswith("."):
            os.stat(entry.path)
            count += 1
    return count


def _cpu_s() -> float:
    import resource

    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def search(data_dir: Path, cache_dir: Path, rare: str, common: str, scan: bool) -> dict:
    """Index build from nothing, warm searches, change detection, one file's refresh,
    and the plain scan it replaces."""
    from seance_tui.services.review import Review
    from seance_tui.search.scan import scan_search
    from seance_tui.storage.store import WritableStore

    out: dict = {}
    review = Review(data_dir, cache_dir)
    if review.index_path.exists():
        raise SystemExit(f"{review.index_path} exists: the build must start from nothing")
    t0, c0 = time.perf_counter(), _cpu_s()
    problems = review.build_index()
    out["build_s"] = time.perf_counter() - t0
    # CPU seconds too, of this process and the first build's second one: on a
    # machine whose cores are busy elsewhere, wall time says little of the cost.
    out["build_cpu_s"] = _cpu_s() - c0
    out["build_problems"] = len(problems)
    # The file and its log: what the index takes on disk (the log is emptied after a first build).
    out["index_mb"] = sum(os.path.getsize(f"{review.index_path}{suffix}") for suffix in ("", "-wal")
                          if os.path.exists(f"{review.index_path}{suffix}")) / 1e6
    out["store_mb"] = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file()) / 1e6
    index = review._index
    t0, c0 = time.perf_counter(), _cpu_s()
    records, _ = review.store.load_all()
    out["load_all_s"] = time.perf_counter() - t0
    out["load_all_cpu_s"] = _cpu_s() - c0
    out["seances"] = sum(len(r.seances) for r in records)
    del records

    for label, word in (("rare", rare), ("common", common)):
        review.search(word, 20)  # warm
        p50, p90, hits = _median_ms(lambda: review.search(word, 20), 30)
        out[f"{label}_ms"], out[f"{label}_p90_ms"] = p50, p90
        out[f"{label}_hits_shown"] = len(hits)
        out[f"{label}_hits_total"] = index.count(word)
        out[f"{label}_first"] = [(h.candidate_id, h.number) for h in hits[:20]]
        if scan:
            t0 = time.perf_counter()
            scanned = scan_search(review.store, word, 20)
            out[f"{label}_scan_ms"] = (time.perf_counter() - t0) * 1000
            out[f"{label}_scan_same"] = [(h.candidate_id, h.number) for h in scanned] == out[f"{label}_first"]
        # Snippets are made from the files now (issue 14): each one marks the word searched.
        from seance_tui.domain.text import fold
        marked = [re.findall("\ue000(.*?)\ue001", h.snippet) for h in hits]
        out[f"{label}_snippets_marked"] = all(m and fold(m[0]).startswith(fold(word)) for m in marked)

    folder = data_dir / "candidates"
    out["detect_ms"], _, stale = _median_ms(index.stale_files, 7)
    out["detect_stale"] = len(stale[0]) + len(stale[1])
    out["stat_scan_ms"], _, out["files"] = _median_ms(lambda: _bare_stat_scan(folder), 7)

    # One file changed by a writer (a séance's notes edited), then refreshed.
    candidate_id = next(folder.glob("*-00003.json")).stem
    path = folder / f"{candidate_id}.json"
    original = path.read_bytes()
    try:
        writer = WritableStore(data_dir).open_for_writing(candidate_id)
        with writer:
            record = writer.record
            record.seances[0].notes += "\nAjout du relecteur."
            writer.save(record)
        t0 = time.perf_counter()
        report = index.refresh()
        out["refresh_one_ms"] = (time.perf_counter() - t0) * 1000
        out["refresh_reindexed"] = report.reindexed
    finally:
        _restore(path, original)
        index.refresh()
    review.close()
    return out


def review_core(data_dir: Path, cache_dir: Path, candidate_id: str, number: int, repeat: int) -> dict:
    """What opening a candidate costs review without Textual: the file read and
    decoded, the history rows' texts, one séance's document."""
    from seance_tui.domain.dates import format_date
    from seance_tui.domain.hours import format_hours
    from seance_tui.domain.text import visible_controls
    from seance_tui.services.review import Review
    from seance_tui.ui.reviewer.history import first_line

    review = Review(data_dir, cache_dir)
    phases = review.phases

    def open_and_read():
        record, _ = review.load(candidate_id)
        now = review.clock()
        rows = [
            (f"n° {s.number}", format_date(s.day) if s.day else "—", phases.label(s.phase),
             format_hours(s.duration(now)) if s.start else s.status.label, visible_controls(first_line(s.notes)))
            for s in record.seances
        ]
        document = visible_controls(review.seance_document(record, number))
        return len(rows), len(document)

    p50, p90, (rows, chars) = _median_ms(open_and_read, repeat)
    t_load, _, _ = _median_ms(lambda: review.load(candidate_id), repeat)
    return {"core_ms": p50, "core_p90_ms": p90, "load_ms": t_load, "rows": rows, "document_chars": chars}


def document(data_dir: Path, candidate_id: str, number: int, out: Path) -> dict:
    from seance_tui.services.review import Review

    review = Review(data_dir, Path(tempfile.gettempdir()))
    record, _ = review.load(candidate_id)
    text = review.seance_document(record, number)
    out.write_text(text, encoding="utf-8")
    return {"chars": len(text), "seances": len(record.seances)}


def main() -> None:
    task, *args = sys.argv[1:]
    if task == "autosave":
        result = autosave(Path(args[0]), args[1], int(args[2]))
    elif task == "search":
        result = search(Path(args[0]), Path(args[1]), args[2], args[3], args[4] == "1")
    elif task == "review-core":
        result = review_core(Path(args[0]), Path(args[1]), args[2], int(args[3]), int(args[4]))
    elif task == "document":
        result = document(Path(args[0]), args[1], int(args[2]), Path(args[3]))
    else:
        raise SystemExit(f"unknown task {task}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
