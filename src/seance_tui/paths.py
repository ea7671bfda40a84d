"""Where things are: which data dir and cache dir, where the bundled resources are.

Data dir: ``--data-dir`` beats ``SEANCE_DATA_DIR``, which beats the platform's
user data dir. Bundled resources (``styles/``, ``data/``) sit at the top of a
checkout, and inside the package (``_resources/``) once installed from a wheel.
What is inside a data dir (and that its own phases and templates win over the
bundled ones) is ``storage.layout``'s.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "SEANCE_DATA_DIR"
CACHE_DIR_ENV = "SEANCE_CACHE_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _PACKAGE_DIR / "_resources"
    if installed.is_dir():
        return installed
    # A checkout (or an editable install): src/seance_tui/ -> top level.
    return _PACKAGE_DIR.parent.parent


def bundled_data_dir() -> Path:
    return resources_dir() / "data"


def styles_dir() -> Path:
    return resources_dir() / "styles"


# Each app loads its own stylesheet and the shared one (dialogs, forms, help),
# never the other app's: a rule written for one cannot change the other.
SHARED_STYLESHEET = "dialogs.tcss"


def stylesheets(app_stylesheet: str) -> list[str]:
    return [str(styles_dir() / SHARED_STYLESHEET), str(styles_dir() / app_stylesheet)]


def phases_file() -> Path:
    """The bundled timeline (a data dir's own wins: ``storage.layout.Layout.phases_file``)."""
    return bundled_data_dir() / "phases.json"


def template_file(phase_key: str) -> Path:
    """The bundled template of a phase (a data dir's own wins: ``Layout.template_file``)."""
    return bundled_data_dir() / "templates" / f"{phase_key}.md"


def demo_data_dir() -> Path:
    return bundled_data_dir() / "demo"


def default_user_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("seance", appauthor=False))


def _resolve(cli_value: str | os.PathLike[str] | None, env_name: str, default) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(env_name)
    if from_env:
        return Path(from_env).expanduser()
    return default()


def resolve_data_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    return _resolve(cli_value, DATA_DIR_ENV, default_user_data_dir)


def default_user_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("seance", appauthor=False))


def resolve_cache_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """Derived data only (the search index): ``--cache-dir`` > ``SEANCE_CACHE_DIR`` > platform cache dir."""
    return _resolve(cli_value, CACHE_DIR_ENV, default_user_cache_dir)


def fonts_dir() -> Path:
    """The bundled DejaVu Sans the PDF exports embed (``data/fonts/``, with its LICENSE)."""
    return bundled_data_dir() / "fonts"


# seance serve's reviewers (names and token hashes): configuration of this
# account, never in the data dir, which is the candidates' and may be shared.
CONFIG_DIR_ENV = "SEANCE_CONFIG_DIR"
REVIEWERS_FILE = "relecteurs.json"


def default_user_config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("seance", appauthor=False))


def resolve_config_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """``--config-dir`` > ``SEANCE_CONFIG_DIR`` > the platform's user config dir."""
    return _resolve(cli_value, CONFIG_DIR_ENV, default_user_config_dir)


def reviewers_file(config_dir: Path) -> Path:
    return config_dir / REVIEWERS_FILE
