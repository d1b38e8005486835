"""Smaller reader defects of issue 20, point 7, checked on the built site (both engines)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from papersite.render.inline import readable_note


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


def _page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_readable_note_leaves_out_bibliography_keys() -> None:
    note = "no entry for Koolaei & Tisheh Yar 2006; the closest entry, koolaei2007north, is from 2007"
    assert readable_note(note, {"koolaei2007north"}) == "no entry for Koolaei & Tisheh Yar 2006; the closest entry is from 2007"
    assert readable_note("the closest entry's name differs too much to be sure", {"x2001y"}) == "the closest entry's name differs too much to be sure"


def test_unresolved_citation_tooltips_show_no_internal_keys(site: Path) -> None:
    page = _page(site, "papers", "sadeghi2022")
    keys = set(re.findall(r'class="bib-entry" id="([^"]+)"', _page(site, "bibliography")))
    tips = [html.unescape(t) for t in re.findall(r'class="cite cite-unresolved" tabindex="0" title="([^"]*)"', page)]
    assert len(tips) >= 5
    for tip in tips:
        assert not [k for k in keys if k in tip], tip
    assert any("the closest entry is from 2007 (perhaps Koolaei" in tip for tip in tips)


def test_research_design_holds_every_question_and_hypothesis_capitalised(site: Path) -> None:
    page = _page(site, "arguments")
    design = page.split('id="research-design"', 1)[1].split("<h2", 1)[0]
    for anchor in ("rezapour-question", "rezapour-hypothesis", "main-question", "main-hypothesis"):
        assert f"#{anchor}:~:text=" in design, anchor
    texts = [html.unescape(t) for t in re.findall(r'<span class="argument-text">([^<]*)</span>', page)]
    assert texts and all(t[:1].isupper() or not t[:1].isalpha() for t in texts), [t for t in texts if t[:1].islower()]


def test_navigation_puts_papers_first_and_names_home_once(site: Path) -> None:
    page = _page(site, "papers", "rezapour2020")  # no item of it is the current page
    primary = page.split('md-sidebar--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    links = [html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in re.findall(r'class="md-nav__link[^"]*"[^>]*>(.*?)</a>', primary, re.S)]
    links = [" ".join(t.split()) for t in links if t.strip()]
    assert links[:7] == ["Home", "Papers", "Arguments", "Glossary", "Bibliography", "Annotations", "Citation audit"], links
    assert links.count("Eurasia Reader") == 0
