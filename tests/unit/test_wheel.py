"""The wheel carries styles/ and data/, and the installed command finds them."""

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_wheel_runs_version_and_list(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, ROOT],
        check=True,
    )
    (wheel,) = dist.glob("seance_tui-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    env_python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [env_python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )
    # The dependencies come from this interpreter's site-packages (no network,
    # and quick); the package itself only from the wheel: a plain path entry
    # does not activate this environment's editable install of seance_tui.
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", env_python, "install", "--no-deps", "-q", wheel],
        check=True,
    )

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SEANCE_DATA_DIR")}
    seance = env_dir / "bin" / "seance"
    run = lambda *args: subprocess.run(  # noqa: E731
        [seance, *args], capture_output=True, text=True, cwd=tmp_path, env=env
    )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("seance ")

    where = subprocess.run(
        [env_python, "-c", "import seance_tui.paths as p; print(p.resources_dir())"],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site), "resources must come from the installed wheel"

    listing = run("list", "--demo")
    assert listing.returncode == 0, listing.stderr
    names = [line.split("\t")[1] for line in listing.stdout.splitlines()[1:]]
    assert names == ["Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre"]

    # The bundled font comes with the wheel: a PDF is written from an installed seance.
    out = tmp_path / "sorties"
    pdf = run("export", "amelie", "--demo", "--synthese", "--pdf", "-o", str(out))
    assert pdf.returncode == 0, pdf.stderr
    written = [Path(line) for line in pdf.stdout.splitlines()]
    assert [p.suffix for p in written] == [".md", ".pdf"]
    assert written[1].read_bytes().startswith(b"%PDF-")
