"""Nothing private reaches the synthesis: neither a private part the
consultant writes in a section, nor one of the notes the draft is made from.
The hostile texts are test_export_private.py's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_private import EXAMPLES, Notes, _record_with, hostile_notes
from test_export_support import NOW, PHASES

from seance_tui.domain import synthesis
from seance_tui.export.synthesis import steps_markdown, synthesis_document

KEYS = [s.key for s in synthesis.SECTIONS]


@settings(max_examples=max(EXAMPLES // 4, 25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_notes(), min_size=6, max_size=6), hostile_notes())
def test_no_private_line_of_a_section_or_of_the_notes_reaches_the_synthesis(sections, notes):
    record = _record_with(notes, Notes())
    draft = synthesis.propose_draft(record, steps_markdown)
    for word in notes.private:
        assert all(word not in text for text in draft.values()), f"{word} drafted from a private part"
    synthesis.apply_draft(record, draft, NOW, None, replace=False)
    for key, text in zip(KEYS, sections):
        synthesis.set_section(record, key, text.text, NOW, None)
    document = synthesis_document(record, PHASES, NOW)
    for word in [w for s in sections for w in s.private] + notes.private:
        assert word not in document, f"{word} leaked into the synthesis"
    for word in [w for s in sections for w in s.public_before]:
        assert word in document, f"{word} is public and missing from the synthesis"
