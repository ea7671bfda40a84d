"""The overview across every candidate: the workspace's first screen (issue 13).

The week's séances, what is due and what needs attention, one line per item
under French section headings (the sections and their rules are
``domain/overview.py``'s, read through ``services/overview.py``). Enter or a
click on a line opens its candidate in the workspace beneath, on the pane
where the line's matter is (the roadmap for a deadline, the timeline for
the rest); Échap or F2 goes to the candidate list (F3–F5 to the other
panes, ctrl+n to the new-candidate form: the workspace's own keys, which
leave this screen); F11 in the workspace comes back here.

It names other candidates, so it is never shown in presentation mode: ctrl+t
is refused here with a sentence saying why, and the workspace refuses F11
while presenting (``SeanceApp.check_action``, ``bindings.IN_PRESENTATION``).

The files are read in a thread worker (seconds at 5,000 candidates the
first time, then from the cache dir): the screen's first frame never waits
for them, and a line says how far the reading is.
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ... import paths
from ...domain.dates import format_date, format_date_long
from ...domain.text import one_line
from ...services.overview import Overview, OverviewLine, Section, overview_cache_file, read_overview
from .. import bindings, texts

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# Where a line's candidate opens: the pane its matter is on.
LANDING = {Section.OVERDUE_DEADLINES: "roadmap"}
DEFAULT_LANDING = "timeline"
# Lines shown per section; the rest are counted on one line. A consultant's
# sections hold a few lines; a centre's generated 5,000 files hold 28,000
# overdue deadlines, which no one reads on a screen (and an OptionList of
# 31,000 options takes most of a minute to lay out).
MAX_SHOWN = 100


class OverviewLines(OptionList):
    """The sections and their lines; a heading or an empty-state line cannot be chosen."""

    BINDINGS = [bindings.OVERVIEW[0]]


class OverviewScreen(Screen):
    BINDINGS = [*bindings.OVERVIEW[1:], *bindings.OVERVIEW_FROM_WORKSPACE]
    PALETTE_SECTIONS = ((bindings.OVERVIEW, None), (bindings.OVERVIEW_FROM_WORKSPACE, None))

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Loaded(Message):
        def __init__(self, view: Overview | None, problems: list, error: str | None = None) -> None:
            super().__init__()
            self.view = view
            self.problems = problems
            self.error = error

    def __init__(self, workspace_screen) -> None:
        super().__init__(id="overview")
        self.workspace_screen = workspace_screen
        self.view: Overview | None = None
        # Not « loading »: that is Textual's own (a spinner over the screen).
        self.reading = True
        # The line each option stands for, by option id.
        self._lines: dict[str, OverviewLine] = {}
        # The workspace's open candidate when a dialog covered this screen.
        self._covered_with: object = _NOT_COVERED

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-top"):
            yield Static(id="overview-title")
            yield Static(Content(texts.OVERVIEW_LOADING_START), id="overview-progress")
            yield Static(Content.styled(texts.OVERVIEW_HINT, "dim"), id="overview-hint")
        yield OverviewLines(id="overview-lines")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_title()
        # Focused from the start, not once read: a focus change then would
        # rebuild the footer in the frame that shows the lines.
        self.query_one(OverviewLines).focus()
        self.reload()

    def _show_title(self) -> None:
        today = self.workspace_screen.today()
        title = texts.OVERVIEW_TODAY.format(weekday=WEEKDAYS[today.weekday()], date=format_date_long(today))
        self.query_one("#overview-title", Static).update(Content.styled(title, "bold"))

    # --- reading --------------------------------------------------------------------

    def reload(self) -> None:
        """Reads every file again (the cache spares the unchanged ones)."""
        self.reading = True
        progress = self.query_one("#overview-progress", Static)
        progress.display = True
        progress.update(Content(texts.OVERVIEW_LOADING_START))
        self._read(self.workspace_screen.now())

    @work(thread=True, exclusive=True, group="overview")
    def _read(self, now) -> None:
        data_dir = self.workspace_screen.ws.data_dir
        cache_file = overview_cache_file(paths.resolve_cache_dir(None), data_dir)
        try:
            view, problems = read_overview(
                data_dir, now, cache_file, progress=lambda done, total: self.post_message(self.Progress(done, total)),
            )
        except Exception as exc:  # a data dir gone or unreadable: said, and the workspace stays usable
            self.post_message(self.Loaded(None, [], str(exc)))
            return
        self.post_message(self.Loaded(view, problems))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if self.reading:
            self.query_one("#overview-progress", Static).update(
                Content(texts.OVERVIEW_LOADING.format(done=message.done, total=message.total))
            )

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.reading = False
        self.query_one("#overview-progress", Static).display = False
        if message.error is not None:
            self.notify(texts.OVERVIEW_FAILED.format(error=message.error), severity="error", markup=False)
            return
        self.view = message.view
        self._show(message.view)
        for problem in message.problems:
            self.notify(str(problem), severity="error", timeout=15, markup=False)

    def _show(self, view: Overview) -> None:
        self._show_title()
        options: list[Option] = []
        self._lines = {}
        if not view.lines():
            options.append(Option(Content(texts.OVERVIEW_ALL_CLEAR), disabled=True))
        else:
            for section, lines in view.sections.items():
                options += self._section(section, lines)
        widget = self.query_one(OverviewLines)
        widget.set_options(options)
        first = next((i for i, option in enumerate(options) if not option.disabled), None)
        widget.highlighted = first

    def _section(self, section: Section, lines: list[OverviewLine]) -> list[Option]:
        heading = texts.OVERVIEW_SECTION.format(title=section.title, count=len(lines))
        if not lines:
            empty = texts.OVERVIEW_EMPTY[section.value]
            shown = Content.assemble((heading, "bold dim"), (" — " + empty, "dim"))
            return [Option(shown, disabled=True)]
        options = [Option(Content.styled(heading, "bold $accent"), disabled=True)]
        for k, line in enumerate(lines[:MAX_SHOWN]):
            option_id = f"{section.value}-{k}"
            self._lines[option_id] = line
            options.append(Option(_shown(line), id=option_id))
        if len(lines) > MAX_SHOWN:
            more = f"{len(lines) - MAX_SHOWN:,}".replace(",", "\u202f")
            options.append(Option(Content.styled(texts.OVERVIEW_MORE.format(count=more), "dim"), disabled=True))
        return options

    # --- keys ---------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#overview-lines")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        line = self._lines.get(event.option_id or "")
        if line is not None:
            self.open_line(line)

    def open_line(self, line: OverviewLine) -> None:
        """The line's candidate, by id (homonyms exist), in the workspace beneath."""
        workspace = self.workspace_screen
        self.app.pop_screen()
        workspace.open_candidate(line.candidate_id)
        workspace.show_pane(LANDING.get(line.section, DEFAULT_LANDING))
        if line.item is not None:
            workspace.select_roadmap_item(line.item)  # the overdue objective itself, not the first row

    def action_to_candidates(self) -> None:
        self.action_focus_pane("candidates")

    def action_focus_pane(self, name: str) -> None:
        """F2–F5: the workspace, on that pane (of the candidate open, if any)."""
        workspace = self.workspace_screen
        self.app.pop_screen()
        workspace.show_pane(name)

    def action_new_candidate(self) -> None:
        """ctrl+n: the workspace's new-candidate form, from the list."""
        workspace = self.workspace_screen
        self.app.pop_screen()
        workspace.show_pane("candidates")
        workspace.action_new_candidate()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_refuse_presentation(self) -> None:
        self.notify(texts.OVERVIEW_NO_PRESENTATION, severity="warning", timeout=8, markup=False)

    def palette_allows(self, action: str, target: str | None) -> bool:
        return True

    # --- covered by a dialog ------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        if self in self.app.screen_stack and self.app.screen is not self:  # covered, not left
            self._covered_with = self.workspace_screen.current

    def on_screen_resume(self) -> None:
        self.query_one(OverviewLines).focus()
        covered_with, self._covered_with = self._covered_with, _NOT_COVERED
        if covered_with is not _NOT_COVERED:
            # A dialog above us (the séance left open, offered back at start)
            # may open a candidate in the workspace beneath; it does so once the
            # dialog is gone, in a step already scheduled: look just after it.
            self.set_timer(0.05, lambda: self._give_way_if_opened(covered_with))

    def _give_way_if_opened(self, covered_with) -> None:
        if self.app.screen is self and self.workspace_screen.current not in (None, covered_with):
            self.app.pop_screen()


_NOT_COVERED = object()


def _shown(line: OverviewLine) -> Content:
    """``02/12/2026  Zoé Lefèvre — séance n° 5 le 02/12/2026``: the day, the
    name as typed (markup never read, controls visible: ``one_line``), what is due."""
    day = format_date(line.day) if line.day else " " * 10
    name = one_line(line.name)
    text = f"{day}  {name} — {one_line(line.what)}"
    start = len(day) + 2
    return Content(text, spans=[Span(0, len(day), "dim"), Span(start, start + len(name), "bold")])
