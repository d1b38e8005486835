"""The PDF's layout evidence carried from reading to parsing: a short line the PDF printed in the
body's type is no heading, whatever the rules guess from its text."""

from __future__ import annotations

from pathlib import Path

from papersite.metadata import PaperMetadata
from papersite.parse import parse_paper
from papersite.pdf.source import read_pdf_source, read_pdf_with_evidence
from papersite.stages.papers import PaperSource, _PaperInput

from .conftest import ROOT

PSCL = ROOT / "tests" / "fixtures" / "pdf" / "zeileis2008-pscl-countreg" / "paper.pdf"


def titles(evidence: tuple[()] | None = None) -> list[str]:
    text, found, _ = read_pdf_with_evidence(PSCL, "sources/pscl.pdf")
    assert text is not None
    paper = parse_paper(text, paper_id="pscl", path="sources/pscl.pdf", evidence=found if evidence is None else evidence)
    return [s.title for s in paper.all_sections()]


def test_the_reader_gives_one_evidence_entry_per_text_line() -> None:
    text, evidence, diagnostics = read_pdf_with_evidence(PSCL, "sources/pscl.pdf")
    assert text is not None and len(evidence) == len(text.split("\n")) - 1  # the text ends with a newline
    assert (text, diagnostics) == read_pdf_source(PSCL, "sources/pscl.pdf")
    assert sum(e is not None and e.bold for e in evidence) > 10


def test_console_output_in_the_body_type_is_not_a_heading_with_evidence() -> None:
    without = titles(evidence=())
    with_evidence = titles()
    for console in ("Theta: count = 1.3955", "Number of Fisher Scoring iterations: 5"):
        # the text rules alone no longer take these for headings either (a label and its value, R's
        # console output: parse/headings.py); the evidence must not bring them back
        assert console not in without
        assert console not in with_evidence
    # headings the PDF sets apart stay, numbered ones and the italic larger ones alike
    for heading in ("Model frame", "Quasi-Poisson model", "Negative binomial models"):
        assert heading in with_evidence
    assert any(t.endswith("Quasi-Poisson regression") for t in with_evidence)


def test_the_cache_key_covers_the_evidence() -> None:
    text, evidence, diagnostics = read_pdf_with_evidence(PSCL, "sources/pscl.pdf")
    source = PaperSource("pscl", Path("sources/pscl.pdf"), None)
    plain = _PaperInput(source, "sources/pscl.pdf", text, PaperMetadata(), tuple(diagnostics), ())
    laid_out = _PaperInput(source, "sources/pscl.pdf", text, PaperMetadata(), tuple(diagnostics), evidence)
    assert plain.key != laid_out.key


def wrapped_heading_pdf() -> bytes:
    from .pdf_maker import Page, Text, make_pdf

    body = "the body text of the paper runs on in the same words on every line of"
    pages = []
    for number in (1, 2):
        y = 90.0
        texts = []
        if number == 2:
            texts += [
                Text(72, y, "2. Testing and dating structural changes in the presence of serial", 12, "F2"),
                Text(72, y + 14, "correlation and heteroskedasticity", 12, "F2"),
            ]
            y += 34
        for _ in range(30):
            texts.append(Text(72, y, body))
            y += 12
        texts.append(Text(72, y, "and so the paragraph ends here."))
        pages.append(Page(texts))
    return make_pdf(pages)


def test_a_heading_set_over_two_lines_is_one_heading(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(wrapped_heading_pdf())
    text, evidence, _ = read_pdf_with_evidence(path, "sources/wrapped.pdf")
    assert text is not None
    full = "2. Testing and dating structural changes in the presence of serial correlation and heteroskedasticity"
    assert full in text.split("\n") or "\f" + full in text.split("\n")
    paper = parse_paper(text, paper_id="w", path="sources/wrapped.pdf", evidence=evidence)
    sections = [(s.number, s.title) for s in paper.all_sections() if s.title]
    assert ("2", full[3:]) in sections  # 14 words: too long for the text rules, set apart by its type
    without = parse_paper(text, paper_id="w", path="sources/wrapped.pdf")
    assert ("2", full[3:]) not in [(s.number, s.title) for s in without.all_sections()]


def test_names_set_apart_on_the_byline_are_separate_authors(tmp_path: Path) -> None:
    from .pdf_maker import Page, Text, make_pdf

    body = [Text(72, 200 + 12 * i, "the body text of the paper runs on in the same words on every line") for i in range(20)]
    page = Page([
        Text(120, 80, "A Study of Count Data Models", 18, "F2"),
        Text(100, 110, "Ada Lovelace", 12), Text(260, 110, "Mary Somerville", 12), Text(420, 110, "Emmy Noether", 12),
        Text(100, 126, "1", 12), Text(130, 126, "Introduction", 12),
        *body,
    ])
    path = tmp_path / "byline.pdf"
    path.write_bytes(make_pdf([page]))
    text, _, _ = read_pdf_with_evidence(path, "sources/byline.pdf")
    assert text is not None
    lines = text.split("\n")
    assert "Ada Lovelace, Mary Somerville, Emmy Noether" in lines
    assert not any(line.startswith("1,") for line in lines)  # a heading's number is not a name
    paper = parse_paper(text, paper_id="b", path="sources/byline.pdf")
    assert [a.name for a in paper.front.authors] == ["Ada Lovelace", "Mary Somerville", "Emmy Noether"]


def test_numbered_console_output_at_a_page_foot_in_the_body_type_is_text_not_notes() -> None:
    path = ROOT / "tests" / "fixtures" / "pdf" / "therneau2023-survival-timedep" / "paper.pdf"
    text, evidence, _ = read_pdf_with_evidence(path, "sources/t.pdf")
    assert text is not None
    without = parse_paper(text, paper_id="t", path="sources/t.pdf")
    paper = parse_paper(text, paper_id="t", path="sources/t.pdf", evidence=evidence)
    assert len(without.notes) > 0 and len(paper.notes) == 0  # the PDF has no footnotes
    row = "1 0 15 0 25 1.3"  # an R data frame's first row, printed in the body's type at a page's foot
    assert any(row in line for line in text.split("\n"))
    body = " ".join(str(block) for section in paper.all_sections() for block in section.blocks)
    assert "0 15 0 25 1.3" in body
