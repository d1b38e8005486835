"""Landing on the exact claim, highlighted and clear of the header; copying a link to any selection (issue 20, point 1)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from .scrolling import settled_top
from .test_reader_accessibility import _serious

pytestmark = pytest.mark.browser

TOUGH_BALANCE = "rezapour-conclusion-russia-tough-balance"


def _landed(page) -> list[str]:  # type: ignore[no-untyped-def]
    return list(page.evaluate("[...document.querySelectorAll('.is-landed')].map(e => e.id)"))


def _marked(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.evaluate("[...document.querySelectorAll('mark.landed-text')].map(m => m.textContent).join('')"))


def _clear_of_the_top(page, top: float) -> None:  # type: ignore[no-untyped-def]
    """``top`` is below the header and below the back-to-top button when it shows."""
    header = float(page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom"))
    button = page.evaluate("(() => { const b = document.querySelector('.md-top'); if (!b || b.hidden) return 0;"
                           " const r = b.getBoundingClientRect(); return getComputedStyle(b).opacity === '0' ? 0 : r.bottom; })()")
    assert top >= max(header, float(button)) - 1, (top, header, button)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_argument_link_lands_on_the_claims_own_sentence(page, site_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    """Followed by instant navigation (no browser navigation, so no native text
    fragment): the sentence is marked on screen and its paragraph highlighted."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/arguments/")
    # The palette toggle's choice, stored by earlier tests, would win over the emulated scheme.
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    link = page.locator(f'a.argument-label[href*="#{TOUGH_BALANCE}:~:text="]')
    href = link.get_attribute("href") or ""
    assert "tough%20balance%20against%20the%20hegemon." in href, href
    page.evaluate("window.__sameDocument = true")
    link.click()
    page.wait_for_url("**/papers/rezapour2020/**")
    page.wait_for_selector("mark.landed-text")
    assert page.evaluate("window.__sameDocument") is True, "not followed by instant navigation"
    paragraph = page.locator(f".para.is-landed:has(#{TOUGH_BALANCE})")
    assert paragraph.count() == 1
    marked = _marked(page)
    assert marked.startswith("Important point for Russia") and marked.endswith("tough balance against the hegemon."), marked
    top = settled_top(page, "mark.landed-text")
    assert 0 < top < 900
    _clear_of_the_top(page, top)
    assert page.evaluate("getComputedStyle(document.querySelector('.para.is-landed')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(artifacts / f"landing-claim-{scheme}.png"))
    serious = _serious(page, artifacts, f"landing-{scheme}")
    assert not serious, serious


def test_text_fragment_link_on_a_full_load(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """A full load of the same link: Chromium highlights the text itself; the paragraph is marked and on screen."""
    page.goto(f"{site_url}/arguments/")
    href = page.locator(f'a.argument-label[href*="#{TOUGH_BALANCE}:~:text="]').evaluate("a => a.href")
    page.goto(href)
    page.wait_for_selector(".para.is-landed")
    assert page.locator(f".para.is-landed:has(#{TOUGH_BALANCE})").count() == 1
    top = settled_top(page, ".para.is-landed")
    bottom = float(page.locator(".para.is-landed").evaluate("e => e.getBoundingClientRect().bottom"))
    assert top < 900 and bottom > 0


def test_every_claim_link_carries_a_text_fragment_that_matches(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Each question, hypothesis, objective, claim and conclusion link names words
    that are in its paragraph, in order (the fallback marker finds them all)."""
    page.goto(f"{site_url}/arguments/")
    hrefs = [a.get_attribute("href") or "" for a in page.locator("a.argument-label").all()]
    assert hrefs and all(":~:text=" in h for h in hrefs), [h for h in hrefs if ":~:text=" not in h]
    for href in hrefs:
        directive = href.split(":~:text=", 1)[1]
        assert "-" not in directive and "&" not in directive.replace("&amp;", ""), href
        paper, anchor = href.split("/papers/", 1)[1].split("/#", 1)
        anchor = anchor.split(":~:", 1)[0]
        if not page.url.endswith(f"/papers/{paper}/"):
            page.goto(f"{site_url}/papers/{paper}/")
        text = " ".join(page.locator(f".para:has(#{anchor})").inner_text().split())
        start, _, end = (unquote(part) for part in directive.partition(","))
        assert start in text, (href, start)
        assert end in text[text.index(start):], (href, end)


def test_bibliography_entry_from_a_citation_is_highlighted_clear_of_the_header(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/papers/sadeghi2022/")
    cite = page.locator("article a.cite").nth(3)
    key = (cite.get_attribute("href") or "").split("#", 1)[1]
    cite.click()
    page.wait_for_url(f"**/bibliography/#{key}")
    page.wait_for_function("k => document.getElementById(k) && document.getElementById(k).classList.contains('is-landed')", arg=key)
    top = settled_top(page, f"[id='{key}']")
    _clear_of_the_top(page, top)
    page.mouse.wheel(0, -60)  # scrolling up shows the back-to-top button: still clear of the entry
    page.wait_for_timeout(400)
    _clear_of_the_top(page, settled_top(page, f"[id='{key}']"))


def test_copy_link_to_a_selection_with_the_keyboard(browser, page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Select words (after an instant navigation), reach the button, press Enter:
    the copied link names the paragraph and the words, and leads back to them."""
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/papers/")
    page.evaluate("window.__sameDocument = true")
    page.locator('article a[href$="/papers/sadeghi2022/"]').first.click()
    page.wait_for_function("document.querySelector('h1') && document.querySelector('h1').textContent.includes('Atlanticism')")
    assert page.evaluate("window.__sameDocument") is True
    paragraph_id = "introduction-p2"
    page.evaluate(
        """id => { const p = document.getElementById(id); const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                   let node; while ((node = walker.nextNode()) && node.data.trim().split(/\\s+/).length < 6) {}
                   const words = node.data.match(/^\\s*\\S+\\s+\\S+\\s+\\S+\\s+\\S+/)[0];
                   const range = document.createRange(); range.setStart(node, node.data.indexOf(words.trim()));
                   range.setEnd(node, node.data.indexOf(words.trim()) + words.trim().length);
                   getSelection().removeAllRanges(); getSelection().addRange(range); window.__selected = words.trim(); }""",
        paragraph_id,
    )
    button = page.locator(f"#{paragraph_id} button.selection-link")
    button.wait_for(state="visible")
    assert button.inner_text() == "Copy link to selection"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('button.selection-link').textContent === 'Link copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    selected = page.evaluate("window.__selected")
    assert copied.startswith(f"{site_url}/papers/sadeghi2022/#{paragraph_id}:~:text="), copied
    assert unquote(copied.split(":~:text=", 1)[1]) == selected
    page.goto(f"{site_url}/")
    page.evaluate("window.__sameDocument = true")
    page.evaluate("href => { const a = document.createElement('a'); a.href = href; a.id = 'probe'; a.textContent = 'probe'; document.querySelector('article').append(a); }", copied)
    page.locator("#probe").click()
    page.wait_for_selector("mark.landed-text")
    assert _marked(page) == selected
    assert _landed(page) == [paragraph_id]


def test_phone_lands_on_the_claim(phone, site_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    phone.emulate_media(color_scheme="dark")
    phone.goto(f"{site_url}/arguments/")
    phone.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    link = phone.locator(f'a.argument-label[href*="#{TOUGH_BALANCE}:~:text="]')
    link.tap()
    phone.wait_for_url("**/papers/rezapour2020/**")
    phone.wait_for_selector(".para.is-landed")
    phone.wait_for_timeout(500)
    phone.screenshot(path=str(artifacts / "phone-landing-claim-dark.png"))
    top = settled_top(phone, "mark.landed-text") if phone.locator("mark.landed-text").count() else settled_top(phone, ".para.is-landed")
    assert 0 < top < 844
