"""Previews on touch, readable tooltips inside the viewport (issue 20, point 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .test_reader_accessibility import _serious

pytestmark = pytest.mark.browser

POPOVER = ".preview-popover"
INSIDE = """s => { const r = document.querySelector(s).getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""


def _root_px(tab) -> float:  # type: ignore[no-untyped-def]
    return float(tab.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tap_on_a_citation_previews_then_goes(phone, site_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    phone.emulate_media(color_scheme=scheme)
    phone.goto(f"{site_url}/papers/rezapour2020/")
    phone.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    cite = phone.locator("article a.cite").nth(5)
    cite.scroll_into_view_if_needed()
    reference = cite.get_attribute("title") or ""
    href = cite.evaluate("a => a.href")
    cite.tap()
    popover = phone.locator(POPOVER)
    popover.wait_for(state="visible")
    assert phone.url.endswith("/papers/rezapour2020/")  # the tap did not leave the page
    assert popover.locator(".preview-text").inner_text() == reference and reference
    assert popover.locator("a.preview-go").evaluate("a => a.href") == href
    assert float(popover.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 0.8 * _root_px(phone)
    assert phone.evaluate(INSIDE, POPOVER)
    phone.screenshot(path=str(artifacts / f"phone-preview-citation-{scheme}.png"))
    serious = _serious(phone, artifacts, f"phone-preview-{scheme}")
    assert not serious, serious
    phone.locator("article h1").tap()  # a tap outside closes it
    assert phone.locator(POPOVER).count() == 0
    cite.tap()
    popover.wait_for(state="visible")
    cite.tap()  # the second tap goes there
    phone.wait_for_url("**/bibliography/**")
    key = href.split("#", 1)[1]
    phone.wait_for_function("k => document.getElementById(k) && document.getElementById(k).classList.contains('is-landed')", arg=key)


def test_tap_on_a_term_previews_its_definition_and_closes_on_escape_and_scroll(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/papers/sadeghi2022/")
    term = phone.locator("article a.term").first
    term.scroll_into_view_if_needed()
    definition = term.get_attribute("title") or ""
    term.tap()
    popover = phone.locator(POPOVER)
    popover.wait_for(state="visible")
    assert popover.locator(".preview-text").inner_text() == definition and ":" in definition
    assert popover.locator("a.preview-go").inner_text().startswith("Go to the glossary")
    phone.keyboard.press("Escape")
    assert phone.locator(POPOVER).count() == 0
    term.tap()
    popover.wait_for(state="visible")
    phone.evaluate("window.scrollBy(0, 200)")
    phone.wait_for_function("!document.querySelector('.preview-popover')")


def test_preview_opens_upward_near_the_bottom_edge(phone, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/papers/rezapour2020/")
    cite = phone.locator("article a.cite").nth(8)
    # Put the citation 60 px above the bottom of the screen.
    cite.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().bottom - innerHeight + 60)")
    phone.wait_for_timeout(200)
    cite.tap()
    phone.locator(POPOVER).wait_for(state="visible")
    assert phone.evaluate(INSIDE, POPOVER)
    above = phone.evaluate("document.querySelector('.preview-popover').getBoundingClientRect().bottom")
    assert above <= cite.evaluate("a => a.getBoundingClientRect().top"), "the preview did not open upward"
    phone.screenshot(path=str(artifacts / "phone-preview-bottom-edge.png"))


def test_desktop_tooltip_is_readable_and_inside_the_viewport(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/rezapour2020/")
    cite = page.locator("article a.cite").nth(8)
    cite.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().bottom - innerHeight + 30)")
    page.wait_for_timeout(200)
    cite.hover()
    tip = page.locator(".md-tooltip2--active [class='md-tooltip2__inner md-typeset'], .md-tooltip2--active .md-tooltip2__inner").first
    tip.wait_for(state="visible")
    style = tip.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    assert style[0] >= 0.8 * _root_px(page) and style[1] == "400", style
    # Material places the tooltip once it has measured it (it may open below the link for a frame
    # before it flips above); what the reader sees after that must be inside the viewport.
    inside = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    try:
        tip.element_handle().wait_for_element_state("stable", timeout=2000)
        page.wait_for_function(f"() => ({inside})(document.querySelector('.md-tooltip2--active .md-tooltip2__inner'))", timeout=2000)
    except PlaywrightTimeout:
        pass  # the assertion below says where it stayed
    box = tip.evaluate("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }")
    assert box[0] >= 0 and box[1] <= box[2], box
    assert page.locator(POPOVER).count() == 0  # no touch preview for the mouse
    page.screenshot(path=str(artifacts / "desktop-tooltip-bottom-edge.png"))
