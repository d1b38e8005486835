"""Properties of the block pass on arbitrary input: whatever the lines and the model's labels, no
exception, every word kept in order, every piece a span inside the paragraph's, and a paragraph
with nothing to carve returned as it was."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from papersite.model import NoteRef, Paragraph, SourceSpan, Text
from papersite.parse.blocks import carve_paragraph
from papersite.structure import LineLabel

LABELS = ("paragraph", "item", "heading", "figure", "table", "formula", "blank")
ZONES = ("body", "annex", "furniture", "footnote", "references")
WORDS = st.sampled_from(["the", "of", "H", "=", "−", "i=1", "(1)", "> fit", "[1]", "0.5", "Table", "1:", "where", "is", "x-", "<b>", "&"])
LINES = st.lists(st.lists(WORDS, min_size=0, max_size=8).map(" ".join), min_size=1, max_size=30)
LABEL = st.builds(LineLabel, st.sampled_from(ZONES), st.sampled_from(LABELS), st.floats(0, 1), st.booleans(), st.booleans())


@settings(max_examples=300, deadline=None)
@given(lines=LINES, data=st.data(), marker=st.booleans(), limit=st.integers(1, 50))
def test_carving_keeps_every_word_in_order(lines: list[str], data: st.DataObject, marker: bool, limit: int) -> None:
    labels = data.draw(st.lists(LABEL, min_size=len(lines), max_size=len(lines)))
    text = " ".join(line.strip() for line in lines if line.strip())
    inlines: tuple[Text | NoteRef, ...] = (Text(text),)
    if marker and " " in text:
        at = text.index(" ")
        inlines = (Text(text[:at]), NoteRef("1"), Text(text[at:]))
    paragraph = Paragraph(inlines, SourceSpan("x.txt", 1, len(lines)))
    pieces = carve_paragraph(paragraph, labels, lines, frozenset({"the", "of", "is", "where"}), long_words=limit)
    assert " ".join(p.text for p in pieces).split() == text.split()
    assert sum(1 for p in pieces for node in p.inlines if isinstance(node, NoteRef)) == (1 if marker and " " in text else 0)
    assert all(1 <= p.span.line <= (p.span.end_line or p.span.line) <= len(lines) for p in pieces)
    assert [p.span.line for p in pieces] == sorted(p.span.line for p in pieces)
    if len(pieces) == 1 and pieces[0].kind == "text":
        assert pieces[0] is paragraph
