"""The pure layers stay pure: checked in a fresh interpreter, where nothing
else has imported Textual or TinyDB first."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


# --- The import contracts (pyproject.toml, [tool.importlinter]) -------------
# The check above only sees what ten modules load at run time; import-linter
# reads every import statement of the package, lazy ones included, and knows
# the whole order cli > web > ui > services > search > export | storage > domain.

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on ``project`` (its pyproject.toml and src/), no cache written."""
    command = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(command), "--no-cache", "--config", str(project / "pyproject.toml")],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "src")},
        capture_output=True,
        text=True,
    )


def test_the_package_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _first_existing(package: Path, *candidates: str) -> Path:
    # domain/search_query.py is moving into the search package: the violation
    # goes into whichever of its homes exists, never nowhere.
    for candidate in candidates:
        if (package / candidate).is_file():
            return package / candidate
    raise AssertionError(f"none of {candidates} in {package}")


@pytest.mark.parametrize(
    ("files", "line", "contract"),
    [
        (("export/summary.py",), "from ..ui import texts", "cli > web > ui > services"),
        (("services/workspace.py",), "import textual", "services run without a terminal"),
        (("domain/search_query.py", "search/query.py", "search/__init__.py"), "import textual.widgets",
         "domain, export and search draw nothing"),
        (("domain/record.py",), "import tinydb", "domain and export touch no file"),
        (("ui/app.py",), "from ..storage.errors import StorageError", "ui reaches files and exports only"),
        (("storage/exports.py",), "from ..export import naming", "cli > web > ui > services"),
        (("services/review.py",), "from ..web import REVIEWER_ENV", "cli > web > ui > services"),
        (("web/server.py",), "from ..cli import serve", "cli > web > ui > services"),
    ],
    ids=["export-imports-ui-texts", "services-imports-textual", "search-query-imports-textual",
         "domain-imports-tinydb", "ui-imports-storage", "storage-imports-export",
         "services-imports-web", "web-imports-cli"],
)
def test_a_deliberate_violation_breaks_its_contract(tmp_path, files, line, contract):
    shutil.copytree(ROOT / "src" / "seance_tui", tmp_path / "src" / "seance_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert lint_imports(tmp_path).returncode == 0  # the copy itself is clean
    target = _first_existing(tmp_path / "src" / "seance_tui", *files)
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
