"""Material's reader features in Chromium: search, dark mode, the cite box, instant
navigation to permalinks and text fragments, and a screenshot of every page type."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scrolling import settled_top

pytestmark = pytest.mark.browser

#: One page of each type the site has, with a text that must be on it.
PAGE_TYPES = {
    "home": ("/", "Eurasia Reader"),
    "papers-index": ("/papers/", "Rezapour"),
    "paper": ("/papers/rezapour2020/", "Foreign policy of China and Russia"),
    "glossary": ("/glossary/", "Heartland"),
    "arguments": ("/arguments/", "Hypothesis"),
    "annotations": ("/annotations/", "Annotations"),
    "bibliography": ("/bibliography/", "Walt, S. M. (1986)"),
    "citation-audit": ("/citation-audit/", "Citation audit"),
}


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_screenshot_of_each_page_type(page, site_url: str, kind: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    path, text = PAGE_TYPES[kind]
    response = page.goto(f"{site_url}{path}")
    assert response is not None and response.ok
    assert text in page.locator("article.md-content__inner").inner_text()
    page.screenshot(path=str(artifacts / f"page-{kind}.png"))


def search_until_results(page, query, results) -> None:  # type: ignore[no-untyped-def]
    """A query entered before Material's search worker has its index is not run
    (slow on a loaded machine): retype its last letter until results show."""
    for _ in range(6):
        try:
            results.first.wait_for(state="visible", timeout=10000)
            return
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: type again
            last = query.input_value()[-1]
            query.press("Backspace")
            query.press(last)
    results.first.wait_for(state="visible", timeout=10000)


def test_search_for_heartland_leads_into_rezapour(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    query = page.locator("input.md-search__input")
    query.click()
    query.fill("Heartland")
    results = page.locator(".md-search-result__item a")
    search_until_results(page, query, results)
    hrefs = [a.get_attribute("href") or "" for a in results.all()]
    into_rezapour = [h for h in hrefs if "papers/rezapour2020/" in h]
    assert into_rezapour, hrefs
    page.screenshot(path=str(artifacts / "search-heartland.png"))
    page.locator(f'.md-search-result__item a[href="{into_rezapour[0]}"]').first.click()
    page.wait_for_url("**/papers/rezapour2020/**")
    page.wait_for_function("document.querySelector('article.md-content__inner h1').textContent.includes('Foreign policy')", timeout=8000)
    assert "Heartland" in page.locator("article.md-content__inner").inner_text()
    if "#" in into_rezapour[0]:  # the result's anchor is on screen
        anchor = into_rezapour[0].split("#", 1)[1]
        assert 0 <= settled_top(page, f"[id='{anchor}']") < 300


def test_dark_mode_toggles_and_is_remembered(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(color_scheme="light")
    page.goto(f"{site_url}/papers/sadeghi2022/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator('label[title="Switch to dark mode"]').first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_bg != light_bg
    page.screenshot(path=str(artifacts / "paper-dark.png"))
    page.goto(f"{site_url}/glossary/")  # the choice holds on the next page
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.locator('label[title="Switch to light mode"]').first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


def test_cite_box_copies_bibtex(browser, page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/papers/sadeghi2022/")
    box = page.locator("details.quote", has_text="Cite this paper")
    box.locator("summary").click()
    box.locator("label", has_text="BibTeX").click()
    panel = box.locator(".tabbed-block").nth(1)  # after the csl_style tab
    panel.wait_for(state="visible")
    shown = panel.locator("code").inner_text()
    # The paper's text names no journal, so its record is @misc (see the cite box test in test_scholarly_metadata).
    assert shown.startswith("@") and "Atlanticism" in shown
    page.screenshot(path=str(artifacts / "cite-box-bibtex.png"))
    panel.locator('button[data-md-type="copy"]').click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == shown.strip()
    assert "author = {Sadeghi" in copied


def _follow_instantly(page, href: str) -> None:  # type: ignore[no-untyped-def]
    """Click a link to ``href`` placed in the current page, and check that
    Material's instant navigation (not a full page load) followed it."""
    page.evaluate(
        """href => { window.__sameDocument = true; const a = document.createElement('a');
                     a.href = href; a.id = 'probe-link'; a.textContent = 'probe';
                     document.querySelector('article p').append(a); }""",
        href,
    )
    page.locator("#probe-link").click()


def _was_instant(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("window.__sameDocument === true"))


def test_permalink_through_instant_navigation(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/arguments/")
    _follow_instantly(page, "/papers/sadeghi2022/#introduction-p2")
    page.wait_for_url("**/papers/sadeghi2022/#introduction-p2")
    assert 0 <= settled_top(page, "#introduction-p2") < 250
    assert _was_instant(page), "the link was not followed by instant navigation"
    assert "Atlanticism" in page.locator("h1").inner_text()


def test_permalink_with_text_fragment_through_instant_navigation(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """A paragraph anchor plus a text fragment, reached by instant navigation
    from another page: the passage is on screen (Chromium centres the text)."""
    page.goto(f"{site_url}/arguments/")
    _follow_instantly(page, "/papers/sadeghi2022/#introduction-p2:~:text=gas%20contract%20signed%20between")
    page.wait_for_url("**/papers/sadeghi2022/**")
    top = settled_top(page, "#introduction-p2")
    assert _was_instant(page), "the link was not followed by instant navigation"
    assert "Atlanticism" in page.locator("h1").inner_text()
    bottom = float(page.locator("#introduction-p2").evaluate("e => e.getBoundingClientRect().bottom"))
    assert top < 450 and bottom > 100, (top, bottom)


def test_permalink_through_instant_navigation_then_back(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/arguments/")
    page.evaluate("window.__sameDocument = true")
    link = page.locator('article a[href*="/papers/sadeghi2022/#hypothesis-"]').first
    anchor = (link.get_attribute("href") or "").split("#", 1)[1].split(":~:", 1)[0]  # the address keeps no text fragment
    link.click()
    page.wait_for_url(f"**/papers/sadeghi2022/#{anchor}")
    # The link names the hypothesis' sentence: it is marked and centred on screen, as Chromium does with text fragments.
    assert 0 <= settled_top(page, "mark.landed-text") < 900
    assert page.locator(f".is-landed:has(#{anchor})").count() == 1
    assert _was_instant(page)
    page.go_back()
    page.wait_for_url("**/arguments/")
    page.wait_for_function("document.querySelector('article.md-content__inner h1').textContent.startsWith('Arguments')", timeout=5000)
    assert "Hypothesis" in page.locator("article.md-content__inner").inner_text()
