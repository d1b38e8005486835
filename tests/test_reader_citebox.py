"""The cite box shows extra.papersite.csl_style's citation; Highwire tags and JSON-LD carry
authors family-first, institutions, language, abstract URL and pages (issue 20, points 4 and 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from papersite.model import Affiliation, Author, FrontMatter, Paper
from papersite.render.cite_box import cite_box, citation_formats, highwire_meta, json_ld, style_label
from papersite.render.paper_page import render_paper
from papersite.render.inline import LinkTargets

PAPER = Paper(
    "sadeghi2022", "sources/sadeghi2022.txt",
    FrontMatter(
        title="Evaluation of Russia - China Cooperation", year="2022", venue="Journal of Eurasia", volume="4", issue="2",
        pages="10-25",
        authors=(Author("Miad Sadeghi", ("1",)), Author("Garineh Keshishyan Siraki", ("2*",))),
        affiliations=(Affiliation("Kish Island, Iran", "1"), Affiliation("Tehran & Shiraz, Iran", "2*")),
        family_names=("Sadeghi", "Keshishyan Siraki"),
    ),
    (),
)
URL = "https://example.org/papers/sadeghi2022/"


@pytest.mark.parametrize(("style", "label", "start"), [
    ("apa", "APA", "Sadeghi, M., & Keshishyan Siraki, G. (2022)."),
    ("modern-language-association", "MLA", "Sadeghi, M., and G. Keshishyan Siraki. “Evaluation of Russia - China Cooperation”. Journal of Eurasia, vol. 4"),
    ("chicago-author-date", "Chicago", "Sadeghi, M., and G. Keshishyan Siraki. 2022. “Evaluation"),
])
def test_the_cite_box_shows_the_configured_style(style: str, label: str, start: str) -> None:
    formats = citation_formats(PAPER, URL, style=style)
    assert list(formats) == [label, "BibTeX", "RIS"]
    assert formats[label].startswith(start), formats[label]
    box = cite_box(PAPER, URL, style=style)
    assert f'=== "{label}"' in box and "citation title=" in box
    assert box.count("=== ") == 3


def test_the_style_reaches_the_page_through_link_targets() -> None:
    page = render_paper(PAPER, LinkTargets(csl_style="modern-language-association"))
    assert '=== "MLA"' in page and '=== "APA"' not in page
    assert style_label("harvard-cite-them-right") == "Harvard"


def test_highwire_authors_family_first_with_institutions() -> None:
    meta = highwire_meta(PAPER, URL)
    assert meta["citation_authors"] == ["Sadeghi, Miad", "Keshishyan Siraki, Garineh"]
    assert meta["citation_author_institutions"] == [["Kish Island, Iran"], ["Tehran & Shiraz, Iran"]]
    assert meta["citation_language"] == "en"
    assert (meta["citation_firstpage"], meta["citation_lastpage"]) == ("10", "25")


def test_json_ld_has_affiliations_and_pages() -> None:
    script = json_ld(PAPER, URL)
    data = json.loads(re.search(r">(.*)</script>", script, re.S).group(1))  # type: ignore[union-attr]
    assert data["author"][1] == {"@type": "Person", "name": "Garineh Keshishyan Siraki",
                                 "affiliation": [{"@type": "Organization", "name": "Tehran & Shiraz, Iran"}]}
    assert (data["pageStart"], data["pageEnd"]) == ("10", "25")
    assert "&" not in script.split(">", 1)[1]  # still escaped for the script element


def test_built_page_head_has_the_new_tags(mkdocs_site: Path) -> None:
    head = (mkdocs_site / "papers" / "sadeghi2022" / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]
    authors = re.findall(r'<meta name="citation_author" content="([^"]*)"', head)
    assert authors == ["Sadeghi, Miad", "Keshishyan Siraki, Garineh", "Ghaedi, Mohammad Reza"]
    assert len(re.findall(r'<meta name="citation_author_institution"', head)) == 3
    assert re.search(r'<meta name="citation_abstract_html_url" content="[^"]*/papers/sadeghi2022/#abstract">', head)
    assert '<meta name="citation_language" content="en">' in head
