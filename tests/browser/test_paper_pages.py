"""Paper pages in Chromium: titles, headings, and paragraph permalinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scrolling import settled_top

pytestmark = pytest.mark.browser

PAPERS = {
    "rezapour2020": (
        "Foreign policy of China and Russia against the US in Eurasia",
        "China and Russia against the US in Eurasia",
        "I. Introduction",
    ),
    "sadeghi2022": (
        "Evaluation of Possibility Assessment of Russia - China Cooperation",
        "Russia–China cooperation on Atlanticism",
        "Theoretical Framework",
    ),
}


@pytest.mark.parametrize("paper_id", sorted(PAPERS))
def test_paper_page_shows_title_and_headings(page, site_url: str, paper_id: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    title, short_title, a_heading = PAPERS[paper_id]
    page.goto(f"{site_url}/papers/{paper_id}/")
    assert title in page.locator("h1").inner_text()
    assert page.title().startswith(short_title)
    headings = [h.replace("¶", "").strip() for h in page.locator("article h2").all_inner_texts()]
    assert a_heading in headings and "References" in headings
    page.screenshot(path=str(artifacts / f"paper-{paper_id}.png"), full_page=False)


def test_clicking_a_paragraph_permalink_goes_to_that_paragraph(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/")
    link = page.locator("#theoretical-framework-p3 > a.para-link")
    link.click()
    page.wait_for_function("location.hash === '#theoretical-framework-p3'")
    top = settled_top(page, "#theoretical-framework-p3")
    assert 0 <= top < 200, top


def test_opening_a_permalink_shows_that_paragraph_at_the_top(page, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/rezapour2020/#eurasia-geopolitics-p1")
    top = settled_top(page, "#eurasia-geopolitics-p1")
    assert 0 <= top < 200, top
    assert "Kazakhstan and Turkmenistan have huge reserves" in page.locator("#eurasia-geopolitics-p1").inner_text()
    page.screenshot(path=str(artifacts / "permalink-rezapour2020.png"))


def test_permalink_is_reachable_from_the_keyboard(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/")
    page.locator("#abstract-p1 > a.para-link").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#abstract-p1'")


HOSTILE_PAGES = [
    "papers/evil/index.html", "papers/index.html", "glossary/index.html", "index.html", "annotations/index.html",
    "arguments/index.html", "bibliography/index.html", "citation-audit/index.html",
]


@pytest.mark.parametrize("name", HOSTILE_PAGES)
def test_hostile_pages_run_nothing_and_request_nothing_off_site(browser, hostile_site: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    tab = browser.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto((hostile_site / name).as_uri())
    tab.wait_for_timeout(400)
    # Hover and focus every link the sources produced: no handler may fire.
    for link in tab.locator("article a").all()[:40]:
        if link.is_visible():
            link.hover()
        href = link.get_attribute("href") or ""
        assert not href.startswith(("javascript:", "data:"))
    injected = tab.evaluate(
        """window.__pwned === undefined && document.querySelectorAll(
            'article script:not([type="application/ld+json"]), article iframe, article img').length"""
    )
    tab.close()
    assert dialogs == []
    assert injected == 0
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
