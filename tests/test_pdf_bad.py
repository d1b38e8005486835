"""Bad PDFs as sources: each gives one clear diagnostic naming the file, and nothing else breaks.

The PDFs are made in the test (tests/pdf_maker.py) or from a real fixture by cutting its bytes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from papersite.pdf import extract, read_pdf_bytes, read_pdf_file
from papersite.pipeline import generate_site
from papersite.project import Project

from .conftest import make_fixture_project
from .pdf_maker import Page, Text, make_pdf

GOOD = Page([Text(72, 100, "A line of text that a reader can read.")])
FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "eddelbuettel2018-rcpp-intro" / "paper.pdf"


def only_problem(data: bytes, rule: str) -> str:
    document, diagnostics = read_pdf_bytes(data, "sources/bad.pdf")
    assert document is None
    assert [(d.rule, d.severity, d.span.path if d.span else None) for d in diagnostics] == [(rule, "error", "sources/bad.pdf")]
    return diagnostics[0].message


def test_an_encrypted_pdf_asks_for_an_unprotected_copy() -> None:
    assert "password" in only_problem(make_pdf([GOOD], encrypted=True), "pdf-encrypted")


def test_a_pdf_with_zero_pages_is_reported() -> None:
    assert "no pages" in only_problem(make_pdf([]), "pdf-no-pages")


def test_a_scanned_pdf_says_it_needs_ocr() -> None:
    assert "needs OCR" in only_problem(make_pdf([Page(image=True), Page(image=True)]), "pdf-needs-ocr")


def test_a_pdf_with_some_scanned_pages_warns_and_keeps_the_rest() -> None:
    document, diagnostics = read_pdf_bytes(make_pdf([GOOD, Page(image=True)]), "sources/half.pdf")
    assert document is not None and [d.rule for d in diagnostics] == ["pdf-needs-ocr"]
    assert diagnostics[0].severity == "warning" and "1 page(s)" in diagnostics[0].message


def test_garbage_and_non_pdfs_are_damaged() -> None:
    only_problem(b"%PDF-1.7\n" + os.urandom(2000), "pdf-damaged")
    assert "not a PDF" in only_problem(b"<html>not a pdf</html>", "pdf-damaged")
    only_problem(b"", "pdf-damaged")


@pytest.mark.parametrize("keep", [0.02, 0.3, 0.7, 0.97])
def test_a_truncated_pdf_is_read_as_far_as_it_goes_or_reported(keep: float) -> None:
    data = FIXTURE.read_bytes()
    document, diagnostics = read_pdf_bytes(data[: int(len(data) * keep)], "sources/cut.pdf")
    if document is None:
        assert len(diagnostics) == 1 and diagnostics[0].rule in {"pdf-damaged", "pdf-no-pages", "pdf-no-text", "pdf-needs-ocr"}
    else:
        assert document.pages  # PDFium rebuilt what it could


def test_an_enormous_pdf_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as stream:  # a sparse file: no disk used
        stream.write(b"%PDF-1.7\n")
        stream.truncate(extract.MAX_BYTES + 1)
    document, diagnostics = read_pdf_file(path, "sources/huge.pdf")
    assert document is None and [d.rule for d in diagnostics] == ["pdf-too-large"]


def test_a_pdf_with_too_many_pages_is_refused() -> None:
    assert "pages" in only_problem(make_pdf([Page()] * (extract.MAX_PAGES + 1)), "pdf-too-large")


def test_a_pdf_cannot_run_code_or_read_files(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    actions = (
        f"/OpenAction << /S /JavaScript /JS (app.launchURL('file://{marker}'); this.exportDataObject({{cName: 'x'}});) >> "
        f"/AA << /WC << /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (-c touch {marker}) >> >> >> "
        "/Names << /EmbeddedFiles << /Names [(passwd) << /Type /Filespec /F (/etc/passwd) >>] >> >>"
    )
    document, diagnostics = read_pdf_bytes(make_pdf([GOOD], catalog_extra=actions), "sources/active.pdf")
    assert document is not None and not diagnostics
    assert [line.text for page in document.pages for line in page.lines] == [GOOD.texts[0].text]
    assert not marker.exists()


def test_bad_pdfs_beside_a_good_paper_each_give_one_diagnostic_and_the_site_builds(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(Path(__file__).parent.parent / "sources" / "rezapour2020.txt", sources / "good.txt")
    (sources / "locked.pdf").write_bytes(make_pdf([GOOD], encrypted=True))
    (sources / "scan.pdf").write_bytes(make_pdf([Page(image=True)]))
    (sources / "empty.pdf").write_bytes(make_pdf([]))
    (sources / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (sources / "fine.pdf").write_bytes(make_pdf([Page([Text(72, 100, "A Small Paper", 18, "F2"), Text(72, 140, "Its only paragraph of text.")])]))
    project = make_fixture_project(tmp_path, sources)
    result = generate_site(Project.at(project))
    assert sorted(p.id for p in result.papers) == ["fine", "good"]
    for name, rule in (("locked", "pdf-encrypted"), ("scan", "pdf-needs-ocr"), ("empty", "pdf-no-pages"), ("broken", "pdf-damaged")):
        about = [d for d in result.diagnostics if d.span and d.span.path == f"sources/{name}.pdf"]
        assert [d.rule for d in about] == [rule], about
    assert not result.fatal
    assert "Its only paragraph of text." in result.pages["papers/fine.md"]
