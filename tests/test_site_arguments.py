"""Arguments, annotations and cross-paper links in the built site (both engines)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from papersite.pipeline import build_site

from .conftest import ROOT, make_fixture_project
from .htmlcheck import read_page

LABELLED = ["main-question", "question-1", "question-2", "main-hypothesis", "hypothesis-1", "hypothesis-2",
            "main-objective", "objective-1", "objective-2"]


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


def html(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_labelled_questions_hypotheses_objectives_have_named_anchors(site: Path) -> None:
    page = html(site, "papers", "sadeghi2022")
    for anchor in LABELLED:
        assert f'id="{anchor}"' in page
    assert re.search(r'<li id="background-p\d+" class="para"><span class="anchor-alias" id="hypothesis-1"></span>Sub-hypothesis 1:', page)


def test_arguments_page_links_every_labelled_item_and_both_papers_claims(site: Path) -> None:
    page = html(site, "arguments")
    for anchor in LABELLED:
        assert f'/papers/sadeghi2022/#{anchor}:~:text=' in page  # with the claim's sentence as a text fragment
    for theme in ("us-hegemony-and-atlanticism", "russias-policy", "chinas-policy", "kinds-of-balancing", "limits-of-cooperation"):
        section = page.split(f'id="{theme}"', 1)[1].split("<h2", 1)[0]
        assert "/papers/rezapour2020/#" in section and "/papers/sadeghi2022/#" in section, theme


def test_annotations_render_beside_their_passages(site: Path) -> None:
    notes = 0
    for paper in ("rezapour2020", "sadeghi2022"):
        page = html(site, "papers", paper)
        for note in re.findall(r'id="note-([\w-]+)"', page):
            notes += 1
            assert f'id="mark-{note}"' in page
        assert page.count('class="admonition') >= 7
    assert notes >= 15
    listing = html(site, "annotations")
    assert listing.count('class="annotation-entry annotation-') == notes


def test_annotations_export_as_web_annotation_json_ld(site: Path) -> None:
    data = json.loads((site / "annotations" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) >= 15
    texts = {p: re.sub(r"\s+", " ", " ".join(e.text for e in read_page(site / "papers" / p / "index.html").elements))
             for p in ("rezapour2020", "sadeghi2022")}
    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] in {"commenting", "editing", "describing", "assessing"}
        assert item["body"][0]["type"] == "TextualBody" and item["body"][0]["value"]
        selector = item["target"]["selector"][0]
        assert selector["type"] == "TextQuoteSelector"
        paper = item["target"]["source"].rstrip("/").rsplit("/", 1)[-1]
        assert " ".join(selector["exact"].split()) in texts[paper]
    assert 'href="annotations.jsonld"' in html(site, "annotations")


def test_cross_paper_links_where_both_papers_treat_the_subject(site: Path) -> None:
    rezapour = html(site, "papers", "rezapour2020")
    sadeghi = html(site, "papers", "sadeghi2022")
    assert rezapour.count('class="see-also"') >= 4 and sadeghi.count('class="see-also"') >= 4
    # The editors' link between the two discussions of mistrust, both ways.
    assert 'href="/papers/sadeghi2022/#background-p12"' in rezapour
    assert 'href="/papers/rezapour2020/#chinas-confrontation-with-us-hegemony-in-eurasia-p3"' in sadeghi


def test_an_annotation_whose_quote_no_longer_matches_fails_the_build(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "sources")
    build_site(project)
    page = project / "docs" / "papers" / "rezapour2020.md"
    before = page.read_bytes()
    source = project / "sources" / "rezapour2020.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Ho Jin Tao's Journey", "Hu Jintao's journey"), encoding="utf-8")
    result = build_site(project)
    assert [(d.rule, str(d.span).split(":")[0]) for d in result.fatal] == [
        ("annotation-quote-unmatched", "sources/annotations/rezapour2020.yml")
    ]
    assert "'hu-jintao'" in result.fatal[0].message
    assert page.read_bytes() == before
