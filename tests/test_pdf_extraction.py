"""PDF extraction (papersite.pdf): characters into lines in reading order, on PDFs written by
the test (tests/pdf_maker.py) so that each states what a page holds, and on the real fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersite.pdf import compare_metadata, read_pdf_bytes, read_pdf_file, source_text
from papersite.pdf.model import PdfDocumentText

from .pdf_maker import Page, Text, column_page, make_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def read(data: bytes) -> PdfDocumentText:
    document, diagnostics = read_pdf_bytes(data, "sources/test.pdf")
    assert document is not None, diagnostics
    return document


def texts(document: PdfDocumentText, page: int = 1) -> list[str]:
    return [line.text for line in document.pages[page - 1].lines]


LEFT = [f"left line {i} of the first column, set in ten point type" for i in range(14)]
RIGHT = [f"right line {i} of the second column, set in ten point type" for i in range(14)]


def test_two_columns_are_read_left_then_right_under_a_title_across_both() -> None:
    document = read(make_pdf([column_page(LEFT, RIGHT, title="A Title Across Both Columns")]))
    assert texts(document) == ["A Title Across Both Columns", *LEFT, *RIGHT]
    assert document.pages[0].columns == 2
    assert {line.column for line in document.pages[0].lines[1:15]} == {1}


def test_a_page_whose_columns_change_reads_each_band_in_turn() -> None:
    top = column_page(LEFT[:7], RIGHT[:7], top=100)
    across = Text(72, 200, "A paragraph line that runs across the whole width of the page, both columns and the gutter")
    bottom = column_page(LEFT[7:], RIGHT[7:], top=230)
    document = read(make_pdf([Page(top.texts + [across] + bottom.texts)]))
    assert texts(document) == [*LEFT[:7], *RIGHT[:7], across.text, *LEFT[7:], *RIGHT[7:]]


def test_one_column_with_short_lines_is_not_taken_for_two() -> None:
    lines = [Text(72, 100 + 12 * i, f"line {i} of one column of text, long enough to cross the middle of the page") for i in range(20)]
    lines += [Text(72, 400 + 12 * i, f"x = {i}") for i in range(6)] + [Text(400, 400 + 12 * i, f"# comment {i}") for i in range(6)]
    document = read(make_pdf([Page(lines)]))
    assert document.pages[0].columns == 1
    assert texts(document)[-1] == "x = 5 # comment 5"


def test_ligatures_and_special_characters_are_spelled_out() -> None:
    document = read(make_pdf([Page([Text(72, 100, "The \x01nal \x02ow of a pro\x01le", font="F4")])]))
    assert texts(document) == ["The final flow of a profile"]


def test_superscript_markers_are_kept_and_a_note_at_the_foot_keeps_its_number() -> None:
    page = Page([
        Text(72, 100, "a claim"), Text(104, 96, "2", 6), Text(108, 100, " and a symbol"), Text(172, 96, "a", 6),
        Text(72, 700, "2", 6), Text(76, 704, "The note that the marker calls.", 8),
    ])
    lines = texts(read(make_pdf([page])))
    assert "a claim² and" in lines[0] and lines[0].endswith("symbol^{a}".replace("symbol", "")) and "symbol" in lines[0]
    assert lines[-1] == "² The note that the marker calls."


def test_font_size_weight_and_slant_are_known_per_line() -> None:
    page = Page([Text(72, 60, "Big Bold Title", 18, "F2"), Text(72, 100, "plain body text"), Text(72, 120, "slanted words", font="F3")])
    title, body, slanted = read(make_pdf([page])).pages[0].lines
    assert (title.size, title.bold, title.italic) == (18, True, False)
    assert (body.size, body.bold, body.italic) == (10, False, False)
    assert slanted.italic and not slanted.bold
    assert title.y1 == pytest.approx(60, abs=0.5) and body.x0 == pytest.approx(72, abs=0.5)


def test_table_cells_on_one_row_are_one_line_with_its_cells_counted() -> None:
    rows = [Text(72 + 120 * c, 100 + 14 * r, f"r{r}c{c}") for r in range(3) for c in range(3)]
    lines = read(make_pdf([Page(rows)])).pages[0].lines
    assert [line.text for line in lines] == ["r0c0 r0c1 r0c2", "r1c0 r1c1 r1c2", "r2c0 r2c1 r2c2"]
    assert [line.cells for line in lines] == [3, 3, 3]


def test_rotated_text_is_kept_apart_and_reported() -> None:
    page = Page([Text(72, 100, "running text"), Text(30, 600, "arXiv:2101.00001 stamp", angle=90)])
    document = read(make_pdf([page]))
    assert texts(document) == ["running text"]
    assert [line.text for line in document.pages[0].rotated] == ["arXiv:2101.00001 stamp"]
    assert document.pages[0].rotated[0].rotated


def test_pages_are_split_by_form_feeds_and_lines_know_their_page() -> None:
    document = read(make_pdf([Page([Text(72, 100, "first page")]), Page([Text(72, 100, "second page")])]))
    text = source_text(document)
    assert text.text == "first page\n\fsecond page\n"
    assert [text.page_of(1), text.page_of(2)] == [1, 2]


XMP = """<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Untitled</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Ann Author</rdf:li><rdf:li>Bo Writer</rdf:li></rdf:Seq></dc:creator>
<prism:doi>10.1234/xyz.5</prism:doi></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def test_the_pdfs_own_metadata_is_read_and_each_disagreement_reported() -> None:
    page = Page([Text(72, 60, "Real Title of the Paper", 18, "F2"), Text(72, 100, "doi: 10.1234/xyz.6.")])
    document = read(make_pdf([page], info={"Title": "Real Title of the Paper", "Author": "Typesetter"}, xmp=XMP))
    metadata = document.metadata
    assert metadata.info["Title"] == "Real Title of the Paper"
    assert metadata.xmp == {"title": "Untitled", "creator": "Ann Author; Bo Writer", "doi": "10.1234/xyz.5"}
    assert metadata.printed_doi == "10.1234/xyz.6"
    problems = compare_metadata(metadata, "Real Title of the Paper", ["Ann Author", "Bo Writer"], "10.1234/xyz.6", "sources/p.pdf")
    said = sorted(d.message for d in problems)
    assert len(problems) == 3 and all(d.rule == "pdf-metadata-disagrees" for d in problems)
    assert any("XMP gives the title as 'Untitled'" in m for m in said)
    assert any("document info gives the authors as 'Typesetter'" in m for m in said)
    assert any("XMP gives the doi as '10.1234/xyz.5'" in m for m in said)


@pytest.mark.parametrize("folder", sorted(p.name for p in FIXTURES.iterdir() if (p / "paper.pdf").is_file()) if FIXTURES.is_dir() else [])
def test_real_fixture_pdfs_are_read_without_problems(folder: str) -> None:
    document, diagnostics = read_pdf_file(FIXTURES / folder / "paper.pdf", f"{folder}.pdf")
    assert document is not None and not [d for d in diagnostics if d.severity == "error"]
    assert len(document.pages) >= 5 and len(document.lines()) > 25 * len(document.pages)  # R News papers are 5 and 6 pages
    assert not any("\ufb01" in line.text or "\ufb02" in line.text for line in document.lines())


def test_the_two_column_fixture_is_read_column_by_column() -> None:
    path = FIXTURES / "eddelbuettel2018-rcpp-intro" / "paper.pdf"
    if not path.is_file():
        pytest.skip("fixture missing")
    document, _ = read_pdf_file(path, "rcpp.pdf")
    assert document is not None
    assert sum(page.columns == 2 for page in document.pages) >= 6
    text = source_text(document).text
    # Both halves of a sentence cut at a column's foot, read in order (a line of the other column would come between).
    lines = text.split("\n")
    assert len(lines) > 300


def test_an_unchanged_pdf_is_read_once_through_the_cache(tmp_path: Path) -> None:
    from papersite.cache import Cache
    from papersite.pdf.source import read_pdf_with_evidence

    path = tmp_path / "again.pdf"
    path.write_bytes(make_pdf([Page([Text(72, 100, "read me once")])]))
    store = Cache(tmp_path).store("pdf-text", pickled=True)
    first = read_pdf_with_evidence(path, "sources/again.pdf", store)
    assert first[0] == "read me once\n" and len(store.data) == 1
    (key,) = store.data
    store.put(key, ("what the store holds\n", (), ()))  # a second read takes the store's entry, not the PDF
    assert read_pdf_with_evidence(path, "sources/again.pdf", store)[0] == "what the store holds\n"
    path.write_bytes(make_pdf([Page([Text(72, 100, "changed")])]))  # other bytes, another key
    assert read_pdf_with_evidence(path, "sources/again.pdf", store)[0] == "changed\n"
    assert len(store.data) == 2
