"""Printing (issue 20, point 3): Chromium's print emulation and a PDF print.

Internal links print as their text, external ones with their address; a
clean light page whatever the screen's scheme; no navigation or buttons."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .test_reader_features import PAGE_TYPES

pytestmark = pytest.mark.browser

PRINTED_URLS = """[...document.querySelectorAll('article a')].filter(a => {
    const c = getComputedStyle(a, '::after').content; return a.getClientRects().length && c && c.includes('http'); }).map(a => a.href)"""
VISIBLE = "s => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').length"


def _print_view(page, site_url: str, path: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(media="screen", color_scheme=scheme)
    page.goto(f"{site_url}{path}")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
    page.emulate_media(media="print", color_scheme=scheme)
    page.wait_for_timeout(150)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_paper_is_light_with_no_internal_addresses(page, site_url: str, scheme: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    _print_view(page, site_url, "/papers/rezapour2020/", scheme)
    internal = page.evaluate("[...document.querySelectorAll('article a.cite, article a.term, article .fn-ref a')].length")
    assert internal > 50  # the page is full of citations and terms: none prints an address
    assert page.evaluate(PRINTED_URLS) == []
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.querySelector('article p.para')).color").startswith("rgba(0, 0, 0")
    cite = page.locator("article a.cite").first
    assert cite.evaluate("a => getComputedStyle(a).color") == page.evaluate("getComputedStyle(document.querySelector('article p.para')).color")
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".para-link", "details.quote", ".bib-link", ".see-also", ".md-top"):
        assert page.evaluate(VISIBLE, hidden) == 0, hidden
    assert page.evaluate(VISIBLE, ".paper-references li") > 20
    assert page.evaluate(VISIBLE, ".admonition.annotation") > 3
    page.screenshot(path=str(artifacts / f"print-paper-{scheme}.png"))


def test_external_links_print_their_address(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    _print_view(page, site_url, "/papers/sadeghi2022/", "light")
    page.evaluate("""() => { const a = document.createElement('a'); a.href = 'https://doi.org/10.1000/xyz'; a.id = 'ext';
                             a.textContent = 'a DOI'; document.querySelector('article p.para').append(a); window.papersiteMarkExternal(); }""")
    assert page.evaluate(PRINTED_URLS) == ["https://doi.org/10.1000/xyz"]
    assert "https://doi.org/10.1000/xyz" in page.evaluate("getComputedStyle(document.getElementById('ext'), '::after').content")


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_print_screenshot_of_each_page_type(page, site_url: str, kind: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    _print_view(page, site_url, PAGE_TYPES[kind][0], "light")
    assert page.evaluate(PRINTED_URLS) == []
    assert page.evaluate(VISIBLE, ".md-sidebar, .md-header") == 0
    page.screenshot(path=str(artifacts / f"print-{kind}.png"))


def test_pdf_print_in_dark_mode_has_white_pages(page, site_url: str, artifacts: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A reader in dark mode prints with backgrounds: no black margins."""
    _print_view(page, site_url, "/papers/rezapour2020/", "dark")
    pdf = artifacts / "print-rezapour2020-dark.pdf"
    data = page.pdf(path=str(pdf), print_background=True, format="A4")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>")
    assert 5 <= pages <= 40, pages
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed: the PDF's pages were not looked at")
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "2", "-png", str(pdf), str(artifacts / "print-rezapour2020-dark-page")], check=True)
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    ppm = next(tmp_path.glob("page*.ppm")).read_bytes()
    header = ppm.split(b"\n", 3)
    width, height = (int(v) for v in header[1].split())
    pixels = header[3]
    for x, y in ((2, 2), (width - 3, 2), (2, height - 3), (width - 3, height - 3), (width // 2, 4)):
        at = (y * width + x) * 3
        assert pixels[at:at + 3] == b"\xff\xff\xff", (x, y, pixels[at:at + 3])
