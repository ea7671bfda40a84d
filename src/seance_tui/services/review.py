"""What review mode reads, without any Textual: the data dir opened read-only,
the derived search index in the cache dir, and the documents shown.

Nothing here can write to the data dir: it holds a ReadOnlyStore only.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..domain.dates import format_date
from ..domain.changelog import describe_changes
from ..domain.model import ChangeKind
from ..domain.phases import PhaseSet, load_phases
from ..domain.record import CandidateRecord
from ..storage.errors import Problem
from ..storage.index import CandidateSummary, Stamp, stamp_of
from ..search.hits import SearchHit
from ..search.index import SearchIndex, SearchIndexUnavailable, default_index_path, prune_orphan_indexes
from ..search.scan import scan_search
from ..storage.layout import Layout
from ..storage.permissions import PermissionReport, make_cache_dir_private, make_data_dir_private
from ..storage.store import ReadOnlyStore
from .purge import settle_interrupted_purges

if TYPE_CHECKING:  # export (Markdown) is loaded when a séance is first read, not at start
    from ..export.blocks import SeanceFacts

Clock = Callable[[], datetime]

# What review's roadmap screen lists: the roadmap's own changes and going past
# the hours budget (the séance and checklist changes are in the full history).
ROADMAP_LOG_KINDS = frozenset(
    {
        ChangeKind.ROADMAP_ADDED,
        ChangeKind.ROADMAP_MODIFIED,
        ChangeKind.ROADMAP_STATUS,
        ChangeKind.ROADMAP_DELETED,
        ChangeKind.ROADMAP_MOVED,
        ChangeKind.BUDGET_EXCEEDED,
    }
)


@dataclass(frozen=True)
class RoadmapChange:
    at: datetime
    seance: int | None
    text: str


@dataclass(frozen=True)
class SeanceView:
    candidate: str
    number: int
    facts: SeanceFacts
    body: str  # Markdown: the summary's sections and its ending, for Audience.CENTRE
    searched_sections: tuple[str, ...]  # the body's level-2 titles over the text a search looks in
    has_private: bool  # the notes or next steps hold a private part, shown here


class Review:
    def __init__(self, data_dir: Path, cache_dir: Path, clock: Clock = datetime.now) -> None:
        # A purge a kill interrupted is finished or undone first: review never
        # shows half a purge. The one write review may make to the data dir.
        self.settled_purges = settle_interrupted_purges(data_dir, cache_dir)
        self.store = ReadOnlyStore(data_dir)
        self.phases: PhaseSet = load_phases(Layout(data_dir).phases_file())
        self.clock = clock
        self.cache_dir = cache_dir
        self.index_path = default_index_path(cache_dir, data_dir)
        self._index: SearchIndex | None = None
        # Review never writes to the data dir: what others can read there is only
        # reported. The cache dir is review's own: tightened.
        self.permissions = PermissionReport(left_open=make_data_dir_private(data_dir, fix=False).left_open)
        self.permissions.extend(make_cache_dir_private(cache_dir))
        self._index_ready = threading.Event()

    # --- candidates and their files -------------------------------------------

    def candidates(self) -> tuple[list[CandidateSummary], list[Problem]]:
        summaries, problems = self.store.summaries(self.phases, self.clock())
        summaries.sort(key=lambda s: (s.last_seance_date is not None, s.last_seance_date), reverse=True)
        return summaries, problems

    def load(self, candidate_id: str) -> tuple[CandidateRecord, Stamp]:
        return self.store.load_stamped(candidate_id)

    def stamp(self, candidate_id: str) -> Stamp | None:
        return self.store.stamps()[0].get(candidate_id)

    def file_stamp(self, candidate_id: str) -> Stamp | None:
        """One candidate's stamp from one stat (review's look at the file on screen); None if unreadable."""
        try:
            return stamp_of(os.stat(self.store.path_of(candidate_id)))
        except (OSError, ValueError):
            return None

    def seance_document(self, record: CandidateRecord, number: int) -> str:
        """The séance as the consultant wrote it, private part included: reviewers are professionals."""
        from ..export.document import Audience  # not needed for the first frame
        from ..export.summary import seance_summary

        return seance_summary(record, number, self.phases, self.clock(), audience=Audience.CENTRE)

    def qualiopi_document(self, record: CandidateRecord) -> str:
        """The Qualiopi trace pack (export/qualiopi.py): shown, never written to a file here."""
        from ..export.qualiopi import qualiopi_pack  # not needed for the first frame

        return qualiopi_pack(record, self.phases, self.clock())
    def seance_view(self, record: CandidateRecord, number: int) -> SeanceView:
        """What review's séance view shows: the summary's facts for a compact
        header, and its sections (private parts kept) as the body."""
        from ..domain.privacy import private_spans, split_lines
        from ..export.blocks import seance_fact_values
        from ..export.document import Audience
        from ..export.summary import SEARCHED_SECTIONS, seance_body

        seance = record.seance(number)
        now = self.clock()
        private = any(private_spans(split_lines(text)) for text in (seance.notes, seance.next_steps))
        return SeanceView(
            candidate=record.candidate.name,
            number=number,
            facts=seance_fact_values(record, seance, self.phases, now),
            body=seance_body(record, number, self.phases, now, Audience.CENTRE),
            searched_sections=SEARCHED_SECTIONS,
            has_private=private,
        )

    # --- search ----------------------------------------------------------------

    def build_index(self, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
        """Build or refresh the index; the first build may take minutes at centre scale."""
        try:
            if self._index is None:
                # Indexes of data dirs gone since (deleted --demo copies) hold
                # séance text nobody can reach through seance any more.
                try:
                    prune_orphan_indexes(self.index_path.parent)
                except (OSError, ValueError):
                    pass  # best effort: an orphan left costs disk, never a search
                self._index = SearchIndex(self.index_path, self.store)
            report = self._index.refresh(progress)
        except sqlite3.OperationalError as exc:  # locked by another reviewer, disk full
            raise SearchIndexUnavailable(self.index_path, exc) from exc
        except sqlite3.DatabaseError as exc:
            # Not a database any more (corrupt, or a foreign file): derived data,
            # the files are the truth; it is built again from them next time.
            self._drop_index()
            raise SearchIndexUnavailable(self.index_path, exc) from exc
        self._index_ready.set()
        return report.problems

    def _drop_index(self) -> None:
        self._index_ready.clear()
        if self._index is not None:
            try:
                self._index.close()
            except sqlite3.Error:
                pass
            self._index = None
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{self.index_path}{suffix}")
            except OSError:
                pass

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """From the index once built; until then, a plain scan of every file (slower, same answers)."""
        if self._index_ready.is_set() and self._index is not None:
            try:
                return self._index.search(query, limit)
            except sqlite3.Error:
                self._drop_index()  # rebuilt at the next refresh; meanwhile the files answer
        return scan_search(self.store, query, limit)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()


def roadmap_changes(record: CandidateRecord, phases: PhaseSet) -> list[RoadmapChange]:
    """The feuille de route's history, oldest first, worded as the full history
    export words it (one describer, the objective named as it read then)."""
    return [
        RoadmapChange(change.event.at, change.event.seance, change.text)
        for change in describe_changes(record.events, record.roadmap, phases)
        if change.event.kind in ROADMAP_LOG_KINDS
    ]


def when(moment: datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"
