"""The centre's own keys: ``<data-dir>/keymap.json``, ``{"binding id": "keys"}``.

Read once when the workspace starts. The file is the user's: anything but a
JSON object of non-empty strings is refused whole (``KeymapFileError``), and
the workspace keeps its own keys; which ids exist is the ui's to say
(``ui/bindings.py``).
"""

from __future__ import annotations

from pathlib import Path

from ..storage.errors import FileContentError
from ..storage.jsonfile import decode_json
from ..storage.layout import Layout


class KeymapFileError(Exception):
    """``reason``: storage's French sentence for an unreadable file, or None when
    the JSON is fine but is not ``{"id": "keys"}`` (``bad_entry``: the culprit)."""

    def __init__(self, path: Path, reason: str | None = None, bad_entry: str | None = None) -> None:
        super().__init__(f"{path}: {reason or bad_entry}")
        self.path, self.reason, self.bad_entry = path, reason, bad_entry


def keymap_path(data_dir: Path) -> Path:
    return Layout(data_dir).keymap_file


def read_keymap(data_dir: Path) -> dict[str, str]:
    """``{}`` when there is no file; raises ``KeymapFileError`` for a bad one."""
    path = keymap_path(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise KeymapFileError(path, reason=exc.strerror) from exc
    try:
        data = decode_json(path, raw)
    except FileContentError as exc:
        raise KeymapFileError(path, reason=exc.reason) from exc
    if not isinstance(data, dict):
        raise KeymapFileError(path)
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip(" ,"):
            raise KeymapFileError(path, bad_entry=binding_id)
    return dict(data)
