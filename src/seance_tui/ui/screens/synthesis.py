"""The synthesis editor (F12): the six sections of the document de synthèse
of the candidate open in the workspace, one at a time in the notes' editor.

The screen shows and forwards: the rules are domain/synthesis.py's, the use
cases services/synthesis.py's. Every keystroke goes into the record and to the
workspace's one ``Saver`` (autosave, retry); the workspace flushes this
screen's text (``overlay``) before any save, on quit and on a crash, and a
quit waits for the keys already sent here. Keys that change what the editor
holds (another section, the draft, the hand-over, Échap) are queued on the
editor behind the keys typed before them, so that none lands in the wrong
section.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ...domain.dates import format_date_long
from ...services.synthesis import SECTIONS, RuleError, SaveFailed, SynthesisSession
from .. import bindings, texts
from ...services.exports import Document
from ..dialogs.choice import ChoiceDialog, confirm
from ..pdf_offer import write_pdf
from ..widgets.notes import NotesEditor
from ..widgets.plain import plain
from ..widgets.quiet import QuietStatic


NARROW_WIDTH = 120


class SynthesisScreen(Screen):
    BINDINGS = bindings.SYNTHESIS
    PALETTE_SECTIONS = ((bindings.SYNTHESIS, None),)

    def __init__(self, workspace_screen) -> None:
        super().__init__()
        self.workspace = workspace_screen
        self.session = SynthesisSession(workspace_screen.ws, workspace_screen.current)
        self.key = SECTIONS[0].key
        self._loaded = ""
        self._reason = self.session.read_only_reason()

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        # Messages here quote section titles, paths and error texts: never markup.
        super().notify(message, markup=markup, **options)

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield QuietStatic(id="synthesis-header")
        yield Static(id="synthesis-banner")
        with Horizontal(id="synthesis-body"):
            yield OptionList(*self._options(), id="synthesis-sections")
            with Vertical(id="synthesis-pane"):
                with Horizontal(id="synthesis-editor-header"):
                    yield Static(id="synthesis-section-title")
                    yield QuietStatic(id="synthesis-save-state")
                yield NotesEditor(id="synthesis-editor")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.workspace.overlay = self
        banner = self.query_one("#synthesis-banner", Static)
        banner.display = self._reason is not None
        if self._reason is not None:
            banner.update(plain(texts.SYNTHESIS_READ_ONLY.format(reason=self._reason or texts.SYNTHESIS_LOCKED)))
        self.query_one("#synthesis-save-state").display = self._reason is None
        self.query_one("#synthesis-sections", OptionList).highlighted = 0
        self._load(self.key)
        self._show_state()
        self.editor.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")

    def on_unmount(self) -> None:
        if self.workspace.overlay is self:
            self.workspace.overlay = None

    @property
    def editor(self) -> NotesEditor:
        return self.query_one("#synthesis-editor", NotesEditor)

    def _options(self) -> list[Option]:
        return [Option(self._prompt(s.key, s.title), id=s.key) for s in SECTIONS]

    def _prompt(self, key: str, title: str) -> Content:
        mark = texts.SYNTHESIS_WRITTEN if self.session.text(key).strip() else texts.SYNTHESIS_EMPTY
        return Content(f"{mark} {title}")

    def _refresh_marks(self) -> None:
        sections = self.query_one("#synthesis-sections", OptionList)
        for index, s in enumerate(SECTIONS):
            prompt = self._prompt(s.key, s.title)
            if str(sections.get_option_at_index(index).prompt) != prompt.plain:
                sections.replace_option_prompt_at_index(index, prompt)

    def _show_state(self) -> None:
        number, state = self.session.state()
        version = texts.SYNTHESIS_NO_VERSION if number is None else texts.SYNTHESIS_VERSION.format(
            number=number, state=state
        )
        header = Content(" · ").join(
            [Content.styled(texts.SYNTHESIS_TITLE, "bold"), plain(self.session.name), Content(version)]
        )
        self.query_one("#synthesis-header", QuietStatic).show_content(header)

    def _load(self, key: str) -> None:
        self.key = key
        title = next(s.title for s in SECTIONS if s.key == key)
        self.query_one("#synthesis-section-title", Static).update(Content(title))
        text = self.session.text(key)
        self._loaded = text
        editor = self.editor
        if editor.text != text:
            editor.load_text(text)
            lines = text.split("\n")
            editor.move_cursor((len(lines) - 1, len(lines[-1])))
        editor.read_only = self._reason is not None

    # --- what the workspace asks of it (WorkspaceScreen.overlay) ---------------------------

    def flush(self) -> None:
        """The editor's text into the record, now (a save, a quit, a crash)."""
        if self._reason is None and self.editor.text != self.session.text(self.key):
            self._take(self.editor.text)

    def set_save_state(self, state: str) -> None:
        indicator = next(iter(self.query("#synthesis-save-state").results(QuietStatic)), None)
        if indicator is None:  # the app is closing: nothing to show it on
            return
        indicator.show_content(Content(texts.SAVE_STATE[state]))
        for name in texts.SAVE_STATE:
            indicator.set_class(name == state, f"-{name}")

    def typing_in_notes(self) -> bool:
        """Keys go to the text: ctrl+p typed or pasted there is text (SeanceApp.check_action)."""
        return self.app.focused is self.editor

    # --- typing -----------------------------------------------------------------------------

    @on(TextArea.Changed, "#synthesis-editor")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        # The editor's text, not the event's: a later keystroke may already be in it.
        text = self.editor.text
        if self._reason is not None or text == self._loaded:
            return
        self._loaded = text
        self._take(text)

    def _take(self, text: str) -> None:
        before = self.session.current
        was_handed_over = before is not None and before.handed_over is not None
        try:
            changed = self.session.set_text(self.key, text)
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return
        if not changed:
            return
        if was_handed_over:
            self.notify(texts.SYNTHESIS_NEW_VERSION.format(number=before.number, next=before.number + 1))
            self._show_state()
        self._refresh_marks()
        self.set_save_state("error" if self.workspace.saver.error else "modified")
        self.workspace.saver.changed()

    # --- keys -------------------------------------------------------------------------------

    def _after_keys(self, callback, *args) -> None:
        """Run ``callback`` behind the keys already sent to the editor."""
        self.editor.call_later(callback, *args)

    def action_step_section(self, offset: int) -> None:
        self._after_keys(self._step, offset)

    def _step(self, offset: int) -> None:
        keys = [s.key for s in SECTIONS]
        self._go_to(keys[(keys.index(self.key) + offset) % len(keys)])

    def _go_to(self, key: str) -> None:
        if key == self.key:
            return
        self.flush()
        self._load(key)
        sections = self.query_one("#synthesis-sections", OptionList)
        sections.highlighted = [s.key for s in SECTIONS].index(key)
        self.editor.focus()

    @on(OptionList.OptionSelected, "#synthesis-sections")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._go_to(event.option.id)

    def action_back(self) -> None:
        self._after_keys(self._back)

    def _back(self) -> None:
        self.flush()
        self.workspace.save_now()
        self.workspace.overlay = None
        self.app.pop_screen()
        self.workspace.refresh_after_synthesis()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_draft(self) -> None:
        self._after_keys(self._draft)

    @work
    async def _draft(self) -> None:
        self.flush()
        if self._refused():
            return
        proposed = self.session.propose_draft()
        if not proposed:
            self.notify(texts.SYNTHESIS_NOTHING_TO_DRAFT, severity="warning")
            return
        conflicts = self.session.draft_conflicts(proposed)
        replace = False
        if conflicts:
            titles = ", ".join(f"« {s.title} »" for s in conflicts)
            replace = bool(await self.app.push_screen_wait(confirm(texts.SYNTHESIS_DRAFT_REPLACE.format(sections=titles))))
            self.flush()  # keys typed while the question was open
        try:
            keys = self.session.apply_draft(proposed, replace=replace)
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return
        if not keys:
            self.notify(texts.SYNTHESIS_DRAFT_NOTHING_NEW)
            return
        self._load(self.key)
        self._refresh_marks()
        self._show_state()
        self.workspace.save_now()
        titles = ", ".join(s.title for s in SECTIONS if s.key in keys)
        self.notify(texts.SYNTHESIS_DRAFTED.format(sections=titles))

    def action_hand_over(self) -> None:
        self._after_keys(self._hand_over)

    @work
    async def _hand_over(self) -> None:
        self.flush()
        if self._refused():
            return
        refusal = self.session.hand_over_refusal()
        if refusal is not None:
            self.notify(refusal, severity="warning")
            return
        number = self.session.current.number
        today = self.workspace.today()
        question = texts.SYNTHESIS_HAND_OVER.format(
            number=number, name=self.session.name, date=format_date_long(today), next=number + 1
        )
        # The PDF is asked here, as at a séance's close: a dialog opening by
        # itself after the export would take the keys typed meanwhile.
        answer = await self.app.push_screen_wait(ChoiceDialog(
            question, [(texts.HAND_OVER_WITH_PDF, "pdf"), (texts.YES, "markdown"), (texts.NO, None)], default=2,
        ))
        if answer is None:
            return
        self.flush()
        try:
            path = self.session.hand_over(today)
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return
        except SaveFailed as exc:
            self._show_state()
            self.notify(texts.SAVE_FAILED.format(error=exc), severity="error", timeout=15)
            self.workspace.saver.changed()  # the autosave retries the file; the document can be exported again
            return
        self._show_state()
        self.set_save_state("saved")
        self._after_hand_over(path, with_pdf=answer == "pdf")

    def _after_hand_over(self, path: Path, with_pdf: bool) -> None:
        """The version is handed over and its Markdown written to ``path``:
        said, then its PDF written beside it if it was asked for."""
        if with_pdf:
            self.run_worker(
                write_pdf(self, self.workspace.ws.data_dir, path, Document.SYNTHESIS), group="export"
            )
        version = self.session.current
        self.notify(
            texts.SYNTHESIS_HANDED_OVER.format(
                number=version.number, date=format_date_long(version.handed_over), path=path
            ),
            timeout=15, markup=False,
        )

    def _refused(self) -> bool:
        if self._reason is None:
            return False
        self.notify(texts.SYNTHESIS_READ_ONLY.format(reason=self._reason or texts.SYNTHESIS_LOCKED), severity="warning")
        return True
