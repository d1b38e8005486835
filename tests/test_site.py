"""The built site, checked on its HTML: both engines, every paper, every paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papersite.pipeline import discover_papers, load_paper
from papersite.project import Project

from .htmlcheck import Page, read_page

PAPERS = ["rezapour2020", "sadeghi2022"]


def model(root: Path, paper_id: str):  # type: ignore[no-untyped-def]
    project = Project.at(root)
    source = next(s for s in discover_papers(project)[0] if s.id == paper_id)
    paper, _ = load_paper(project, source)
    assert paper is not None
    return paper


def page(site: Path, paper_id: str) -> Page:
    return read_page(site / "papers" / paper_id / "index.html")


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


@pytest.mark.parametrize("paper_id", PAPERS)
def test_every_section_heading_of_the_source_is_a_heading(site: Path, root: Path, paper_id: str) -> None:
    paper = model(root, paper_id)
    headings = {h.attrs.get("id"): h.text.replace("¶", "").strip() for h in page(site, paper_id).headings()}
    for section in paper.all_sections():
        assert section.id in headings, f"{section.title!r} is not a heading"
        assert section.title in headings[section.id]


@pytest.mark.parametrize("paper_id", PAPERS)
def test_every_paragraph_is_on_the_page_with_a_permalink_to_itself(site: Path, root: Path, paper_id: str) -> None:
    paper = model(root, paper_id)
    built = {p.attrs["id"]: p for p in page(site, paper_id).paragraphs()}
    for paragraph in paper.all_paragraphs():
        element = built[paragraph.id]
        assert paragraph.text[:80] in " ".join(element.text.split())
        assert any(link.get("href") == f"#{paragraph.id}" for link in element.children_links)


@pytest.mark.parametrize("paper_id", PAPERS)
def test_no_paragraph_is_left_broken_by_a_page_break(site: Path, paper_id: str) -> None:
    paragraphs = [p for p in page(site, paper_id).paragraphs() if p.tag == "p"]
    for paragraph in paragraphs:
        text = paragraph.text.replace("¶", "").strip()
        assert not text[:1].islower(), f"{paragraph.attrs['id']} starts mid-sentence: {text[:60]!r}"


@pytest.mark.parametrize("paper_id", PAPERS)
def test_no_stray_markup_remains(site: Path, paper_id: str) -> None:
    text = " ".join(e.text for e in page(site, paper_id).elements)
    for stray in ("^{", "\\$", "*M.A.*", "*IOSR"):
        assert stray not in text


def test_superscripts_tie_authors_to_affiliations(site: Path) -> None:
    html = page(site, "sadeghi2022").html
    assert "Garineh Keshishyan Siraki<sup>2*</sup>" in html
    assert "<sup>2*</sup> Department of Political Science &amp; International Relations" in html
    assert 'href="mailto:g.keshishyan71@gmail.com"' in html
    assert "$ 120 billion" in read_page(site / "papers" / "rezapour2020" / "index.html").html


def test_both_engines_give_the_same_anchors(mkdocs_site: Path, zensical_site: Path) -> None:
    for paper_id in PAPERS:
        mk, zen = page(mkdocs_site, paper_id), page(zensical_site, paper_id)
        assert [p.attrs["id"] for p in mk.paragraphs()] == [p.attrs["id"] for p in zen.paragraphs()]
        assert [h.attrs.get("id") for h in mk.headings()] == [h.attrs.get("id") for h in zen.headings()]


def test_pages_request_nothing_from_other_hosts(site: Path) -> None:
    for path in [site / "index.html", *(site / "papers" / p / "index.html" for p in PAPERS)]:
        built = read_page(path)
        for resource in [s.get("src", "") for s in built.scripts] + [l.get("href", "") for l in built.links if l.get("rel") == "stylesheet"]:
            assert not re.match(r"^(https?:)?//", resource), f"{path}: {resource}"
        assert "fonts.googleapis" not in built.html


def test_home_page_links_to_each_paper(site: Path) -> None:
    html = read_page(site / "index.html").html
    for paper_id in PAPERS:
        assert f"papers/{paper_id}/" in html


@pytest.mark.parametrize("paper_id", PAPERS)
def test_every_paragraph_element_of_a_paper_page_has_a_permalink(site: Path, paper_id: str) -> None:
    article = page(site, paper_id)
    body = [e for e in article.elements if e.tag == "p" and "md-" not in e.attrs.get("class", "")]
    assert body
    for element in body:
        anchor = element.attrs.get("id")
        assert anchor, f"paragraph without id: {element.text[:60]!r}"
        assert any(link.get("href") == f"#{anchor}" for link in element.children_links), anchor


def test_search_index_holds_each_text_once_without_furniture(site: Path) -> None:
    """Both engines' search indexes leave out what repeats text found elsewhere
    (BibTeX records, "In:"/"Cited by:" lists, see-also labels, the glossary's
    snippets of the papers), and keep the entries and paragraphs themselves."""
    index = site / "search" / "search_index.json"
    text = (index if index.is_file() else site / "search.json").read_text(encoding="utf-8")
    for furniture in ("@incollection{walt1986alliance", "Cited by:", "See also in the other paper", "In: Rezapour (2020) [3]"):
        assert furniture not in text, furniture
    for kept in ("Alliance: Balancing and Band wagoning", "Heartland"):
        assert kept in text, kept
