"""The pure layers stay pure: checked in a fresh interpreter, where nothing
else has imported Textual or TinyDB first."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "modules",
    [
        ["seance_tui.domain.model", "seance_tui.domain.record", "seance_tui.domain.phases",
         "seance_tui.domain.dates", "seance_tui.domain.hours", "seance_tui.domain.text"],
        ["seance_tui.export.summary", "seance_tui.export.synthesis", "seance_tui.export.history",
         "seance_tui.export.naming"],
    ],
    ids=["domain", "export"],
)
def test_pure_layers_import_neither_textual_nor_tinydb(modules):
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich', 'filelock'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
