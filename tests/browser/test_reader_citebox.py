"""The cite box on desktop and phone: the formatted citation wraps in the body font,
its copy button is clear of the text and copies it (issue 20, point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LAYOUT = """box => {
  const code = box.querySelector('.tabbed-block .highlight:has(> .filename) code');
  const button = code.closest('pre').querySelector('button[data-md-type="copy"]');
  const range = document.createRange(); range.selectNodeContents(code);
  const b = button.getBoundingClientRect();
  const overlaps = [...range.getClientRects()].filter(r => r.width > 0 && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top);
  return {sideways: code.scrollWidth - code.clientWidth, lines: Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight)),
          font: getComputedStyle(code).fontFamily, body: getComputedStyle(document.querySelector('article p.para')).fontFamily,
          fontSize: parseFloat(getComputedStyle(code).fontSize), overlaps: overlaps.length, button: b.width > 0};
}"""


def _open_cite_box(tab, site_url: str):  # type: ignore[no-untyped-def]
    tab.goto(f"{site_url}/papers/sadeghi2022/")
    box = tab.locator("details.quote", has_text="Cite this paper")
    box.locator("summary").click()
    box.locator(".tabbed-block").first.wait_for(state="visible")
    return box


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_formatted_citation_wraps_with_its_copy_button_clear(request: pytest.FixtureRequest, site_url: str, device: str, artifacts: Path) -> None:
    tab = request.getfixturevalue("page" if device == "desktop" else "phone")
    box = _open_cite_box(tab, site_url)
    assert box.locator(".tabbed-labels label").all_inner_texts() == ["APA", "BibTeX", "RIS"]
    layout = box.evaluate(LAYOUT)
    assert layout["sideways"] <= 1, layout  # nothing cut off or scrolled sideways
    assert layout["lines"] >= 2, layout
    assert layout["font"] == layout["body"], layout
    assert layout["fontSize"] >= 0.8 * 16, layout
    assert layout["button"] and layout["overlaps"] == 0, layout
    box.screenshot(path=str(artifacts / f"cite-box-{device}.png"))


def test_copy_button_copies_the_formatted_citation(browser, page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    box = _open_cite_box(page, site_url)
    code = box.locator(".tabbed-block").first.locator("code")
    code.hover()
    box.locator(".tabbed-block").first.locator('button[data-md-type="copy"]').click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.inner_text().strip()
    assert copied.startswith("Sadeghi, M., Keshishyan Siraki, G., & Ghaedi, M. R. (2022).")
