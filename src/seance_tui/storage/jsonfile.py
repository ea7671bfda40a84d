"""The one JSON format of every file we write, and the reading of it with
French reasons when it is not JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import FileContentError


def encode_json(data: Any) -> bytes:
    """UTF-8 with accents as themselves and one key per line, so an administrator can grep a file."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # A lone surrogate (pasted from a badly decoded terminal) cannot be UTF-8;
    # "\udcxx" is also JSON's own escape for it, so the note survives intact.
    return text.encode("utf-8", errors="backslashreplace")


def decode_json(path: Path, raw: bytes) -> Any:
    """Raises FileContentError naming ``path`` and saying what is wrong."""
    if not raw.strip():
        raise FileContentError(path, "fichier vide")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileContentError(path, f"encodage invalide à l'octet {exc.start} (UTF-8 attendu)") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # The decoder hit the end of the text: what was written stops short.
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            reason = f"JSON incomplet, fichier tronqué (ligne {exc.lineno})"
        else:
            reason = f"JSON illisible ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})"
        raise FileContentError(path, reason) from exc
