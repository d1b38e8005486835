"""The reader features on the Zensical build: the same Markdown, CSS and JavaScript, the same behaviour."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import open_tab, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as url:
        yield url


def test_zensical_lands_on_the_claim_and_sets_notes_in_the_margin(browser, zensical_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_tab(browser, zensical_url) as page:
        page.goto(f"{zensical_url}/arguments/")
        page.evaluate("window.__sameDocument = true")
        page.locator('a.argument-label[href*="#rezapour-conclusion-russia-tough-balance:~:text="]').click()
        page.wait_for_selector("mark.landed-text")
        assert page.evaluate("window.__sameDocument") is True
        marked = page.evaluate("[...document.querySelectorAll('mark.landed-text')].map(m => m.textContent).join('')")
        assert marked == "Important point for Russia is its aggressive policy in the form of a tough balance against the hegemon."
        page.set_viewport_size({"width": 1700, "height": 1000})
        page.wait_for_function("document.body.classList.contains('papersite-sidenotes')")
        page.emulate_media(media="print")
        assert "http" not in page.evaluate("getComputedStyle(document.querySelector('article a.cite'), '::after').content")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_zensical_touch_preview(phone_browser, zensical_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_tab(phone_browser, zensical_url) as phone:
        phone.goto(f"{zensical_url}/papers/sadeghi2022/")
        term = phone.locator("article a.term").first
        term.scroll_into_view_if_needed()
        term.tap()
        phone.locator(".preview-popover").wait_for(state="visible")
        assert phone.url.endswith("/papers/sadeghi2022/")
        assert ":" in phone.locator(".preview-popover .preview-text").inner_text()
