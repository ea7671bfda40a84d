"""The one JSON format of every file we write, and the reading of it with
French reasons when it is not JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import FileContentError


def encode_json(data: Any) -> bytes:
    """UTF-8 with accents as themselves and one key per line, so an administrator can grep a file."""
    return _utf8(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _utf8(text: str) -> bytes:
    # A lone surrogate (pasted from a badly decoded terminal) cannot be UTF-8;
    # "\udcxx" is also JSON's own escape for it, so the note survives intact.
    return text.encode("utf-8", errors="backslashreplace")


class TablesEncoder:
    """A TinyDB file, one document per line: grep shows the one séance that
    matches, and an autosave re-encodes only the documents that changed (the
    séance being typed), reusing the lines of the others.

    The bytes are the same whether a line came from the cache or not.
    """

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], tuple[Any, str]] = {}

    def encode(self, tables: dict[str, dict[str, Any]]) -> bytes:
        lines: dict[tuple[str, str], tuple[Any, str]] = {}
        parts = []
        for table, docs in tables.items():
            rows = []
            for key, doc in docs.items():
                cached = self._lines.get((table, key))
                # Notes are the same string objects from save to save: equal at once.
                line = cached[1] if cached is not None and cached[0] == doc else None
                if line is None:
                    line = f" {json.dumps(key)}: {json.dumps(doc, ensure_ascii=False)}"
                lines[(table, key)] = (doc, line)
                rows.append(line)
            parts.append(f"{json.dumps(table)}: {{\n" + ",\n".join(rows) + "\n}" if rows else f"{json.dumps(table)}: {{}}")
        self._lines = lines
        return _utf8("{\n" + ",\n".join(parts) + "\n}\n")


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
    except RecursionError as exc:  # ``[[[[…]]]]`` deeper than Python's stack: a hostile or broken file
        raise FileContentError(path, "JSON imbriqué trop profondément") from exc
