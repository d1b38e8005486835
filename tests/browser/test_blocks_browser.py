"""Formula, table and code blocks (papersite.parse.blocks) in Chromium: on a desktop and a phone
the page never scrolls sideways (a long line scrolls inside its block), printed every line wraps
inside the page, and a `<script>` or an `<img onerror>` printed in a paper's R session is shown as
text and never runs.

The paper is the vegan diversity vignette as `pdftotext -raw` prints it, with one made-up R line
added to its first R session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from ..conftest import BIN, ROOT, _run, make_fixture_project
from .conftest import open_tab, serve

pytestmark = pytest.mark.browser

SLUG = "oksanen2022-vegan-diversity"
HOSTILE = """> cat("<script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>")"""
WIDTHS = """() => [document.scrollingElement.scrollWidth, window.innerWidth]"""


@pytest.fixture(scope="module")
def blocks_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    sources = tmp_path_factory.mktemp("blocks-browser") / "sources"
    shutil.copytree(ROOT / "sources", sources)  # the home page links to the site's two papers
    lines = (ROOT / "tests" / "fixtures" / "open" / SLUG / "paper.raw.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("> data(BCI)") + 1
    (sources / f"{SLUG}.txt").write_text("\n".join([*lines[:at], HOSTILE, *lines[at:]]), encoding="utf-8")
    project = make_fixture_project(tmp_path_factory.mktemp("blocks-browser-site"), sources)
    shutil.copytree(ROOT / "bib", project / "bib")
    _run([str(BIN / "mkdocs"), "build", "--strict"], project)
    with serve(project / "site") as url:
        yield url


def _open(tab, url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{url}/papers/{SLUG}/")
    tab.wait_for_timeout(200)


def test_blocks_show_their_lines_and_the_page_never_scrolls_sideways(browser, phone_browser, blocks_url: str) -> None:  # type: ignore[no-untyped-def]
    for context in (browser, phone_browser):
        with open_tab(context, blocks_url) as tab:
            _open(tab, blocks_url)
            shannon = tab.locator(".para.block-formula", has_text="Shannon–Weaver (1)")
            shannon.scroll_into_view_if_needed()
            assert shannon.is_visible()
            lines = shannon.locator("pre code").evaluate("c => c.getClientRects()[0].height / parseFloat(getComputedStyle(c).lineHeight)")
            assert lines >= 15  # H = −, S, X, i=1, … each on its own line
            scroll, width = tab.evaluate(WIDTHS)
            assert scroll <= width, f"page {scroll}px wide in a {width}px window"


def test_printed_blocks_wrap_inside_the_page(browser, blocks_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_tab(browser, blocks_url) as tab:
        _open(tab, blocks_url)
        tab.emulate_media(media="print")
        codes = tab.locator(".para.block pre code")
        assert codes.count() > 20
        cut = codes.evaluate_all("cs => cs.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.slice(0, 60))")
        assert cut == []
        assert tab.evaluate("getComputedStyle(document.querySelector('.para.block pre code')).whiteSpace") == "pre-wrap"
        assert tab.locator(".para.block .md-clipboard:visible").count() == 0


def test_html_printed_in_a_code_block_is_shown_not_run(browser, blocks_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_tab(browser, blocks_url) as tab:
        _open(tab, blocks_url)
        block = tab.locator(".para.block-code", has_text="window.pwned")
        assert block.count() == 1
        assert "<script>window.pwned = 1</script>" in block.locator("pre code").inner_text()
        assert block.locator("script, img").count() == 0
        assert tab.evaluate("window.pwned") is None
