"""seance's benchmarks: every figure printed beside a baseline measured in the same run.

    python tests/benchmarks/run.py                      # 1,000 and 50,000 séances (long: see docs/benchmarks.md)
    python tests/benchmarks/run.py --quick              # tiny stores, one run each: proves the benchmarks still run
    python tests/benchmarks/run.py --json               # the figures as JSON on stdout (the table goes to stderr)
    python tests/benchmarks/run.py --sizes 1000,50000 --workdir /tmp/seance-bench
    python tests/benchmarks/run.py --saving-only        # only the loss under kill -9 and SIGHUP (20 + 5 runs)
    python tests/benchmarks/run.py --list-only --sizes 50000   # only seance list's second run, beside ls -l
    python tests/benchmarks/run.py --start-only --sizes 50000  # only the cold starts and the very first start
    python tests/benchmarks/run.py --agenda-only --sizes 50000 # seance agenda's first and second run beside list's

Stores are generated once (tests/benchmarks/generate.py) and reused, keyed by
size, seed and the generator's source. The machines are shared and noisy:
compare each figure with its baseline, not with another day's figure. Nothing
here asserts a timing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import pty_review_live  # noqa: E402
import pty_saving  # noqa: E402
import pty_typing  # noqa: E402

PYTHON = sys.executable
RARE_WORD = "kinesiologue"  # planted as "kinésiologue": typed without the accent, as a reviewer would
COMMON_WORD = "projet"  # in almost every séance
FULL_SIZES = [1000, 50000]
QUICK_SIZES = [100, 200]
SEED = 1
TWENTY_SEANCES_INDEX = 1  # generate.py: candidate 1 has 20 séances
AUTOSAVE_INDEX = 2  # an ordinary candidate (about ten séances)
READ_SEANCE = 10
PTY_SIZES = [(80, 24), (200, 50)]
PACE = 20.0  # characters per second
KILLS, HANG_UPS = 20, 5  # --quick: QUICK_KILLS, QUICK_HANG_UPS
QUICK_KILLS, QUICK_HANG_UPS = 3, 1

# Every figure: (key, unit, description). Keys with "@" are per store size.
PER_SIZE = [
    ("cold_start.workspace", "ms", "cold start to the first frame, workspace"),
    ("cold_start.review", "ms", "cold start to the first frame, review"),
    ("autosave.p50", "ms", "autosave of one séance's notes, p50 (snapshot + save())"),
    ("autosave.p99", "ms", "autosave, p99"),
    ("autosave.no_fsync.p50", "ms", "autosave with fsync made a no-op (the app's CPU cost)"),
    ("review.open_20", "ms", "review: open a candidate with 20 séances and read one (pilot)"),
    ("review.open_20.history", "ms", "  of which the history screen's first frame"),
    ("review.open_20.seance", "ms", "  of which the séance screen's first frame"),
    ("review.open_20.core", "ms", "review: the same without Textual (load, rows, document)"),
    ("review.open_40.seance", "ms", "review: the séance screen's first frame, candidate with 40 séances (séance 40)"),
    ("review.long_note.seance", "ms", "review: the séance screen's first frame, a séance with a 60 KB note"),
    ("search.rare", "ms", f"search, warm, first 20 hits with snippets: rare word ({RARE_WORD})"),
    ("search.common", "ms", f"search, warm, first 20 hits with snippets: common word ({COMMON_WORD})"),
    ("search.rare.ripgrep", "ms", "ripgrep rg -l -i, rare word (cannot fold accents)"),
    ("search.common.ripgrep", "ms", "ripgrep rg -l -i, common word"),
    ("index.build", "s", "search index: first full build"),
    ("index.size", "MB", "search index: size on disk (file and its log)"),
    ("index.refresh_one", "ms", "search index: refresh after one file changed"),
    ("index.detect_changes", "ms", "search index: change detection among all files"),
    ("review.peak_rss", "MB", "review peak RSS: candidates shown, one search"),
    ("list.second_run", "ms", "seance list, second run (listing cache in the cache dir), whole process"),
    ("first_start.first_frame", "ms", "very first workspace start (no listing index): first frame"),
    ("first_start.complete", "s", "very first workspace start: the list whole"),
]
GLOBAL = [
    ("autosave.p50.growth", "×", "autosave p50, largest store / smallest"),
    *[
        (f"pty.{case}.{c}x{r}", "B/char", f"terminal bytes per typed character, {label}, {c}×{r}")
        for case, label in (("short", "short note"), ("mid", "mid-document, 200-line note"))
        for c, r in PTY_SIZES
    ],
    *[(f"pty.idle.{c}x{r}", "B/s", f"terminal bytes per second at rest, séance running, {c}×{r}") for c, r in PTY_SIZES],
    ("review.live.max", "ms", "review sees a séance typed steadily: keystroke to visible in review, worst word"),
    ("review.live.p50", "ms", "review sees a séance typed steadily: keystroke to visible in review, median"),
]
# Measured by --agenda-only (agenda_runs), not by the full run.
AGENDA = [
    ("agenda.first_run", "ms", "seance agenda (the overview), first run, empty cache dir, whole process"),
    ("agenda.second_run", "ms", "seance agenda (the overview), second run (facts cache in the cache dir), whole process"),
]
SAVING = [
    ("saving.kill9.worst_window", "ms", "kill -9 mid-typing: the worst loss window (the typing of that long before the kill lost)"),
    ("saving.kill9.median_window", "ms", "kill -9 mid-typing: the median loss window"),
    ("saving.sighup.lost_bytes", "B", "SSH connection dropped (SIGHUP) mid-typing: bytes typed and lost, worst run"),
]


SEARCH_ONLY = ("search.rare", "search.common", "search.rare.ripgrep", "search.common.ripgrep", "index.build",
               "index.size", "index.refresh_one", "index.detect_changes")


def figure_keys(sizes: list[int], saving_only: bool = False, list_only: bool = False,
                start_only: bool = False, search_only: bool = False, agenda_only: bool = False) -> list[str]:
    saving = [key for key, _, _ in SAVING]
    if agenda_only:
        return [f"agenda.{run}_run@{size}" for size in sizes for run in ("first", "second")]
    if list_only:
        return [f"list.second_run@{size}" for size in sizes]
    if start_only:
        return [f"{key}@{size}" for size in sizes for key in START_KEYS]
    if search_only:
        return [f"{key}@{size}" for size in sizes for key in SEARCH_ONLY]
    if saving_only:
        return saving
    return [f"{key}@{size}" for size in sizes for key, _, _ in PER_SIZE] + [key for key, _, _ in GLOBAL] + saving


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def run_json(args: list[str], timeout: float = 3600) -> dict:
    """Runs one of our helper scripts; its last stdout line is JSON."""
    done = subprocess.run([PYTHON, *args], capture_output=True, text=True, timeout=timeout, cwd=HERE)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- stores ----------------------------------------------------------------------------------


def generator_key() -> str:
    digest = hashlib.sha1()
    for name in ("generate.py", "french.py"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:10]


def ensure_store(workdir: Path, size: int, seed: int) -> Path:
    store = workdir / f"store-{size}-seed{seed}-{generator_key()}"
    marker = workdir / f"{store.name}.done"
    if not marker.exists():
        if store.exists():
            shutil.rmtree(store)
        log(f"generating {size} séances in {store}")
        done = subprocess.run([PYTHON, str(HERE / "generate.py"), str(store), "--seances", str(size),
                               "--seed", str(seed), "--quiet"], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"generate.py failed:\n{done.stderr[-4000:]}")
        log(done.stdout.strip())
        marker.write_text(done.stdout)
    # The listing index (index.json) as any workspace start leaves it: cold
    # starts are measured with it up to date, like every start but the first.
    subprocess.run([PYTHON, "-c", "import sys, datetime; from pathlib import Path; "
                    "from seance_tui.domain.phases import load_phases; from seance_tui.storage.layout import Layout; "
                    "from seance_tui.storage.store import WritableStore; d = Path(sys.argv[1]); "
                    "WritableStore(d).summaries(load_phases(Layout(d).phases_file()), datetime.datetime.now())",
                    str(store)], check=True)
    return store


def candidate_id(store: Path, index: int) -> str:
    found = sorted((store / "candidates").glob(f"*-{index:05d}.json"))
    if not found:
        raise RuntimeError(f"no candidate {index} in {store}")
    return found[0].stem


def candidate_rows(store: Path) -> int:
    return sum(1 for p in (store / "candidates").glob("*.json"))


# --- figures ----------------------------------------------------------------------------------


class Figures:
    def __init__(self) -> None:
        self.items: dict[str, dict] = {}

    def add(self, key: str, value, unit: str, baseline=None, target=None, relative: bool = False,
            baseline_what: str = "", note: str = "") -> None:
        met = None
        if target is not None and value is not None:
            if relative:
                met = bool(baseline) and value / baseline <= target
            else:
                met = value <= target
        self.items[key] = {
            "value": _round(value), "baseline": _round(baseline), "target": target,
            "target_relative_to_baseline": relative, "unit": unit, "met": met,
            "baseline_what": baseline_what, "note": note,
        }


def _round(value):
    if isinstance(value, float):
        return round(value, 3 if abs(value) < 10 else 1)
    return value


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- each benchmark ---------------------------------------------------------------------------


def cold_starts(figs: Figures, store: Path, cache: Path, size: int, runs: int) -> None:
    rows = candidate_rows(store)
    apps = {
        "workspace": ["workspace", str(store)],
        "bare-workspace": ["bare-workspace", str(rows)],
        "review": ["review", str(store), str(cache)],
        "bare-review": ["bare-review", str(rows)],
    }
    times: dict[str, list[float]] = {name: [] for name in apps}
    for name, args in apps.items():  # warm-up: page cache, .pyc files, index.json
        run_json(["launch_app.py", "start", *args])
    for _ in range(runs):
        for name, args in apps.items():  # interleaved, so that noise falls on all alike
            started = time.time()
            result = run_json(["launch_app.py", "start", *args])
            if result["rows"] != rows:
                raise RuntimeError(f"{name}: {result['rows']} rows at the first frame, {rows} expected")
            times[name].append((result["first_frame"] - started) * 1000)
    for app in ("workspace", "review"):
        value, base = median(times[app]), median(times[f"bare-{app}"])
        figs.add(f"cold_start.{app}@{size}", value, "ms", base, 1.2, relative=True,
                 baseline_what=f"bare Textual app, same widgets, {rows} rows",
                 note=f"median of {runs}; ratio {value / base:.2f}")


def autosave(figs: Figures, store: Path, size: int, saves: int) -> dict:
    result = run_json(["inproc.py", "autosave", str(store), candidate_id(store, AUTOSAVE_INDEX), str(saves)])
    floor = "encode + atomic write (2 fsyncs) of the same tables"
    note = (f"{saves} saves of a {result['file_bytes'] // 1000} KB file; "
            f"snapshot {result['snapshot_p50_ms']:.2f} ms, save() {result['save_p50_ms']:.2f} ms (p50)")
    figs.add(f"autosave.p50@{size}", result["p50_ms"], "ms", result["floor_p50_ms"], 3.0,
             baseline_what=floor, note=note)
    figs.add(f"autosave.p99@{size}", result["p99_ms"], "ms", result["floor_p99_ms"], baseline_what=floor)
    figs.add(f"autosave.no_fsync.p50@{size}", result["no_fsync_p50_ms"], "ms", result["floor_p50_ms"],
             baseline_what=floor, note=f"p99 {result['no_fsync_p99_ms']:.1f} ms")
    return result


def review_open(figs: Figures, store: Path, cache: Path, size: int, repeat: int, workdir: Path) -> None:
    cid = candidate_id(store, TWENTY_SEANCES_INDEX)
    document = workdir / f"document-{size}.md"
    info = run_json(["inproc.py", "document", str(store), cid, str(READ_SEANCE), str(document)])
    assert info["seances"] == 20, info
    real = run_json(["launch_app.py", "open", "review", str(store), str(cache), cid, str(READ_SEANCE), str(repeat)])
    bare = run_json(["launch_app.py", "open", "bare", str(document), "20", str(repeat)])
    core = run_json(["inproc.py", "review-core", str(store), str(cache), cid, str(READ_SEANCE), str(max(repeat, 5))])
    total = median([h + s for h, s in zip(real["history_ms"], real["seance_ms"])])
    bare_total = median([h + s for h, s in zip(bare["history_ms"], bare["seance_ms"])])
    what = "bare Textual: DataTable of 20 rows, then MarkdownViewer of the same document"
    figs.add(f"review.open_20@{size}", total, "ms", bare_total, 100.0, baseline_what=what,
             note=f"median of {repeat}; document {info['chars']} characters")
    figs.add(f"review.open_20.history@{size}", median(real["history_ms"]), "ms", median(bare["history_ms"]),
             baseline_what="bare DataTable screen, 20 rows")
    figs.add(f"review.open_20.seance@{size}", median(real["seance_ms"]), "ms", median(bare["seance_ms"]),
             SEANCE_VIEW_TARGET, True, baseline_what="bare MarkdownViewer screen, same document",
             note=cpu_note(real, bare))
    figs.add(f"review.open_20.core@{size}", core["core_ms"], "ms", core["load_ms"], 100.0,
             baseline_what="Review.load alone", note="load + history rows + séance document, no Textual")


# --- review: long séances (issue 14) ----------------------------------------------------------------

SEANCE_VIEW_TARGET = 0.3  # the séance view's first frame, relative to a bare MarkdownViewer of the document
FORTY_SEANCES_INDEX, FORTY_READ = 3, 40  # generate.py: candidate 3 has 40 séances; the last one is read
LONG_NOTE_INDEX, LONG_NOTE_SEANCE = 4, 2  # generate.py: candidate 4's séance 2 has a 60 KB note


def review_long_seances(figs: Figures, store: Path, cache: Path, size: int, repeat: int, workdir: Path) -> None:
    """The séance view of a long history and of a long note, each beside a bare
    MarkdownViewer of the same document after a bare table of as many rows."""
    cases = [("review.open_40.seance", FORTY_SEANCES_INDEX, FORTY_READ),
             ("review.long_note.seance", LONG_NOTE_INDEX, LONG_NOTE_SEANCE)]
    for key, index, number in cases:
        cid = candidate_id(store, index)
        document = workdir / f"document-{size}-{index}-{number}.md"
        info = run_json(["inproc.py", "document", str(store), cid, str(number), str(document)])
        real = run_json(["launch_app.py", "open", "review", str(store), str(cache), cid, str(number), str(repeat)])
        bare = run_json(["launch_app.py", "open", "bare", str(document), str(info["seances"]), str(repeat)])
        figs.add(f"{key}@{size}", median(real["seance_ms"]), "ms", median(bare["seance_ms"]), SEANCE_VIEW_TARGET,
                 True, baseline_what="bare MarkdownViewer screen, same document",
                 note=f"median of {repeat}; {info['seances']} séances, document {info['chars']} characters; "
                      f"history screen {median(real['history_ms']):.0f} ms (bare {median(bare['history_ms']):.0f}); "
                      + cpu_note(real, bare))


def cpu_note(real: dict, bare: dict) -> str:
    """The event loop thread's CPU time for the séance screen, beside the bare one's."""
    mine, theirs = median(real["seance_cpu_ms"]), median(bare["seance_cpu_ms"])
    return f"event loop CPU {mine:.0f} ms vs bare {theirs:.0f} ms ({mine / theirs:.2f}×)"


def search(figs: Figures, store: Path, cache: Path, size: int) -> dict:
    if cache.exists():
        shutil.rmtree(cache)
    log(f"  index build and searches at {size} (the plain scan reads every file: slow at 50,000)")
    result = run_json(["inproc.py", "search", str(store), str(cache), RARE_WORD, COMMON_WORD, "1"], timeout=7200)
    rg = shutil.which("rg")
    rg_ms: dict[str, float | None] = {}
    rg_files: dict[str, int | None] = {}
    for label, word in (("rare", RARE_WORD), ("common", COMMON_WORD)):
        if rg is None:
            rg_ms[label] = rg_files[label] = None
            continue
        times = []
        for _ in range(5):
            started = time.perf_counter()
            done = subprocess.run([rg, "-l", "-i", word, str(store / "candidates")], capture_output=True, text=True)
            times.append((time.perf_counter() - started) * 1000)
        rg_ms[label] = median(times)
        rg_files[label] = len(done.stdout.splitlines())
    targets = {"rare": 20.0, "common": 50.0}
    for label, word in (("rare", RARE_WORD), ("common", COMMON_WORD)):
        same = "same 20 hits as the scan" if result[f"{label}_scan_same"] else "HITS DIFFER from the scan"
        figs.add(f"search.{label}@{size}", result[f"{label}_ms"], "ms", result[f"{label}_scan_ms"], targets[label],
                 baseline_what="scan_search (reads every file)",
                 note=f"{result[f'{label}_hits_total']} séances match; p90 {result[f'{label}_p90_ms']:.1f} ms; {same}")
        figs.add(f"search.{label}.ripgrep@{size}", rg_ms[label], "ms", result[f"{label}_ms"],
                 baseline_what="the index's search",
                 note="rg not installed" if rg is None else f"{rg_files[label]} files listed (rg -l; "
                 f"{'no accent folding' if label == 'rare' else 'files, not séances'})")
    figs.add(f"index.build@{size}", result["build_s"], "s", result["load_all_s"], 3.0, relative=True,
             baseline_what="ReadOnlyStore.load_all (reading every file)",
             note=f"{result['seances']} séances, index {result['index_mb']:.0f} MB; CPU time "
             f"{result['build_cpu_s']:.1f} s (both processes) = {result['build_cpu_s'] / result['load_all_cpu_s']:.2f}× "
             f"load_all's {result['load_all_cpu_s']:.1f} s")
    figs.add(f"index.size@{size}", result["index_mb"], "MB", result["store_mb"], 0.6, relative=True,
             baseline_what="the store's size (every file of the data dir)",
             note="every snippet marks the word searched" if result["rare_snippets_marked"]
             and result["common_snippets_marked"] else "A SNIPPET MISSES THE WORD")
    figs.add(f"index.refresh_one@{size}", result["refresh_one_ms"], "ms", result["detect_ms"],
             baseline_what="change detection alone")
    figs.add(f"index.detect_changes@{size}", result["detect_ms"], "ms", result["stat_scan_ms"],
             baseline_what="os.scandir + os.stat of every file", note=f"{result['files']} files")
    return result


def peak_rss(figs: Figures, store: Path, cache: Path, size: int) -> None:
    real = run_json(["launch_app.py", "rss", "review", str(store), str(cache), COMMON_WORD])
    bare = run_json(["launch_app.py", "rss", "bare-review", str(candidate_rows(store))])
    figs.add(f"review.peak_rss@{size}", real["maxrss_mb"], "MB", bare["maxrss_mb"], 150.0,
             baseline_what="bare Textual app, same rows and a search screen of 50 hits",
             note=f"{real['after_list_mb']:.0f} MB once the candidates are listed; {real['hits']} hits")


def terminal_bytes(figs: Figures, small_store: Path, workdir: Path, quick: bool) -> None:
    seance = shutil.which("seance", path=str(Path(PYTHON).parent)) or shutil.which("seance")
    nano = shutil.which("nano")
    text = pty_typing.TYPED[:16] if quick else pty_typing.TYPED
    settle, idle = (1.0, 1.0) if quick else (1.5, 5.0)
    for cols, rows in PTY_SIZES:
        for case in ("short", "mid"):
            long = case == "mid"
            key = f"pty.{case}.{cols}x{rows}"
            log(f"  {key}: typing {len(text)} characters at {PACE:.0f}/s")
            store = pty_typing.make_store(small_store, workdir / "pty-store")
            real = pty_typing.seance_typing(seance, store, cols, rows, long, text, PACE, settle,
                                            0.0 if long else idle)
            base = None
            if nano is not None:
                base = pty_typing.nano_typing(nano, workdir / "pty-nano", cols, rows, long, text, PACE, settle,
                                              0.0 if long else idle)
            note = f"{real.total_bytes} B in {real.writes} writes for {real.chars} characters"
            if not real.shown:
                note += "; TYPED TEXT NOT SEEN ON SCREEN"
            if nano is None:
                note += "; nano not installed"
            figs.add(key, real.bytes_per_char, "B/char", base.bytes_per_char if base else None,
                     600.0 if long else 120.0, baseline_what="nano, same text, same pace", note=note)
            if not long:
                figs.add(f"pty.idle.{cols}x{rows}", real.idle_bytes_per_second, "B/s",
                         base.idle_bytes_per_second if base else None, 0.0,
                         baseline_what="nano at rest", note=f"over {idle:.0f} s")


def review_live(figs: Figures, small_store: Path, workdir: Path, quick: bool) -> None:
    """The installed workspace and review in two ptys on one data dir: words
    typed at 12 keys/s without a pause, each timed from its last key to its
    first sight on review's screen, beside the same word reaching the disk
    (the workspace's own save) in the same run (pty_review_live.py)."""
    seance = shutil.which("seance", path=str(Path(PYTHON).parent)) or shutil.which("seance")
    seconds = 5.0 if quick else 15.0
    data_dir = pty_saving.make_data_dir(small_store, workdir / "review-live" / "donnees")
    watch = pty_review_live.watch_typing(seance, data_dir, seconds)
    shown, saved = watch.delays(watch.shown_at), watch.delays(watch.on_disk_at)
    if not shown or not saved:
        raise RuntimeError(f"review.live: no word seen (shown {len(shown)}, on disk {len(saved)} of {len(watch.sent_at)})")
    note = (f"{len(watch.sent_at)} words in {seconds:.0f} s at {pty_review_live.PACE:.0f} keys/s; "
            f"{len(watch.shown_while_typing())} shown while typing went on, {len(shown)} in all")
    figs.add("review.live.max", max(shown) * 1000, "ms", max(saved) * 1000, 2000.0,
             baseline_what="the same words reaching the disk, worst (the workspace's own save)", note=note)
    figs.add("review.live.p50", median(shown) * 1000, "ms", median(saved) * 1000, None,
             baseline_what="the same words reaching the disk, median")


def saving(figs: Figures, small_store: Path, workdir: Path, kills: int, hang_ups: int, seed: int) -> None:
    """Typing at 12 keys/s into the installed workspace in a pty, cut short:
    kill -9 at a random moment between 1.5 and 4.5 s into the burst, and the
    pty's master closed (what sshd does when the connection drops)."""
    import random
    import signal

    seance = shutil.which("seance", path=str(Path(PYTHON).parent)) or shutil.which("seance")
    rng = random.Random(seed)
    windows, lags, lost_chars = [], [], []
    for n in range(kills):
        after = rng.uniform(1.5, 4.5)
        data_dir = pty_saving.make_data_dir(small_store, workdir / "saving" / "donnees")
        cut = pty_saving.cut_typing(seance, data_dir, signal.SIGKILL, after)
        if not cut.prefix:
            raise RuntimeError(f"kill -9 run {n}: what is on disk is not a beginning of what was typed: {cut.notes!r}")
        windows.append(cut.loss_window)
        lags.append(cut.lag)
        lost_chars.append(cut.lost)
        log(f"  kill -9 {n + 1}/{kills} after {after:.2f} s: lost {cut.lost} characters, "
            f"the last {cut.loss_window:.2f} s (lag {cut.lag:.2f} s)")
    worst = max(windows) * 1000
    bound = round((1.0 + max(lags) + 0.5) * 1000)  # as tests/e2e/test_signals.py: max-wait + lag + save margin
    figs.add("saving.kill9.worst_window", worst, "ms", max(lags) * 1000, bound,
             baseline_what="the worst display lag measured in the same runs",
             note=f"{kills} kills at 12 keys/s; target = 1 s max-wait + worst lag + 0.5 s; "
                  f"lost {min(lost_chars)}–{max(lost_chars)} characters")
    figs.add("saving.kill9.median_window", median(windows) * 1000, "ms", median(lags) * 1000, 1000.0,
             baseline_what="the median display lag", note=f"{kills} kills")
    lost_bytes, in_flight, exits = [], [], []
    for n in range(hang_ups):
        data_dir = pty_saving.make_data_dir(small_store, workdir / "saving" / "donnees")
        cut = pty_saving.cut_typing(seance, data_dir, pty_saving.HANG_UP, rng.uniform(1.5, 3.5))
        ok = cut.status == 0 and cut.prefix and cut.paused and not cut.lock_owner_left
        if not ok:
            raise RuntimeError(f"hang-up run {n}: status {cut.status}, paused {cut.paused}, "
                               f"owner file left {cut.lock_owner_left}, notes {cut.notes!r}")
        exits.append(cut.exit_after)
        lost_bytes.append(len(cut.typed.encode()) - len((cut.saved or "").encode()))
        in_flight.append(len(cut.typed.encode()) - len(cut.typed[:cut.shown_at_signal].encode()))
        log(f"  hang-up {n + 1}/{hang_ups}: lost {lost_bytes[-1]} bytes ({in_flight[-1]} not yet on screen)")
    figs.add("saving.sighup.lost_bytes", max(lost_bytes), "B", max(in_flight), 0.0,
             baseline_what="bytes typed but not yet on screen at the hang-up",
             note=f"{hang_ups} hang-ups; exit 0, séance paused, lock given back each time; "
                  f"exit {min(exits):.2f}–{max(exits):.2f} s after the hang-up")


# --- output -------------------------------------------------------------------------------------


def describe() -> dict[str, str]:
    descriptions = {}
    for key, unit, text in PER_SIZE:
        descriptions[key] = text
    for key, unit, text in GLOBAL + SAVING + AGENDA:
        descriptions[key] = text
    return descriptions


def _fmt(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("MB", "×"):
        return f"{value:.2f}" if unit == "×" else f"{value:.0f}"
    if unit == "s":
        return f"{value:.1f}"
    if abs(value) >= 100:
        return f"{value:,.0f}".replace(",", " ")
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(items: dict[str, dict]) -> str:
    descriptions = describe()
    lines = ["| figure | value | baseline | target | met? | notes |", "| --- | ---: | ---: | --- | --- | --- |"]
    for key, fig in items.items():
        base_key, _, size = key.partition("@")
        name = descriptions.get(base_key, base_key) + (f" — {int(size):,} séances".replace(",", " ") if size else "")
        unit = fig["unit"]
        value = _fmt(fig["value"], unit) + f" {unit}" if fig["value"] is not None else "—"
        baseline = _fmt(fig["baseline"], unit) + (f" ({fig['baseline_what']})" if fig["baseline_what"] else "")
        if fig["target"] is None:
            target = ""
        elif fig["target_relative_to_baseline"]:
            target = f"≤ {fig['target']}× baseline"
        else:
            target = f"≤ {fig['target']:g} {unit}"
        met = {True: "yes", False: "**no**", None: ""}[fig["met"]]
        lines.append(f"| {name} (`{key}`) | {value} | {baseline} | {target} | {met} | {fig['note']} |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    import textual

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=REPO).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True,
                               cwd=REPO).stdout.strip()
        source = f"{head}{' + uncommitted changes in src/' if dirty else ''}" if head else "?"
    except OSError:
        source = "?"
    return {
        "source": source,
        "date": datetime.now().isoformat(timespec="seconds"),
        "nproc": str(os.cpu_count()),
        "ram": ram,
        "cpu": cpu,
        "python": platform.python_version(),
        "textual": textual.__version__,
        "platform": platform.platform(),
    }


# --- main ---------------------------------------------------------------------------------------


def list_second_run(figs: Figures, store: Path, workdir: Path, size: int, runs: int) -> None:
    """``seance list`` run twice from a cold listing cache: the second run stats
    every file and reads none; its baseline is ``ls -l`` of the same folder."""
    cache = workdir / f"listcache-{store.name}"
    if cache.exists():
        shutil.rmtree(cache)
    command = [PYTHON, "-m", "seance_tui.cli", "list", "--data-dir", str(store), "--cache-dir", str(cache)]

    def timed(args: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - started) * 1000

    first_ms = timed(command)
    second = median([timed(command) for _ in range(runs)])
    ls_ms = median([timed(["ls", "-l", str(store / "candidates")]) for _ in range(runs)])
    startup_ms = median([timed([PYTHON, "-m", "seance_tui.cli", "--version"]) for _ in range(runs)])
    figs.add(f"list.second_run@{size}", second, "ms", ls_ms, 1000.0,
             baseline_what="ls -l of the candidates folder (one stat per file)",
             note=f"{candidate_rows(store)} candidates; first run (cold cache, reads every file) {first_ms:.0f} ms; "
             f"seance --version (start-up alone) {startup_ms:.0f} ms")


def first_start(figs: Figures, store: Path, workdir: Path, size: int, runs: int) -> None:
    """The very first workspace start, on a copy of the store without its
    listing index (removed before each run): the first frame (and whether it
    shows the reading's progress), then the frame where the list is whole.
    Baselines in the same runs: the bare workspace app's first frame with as
    many rows, and a process that reads every candidate file once
    (``ReadOnlyStore.load_all``), both timed from the process's start too."""
    copy = workdir / f"first-start-{store.name}"
    if not copy.exists():
        shutil.copytree(store, copy, symlinks=True)
    rows = candidate_rows(copy)
    firsts, completes, bares, reads, keys, progress = [], [], [], [], [], []
    run_json(["launch_app.py", "read-all", str(copy)])  # warm-up: page cache, .pyc files
    for _ in range(runs):
        (copy / "index.json").unlink(missing_ok=True)
        started = time.time()
        result = run_json(["launch_app.py", "first", str(copy), str(rows)])
        firsts.append((result["first_frame"] - started) * 1000)
        completes.append(result["complete"] - started)
        progress.append(result["progress_shown"])
        if result["key_ms"] is not None:
            keys.append(result["key_ms"])
        started = time.time()
        bare = run_json(["launch_app.py", "start", "bare-workspace", str(rows)])
        bares.append((bare["first_frame"] - started) * 1000)
        started = time.time()
        read = run_json(["launch_app.py", "read-all", str(copy)])
        reads.append(read["done"] - started)
    first, complete = median(firsts), median(completes)
    key = f"; a key typed at the first frame shown in {median(keys):.0f} ms (median)" if keys else ""
    figs.add(f"first_start.first_frame@{size}", first, "ms", median(bares), 1000.0,
             baseline_what=f"bare Textual app, same widgets, {rows} rows",
             note=f"median of {runs}; progress shown at the first frame: {sum(progress)}/{runs}{key}")
    figs.add(f"first_start.complete@{size}", complete, "s", median(reads), 1.2, relative=True,
             baseline_what="a process reading every candidate file once (ReadOnlyStore.load_all)",
             note=f"median of {runs}; ratio {complete / median(reads):.2f}")


START_KEYS = ("cold_start.workspace", "cold_start.review", "first_start.first_frame", "first_start.complete")


def agenda_runs(figs: Figures, store: Path, size: int, runs: int) -> None:
    """``seance agenda`` (the overview across candidates, issue 13) beside
    ``seance list``, in the same run, each from an empty cache dir: the first
    run reads every file (the overview's facts, the listing's summaries), the
    next ones only stat them. The caches go to a temporary folder of this run
    only: the store itself may be read-only and shared."""
    caches = Path(tempfile.mkdtemp(prefix="seance-agenda-bench-"))

    def command(name: str) -> list[str]:
        return [PYTHON, "-m", "seance_tui.cli", name, "--data-dir", str(store), "--cache-dir", str(caches / name)]

    def timed(args: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - started) * 1000

    try:
        first = {name: timed(command(name)) for name in ("list", "agenda")}
        second: dict[str, list[float]] = {"list": [], "agenda": []}
        for _ in range(runs):  # interleaved, so that noise falls on both alike
            for name in second:
                second[name].append(timed(command(name)))
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    rows = candidate_rows(store)
    figs.add(f"agenda.first_run@{size}", first["agenda"], "ms", first["list"], 1.5, relative=True,
             baseline_what="seance list's first run, same run (reads every file too)",
             note=f"{rows} candidates, empty cache dirs; ratio {first['agenda'] / first['list']:.2f}")
    value, base = median(second["agenda"]), median(second["list"])
    figs.add(f"agenda.second_run@{size}", value, "ms", base, 1.5, relative=True,
             baseline_what="seance list's second run, same run (stats every file, reads none)",
             note=f"median of {runs}; ratio {value / base:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny stores, one run each (CI: the benchmarks still run)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object on stdout")
    parser.add_argument("--sizes", help="séance counts, comma-separated (default 1000,50000; --quick: 100,200)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "seance-bench")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--saving-only", action="store_true",
                        help="only the loss under kill -9 and SIGHUP, on the smallest store")
    parser.add_argument("--list-only", action="store_true", help="only seance list's second run, on each store")
    parser.add_argument("--start-only", action="store_true",
                        help="only the cold starts and the very first start, on each store")
    parser.add_argument("--search-only", action="store_true", help="only the search index and searches, on each store")
    parser.add_argument("--agenda-only", action="store_true",
                        help="only seance agenda's first and second run beside seance list's, on each store")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (QUICK_SIZES if args.quick else FULL_SIZES)
    sizes = sorted(set(sizes))
    workdir = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    quick = args.quick
    runs = 1 if quick else 7
    saves = 50 if quick else 200
    repeat = 2 if quick else 5

    meta = machine()
    command = "python tests/benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    log(f"{command.strip()} — {meta['cpu']}, {meta['nproc']} cores, {meta['ram']}, "
        f"Python {meta['python']}, Textual {meta['textual']}")
    figs = Figures()
    saves_p50 = {}
    stores = {}
    kills, hang_ups = (QUICK_KILLS, QUICK_HANG_UPS) if quick else (KILLS, HANG_UPS)
    if args.saving_only:
        log(f"typing cut short: {kills} kill -9s, {hang_ups} hang-ups")
        saving(figs, ensure_store(workdir, sizes[0], args.seed), workdir, kills, hang_ups, args.seed)
        return report(figs, sizes, True, workdir, meta, command, args.json)
    if args.agenda_only:
        for size in sizes:
            log(f"{size} séances: seance agenda beside seance list, first and second run ({runs} runs)")
            agenda_runs(figs, ensure_store(workdir, size, args.seed), size, runs)
        return report(figs, sizes, False, workdir, meta, command, args.json, agenda_only=True)
    if args.list_only:
        for size in sizes:
            log(f"{size} séances: seance list, first and second run ({runs} runs)")
            list_second_run(figs, ensure_store(workdir, size, args.seed), workdir, size, runs)
        return report(figs, sizes, False, workdir, meta, command, args.json, list_only=True)
    if args.start_only:
        for size in sizes:
            store = ensure_store(workdir, size, args.seed)
            cache = workdir / f"cache-{store.name}"
            log(f"{size} séances: cold starts ({runs} runs)")
            cold_starts(figs, store, cache, size, runs)
            log(f"{size} séances: very first start ({min(runs, 3)} runs)")
            first_start(figs, store, workdir, size, min(runs, 3))
        return report(figs, sizes, False, workdir, meta, command, args.json, start_only=True)
    if args.search_only:
        for size in sizes:
            store = ensure_store(workdir, size, args.seed)
            log(f"{size} séances: search index, searches, ripgrep")
            search(figs, store, workdir / f"cache-{store.name}", size)
        return report(figs, sizes, False, workdir, meta, command, args.json, search_only=True)
    for size in sizes:
        store = ensure_store(workdir, size, args.seed)
        stores[size] = store
        cache = workdir / f"cache-{store.name}"
        log(f"{size} séances: search index, searches, ripgrep")
        search(figs, store, cache, size)
        log(f"{size} séances: autosave")
        saves_p50[size] = autosave(figs, store, size, saves)
        log(f"{size} séances: cold starts ({runs} runs)")
        cold_starts(figs, store, cache, size, runs)
        log(f"{size} séances: review, opening a candidate")
        review_open(figs, store, cache, size, repeat, workdir)
        log(f"{size} séances: review, a 40-séance candidate and a 60 KB note")
        review_long_seances(figs, store, cache, size, repeat, workdir)
        log(f"{size} séances: review, peak RSS")
        peak_rss(figs, store, cache, size)
        log(f"{size} séances: seance list, first and second run")
        list_second_run(figs, store, workdir, size, runs)
        log(f"{size} séances: very first start ({min(runs, 3)} runs)")
        first_start(figs, store, workdir, size, min(runs, 3))
    small, large = sizes[0], sizes[-1]
    growth = saves_p50[large]["p50_ms"] / saves_p50[small]["p50_ms"]
    floor_growth = saves_p50[large]["floor_p50_ms"] / saves_p50[small]["floor_p50_ms"]
    figs.add("autosave.p50.growth", growth, "×", floor_growth, 1.3,
             baseline_what="the same ratio for the bare atomic write (the disk's own noise)",
             note=f"{large} / {small} séances")
    log("terminal bytes in a pty (seance and nano)")
    terminal_bytes(figs, stores[small], workdir, quick)
    log("review sees a séance typed steadily (workspace and review in two ptys)")
    review_live(figs, stores[small], workdir, quick)
    log(f"typing cut short: {kills} kill -9s, {hang_ups} hang-ups")
    saving(figs, stores[small], workdir, kills, hang_ups, args.seed)
    return report(figs, sizes, False, workdir, meta, command, args.json)


def report(figs: Figures, sizes: list[int], saving_only: bool, workdir: Path, meta: dict, command: str,
           as_json: bool, list_only: bool = False, start_only: bool = False, search_only: bool = False,
           agenda_only: bool = False) -> int:
    keys = figure_keys(sizes, saving_only, list_only, start_only, search_only, agenda_only)
    ordered = {key: figs.items[key] for key in keys if key in figs.items}
    missing = [key for key in keys if key not in figs.items]
    if missing:
        raise RuntimeError(f"figures not measured: {missing}")
    (workdir / "last-run.json").write_text(json.dumps({"meta": {**meta, "command": command.strip()},
                                                       "figures": ordered}, ensure_ascii=False, indent=1))
    out = sys.stderr if as_json else sys.stdout
    print(f"\n{command.strip()}\n{meta['date']} · {meta['cpu']} · {meta['nproc']} cores · {meta['ram']} · "
          f"Python {meta['python']} · Textual {meta['textual']} · source {meta['source']}\n", file=out)
    print(table(ordered), file=out)
    if as_json:
        print(json.dumps(ordered, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
