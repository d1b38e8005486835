"""Page furniture found by position and repetition (papersite.pdf.furniture): a line printed at the
same place at the foot (or head) of many pages, a page number folded in, goes to its page's edge
and never joins a paragraph or a reference entry."""

from __future__ import annotations

import re

from papersite.model import Paragraph, plain_text
from papersite.parse import parse_paper
from papersite.pdf import read_pdf_bytes, source_text
from papersite.pdf.evidence import line_evidence
from papersite.pdf.furniture import find_furniture, furniture_key
from papersite.pdf.source import read_pdf_with_evidence

from .fixture_facts import PDF, facts
from .pdf_maker import Page, Text, make_pdf

def prose(number: int, side: str, count: int) -> list[str]:
    """``count`` lines of a justified column (all one width), the last one ending a sentence."""
    page = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")[number - 1]
    return [f"line {i:02d} of the {page} page's {side} column, set in nine point" + ("." if i == count - 1 else "") for i in range(count)]


REFERENCES = [
    "Adams J (2001). A study of lines. Journal of Tests, 1, 1-9.",
    "Baker K (2005). Columns and their order.",
    "Journal of Layout, 4, 10-20.",  # set with a hanging indent
    "Clark L (2011). Feet of pages. Reading Quarterly, 3, 5-10.",
]


def foot(number: int) -> list[Text]:
    """The page's foot line, set small: the page number and the journal's URL under the left column
    on even pages, the authors under the left and the journal's line under the right on odd ones."""
    if number % 2 == 0:
        return [Text(40, 760, f"{number} | https://journal.example.org/tests", 6), Text(480, 760, "Adams and Baker", 6)]
    return [Text(72, 760, "Adams and Baker", 6), Text(420, 760, f"Journal of Tests | May 2, 2022 | {number}", 6, "F2")]


def page(number: int) -> Page:
    left = prose(number, "left", 40)
    right = prose(number, "right", 40 if number < 7 else 30)
    texts = [Text(72, 100 + 14 * i, line, 9) for i, line in enumerate(left)]
    texts += [Text(320, 100 + 14 * i, line, 9) for i, line in enumerate(right)]
    if number == 7:  # the reference list ends the right column of the last page
        texts.append(Text(320, 100 + 14 * 31, "References", 11, "F2"))
        texts += [Text(320 if line[0].isupper() and "(" in line else 328, 100 + 14 * (32 + i), line, 8) for i, line in enumerate(REFERENCES)]
    # a note under the left column on even pages, under the right one on odd pages: there the
    # reading order reads the left column's foot line before it, and the text rules, reading a
    # page's edge from the foot up, stop at the note
    x = 72 if number % 2 == 0 else 320
    texts += [Text(x - 4, 697, str(number), 5), Text(x, 700, "A note under a column, set in seven point", 7), Text(x, 709, f"{'ab' * number} words long.", 7)]
    return Page(texts + foot(number))


def test_the_foot_lines_repeated_at_one_place_are_found_on_every_page() -> None:
    document, _ = read_pdf_bytes(make_pdf([page(n) for n in range(1, 8)]), "sources/f.pdf")
    assert document is not None
    found = find_furniture(list(document.pages))
    texts = {n: sorted(line.text for line in lines) for n, lines in found.items()}
    assert texts[2] == ["2 | https://journal.example.org/tests", "Adams and Baker"]
    assert texts[3] == ["Adams and Baker", "Journal of Tests | May 2, 2022 | 3"]
    assert all(side == "foot" for lines in found.values() for side in lines.values())
    # ... and each page ends with them, whatever column they were printed under
    for number, lines in found.items():
        tail = [line.text for line in document.pages[number - 1].lines[-len(lines):]]
        assert sorted(tail) == texts[number]


def test_the_last_reference_entry_ends_where_the_printed_entry_ends() -> None:
    data = make_pdf([page(n) for n in range(1, 8)])
    document, _ = read_pdf_bytes(data, "sources/f.pdf")
    assert document is not None
    text = source_text(document)
    paper = parse_paper(text.text, paper_id="f", path="sources/f.pdf", evidence=line_evidence(document, text))
    assert [r.raw for r in paper.references][-1] == REFERENCES[-1]
    shown = " ".join(plain(b) for s in paper.all_sections() for b in s.blocks)
    assert "journal.example.org" not in shown and "Adams and Baker" not in shown


def test_a_line_that_recurs_at_different_places_is_no_furniture() -> None:
    # the same words at the foot of every page, but each time at another height: text, not furniture
    pages = [Page([*(Text(72, 100 + 14 * i, line, 9) for i, line in enumerate(prose(n, "only", 30))), Text(72, 600 + 20 * n, "See the appendix", 9)])
             for n in range(1, 8)]
    document, _ = read_pdf_bytes(make_pdf(pages), "sources/g.pdf")
    assert document is not None
    assert find_furniture(list(document.pages)) == {}


def test_the_key_folds_digits_and_punctuation() -> None:
    assert furniture_key("8 | https://cran.r-project.org/package=Rcpp") == furniture_key("12 | https://cran.r-project.org/package=Rcpp")
    assert furniture_key("Vignette | January 11, 2022 | 3") == "vignette january # # #"


def plain(block: Paragraph) -> str:
    return plain_text(block.inlines)


def flat(text: str) -> str:
    return " ".join(re.sub(r"[\x00-\x1f]", "", text).split())


def test_rcpp_last_reference_ends_where_it_is_printed_not_with_the_page_foot() -> None:
    """The Rcpp vignette's last entry is followed on its page by a note under the left column and
    the foot line '8 | https://cran.r-project.org/package=Rcpp': neither belongs to it. facts.yml
    records the whole entry as printed."""
    slug = "eddelbuettel2018-rcpp-intro"
    path = PDF / slug / "paper.pdf"
    text, evidence, _ = read_pdf_with_evidence(path, f"sources/{slug}.pdf")
    assert text is not None
    paper = parse_paper(text, paper_id=slug, path=f"sources/{slug}.pdf", evidence=evidence)
    last = flat(paper.references[-1].raw)
    assert last == flat(facts(slug)["references"]["last"])
    assert not any("cran.r-project.org/package=Rcpp" in r.raw for r in paper.references)
    # nor does the authors' foot line end a paragraph on the odd pages, where it is printed under
    # the left column and a note stands under the right one; page 1's variant foot ("... | 1–8")
    # is furniture too (tests/test_pdf5_first_page_foot.py)
    text = " ".join(plain(b) for s in paper.all_sections() for b in s.blocks)
    assert not re.search(r"Eddelbuettel and Balamuta(?! \()|Rcpp Vignette \| January 11, 2022 \| \d", text)
