"""PDF layout evidence for the structure model: one entry per line of the extracted text."""

from __future__ import annotations

from papersite.pdf import read_pdf_bytes, source_text
from papersite.pdf.evidence import line_evidence
from papersite.structure import label_lines

from .pdf_maker import Page, Text, make_pdf


def test_each_printed_line_gets_its_page_position_type_and_gap() -> None:
    body = [Text(72, 160 + 12 * i, f"body line {i} of a paragraph that goes on and on") for i in range(6)]
    pages = [
        Page([Text(72, 80, "A Title in Large Type", 20, "F2"), Text(72, 130, "1. Introduction", 10, "F2"), *body]),
        Page([Text(72, 100, "second page text, set in the body's own type")]),
    ]
    document, _ = read_pdf_bytes(make_pdf(pages), "sources/e.pdf")
    assert document is not None
    text = source_text(document)
    evidence = line_evidence(document, text)
    lines = text.text.split("\n")[:-1]
    assert len(evidence) == len(lines)
    by_text = {line.lstrip("\f"): found for line, found in zip(lines, evidence) if found is not None}
    title, heading = by_text["A Title in Large Type"], by_text["1. Introduction"]
    assert title.font_size_ratio == 2.0 and title.bold and title.page == 1
    assert heading.bold and heading.font_size_ratio == 1.0
    assert by_text["body line 0 of a paragraph that goes on and on"].gap_above > 1  # space above a paragraph
    assert by_text["body line 3 of a paragraph that goes on and on"].gap_above == 0
    assert by_text["second page text, set in the body's own type"].page == 2
    assert None in evidence  # the blank line after the title: not printed
    assert len(label_lines(lines, evidence)) == len(lines)  # the structure model takes it as it is
