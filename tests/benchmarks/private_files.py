"""Trust figure: files other accounts can read after a session.

A data dir is copied from the demo with the loose modes a careless copy
gives (folders 0755, files 0644), and the cache dir made the same way; the
process umask is 022, as on most systems. Then, as a consultant and a
reviewer would:

1. the workspace (installed ``seance``, in a real pty): open a candidate,
   start a séance, type a line, quit with ctrl+q;
2. ``seance search`` (builds the search index in the cache dir);
3. ``seance export CANDIDAT --seance N`` (writes under ``exports/``).

The figure is the number of files and folders under the data dir and the
cache dir that another account can use (some right in mode 077, under
folders it can enter), beside the baseline: the same count just before the
session, in the same run. A stranger's file left in the cache dir (the tool
tightens only its own entries) counts only if it can be reached.

    python tests/benchmarks/private_files.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_terminal import KEY_CTRL_Q, Terminal, open_and_start_seance, terminal_env  # noqa: E402

from seance_tui import paths  # noqa: E402


def loosen(root: Path) -> None:
    for folder, dirs, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder, name), 0o644)


def open_to_others(*roots: Path) -> list[str]:
    """Entries another account can use: some group/other right on the entry,
    and every folder from the root down to it enterable by group or others
    (a 0644 file inside a 0700 folder is out of their reach)."""
    found = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            if not here.lstat().st_mode & 0o011:
                dirs[:] = []  # nobody else can enter: nothing below is reachable
                if here.lstat().st_mode & 0o077:
                    found.append(str(here))
                continue
            found.append(str(here))
            found.extend(str(here / n) for n in files if (here / n).lstat().st_mode & 0o077)
    return sorted(set(found))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    seance = shutil.which("seance") or str(Path(sys.executable).with_name("seance"))
    os.umask(0o022)
    with tempfile.TemporaryDirectory(prefix="seance-private-bench-") as work:
        data_dir, cache_dir = Path(work, "donnees"), Path(work, "cache")
        shutil.copytree(paths.demo_data_dir(), data_dir)
        cache_dir.mkdir()
        (cache_dir / "vieux-fichier.txt").write_text("laissé par un autre outil\n")
        loosen(data_dir)
        loosen(cache_dir)
        baseline = open_to_others(data_dir, cache_dir)

        env = {**terminal_env(), "SEANCE_CACHE_DIR": str(cache_dir), "XDG_CACHE_HOME": str(cache_dir)}
        if "PYTHONPATH" in os.environ:  # to measure another checkout with the same installed command
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        term = Terminal([seance, "--data-dir", str(data_dir)], 120, 32, env)
        try:
            open_and_start_seance(term, "Jérôme Marchand", "jer")
            term.type("Séance tenue sous umask 022. ", 30)
            term.wait_for("umask 022")
            term.send(KEY_CTRL_Q)
            status = term.exit_status(30)
        finally:
            term.close()
        run = {"env": {**os.environ, "SEANCE_CACHE_DIR": str(cache_dir)}, "capture_output": True, "text": True}
        search = subprocess.run([seance, "search", "umask", "--data-dir", str(data_dir)], **run)
        export = subprocess.run([seance, "export", "jerome-marchand", "--data-dir", str(data_dir)], **run)
        after = open_to_others(data_dir, cache_dir)

    figures = {
        "private_files.open_to_others_before": len(baseline),
        "private_files.open_to_others_after": len(after),
        "private_files.workspace_exit": status,
        "private_files.search_exit": search.returncode,
        "private_files.export_exit": export.returncode,
        "private_files.left_open": after,
    }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(f"files and folders others could use, before the session (baseline): {len(baseline)}")
        print(f"after workspace + search + export: {len(after)}")
        print(f"exit codes: workspace {status}, search {search.returncode}, export {export.returncode}")
        for path in after:
            print(f"  still open: {path}")
    return 0 if not after and status == 0 and search.returncode == 0 and export.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
