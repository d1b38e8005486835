"""The glossary in the built site: terms linked from the papers, concordance deep links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .htmlcheck import read_page


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


def term_links(site: Path, paper_id: str) -> list[tuple[str, str, str]]:
    """(text, glossary anchor, tooltip) of every term link on a paper page."""
    html = (site / "papers" / paper_id / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<a class="term" href="/glossary/#([\w-]+)" title="([^"]*)">([^<]+)</a>', html) and [
        (text, anchor, title)
        for anchor, title, text in re.findall(r'<a class="term" href="/glossary/#([\w-]+)" title="([^"]*)">([^<]+)</a>', html)
    ]


def test_glossary_has_at_least_25_terms_with_anchors(site: Path) -> None:
    page = read_page(site / "glossary" / "index.html")
    anchors = [h.attrs.get("id") for h in page.headings() if h.tag == "h2"]
    assert len(anchors) >= 25
    for required in ("atlanticism", "heartland", "balance-of-threat"):
        assert required in anchors


def test_named_terms_are_linked_from_the_papers_with_definitions(site: Path) -> None:
    sadeghi = term_links(site, "sadeghi2022")
    rezapour = term_links(site, "rezapour2020")
    assert any(anchor == "atlanticism" and "Atlanticism:" in tip for _, anchor, tip in sadeghi)
    assert any(anchor == "heartland" and text == "Heartland" for text, anchor, _ in rezapour)
    threat_forms = {text.lower() for text, anchor, _ in sadeghi if anchor == "balance-of-threat"}
    assert {"balance of threat", "threat balance", "balance of threats"} <= threat_forms


def test_no_term_is_linked_inside_headings_or_references(site: Path) -> None:
    html = (site / "papers" / "sadeghi2022" / "index.html").read_text(encoding="utf-8")
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
        assert 'class="term"' not in heading
    references = html.split('id="references"', 1)[1]
    assert 'class="term"' not in references


def test_concordance_deep_links_into_both_papers(site: Path) -> None:
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    entry = html.split('id="nato"', 1)[1].split("<h2", 1)[0]
    links = set(re.findall(r'href="\.\./papers/(\w+)/#([\w-]+)"', entry))
    assert {paper for paper, _ in links} == {"rezapour2020", "sadeghi2022"}
    for paper, anchor in links:
        target = (site / "papers" / paper / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in target
