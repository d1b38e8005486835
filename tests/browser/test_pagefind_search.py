"""Pagefind search (``extra.papersite.search: pagefind``) in Chromium: from the header's
Search link, by keyboard, to a result and into the paper at the matching paragraph;
nothing requested from another host; light and dark; no serious axe violation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import open_tab, serve
from .scrolling import settled_top

pytestmark = pytest.mark.browser

RESULT_LINKS = ".pagefind-ui__result a.pagefind-ui__result-link"


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site: Path) -> Iterator[str]:
    with serve(pagefind_site) as url:
        yield url


@pytest.fixture
def tab(browser, pagefind_url: str):  # type: ignore[no-untyped-def]
    with open_tab(browser, pagefind_url) as page:
        yield page


def test_search_heartland_from_the_header_into_rezapour(tab, pagefind_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = tab
    page.emulate_media(color_scheme="light")
    page.goto(f"{pagefind_url}/papers/sadeghi2022/")
    link = page.locator(".md-header__inner a.papersite-search-link")
    assert link.get_attribute("aria-label") == "Search" and link.is_visible()
    assert page.locator("label[for=__search]").count() == 0  # Material's search is off
    # Keyboard: the header link, Enter, the query typed into the box that has the focus.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/")
    box = page.locator("input.pagefind-ui__search-input")
    box.wait_for(state="visible", timeout=10000)
    page.wait_for_function("document.activeElement && document.activeElement.matches('input.pagefind-ui__search-input')", timeout=5000)
    assert page.locator("form.pagefind-ui__form[role=search]").get_attribute("aria-label") == "Search the papers"
    page.keyboard.type("Heartland")
    page.locator(RESULT_LINKS).first.wait_for(state="visible", timeout=20000)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(RESULT_LINKS).all()]
    into_rezapour = [h for h in hrefs if h.startswith("/papers/rezapour2020/#")]
    assert into_rezapour, hrefs
    anchor = into_rezapour[0].split("#", 1)[1]
    assert anchor.startswith("eurasia-geopolitics"), hrefs  # the section, led on to its paragraph
    page.screenshot(path=str(artifacts / "pagefind-search-heartland.png"))
    # Following the result: the paper, with the matching passage at the top.
    result = page.locator(f'{RESULT_LINKS}[href="{into_rezapour[0]}"]').first
    result.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/papers/rezapour2020/#{anchor}")
    page.wait_for_function("document.querySelector('article h1').textContent.includes('Foreign policy')", timeout=8000)
    target = page.locator(f"[id='{anchor}']")
    assert "Heartland" in target.inner_text()
    assert 0 <= settled_top(page, f"[id='{anchor}']") < 300


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_in_light_and_dark_mode_is_accessible(tab, pagefind_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page = tab
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{pagefind_url}/search/?q=hegemony")  # a query in the address runs at once
    page.locator(RESULT_LINKS).first.wait_for(state="visible", timeout=20000)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    page.wait_for_timeout(200)
    text = page.evaluate("getComputedStyle(document.querySelector('.pagefind-ui__result-link')).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert text != background
    page.screenshot(path=str(artifacts / f"pagefind-search-{scheme}.png"))
    violations = Axe().run(page).response["violations"]
    serious = [{"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"][:5]]}
               for v in violations if v.get("impact") in {"serious", "critical"}]
    assert not serious, json.dumps(serious, indent=1)
