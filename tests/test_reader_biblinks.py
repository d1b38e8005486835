"""Links out from the bibliography: the DOI where known, catalogue and scholarly search links (issue 20, point 6)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from papersite.render.bibliography_page import SEARCH_LINKS, links_out


def test_doi_and_search_links_from_the_fields() -> None:
    line = links_out({"title": "{The Origins} of Alliances", "author": "Walt, Stephen M. and Snyder, Glenn", "doi": "https://doi.org/10.7591/9780801469992"})
    assert '<a href="https://doi.org/10.7591/9780801469992">10.7591/9780801469992</a>' in line
    hrefs = re.findall(r'href="([^"]+)"', line)
    searches = [h for h in hrefs if "doi.org" not in h]
    assert [h.split("?q=")[0] + "?q=" for h in searches] == [base for _, base in SEARCH_LINKS]
    assert all(unquote(h.split("?q=", 1)[1]) == '"The Origins of Alliances" Walt' for h in searches)


def test_text_from_the_source_is_escaped_and_nothing_without_a_title() -> None:
    line = links_out({"title": 'Power <script>alert(1)</script> & "order"', "author": "Doe, J."})
    assert "<script>" not in line and "alert(1)" not in unquote(line.replace("%3C", "")).split("href")[0]
    assert links_out({"author": "Doe, J."}) == ""


def test_every_bibliography_entry_has_search_links(mkdocs_site: Path) -> None:
    page = (mkdocs_site / "bibliography" / "index.html").read_text(encoding="utf-8")
    entries = page.count('<div class="bib-entry"')
    assert entries > 40 and page.count('<span class="bib-search">Find it: ') == entries
    # Plain links only: nothing on the page loads from those hosts.
    assert not re.search(r'<(?:img|script|link|iframe)[^>]+(?:worldcat|scholar\.google|doi\.org)', page)
