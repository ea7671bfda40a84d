"""A realistic synthetic data dir for the benchmarks, deterministic from a seed.

    python tests/benchmarks/generate.py DIR --seances 50000 [--seed 1] [--jobs 2]

Writes ``DIR/candidates/<id>.json`` exactly as the storage does
(``record_to_tables`` then the bytes of ``write_json_atomically``; the first
file goes through ``write_json_atomically`` itself and the others are checked
to use the same encoding, without its two fsyncs per file). About ten séances
per candidate (50,000 séances = 5,000 candidates), the five phases, dates
over five years, notes of 3 to 15 KB of French Markdown with accents and both
apostrophes, feuilles de route of 3 to 15 items with their change log,
checklists ticked as the bilan goes.

Every candidate is made from its own random stream (seed, index): candidate
``i`` is the same file in a store of 1,000 séances and in one of 50,000, so the
two sizes compare like with like.

Planted for the benchmarks:
- candidate 1 (and every 500th after it) has 20 séances: "opening a candidate
  with 20 séances" in review;
- candidate 3 has 40 séances and candidate 4's séance 2 has a 60 KB note
  (issue 14: review's séance view of a long history and of a long note; only
  those two candidates' own streams change);
- rare words (``french.RARE_WORDS``) in one séance of a few candidates;
- "projet" is a frequent word: it is in almost every séance.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, time as clock_time, timedelta
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import french  # noqa: E402

from seance_tui import paths  # noqa: E402
from seance_tui.domain import record as record_module  # noqa: E402
from seance_tui.domain.model import (  # noqa: E402
    Candidate,
    CandidateStatus,
    FundingRoute,
    RoadmapStatus,
    Seance,
    SeanceStatus,
)
from seance_tui.domain.phases import PhaseSet, load_phases  # noqa: E402
from seance_tui.domain.record import CandidateRecord  # noqa: E402
from seance_tui.domain.slug import candidate_slug  # noqa: E402
from seance_tui.storage.atomic import FILE_MODE, make_private_dir, write_json_atomically  # noqa: E402
from seance_tui.storage.codec import record_to_tables  # noqa: E402
from seance_tui.storage.jsonfile import encode_json  # noqa: E402

SEANCES_PER_CANDIDATE = 10
WINDOW_START = date(2021, 9, 1)
WINDOW_DAYS = 5 * 365
WINDOW_END = WINDOW_START + timedelta(days=WINDOW_DAYS)
TWENTY_SEANCES_EVERY = 500  # candidate 1, 501, 1001…
NOTE_MIN, NOTE_MODE, NOTE_MAX = 3_000, 6_500, 15_000  # bytes of UTF-8
FORTY_SEANCES_INDEX = 3  # a candidate with 40 séances
LONG_NOTE_INDEX, LONG_NOTE_SEANCE, LONG_NOTE_BYTES = 4, 2, 60_000  # one séance with a 60 KB note
LONG_HISTORY_DAYS = 500  # those two start early enough for every séance to be held


def candidate_count(seances: int) -> int:
    return max(1, round(seances / SEANCES_PER_CANDIDATE))


def twenty_seance_candidate_index() -> int:
    return 1


# --- notes ----------------------------------------------------------------------


def _template_headings(phases: PhaseSet) -> dict[str, list[str]]:
    headings = {}
    for phase in phases:
        try:
            text = paths.template_file(phase.key).read_text(encoding="utf-8")
        except OSError:
            text = ""
        found = [line for line in text.splitlines() if line.startswith("#")]
        headings[phase.key] = [h for h in found if "Privé" not in h] or ["## Déroulement de la séance"]
    return headings


def _paragraph(rng: random.Random) -> str:
    sentences = [french.sentence(rng) for _ in range(rng.randint(3, 7))]
    if rng.random() < 0.2:
        i = rng.randrange(len(sentences))
        words = sentences[i].split(" ")
        j = rng.randrange(len(words))
        words[j] = f"**{words[j]}**"
        sentences[i] = " ".join(words)
    return " ".join(sentences)


def _bullets(rng: random.Random) -> str:
    numbered = rng.random() < 0.2
    lines = []
    for n in range(1, rng.randint(3, 6) + 1):
        mark = f"{n}." if numbered else "-"
        lines.append(f"{mark} {french.sentence(rng, 4, 12)}")
    return "\n".join(lines)


def notes_text(rng: random.Random, headings: list[str], target: int, plant: str | None = None,
               limit: int = NOTE_MAX) -> str:
    """Markdown of about ``target`` bytes (3 to 15 KB), under the phase's headings."""
    blocks: list[str] = []
    size = 0
    per_section = target / (len(headings) + 1)
    for heading in headings:
        blocks.append(heading)
        size += len(heading.encode()) + 2
        section = 0
        while section < per_section:
            block = _bullets(rng) if rng.random() < 0.3 else _paragraph(rng)
            if rng.random() < 0.05:
                block = "> " + block
            blocks.append(block)
            section += len(block.encode()) + 2
        size += section
    while size < target - 200:
        block = _paragraph(rng)
        blocks.append(block)
        size += len(block.encode()) + 2
    blocks.append("## Privé")
    blocks.append("_" + french.sentence(rng, 5, 14) + "_")
    if plant:
        i = rng.randrange(1, len(blocks) - 2)
        blocks[i] = blocks[i] + f" Piste évoquée en fin d’entretien : {plant}, à explorer par une enquête."
    text = "\n\n".join(blocks) + "\n"
    raw = text.encode()
    if len(raw) > limit:  # keep to the 15 KB bound, cut at a line
        text = raw[:limit].decode("utf-8", errors="ignore").rsplit("\n", 1)[0] + "\n"
    return text


# --- one candidate --------------------------------------------------------------------


def _phase_plan(rng: random.Random, seances: int | None) -> list[str]:
    plan = ["preliminaire"] + ["investigation"] * rng.randint(4, 6)
    plan += ["conclusion"] * rng.randint(1, 2) + ["synthese"] * rng.randint(1, 2)
    plan += ["accompagnement"] * rng.randint(0, 2)
    if seances:
        plan += ["accompagnement"] * (seances - len(plan))
    return plan


def build_record(index: int, seed: int, phases: PhaseSet, headings: dict[str, list[str]]) -> CandidateRecord:
    rng = random.Random(f"seance-bench:{seed}:{index}")
    # Roadmap item ids come from the domain's new_id (uuid4): made reproducible here.
    record_module.new_id = lambda: f"{rng.getrandbits(48):012x}"

    first, last = rng.choice(french.FIRST_NAMES), rng.choice(french.LAST_NAMES)
    name = f"{first} {last}"
    candidate_id = f"{candidate_slug(name)[:40]}-{index:05d}"
    start_day = WINDOW_START + timedelta(days=rng.randrange(WINDOW_DAYS))
    funding = rng.choices(list(FundingRoute), weights=[55, 20, 8, 12, 5])[0]
    twenty = index % TWENTY_SEANCES_EVERY == twenty_seance_candidate_index()
    forty, long_note = index == FORTY_SEANCES_INDEX, index == LONG_NOTE_INDEX
    if forty or long_note:  # every séance held before the window ends
        start_day = min(start_day, WINDOW_END - timedelta(days=LONG_HISTORY_DAYS))
    candidate = Candidate(
        id=candidate_id,
        name=name,
        consultant=rng.choice(french.CONSULTANTS),
        funding=funding,
        consent_date=start_day,
        agreement_date=start_day - timedelta(days=rng.randint(2, 9)) if funding.employer_funded else None,
        start_date=start_day,
        contact=f"{candidate_slug(first)}.{candidate_slug(last)}@example.fr · 06 {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        hours_budget=120.0 if forty else 40.0 if twenty else 24.0,
    )
    record = CandidateRecord(candidate=candidate)

    plan = _phase_plan(rng, 40 if forty else 20 if twenty else None)
    abandoned = not (twenty or forty or long_note) and rng.random() < 0.03
    if abandoned:
        plan = plan[: rng.randint(2, len(plan) - 1)]
    plants = [w for w, (every, rest) in french.RARE_WORDS.items() if index % every == rest]
    plant_at = {rng.randrange(len(plan)): w for w in plants}

    day = start_day
    used = timedelta(0)
    budget = timedelta(hours=candidate.hours_budget)
    planned_from = len(plan)
    for position, phase in enumerate(plan):
        if position:
            day += timedelta(days=rng.randint(5, 12))
        if day > WINDOW_END and planned_from == len(plan):
            planned_from = position
        if position >= planned_from:
            record.seances.append(
                Seance(number=position + 1, phase=phase, status=SeanceStatus.PLANNED, planned_date=day)
            )
            continue
        begin = datetime.combine(day, clock_time(rng.choice([9, 9, 10, 14, 14, 15]), rng.choice([0, 0, 30])))
        length = timedelta(minutes=rng.choice([90, 105, 120, 120, 150, 180]))
        length = max(min(length, budget - used - timedelta(minutes=30)), timedelta(minutes=45))
        target = int(rng.triangular(NOTE_MIN + 200, NOTE_MAX - 400, NOTE_MODE))
        limit = NOTE_MAX
        if long_note and position + 1 == LONG_NOTE_SEANCE:
            target = limit = LONG_NOTE_BYTES
        notes = notes_text(rng, headings[phase], target, plant_at.get(position), limit)
        seance = record.start_seance(phase, begin, notes=notes)
        pause = None
        if rng.random() < 0.3:
            pause = begin + length / 2
            record.pause_seance(seance.number, pause)
            resume = pause + timedelta(minutes=rng.choice([10, 15, 20]))
            # A séance paused at or past the budget resumes only by the consultant's decision (L6313-4).
            if record.held_at_budget(seance.number, resume):
                record.continue_past_budget(seance.number, resume)
            else:
                record.resume_seance(seance.number, resume)
        end = begin + length + (timedelta(minutes=15) if pause else timedelta(0))
        if phase == "investigation":
            seance.tools = rng.sample(french.TOOLS, rng.randint(1, 3))
        seance.next_steps = french.sentence(rng, 6, 16)
        _checklist(rng, record, phases, phase, seance.number, begin + length / 3)
        _roadmap(rng, record, phase, seance.number, begin + length / 2, day)
        record.close_seance(seance.number, end)
        used += length
        if position + 1 < len(plan):
            seance.next_seance_date = day + timedelta(days=7)
    if abandoned:
        candidate.status = CandidateStatus.ABANDONED
    elif planned_from == len(plan):
        candidate.status = CandidateStatus.COMPLETED
    return record


def _checklist(rng, record: CandidateRecord, phases: PhaseSet, phase: str, number: int, at: datetime) -> None:
    items = phases.get(phase).checklist if phases.get(phase) else ()
    for item in items:
        if item.key not in record.checklist.get(phase, {}) and rng.random() < 0.6:
            record.set_checklist_item(phase, item.key, True, at, number)
            at += timedelta(minutes=rng.randint(3, 20))


def _roadmap(rng, record: CandidateRecord, phase: str, number: int, at: datetime, day: date) -> None:
    if phase == "synthese" and not record.roadmap:
        for _ in range(rng.randint(3, 15)):
            record.add_roadmap_item(
                rng.choice(french.OBJECTIVES), at, number,
                means=rng.choice(french.MEANS),
                deadline=day + timedelta(days=rng.randint(20, 360)) if rng.random() < 0.85 else None,
            )
            at += timedelta(minutes=rng.randint(2, 8))
    elif phase == "synthese" and record.roadmap:
        item = rng.choice(record.roadmap)
        record.edit_roadmap_item(item.id, at, number, means=rng.choice(french.MEANS))
        if len(record.roadmap) > 1 and rng.random() < 0.5:
            record.move_roadmap_item(record.roadmap[-1].id, -1, at, number)
    elif phase == "accompagnement" and record.roadmap:
        for item in rng.sample(record.roadmap, min(len(record.roadmap), rng.randint(1, 4))):
            following = rng.choice([RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED])
            if following is not item.status:
                record.set_roadmap_status(item.id, following, at, number)
                at += timedelta(minutes=rng.randint(2, 8))


# --- writing -----------------------------------------------------------------------------

_PHASES: PhaseSet | None = None
_HEADINGS: dict[str, list[str]] = {}


def _init_worker() -> None:
    global _PHASES, _HEADINGS
    _PHASES = load_phases(paths.phases_file())
    _HEADINGS = _template_headings(_PHASES)


def _write_chunk(job: tuple[str, int, list[int]]) -> tuple[int, int, int]:
    """Writes candidates; returns (candidates, séances, bytes)."""
    folder, seed, indices = job
    if _PHASES is None:
        _init_worker()
    folder_path = Path(folder)
    seances = size = 0
    for index in indices:
        record = build_record(index, seed, _PHASES, _HEADINGS)
        path = folder_path / f"{record.candidate.id}.json"
        tables = record_to_tables(record)
        if index == 0:
            write_json_atomically(path, tables)  # the storage's own path, fsyncs included
            assert path.read_bytes() == encode_json(tables), "fast path and storage differ"
            size += path.stat().st_size
        else:
            payload = encode_json(tables)  # the bytes write_json_atomically writes
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with os.fdopen(fd, "wb") as file:
                file.write(payload)
            size += len(payload)
        seances += len(record.seances)
    return len(indices), seances, size


def generate(data_dir: Path, seances: int, seed: int = 1, jobs: int | None = None, quiet: bool = False) -> dict:
    candidates_dir = data_dir / "candidates"
    if candidates_dir.exists() and any(candidates_dir.iterdir()):
        raise SystemExit(f"{candidates_dir} n'est pas vide : choisissez un dossier neuf.")
    make_private_dir(candidates_dir)
    count = candidate_count(seances)
    chunk = 40
    work = [(str(candidates_dir), seed, list(range(i, min(i + chunk, count)))) for i in range(0, count, chunk)]
    jobs = jobs or min(os.cpu_count() or 1, 4)
    started = time.perf_counter()
    totals = [0, 0, 0]
    if jobs == 1 or len(work) == 1:
        _init_worker()
        results = map(_write_chunk, work)
    else:
        pool = Pool(jobs, initializer=_init_worker)
        results = pool.imap_unordered(_write_chunk, work)
    for done in results:
        for i, value in enumerate(done):
            totals[i] += value
        if not quiet and totals[0] % 1000 < chunk:
            print(f"  {totals[0]}/{count} candidats", file=sys.stderr, flush=True)
    if not (jobs == 1 or len(work) == 1):
        pool.close()
        pool.join()
    return {
        "candidates": totals[0],
        "seances": totals[1],
        "bytes": totals[2],
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, metavar="DIR")
    parser.add_argument("--seances", type=int, required=True, metavar="N", help="about N séances (N/10 candidates)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: the cores, at most 4)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    totals = generate(args.data_dir, args.seances, args.seed, args.jobs, args.quiet)
    print(
        f"{args.data_dir}: {totals['candidates']} candidats, {totals['seances']} séances, "
        f"{totals['bytes'] / 1e6:.1f} Mo en {totals['seconds']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
