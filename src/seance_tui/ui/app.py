"""The consultant's workspace application."""

from __future__ import annotations

from textual.app import App
from textual.command import CommandPalette

from .. import paths
from ..domain.text import visible_controls
from ..services.keymap import KeymapFileError, keymap_path, read_keymap
from ..services.workspace import Workspace
from . import bindings, signals, texts
from .commands import WorkspaceCommands
from .crash import WorkspaceCrashGuard
from .keys import binding_key_name
from .privacy import show_permission_notices, show_settled_purges
from .palette import FrenchCommandPalette
from .paste_driver import paste_safe
from .screens.overview import OverviewScreen
from .screens.workspace import WorkspaceScreen


class SeanceApp(WorkspaceCrashGuard, App):
    TITLE = texts.APP_TITLE
    CSS_PATH = paths.stylesheets("workspace.tcss")
    COMMANDS = {WorkspaceCommands}
    BINDINGS = [bindings.PALETTE]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._keymap_problem = self._load_keymap()

    def _load_keymap(self) -> str | None:
        """The data dir's keymap.json, whole or not at all; returns the French
        message for a file that is refused."""
        path = keymap_path(self.workspace.data_dir)
        try:
            keymap = read_keymap(self.workspace.data_dir)
        except KeymapFileError as exc:
            keymap = {}
            reason = exc.reason or (
                texts.KEYMAP_BAD_KEYS.format(entry=exc.bad_entry) if exc.bad_entry is not None
                else texts.KEYMAP_NOT_A_MAP
            )
        else:
            unknown = sorted(set(keymap) - bindings.workspace_ids())
            reason = texts.KEYMAP_UNKNOWN_IDS.format(ids=", ".join(unknown)) if unknown else None
            if unknown:  # most likely a typo: all of the file or none of it
                keymap = {}
        bindings.use_keymap(keymap)
        self.set_keymap(keymap)
        if reason is None:
            return None
        # The path and the ids are the user's: control characters shown, never sent.
        return visible_controls(texts.KEYMAP_IGNORED.format(path=path, reason=reason))

    def action_command_palette(self) -> None:
        # Textual's own, with the French palette (ui/palette.py).
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(FrenchCommandPalette(id="--command-palette"))

    def get_key_display(self, binding) -> str:
        return binding_key_name(binding)  # the footer's keys in French (ui/keys.py)

    def get_driver_class(self):
        # Pastes holding escape sequences arrive whole and in order (paste_driver.py).
        return paste_safe(super().get_driver_class())

    def on_mount(self) -> None:
        workspace = WorkspaceScreen(self.workspace)
        self.push_screen(workspace)
        # The workspace opens on the overview across candidates (issue 13),
        # above the workspace screen, which F11 comes back from.
        self.overview = OverviewScreen(workspace)
        self.push_screen(self.overview)
        signals.install(self, self._hang_up)
        show_permission_notices(self, self.workspace.permissions)
        show_settled_purges(self, getattr(self.workspace, "settled_purges", []))
        if self._keymap_problem:
            # The path and the ids come from the user's file: never markup.
            self.notify(self._keymap_problem, severity="warning", markup=False, timeout=30)

    def action_open_overview(self) -> None:
        """F11 from the workspace: back to the overview, read again (the cache
        spares the files unchanged). What is typed so far is saved first, so
        that the open candidate's lines are up to date."""
        workspace = self.screen
        if not isinstance(workspace, WorkspaceScreen):
            return
        workspace._flush_editor()
        if workspace.current is not None and not workspace.current.read_only:
            workspace.save_now()
        # A new one each time: a screen popped is taken down (and the facts
        # cache makes reading again cheap).
        self.overview = OverviewScreen(workspace)
        self.push_screen(self.overview)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_overview":
            # Only from the workspace itself, and never in presentation mode:
            # the overview names other candidates.
            return isinstance(self.screen, WorkspaceScreen) and not self.screen.presenting
        # ctrl+p (DLE) typed or pasted into the notes would open the palette,
        # where the next words pick a command and Entrée runs it.
        # The same in the synthesis editor, whose screen says so the same way.
        if action == "command_palette" and getattr(self.screen, "typing_in_notes", lambda: False)():
            return False
        return super().check_action(action, parameters)

    def action_help_quit(self) -> None:
        self.notify(texts.HOW_TO_QUIT)

    def action_quit(self) -> None:
        """Textual binds ctrl+q here: quitting goes through the workspace's final
        save, even from a dialog or the help screen above it."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WorkspaceScreen):
                screen.action_quit()
                return
        self.exit()

    def _hang_up(self) -> None:
        """SIGHUP, SIGTERM (ui/signals.py): the workspace's final save, then exit."""
        workspaces = [screen for screen in self.screen_stack if isinstance(screen, WorkspaceScreen)]
        workspaces[-1].hang_up() if workspaces else self.exit()
