"""The candidates pane: the filtered list, and the candidate form (new, edit).

At start-up the list comes from the listing index (no file read, so the first
frame is quick at 5,000 candidates) and a thread worker then checks every
file's stamp and reads those the index cannot vouch for; at the very first
start (no index) that is every file, seconds at a centre's scale: the pane
shows how far it got and the candidates known so far, and the consultant
may open one meanwhile. The screen is told (``Listed``) each time the list
is whole and verified.
"""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ...services import listing
from ...services.errors import SaveFailed
from .. import texts
from ..dialogs.candidate_form import CandidateFields, CandidateForm
from ..widgets.candidate_list import CandidateList

# Below this many files the listing is read before the first frame, as it
# always was: tens of milliseconds, and the list is whole and verified at once.
SYNC_LIMIT = 200
# Each count and each partial list is a frame the UI thread draws while the
# worker reads (the GIL is shared): a few a second, and partial lists ever
# rarer as they grow (rebuilding 5,000 rows costs more than reading a file).
PROGRESS_EVERY = 0.25  # seconds between two progress counts
FILL_EVERY = 0.7  # seconds before the first partial list, doubled after each


class _Stopped(Exception):
    """The worker's way out of a reading nobody waits for any more."""


class CandidatesPane(Vertical):
    class Listed(Message):
        """The list is whole and verified against the files (problems: those that do not read)."""

        def __init__(self, summaries: list, problems: list, at_start: bool) -> None:
            super().__init__()
            self.summaries = summaries
            self.problems = problems
            self.at_start = at_start

    class _Progress(Message):
        def __init__(self, generation: int, done: int, total: int, known: list | None) -> None:
            super().__init__()
            self.generation = generation
            self.done = done
            self.total = total
            self.known = known

    class _Verified(Message):
        def __init__(self, generation: int, summaries: list | None, problems: list, error: str | None) -> None:
            super().__init__()
            self.generation = generation
            self.summaries = summaries
            self.problems = problems
            self.error = error

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Bumped by every listing: a worker's answer older than a listing
        # done since (a candidate created meanwhile) is dropped.
        self._generation = 0
        # The start-up listing has not been told to the screen yet (its worker
        # runs): a listing done meanwhile is told as the start-up's.
        self._start_pending = False

    def compose(self) -> ComposeResult:
        yield Static(texts.PANE_TITLE.format(name=texts.PANE_CANDIDATES, key="F2"), classes="pane-title")
        yield CandidateList(id="candidate-list")

    # --- the listing ------------------------------------------------------------------

    def list_at_start(self) -> None:
        """Before the first frame: the index's listing shown, or the whole
        listing read when it is small; the rest in a worker after that frame."""
        ws = self.screen.ws
        cached = listing.from_index(ws)
        count = len(cached) if cached is not None else listing.file_count(ws)
        if count is None or count <= SYNC_LIMIT:
            self.list_now(at_start=True)
            return
        candidates = self.query_one(CandidateList)
        if cached is not None:
            self.screen.summaries = cached
            candidates.set_candidates(cached, ws.phases.label)
        else:
            candidates.show_progress(None)
        self._generation += 1
        self._start_pending = True
        generation = self._generation
        self.call_after_refresh(
            self.run_worker, lambda: self._verify(generation, ws), thread=True, group="listing", exit_on_error=False
        )

    def list_now(self, at_start: bool = False) -> None:
        """The listing verified, read here and now (after a change made here: a new candidate, a new name)."""
        self._generation += 1
        summaries, problems = self.screen.ws.summaries()
        self._show(summaries, problems, at_start or self._start_pending)

    def _show(self, summaries: list, problems: list, at_start: bool) -> None:
        self._start_pending = False
        candidates = self.query_one(CandidateList)
        candidates.reading_done()
        self.screen.summaries = summaries
        candidates.set_candidates(summaries, self.screen.ws.phases.label)
        self.post_message(self.Listed(summaries, problems, at_start))

    def _verify(self, generation: int, ws) -> None:
        """In a thread: the listing verified, told as it goes."""
        last = {"count": 0.0, "fill": time.monotonic(), "wait": FILL_EVERY}

        def progress(done: int, total: int, known: list) -> None:
            if not self.is_running or generation != self._generation:
                # The pane is gone (the app quits, a hang-up: stop at this
                # file rather than hold the exit for the whole reading), or a
                # listing done since made this one useless.
                raise _Stopped
            now = time.monotonic()
            if now - last["count"] < PROGRESS_EVERY and done < total:
                return
            last["count"] = now
            partial = None
            if now - last["fill"] >= last["wait"]:
                last["fill"], last["wait"] = now, last["wait"] * 2
                partial = list(known)
            self.post_message(self._Progress(generation, done, total, partial))

        try:
            summaries, problems = listing.verified(ws, progress)
        except _Stopped:
            return
        except Exception as exc:  # the folder cannot be read: said, the index's list stays
            self.post_message(self._Verified(generation, None, [], str(exc)))
            return
        self.post_message(self._Verified(generation, summaries, problems, None))

    @on(_Progress)
    def _progress(self, message: _Progress) -> None:
        if message.generation != self._generation:
            return
        candidates = self.query_one(CandidateList)
        if message.known is not None:
            self.screen.summaries = message.known
            candidates.set_candidates(message.known, self.screen.ws.phases.label)
        candidates.show_progress(message.done, message.total)

    @on(_Verified)
    def _verified(self, message: _Verified) -> None:
        if message.generation != self._generation:
            return
        if message.summaries is None:
            self.query_one(CandidateList).reading_done()
            self.notify(message.error, severity="error", timeout=15, markup=False)
            return
        self._show(message.summaries, message.problems, at_start=True)

    # --- opening, creating, editing ------------------------------------------------------

    @on(CandidateList.Chosen)
    def _chosen(self, event: CandidateList.Chosen) -> None:
        self.screen.open_candidate(event.candidate_id)
        self.screen.show_pane("timeline" if self.screen.has_class("-narrow") else "notes")

    def new_candidate(self) -> None:
        screen = self.screen
        current = screen.current
        consultant = current.record.candidate.consultant if current else ""
        form = CandidateForm(screen.today, [s.name for s in screen.summaries], default_consultant=consultant)
        self.app.push_screen(form, self._create)

    def _create(self, fields: CandidateFields | None) -> None:
        if fields is None:
            return
        screen = self.screen
        try:
            candidate_id = screen.ws.create_candidate(candidate_values(fields))
        except SaveFailed as exc:
            screen.notify(str(exc), severity="error", timeout=15)
            return
        screen.reload_candidates()
        self.query_one(CandidateList).select(candidate_id)
        screen.open_candidate(candidate_id)
        screen.show_pane("timeline")

    def edit_candidate(self) -> None:
        screen = self.screen
        if not screen.writable():
            return
        candidate = screen.current.record.candidate
        others = [s.name for s in screen.summaries if s.id != candidate.id]
        self.app.push_screen(CandidateForm(screen.today, others, candidate=candidate), self._edit)

    def _edit(self, fields: CandidateFields | None) -> None:
        screen = self.screen
        if fields is None or screen.current is None:
            return
        if not screen.apply(lambda: screen.current.edit_candidate(candidate_values(fields))):
            return  # refused (a bilan closed meanwhile): said by apply
        try:
            screen.current.save_now()  # the list is read from disk: the new name must be there
        except SaveFailed:
            return  # the save worker reports it
        screen.reload_candidates()


def candidate_values(fields: CandidateFields) -> dict:
    return {
        "name": fields.name,
        "contact": fields.contact,
        "consultant": fields.consultant,
        "funding": fields.funding,
        "consent_date": fields.consent_date,
        "keep_documents_consent": fields.keep_documents_consent,
        "synthesis_to_adviser": fields.synthesis_to_adviser,
        "agreement_sent_date": fields.agreement_sent_date,
        "agreement_date": fields.agreement_date,
        "start_date": fields.start_date,
        "hours_budget": fields.hours_budget,
    }
