"""Linking to arguments in Chromium: named anchors, aliases, text fragments, copied permalinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scrolling import settled_top

pytestmark = pytest.mark.browser


def test_named_argument_anchor_opens_at_the_hypothesis(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/#hypothesis-1")
    assert 0 <= settled_top(page, "#hypothesis-1") < 250
    assert "Sub-hypothesis 1:" in page.locator("li:has(#hypothesis-1)").inner_text()
    page.screenshot(path=str(artifacts / "argument-anchor.png"))


def test_text_fragment_link_scrolls_to_the_passage(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/#:~:text=gas%20contract%20signed%20between")
    top = settled_top(page, "#introduction-p2")
    bottom = float(page.locator("#introduction-p2").evaluate("e => e.getBoundingClientRect().bottom"))
    assert top < 900 and bottom > 0, (top, bottom)


def test_permalink_copies_the_full_url(browser, page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/papers/rezapour2020/")
    page.locator("#conclusion-p1 > a.para-link").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}/papers/rezapour2020/#conclusion-p1"


def test_concordance_link_through_instant_navigation_lands_on_the_paragraph(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/glossary/")
    link = page.locator('#heartland ~ .term-uses a[href*="/papers/rezapour2020/#"]').first
    href = link.get_attribute("href") or ""
    anchor = href.split("#", 1)[1]
    page.evaluate("window.__sameDocument = true")
    link.click()
    page.wait_for_url(f"**/papers/rezapour2020/#{anchor}")
    assert 0 <= settled_top(page, f"#{anchor}") < 250
    assert page.evaluate("window.__sameDocument === true"), "not followed by instant navigation"


def test_see_also_leads_into_the_other_paper(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/rezapour2020/#chinas-confrontation-with-us-hegemony-in-eurasia-p3")
    page.locator('.see-also a[href$="/papers/sadeghi2022/#background-p12"]').first.click()
    page.wait_for_url("**/papers/sadeghi2022/#background-p12")
    assert 0 <= settled_top(page, "#background-p12") < 250


def test_citation_shows_its_reference_on_hover_and_leads_to_the_entry(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/#balance-of-threat-p1")
    citation = page.locator('#balance-of-threat-p1 a.cite[href$="/bibliography/#walt1986alliance"]').first
    citation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert "Walt, S. M. (1986)" in tooltip.inner_text() and "pp. 110-113" in tooltip.inner_text()
    page.screenshot(path=str(artifacts / "citation-hover.png"))
    citation.click()
    page.wait_for_url("**/bibliography/#walt1986alliance")
    assert 0 <= settled_top(page, "#walt1986alliance") < 250
    assert "Cited by:" in page.locator("#walt1986alliance").inner_text()
