"""The consultant's workspace application."""

from __future__ import annotations

from textual.app import App

from .. import paths
from ..services.workspace import Workspace
from . import signals, texts
from .commands import WorkspaceCommands
from .crash import WorkspaceCrashGuard
from .privacy import show_permission_notices
from .paste_driver import paste_safe
from .screens.workspace import WorkspaceScreen


class SeanceApp(WorkspaceCrashGuard, App):
    TITLE = texts.APP_TITLE
    CSS_PATH = paths.stylesheets("workspace.tcss")
    COMMANDS = {WorkspaceCommands}

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def get_driver_class(self):
        # Pastes holding escape sequences arrive whole and in order (paste_driver.py).
        return paste_safe(super().get_driver_class())

    def on_mount(self) -> None:
        self.push_screen(WorkspaceScreen(self.workspace))
        signals.install(self, self._hang_up)
        show_permission_notices(self, self.workspace.permissions)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # ctrl+p (DLE) typed or pasted into the notes would open the palette,
        # where the next words pick a command and Entrée runs it.
        if action == "command_palette" and isinstance(self.screen, WorkspaceScreen) and self.screen.typing_in_notes():
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
