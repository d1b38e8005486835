"""Scholarly metadata and citation export on paper pages; COinS on the Bibliography (both engines)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


def page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_highwire_press_tags_in_the_head(site: Path) -> None:
    head = page(site, "papers", "rezapour2020").split("</head>", 1)[0]
    tags = dict(re.findall(r'<meta name="(citation_\w+)" content="([^"]*)"', head))
    assert tags["citation_title"] == "Foreign policy of China and Russia against the US in Eurasia"
    assert tags["citation_author"] == "Rezapour, Masoud"  # family name first (issue 20)
    assert (tags["citation_publication_date"], tags["citation_volume"], tags["citation_issue"]) == ("2020", "25", "2")
    assert tags["citation_journal_title"].startswith("IOSR Journal of Humanities and Social Science")
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == ("37", "45")
    sadeghi = page(site, "papers", "sadeghi2022").split("</head>", 1)[0]
    assert len(re.findall(r'<meta name="citation_author"', sadeghi)) == 3
    assert 'name="citation_title"' not in page(site, "glossary").split("</head>", 1)[0]


def test_schema_org_scholarly_article(site: Path) -> None:
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page(site, "papers", "sadeghi2022"), re.S)
    assert data
    article = json.loads(data.group(1))
    assert article["@type"] == "ScholarlyArticle" and article["datePublished"] == "2022"
    assert [a["name"] for a in article["author"]] == ["Miad Sadeghi", "Garineh Keshishyan Siraki", "Mohammad Reza Ghaedi"]


def test_cite_box_offers_apa_chicago_bibtex_ris_and_downloads(site: Path) -> None:
    html = page(site, "papers", "sadeghi2022")
    for label in ("APA", "BibTeX", "RIS"):  # the style of extra.papersite.csl_style (apa), not also Chicago (issue 20)
        assert f">{label}</label>" in html
    assert ">Chicago</label>" not in html
    assert "Sadeghi, M., Keshishyan Siraki, G., &amp; Ghaedi, M. R. (2022)." in html
    assert "@misc{sadeghi2022evaluation," in html and "TY  - GEN" in html
    assert 'href="/bibliography/sadeghi2022.bib"' in html and 'href="/papers/sadeghi2022.txt"' in html
    assert (site / "papers" / "sadeghi2022.txt").read_bytes() == (Path(__file__).parents[1] / "sources" / "sadeghi2022.txt").read_bytes()


def test_every_bibliography_entry_carries_coins(site: Path) -> None:
    html = page(site, "bibliography")
    spans = re.findall(r'<span class="Z3988" title="([^"]*)"></span>', html)
    assert len(spans) == html.count('<div class="bib-entry"')
    walt = next(parse_qs(s.replace("&amp;", "&")) for s in spans if "Walt" in s)
    assert walt["rft.aulast"] == ["Walt"] and walt["rft.date"] == ["1986"]
