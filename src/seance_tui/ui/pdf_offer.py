"""The PDF of a document already exported, offered or written from any screen.

``offer_pdf`` asks (the safe answer, not writing, has the focus), then
writes; ``write_pdf`` writes without asking, for a screen whose own dialog
already asked (the close confirmation's « Oui, avec le PDF »). Both are
awaited from a worker (they may open a dialog with ``push_screen_wait``), and
build the PDF in a thread (``services.exports.pdf_beside``: fpdf2's import and
the drawing take tenths of a second the screen must not freeze for). The
result is a notification: the PDF's path, or the French reason it failed.

Meant to be called from a handler in response to a consultant's key, never on
its own: a dialog opening by itself would take the keys being typed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from ..services.errors import ServiceError
from ..services.exports import Document, pdf_beside
from . import texts
from .dialogs.choice import ChoiceDialog


async def offer_pdf(screen, data_dir: Path, markdown_file: Path, document: Document) -> Path | None:
    """Asks whether to write the PDF of ``markdown_file`` (an export under
    ``<data-dir>/exports``) beside it, and writes it if so; its path, or None."""
    question = texts.PDF_OFFER.format(name=markdown_file.name)
    choices = [(texts.PDF_WRITE, True), (texts.NO, False)]
    dialog = ChoiceDialog(question, choices, title=texts.PDF_OFFER_TITLE, default=1)
    if not await screen.app.push_screen_wait(dialog):
        return None
    return await write_pdf(screen, data_dir, markdown_file, document)


async def write_pdf(screen, data_dir: Path, markdown_file: Path, document: Document) -> Path | None:
    """Writes the PDF of ``markdown_file`` beside it and says where (or why not)."""
    try:
        path = await asyncio.to_thread(pdf_beside, data_dir, markdown_file, document)
    except ServiceError as exc:
        screen.notify(texts.PDF_FAILED.format(error=exc), severity="error", timeout=15, markup=False)
        return None
    except Exception as exc:  # noqa: BLE001 - a document that cannot be drawn must not end the session
        screen.notify(texts.PDF_FAILED.format(error=f"{type(exc).__name__}: {exc}"), severity="error", timeout=15, markup=False)
        return None
    screen.notify(texts.PDF_WRITTEN.format(path=path), timeout=15, markup=False)
    return path
