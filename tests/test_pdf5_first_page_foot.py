"""A first page's running foot in a variant form (issue 17): journals print "Journal | May 2, 2022 |
1–8" or the URL without its page number on page 1, where later pages print "... | 3" and
"2 | https://...". Folded free of page numbers and ranges it is the same furniture, removed and
reported, so a paragraph broken across pages 1 and 2 is mended and keeps none of it; a line that
merely shares words with a running foot, or sits mid-page, stays text."""

from __future__ import annotations

import re

from papersite.model import Diagnostic, Paper, plain_text
from papersite.parse import parse_paper
from papersite.parse.running_heads import furniture_key, unpaged_key
from papersite.pdf import read_pdf_bytes, source_text
from papersite.pdf.evidence import line_evidence
from papersite.pdf.furniture import find_furniture
from papersite.pdf.source import read_pdf_with_evidence

from .fixture_facts import PDF
from .pdf_maker import Page, Text, make_pdf

URL = "https://journal.example.org/tests"
JOURNAL = "Journal of Tests | May 2, 2022"
#: A body line that shares the running foot's words, set at mid-page and at the foot of page 1.
LOOKALIKE = "The Journal of Tests of May 2, 2022 printed it on pages 1–7 of its issue."


def shown_text(paper: Paper) -> str:
    return " ".join(plain_text(b.inlines) for s in paper.all_sections() for b in s.blocks if hasattr(b, "inlines"))


def removed(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> str:
    return "\n".join(d.message for d in diagnostics if d.rule == "layout-removed")


def test_the_fold_takes_page_numbers_and_ranges_off_either_end() -> None:
    assert unpaged_key("Rcpp Vignette | January 11, 2022 | 1–8") == unpaged_key("Rcpp Vignette | January 11, 2022 | 3")
    assert unpaged_key("2 | https://cran.r-project.org/package=Rcpp") == unpaged_key("https://cran.r-project.org/package=Rcpp")
    assert unpaged_key("pp. 1-12 · Journal of Tests") == unpaged_key("Journal of Tests 7") == "journal of tests"
    # a date's numbers stay: only a number set off at the very end (or start) is a page's
    assert unpaged_key("Journal of Tests | May 2, 2022 | 3") == "journal of tests may # #"
    # ... and the plain key still tells the variants apart (the fold is only for comparing with a head)
    assert furniture_key("Journal | May 2, 2022 | 1–8") != furniture_key("Journal | May 2, 2022 | 3")
    assert unpaged_key(LOOKALIKE) != unpaged_key(f"{JOURNAL} | 3")


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")


def prose(page: int, count: int) -> list[str]:
    """Lines of one column, their words differing from page to page as real text does."""
    return [f"line {i:02d} of the {ORDINALS[page - 1]} page, in the single column of this made-up article" for i in range(count)]


def made_up_page(number: int, pages: int) -> Page:
    body = prose(number, 40)
    if number == 1:  # a paragraph breaks across pages 1 and 2 inside a hyphenated word
        body[-1] = "and the paragraph breaks across the page in the middle of a hyphen-"
    if number == 2:
        body[0] = "ated word. It goes on after the first page's foot lines."
    if number == 4:
        body[20] = LOOKALIKE  # mid-page, folds to no head
    texts = [Text(72, 90 + 15 * i, line, 10) for i, line in enumerate(body)]
    if number == 1:
        texts = [Text(72, 50, "Variant Feet of Pages", 18, "F2"), *(Text(t.x, t.y + 20, t.text, t.size) for t in texts)]
    # one foot line a page: the URL with the page number on even pages, the journal's line on odd
    # ones, and on the first page the journal's line with the article's page range
    if number == 1:
        texts.append(Text(380, 760, f"{JOURNAL} | 1–{pages}", 7))
    elif number % 2 == 0:
        texts.append(Text(40, 760, f"{number} | {URL}", 7))
    else:
        texts.append(Text(400, 760, f"{JOURNAL} | {number}", 7))
    return Page(texts)


def made_up_pdf() -> bytes:
    return make_pdf([made_up_page(n, 7) for n in range(1, 8)])


def test_a_first_pages_variant_foot_is_found_with_the_running_feet() -> None:
    document, _ = read_pdf_bytes(made_up_pdf(), "sources/v.pdf")
    assert document is not None
    found = find_furniture(list(document.pages))
    assert [(line.text, side) for line, side in found[1].items()] == [(f"{JOURNAL} | 1–7", "foot")]
    assert [line.text for line in found[3]] == [f"{JOURNAL} | 3"]
    # nothing else on any page: the body's last lines (at the foot rows too) and the look-alike stay
    assert sorted(found) == list(range(1, 8)) and all(len(lines) == 1 for lines in found.values())
    assert not any(LOOKALIKE in line.text for lines in found.values() for line in lines)


def test_the_paragraph_across_pages_is_mended_and_the_variant_reported() -> None:
    data = made_up_pdf()
    document, diagnostics = read_pdf_bytes(data, "sources/v.pdf")
    assert document is not None
    text = source_text(document)
    paper = parse_paper(text.text, paper_id="v", path="sources/v.pdf", evidence=line_evidence(document, text))
    shown = shown_text(paper)
    assert "in the middle of a hyphenated word. It goes on" in shown
    assert "journal.example.org" not in shown and "Journal of Tests |" not in shown
    assert LOOKALIKE in shown  # a line sharing words with the foot, mid-page, is text
    report = removed(paper.diagnostics)
    assert "'Journal of Tests | May #, # | #–#' removed on 1 page" in report


def test_the_text_route_removes_a_variant_first_page_foot_too() -> None:
    """Form-feed text (what ``pdftotext`` gives) with page 1's foot in its variant form; the heads of
    later pages repeat the title and the author, as page 1's top prints them without a number."""
    pages = []
    for number in range(1, 7):
        body = [f"Sentence {i} of the {ORDINALS[number - 1]} page is plain running text of the article." for i in range(12)]
        if number == 1:
            body[-1] = "It breaks across the page inside a hyphen-"
            head, foot = ["Variant Feet of Pages", "", "Anna Karlsson", ""], [URL, f"{JOURNAL} | 1–6"]
        else:
            if number == 2:
                body[0] = "ated word, and goes on."
            head = [f"{number} Variant Feet of Pages" if number % 2 == 0 else f"Anna Karlsson {number}"]
            foot = [f"{number} | {URL}" if number % 2 == 0 else f"{JOURNAL} | {number}"]
        if number == 3:
            body[6] = LOOKALIKE
        pages.append("\n".join([*head, *body, "", *foot]))
    paper = parse_paper("\n\f".join(pages) + "\n", paper_id="t", path="sources/t.txt")
    shown = shown_text(paper)
    assert "inside a hyphenated word, and goes on." in shown
    assert not re.search(r"example\.org|Journal of Tests \||Variant Feet|Anna Karlsson", shown)
    assert LOOKALIKE in shown
    report = removed(paper.diagnostics)
    assert "1–6" not in shown and "'Journal of Tests | May #, # | #–#' removed on 1 page" in report
    # the first page's title and author line, the running heads less their numbers, stay
    assert paper.front.title == "Variant Feet of Pages"
    assert "'Variant Feet of Pages' removed" not in report and "'Anna Karlsson' removed" not in report


def test_rcpp_paragraph_across_pages_one_and_two_keeps_no_foot_line() -> None:
    """The Rcpp vignette's page 1 ends "...beyond the scope of this pa-" and page 2 goes on "per.
    However, ..."; page 1's foot prints "https://cran.r-project.org/package=Rcpp" and "Rcpp Vignette
    | January 11, 2022 | 1–8" where later pages print "2 | https://..." and "... | 3"."""
    slug = "eddelbuettel2018-rcpp-intro"
    text, evidence, _ = read_pdf_with_evidence(PDF / slug / "paper.pdf", f"sources/{slug}.pdf")
    assert text is not None
    paper = parse_paper(text, paper_id=slug, path=f"sources/{slug}.pdf", evidence=evidence)
    paragraphs = [plain_text(b.inlines) for s in paper.all_sections() for b in s.blocks if hasattr(b, "inlines")]
    found = [p for p in paragraphs if "installation steps are beyond" in p]
    assert len(found) == 1
    assert "scope of this paper. However, many external resources" in found[0]
    assert "Vignette" not in found[0] and "package=Rcpp" not in found[0]
    assert not any("Rcpp Vignette | January 11, 2022" in p or "cran.r-project.org/package=Rcpp" in p for p in paragraphs)
    report = removed(paper.diagnostics)
    assert "'Rcpp Vignette | January #, # | #–#' removed on 1 page" in report
    assert "'https://cran.r-project.org/package=Rcpp' removed on 1 page" in report
