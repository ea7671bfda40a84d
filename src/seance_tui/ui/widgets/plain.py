"""User text for display: literal (never markup), with control characters made visible."""

from textual.content import Content

from ...domain.text import visible_controls


def plain(text: str) -> Content:
    return Content(visible_controls(text))
