"""``seance`` with no command: the consultant's workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.phases import PhaseFileError
from .common import CommandError


def cmd_workspace(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.workspace import Workspace
    from ..ui import crash
    from ..ui.app import SeanceApp

    try:
        workspace = Workspace(data_dir)
    except (OSError, PhaseFileError) as exc:
        raise CommandError(f"impossible d'ouvrir {data_dir} : {exc}") from exc
    app = SeanceApp(workspace)
    app.run()
    return crash.exit_code(app)


COMMANDS = {"workspace": cmd_workspace}
