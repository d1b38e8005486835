"""Numbered lines of console output set in small type at a page's foot, right under the command
that printed them, are text, not notes; a real note in the same small type, set apart from the
text above it, stays a note (issue 17: footnotes by size and place; the vegan fixture's R output)."""

from __future__ import annotations

from collections.abc import Sequence

from papersite.model import Paper
from papersite.parse.paper import parse_paper
from papersite.pdf import read_pdf_bytes
from papersite.pdf.evidence import line_evidence
from papersite.pdf.text import source_text

from .pdf_maker import Page, Text, make_pdf

WORDS = "river trade grew along the valley while salt and grain went north in spring".split()


def page_with_foot(foot: Sequence[tuple[float, str, float]], marked: str = "", page: int = 1) -> Page:
    """A page of body text (one line ending with ``marked``), then ``foot`` lines (y, text, size)."""
    body = [" ".join(WORDS[(i * 3 + page) % 7:][:8]) + f" line {page}.{i} goes on and on to the margin" for i in range(25)]
    texts = [Text(72, 80 + 14 * i, line + (marked if i == 20 else ""), 10) for i, line in enumerate(body)]
    texts += [Text(72, y, text, size) for y, text, size in foot]
    return Page(texts)


def parsed(pages: list[Page]) -> Paper:
    document, diagnostics = read_pdf_bytes(make_pdf(pages), "sources/t.pdf")
    assert document is not None, diagnostics
    text = source_text(document)
    return parse_paper(text.text, paper_id="t", path="sources/t.pdf", evidence=line_evidence(document, text))


OUTPUT = [
    (440, "> betadiver(help=TRUE)", 8),
    (450, '1 "w" = (b+c)/(2*a+b+c)', 8),
    (460, '2 "-1" = (b+c)/(2*a+b+c)', 8),
    (470, '3 "c" = (b+c)/2', 8),
    (480, '4 "wb" = b+c', 8),
]
NOTE = [(600, "1", 6), (603, "A real note in small type, set apart from the body above it.", 8)]


def test_numbered_output_under_its_command_in_small_type_is_text_and_the_note_stays() -> None:
    """Page 1 has a note; page 2 ends in R's numbered output, in the note's type size, under
    its command, with a number glued to a word in its text ("vegan2")."""
    paper = parsed([page_with_foot(NOTE, marked="1"), page_with_foot(OUTPUT, marked=" in vegan2", page=2),
                    page_with_foot([], page=3)])
    assert [n.marker for n in paper.notes] == ["1"]
    body = " ".join(str(block) for section in paper.all_sections() for block in section.blocks)
    assert '"c" = (b+c)/2' in body and '"wb" = b+c' in body
