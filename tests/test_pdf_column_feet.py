"""A two-column page whose left column ends in a note (or its half of the page's foot line): the
note is read after both columns, not between them, so the right column is not taken for the
rest of the note (issue 17: footnotes by size and place; the Rcpp fixture's reference list)."""

from __future__ import annotations

from papersite.parse.paper import parse_paper
from papersite.pdf import read_pdf_bytes
from papersite.pdf.evidence import line_evidence
from papersite.pdf.model import PdfDocumentText
from papersite.pdf.text import source_text

from .pdf_maker import Page, Text, column_page, make_pdf

LEFT = [f"left line {i} of the first column, set in ten point type" for i in range(14)]
RIGHT = [f"right line {i} of the second column, set in ten point type" for i in range(14)]
NOTE = "1 A note set in seven point type at the foot of the left column."
FOOT = "8 | https://example.org/paper"


def read(page: Page) -> PdfDocumentText:
    document, diagnostics = read_pdf_bytes(make_pdf([page]), "sources/test.pdf")
    assert document is not None, diagnostics
    return document


def with_left_foot(*, note_y: float, foot: bool = True, size: float = 7) -> Page:
    page = column_page(LEFT, RIGHT)
    page.texts.append(Text(72, note_y, NOTE, size))
    if foot:
        page.texts.append(Text(40, 760, FOOT, size))
    return page


def test_a_note_at_the_foot_of_the_left_column_is_read_after_the_right_column() -> None:
    lines = [line.text for line in read(with_left_foot(note_y=600)).pages[0].lines]
    assert lines == [*LEFT, *RIGHT, NOTE, FOOT]


def test_small_type_that_ends_above_the_right_columns_text_stays_in_its_place() -> None:
    """A listing in small type after the left column's text, ending higher than the right
    column: not the page's foot."""
    page = column_page(LEFT, RIGHT + ["right line 14 goes on", "right line 15, below the left column's listing"])
    page.texts += [Text(72, 100 + 12 * 13 + 16, "> listing(x) in small type", 7)]
    lines = [line.text for line in read(page).pages[0].lines]
    assert lines.index("> listing(x) in small type") < lines.index(RIGHT[0])


def test_a_small_line_that_follows_the_column_at_its_leading_is_not_a_foot() -> None:
    """No gap above it: the column's last line, set smaller (a caption's tail), stays put."""
    page = column_page(LEFT, RIGHT)
    page.texts.append(Text(72, 100 + 12 * 14, "a last small line at the normal distance", 7))
    lines = [line.text for line in read(page).pages[0].lines]
    assert lines.index("a last small line at the normal distance") < lines.index(RIGHT[0])


def test_the_note_is_found_as_a_note_and_the_right_column_stays_text() -> None:
    body = column_page(LEFT, RIGHT)
    marked = Page([Text(t.x, t.y, t.text + ("1" if t.text == LEFT[5] else ""), t.size, t.font) for t in body.texts])
    marked.texts.append(Text(72, 600, NOTE, 7))
    second = column_page(LEFT, RIGHT)
    document, _ = read_pdf_bytes(make_pdf([column_page(LEFT, RIGHT), marked, second]), "sources/test.pdf")
    assert document is not None
    text = source_text(document)
    paper = parse_paper(text.text, paper_id="feet", path="feet.pdf", evidence=line_evidence(document, text))
    assert [note.marker for note in paper.notes] == ["1"]
    note = paper.notes[0].paragraph.inlines[0]
    assert "right line" not in getattr(note, "text", "")


def test_a_reference_list_set_small_under_its_heading_is_not_the_columns_foot() -> None:
    """The left column ends with a heading and a list in small type, then a note and the page's
    foot line: only the note and the foot line go after the right column."""
    body = [f"left body line {i} of the first column, ten point" for i in range(6)]
    refs = [f"Author{i} A (200{i}). A title of a work in small type. Press." for i in range(8)]
    texts = [Text(72, 100 + 12 * i, line, 10) for i, line in enumerate(body)]
    texts.append(Text(72, 100 + 12 * 6 + 6, "References", 11))
    texts += [Text(72, 100 + 12 * 6 + 6 + 18 + 10 * i, line, 8) for i, line in enumerate(refs)]  # space under the heading
    texts += [Text(72, 290, NOTE, 7), Text(40, 330, FOOT, 7)]
    texts += [Text(320, 100 + 12 * i, f"right body line {i} of the second column, ten point", 10) for i in range(14)]
    lines = [line.text for line in read(Page(texts)).pages[0].lines]
    assert lines.index("References") < lines.index(refs[0]) < lines.index(refs[-1]) < lines.index(
        "right body line 0 of the second column, ten point") < lines.index(NOTE) < lines.index(FOOT)
