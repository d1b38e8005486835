"""Headings on the PDF route: a contents list is a list (its entries are set as the headings they
name, but are none), a heading right after code is one, TeX's shape-named fonts are not bold, and
a contents list's page numbers stay in their column."""

from __future__ import annotations

from papersite.pdf.chars import _font_style
from papersite.pdf.model import PdfLine
from papersite.pdf.order import find_gutter, reading_order
from papersite.structure.labelling import _apply_evidence, _contents_entries
from papersite.structure.types import LineEvidence, LineLabel


def test_tex_fonts_named_by_shape_are_not_bold_whatever_pdfium_reads_as_their_weight() -> None:
    assert _font_style("SFRM1000", 700, 0) == (False, False)
    assert _font_style("SFTI1000", 700, 0) == (False, True)
    assert _font_style("ecrm1000", 700, 0) == (False, False)
    assert _font_style("SFBX1440", 400, 0)[0] is True
    assert _font_style("SomeSans", 700, 0)[0] is True  # no shape in the name: the weight decides


def line(text: str, x0: float, x1: float, y: float) -> PdfLine:
    return PdfLine(page=1, x0=x0, y0=y - 10, x1=x1, y1=y, text=text, size=10)


def test_a_contents_lists_page_number_flush_with_the_left_columns_margin_stays_in_that_column() -> None:
    left = [line(f"left column line {i} of running text here", 72, 292, 100 + 12 * i) for i in range(12)]
    right = [line(f"right column line {i} of running text", 302, 522, 100 + 12 * i) for i in range(20)]
    entries = [line(f"{n} Section title", 72, 160, 260 + 12 * n) for n in range(1, 6)]
    numbers = [line(str(n), 287, 292, 260 + 12 * n) for n in range(1, 6)]
    lines = left + right + entries + numbers
    gutter = find_gutter(lines)
    assert gutter is not None and 292 < gutter < 302
    ordered, columns = reading_order(lines)
    assert columns == 2
    texts = [l.text for l in ordered if l.column == 1]
    assert "3 Section title 3" in texts  # the entry and its page number: one line of the left column
    assert not any(l.text[:1].isdigit() for l in ordered if l.column == 2)


def test_a_contents_list_set_in_bold_is_a_list_not_headings() -> None:
    lines = ["Contents", "1 Introduction 1", "2 Methods and data . . . . . 3", "2.1 A long section title that goes", "on to a second line . . . 4",
             "3 Results 7", "4 Discussion 9", "The paper begins here and runs on as text."]
    heading = LineLabel("body", "heading", 1.0, start=True)
    labels = [heading] * 7 + [LineLabel("body", "paragraph", 0.9, start=True)]
    got = _contents_entries(lines, labels)
    assert got[0].label == "heading"  # "Contents" ends in no page number
    assert [g.label for g in got[1:7]] == ["item"] * 6
    assert [g.start for g in got[1:7]] == [True, True, True, False, True, True]  # the wrapped entry goes on
    assert got[7].label == "paragraph"


def test_three_lines_ending_in_numbers_are_no_contents_list() -> None:
    lines = ["Results for 2019", "Table of counts 12", "Sample size 40", "A sentence that ends."]
    labels = [LineLabel("body", "heading", 1.0, start=True)] * 4
    assert _contents_entries(lines, labels) == labels


def test_a_larger_bold_line_after_code_is_a_heading_a_bold_table_row_is_not() -> None:
    after_code = LineEvidence(page=3, font_size_ratio=1.2, bold=True, gap_above=2.3)
    table = LineLabel("body", "table", 0.96)
    assert _apply_evidence(table, "Restricted Parameter Range", after_code).label == "heading"
    row = LineEvidence(page=3, font_size_ratio=1.0, bold=True, gap_above=0.0)
    assert _apply_evidence(table, "Estimate Std. Error", row).label == "table"
    no_space = LineEvidence(page=3, font_size_ratio=1.2, bold=True, gap_above=0.0)
    assert _apply_evidence(table, "Total 12 14", no_space).label == "table"

