"""The PDF of a document, read back with pypdf: what a reader of the file
gets is the Markdown's text as the user typed it, on numbered A4 pages that
name the centre and carry the confidentiality line.

pypdf gives the text of each page with a line break where a line wrapped,
so the checks compare texts with their whitespace taken out (``flat``).
"""

from __future__ import annotations

import io
import signal
from contextlib import contextmanager
from datetime import datetime

import pytest
from pypdf import PdfReader
from test_export_support import CANDIDATE_LINE, NOW, PHASES, demo_like_record

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.export.document import Audience
from seance_tui.export.markdown import user_markdown
from seance_tui.export.pdf import markdown_to_pdf
from seance_tui.export.summary import seance_summary
from seance_tui.export.synthesis import synthesis_document

CENTRE = "CIBC Côte-d’Or"
SECTIONS = [
    "Circonstances du bilan", "Compétences et aptitudes", "Projet(s) et alternatives",
    "Conditions et moyens de réalisation", "Étapes", "Observations du bénéficiaire",
]
OBJECTIVE = "Visiter l’atelier « Cœur de bois » avec sa sœur"
HOSTILE = "Zoé [bold]x[/] <script>alert(1)</script> **gras** a\\b\\\\c \x1b[31mrouge {nb} \\* _x_"
# The same as a reader of the PDF sees it: ESC has no glyph, its name stands for it.
HOSTILE_READ = "Zoé [bold]x[/] <script>alert(1)</script> **gras** a\\b\\\\c ‹ESC›[31mrouge {nb} \\* _x_"
# In the notes, the same is Markdown: its emphasis and escapes are read, its HTML shown as text.
HOSTILE_NOTE_READ = "Zoé [bold]x[/] <script>alert(1)</script> gras a\\b\\c ‹ESC›[31mrouge {nb} * x"


def pdf_pages(markdown: str, centre: str = CENTRE) -> list[str]:
    data = markdown_to_pdf(markdown, centre=centre, notice=Audience.CANDIDATE.notice)
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in reader.pages)
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return "".join(text.split())


def body(pages: list[str]) -> str:
    """The pages' text without their frame (drawn last, so read last on each
    page): a word cut by a page break reads whole again."""
    kept = []
    for page in pages:
        lines = page.splitlines()
        assert lines[-2] == CENTRE and "Page " in lines[-1]
        kept += lines[:-2]
    return "\n".join(kept)


def record_named(name: str, notes: str = "") -> CandidateRecord:
    record = CandidateRecord(Candidate(id="x", name=name, consultant="Inès", funding=FundingRoute.CPF))
    record.start_seance("investigation", datetime(2027, 1, 5, 9, 0), notes=notes)
    record.close_seance(1, datetime(2027, 1, 5, 11, 0))
    return record


@contextmanager
def within(seconds: int):
    """Fails a call that would run forever (a hang is a failure, not a stuck suite)."""

    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_synthesis_reads_back_with_its_sections_objectives_and_frame():
    record = demo_like_record()
    record.add_roadmap_item(OBJECTIVE, datetime(2027, 3, 8, 15, 0), 2, means="Réseau « Artisans »")
    pages = pdf_pages(synthesis_document(record, PHASES, NOW))
    text = "\n".join(pages)
    for title in SECTIONS:
        assert title in text
    assert flat(OBJECTIVE) in flat(text)
    assert "œ" in text and "«" in text and "»" in text and "’" in text
    assert "Dubœuf" in text
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert CENTRE in page
        assert f"Page {number} / {total}" in page
        assert CANDIDATE_LINE in page  # in the footer of each page
    assert pages[-1].count(CANDIDATE_LINE) == 2  # and the document's last line


def test_markdown_escapes_are_undone_and_user_text_reads_as_typed():
    record = record_named(HOSTILE, notes=f"{HOSTILE}\n\n- {HOSTILE}\n\n> {HOSTILE}\n")
    record.seance(1).tools = [HOSTILE]
    text = body(pdf_pages(seance_summary(record, 1, PHASES, NOW)))
    # Plain texts (the name in the title, the tools) as typed; the notes as Markdown,
    # in a paragraph, a list item and a quote.
    assert flat(text).count(flat(HOSTILE_READ)) == 2
    assert flat(text).count(flat(HOSTILE_NOTE_READ)) == 3
    assert "\\<" not in text and "\\[" not in text and "\x1b" not in text


def test_a_very_long_word_is_cut_across_lines_not_lost():
    word = "Anticonstitutionnellement" * 200
    record = record_named("Léa Long", notes=f"{word}\n\n| a | b |\n| - | - |\n| {word} | x |\n\n> - {word}\n")
    text = body(pdf_pages(seance_summary(record, 1, PHASES, NOW)))
    assert flat(text).count(word) == 3
    assert max(len(line) for line in text.splitlines()) < 200


def test_a_500_row_roadmap_table_spans_pages_with_its_header_repeated():
    record = record_named(HOSTILE)
    for n in range(500):
        record.add_roadmap_item(f"Objectif {n:03d} {HOSTILE}", datetime(2027, 1, 5, 10, 0), 1, means="Moyen")
    pages = pdf_pages(synthesis_document(record, PHASES, NOW))
    text = flat(body(pages))
    for n in (0, 250, 499):
        assert flat(f"Objectif {n:03d} {HOSTILE_READ}") in text
    assert len(pages) > 10
    with_header = [p for p in pages if "Objectif Moyens Délai Statut" in p]
    assert len(with_header) > 10


def test_a_row_taller_than_a_page_is_drawn_as_a_list():
    cell = "mot " * 4000
    text = "\n".join(pdf_pages(f"# T\n\n| Objectif | Moyens |\n| - | - |\n| {cell} | court |\n"))
    assert flat(text).count("mot") == 4000
    assert "Moyens : court" in text


@pytest.mark.parametrize("depth", [10, 12, 40])
def test_nesting_deeper_than_the_parser_reads_still_ends_and_keeps_what_follows(depth):
    with within(30):
        body = user_markdown("- " * depth + "liste\n\n## Après", 1, keep_private=False)
        text = "\n".join(pdf_pages(f"# T\n\n{body}\n\n## Suite\n\nfin\n"))
    assert "liste" in text and "Après" in text and "Suite" in text and "fin" in text


def test_links_show_their_address_and_raw_html_shows_as_text():
    text = "\n".join(pdf_pages("# T\n\n[le site](https://exemple.fr) ![photo](x.png)\n\n<div>brut</div>\n"))
    assert "le site (https://exemple.fr)" in text
    assert "[image : photo]" in text
    assert "<div>brut</div>" in text


def test_without_a_centre_file_the_default_name_is_printed():
    from seance_tui.services.centre import DEFAULT_CENTRE

    pages = pdf_pages("# T\n\ntexte\n", centre=DEFAULT_CENTRE)
    assert "Centre de bilan" in pages[0]


def test_building_the_pdf_does_not_import_fpdf_until_asked():
    import subprocess
    import sys

    code = "import sys, seance_tui.export.pdf, seance_tui.services.exports; print('fpdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_lines_typed_one_under_the_other_stay_on_their_own_lines():
    """Next steps typed with Entrée between them are separate lines in the PDF,
    as in the editor (a Markdown soft break would join them into one line)."""
    record = demo_like_record()
    seance = record.seances[-1]
    seance.next_steps = "Contacter deux professionnels du secteur\nLire la fiche métier œnologue"
    text = "\n".join(pdf_pages(seance_summary(record, seance.number, PHASES, NOW)))
    lines = [line.strip() for line in text.splitlines()]
    assert "Contacter deux professionnels du secteur" in lines
    assert "Lire la fiche métier œnologue" in lines


def fonts_of(markdown: str) -> dict[str, set[str]]:
    """Each text run read back from the PDF, by the font it is drawn in."""
    reader = PdfReader(io.BytesIO(markdown_to_pdf(markdown, centre=CENTRE, notice=Audience.CANDIDATE.notice)))
    seen: dict[str, set[str]] = {}

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font is not None:
            seen.setdefault(text.strip(), set()).add(str(font.get("/BaseFont", "")))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return seen


def test_code_is_drawn_in_a_monospace_font_and_prose_is_not():
    seen = fonts_of("# Notes\n\nUn paragraphe ordinaire.\n\n```\nscore = 12 + 3\n```\n\nAvec `code_en_ligne` dedans.\n")
    by_text = {text: fonts for text, fonts in seen.items()}
    assert any("Mono" in f for text, fonts in by_text.items() if "score = 12 + 3" in text for f in fonts)
    assert any("Mono" in f for text, fonts in by_text.items() if "code_en_ligne" in text for f in fonts)
    assert all("Mono" not in f for text, fonts in by_text.items() if "paragraphe ordinaire" in text for f in fonts)


ENDING = "---\n\nDocument établi le 2 décembre 2026.\n\nConfidentiel — document propriété du bénéficiaire\n"


@pytest.mark.parametrize("paragraphs", [32, 33, 34, 35, 36, 69, 70, 71, 72])
def test_the_ending_never_stands_alone_on_the_last_page(paragraphs):
    """Whatever the length, the last page holds something before the ending."""
    markdown = "# Document\n\n" + "".join(f"Paragraphe numéro {i}.\n\n" for i in range(paragraphs)) + ENDING
    pages = pdf_pages(markdown)
    last = pages[-1]
    assert "Document établi le 2 décembre 2026." in last
    assert "Paragraphe numéro" in last, f"{len(pages)} pages, the last one: {last!r}"
    assert flat("".join(f"Paragraphe numéro {i}." for i in range(paragraphs))) in flat(body(pages))
