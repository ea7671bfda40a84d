"""The centre's name printed at the top of each PDF page: ``<data-dir>/centre.json``,
``{"name": "CIBC Exemple"}``; without the file, ``Centre de bilan``.

The file is the centre's: anything but a JSON object whose ``name`` is a
non-empty string is refused (``CentreFileError``, a French sentence naming
the file), rather than printing a wrong name on a candidate's document.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.text import one_line
from ..storage.errors import FileContentError
from ..storage.jsonfile import decode_json
from ..storage.layout import Layout

DEFAULT_CENTRE = "Centre de bilan"


class CentreFileError(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} : {reason}")
        self.path, self.reason = path, reason


def centre_name(data_dir: Path) -> str:
    path = Layout(data_dir).centre_file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return DEFAULT_CENTRE
    except OSError as exc:
        raise CentreFileError(path, exc.strerror or str(exc)) from exc
    try:
        data = decode_json(path, raw)
    except FileContentError as exc:
        raise CentreFileError(path, exc.reason) from exc
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise CentreFileError(path, 'attendu : {"name": "nom du centre"}')
    # One line, control characters shown: it is printed as a page header.
    return one_line(name.strip())
