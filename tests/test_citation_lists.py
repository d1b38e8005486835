"""End to end: numbered citations link to a reference list numbered "1." or
"1)", or not numbered at all (citation order), as real papers print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersite.pipeline import generate_site
from papersite.project import Project

from .conftest import make_fixture_project

BODY = """Trade and Security in Central Asia

Jane Doe

Abstract: This short paper cites by number.

I. INTRODUCTION

Trade grew quickly in the region [1]. Security worries followed [2, 3], as the record shows [3].

REFERENCES

"""
ENTRIES = [
    "Smith, John (2004). The Making of Eurasia. Oxford University Press.",
    "Jones, Kate and Lee, Min (1998). Heartland Revisited. Routledge.",
    "Brown, Tom (2010). Three Seas of Trade. Penguin.",
]


@pytest.mark.parametrize("label", ["{n}. ", "{n}) ", "[{n}] ", ""])
def test_numbered_citations_link_whatever_the_list_numbering(tmp_path: Path, label: str) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    entries = "\n\n".join(label.format(n=n) + entry for n, entry in enumerate(ENTRIES, start=1))
    (sources / "doe2024.txt").write_text(BODY + entries + "\n", encoding="utf-8")
    result = generate_site(Project.at(make_fixture_project(tmp_path, sources)))
    uses = [u for u in result.citations if u.paper_id == "doe2024"]
    families = [result.bibliography.formatted[u.item.key].split(",")[0] for u in uses if u.item.key]
    assert [u.text for u in uses] == ["[1]", "[2, 3]", "[2, 3]", "[3]"]
    assert all(u.item.status == "linked" for u in uses)
    assert families == ["Smith", "Jones", "Brown", "Brown"]


@pytest.mark.parametrize("label", ["{n}. ", "{n}) "])
def test_the_printed_label_alone_makes_a_list_numbered(tmp_path: Path, label: str) -> None:
    """One citation is too little to read an unlabelled list in citation order;
    a list that prints its labels is numbered whatever the text does."""
    sources = tmp_path / "sources"
    sources.mkdir()
    entries = "\n\n".join(label.format(n=n) + entry for n, entry in enumerate(ENTRIES, start=1))
    body = BODY.replace("[1]. Security worries followed [2, 3], as the record shows [3].", "and security with it [2].")
    (sources / "doe2024.txt").write_text(body + entries + "\n", encoding="utf-8")
    result = generate_site(Project.at(make_fixture_project(tmp_path, sources)))
    uses = [u for u in result.citations if u.paper_id == "doe2024"]
    assert [(u.text, u.item.status) for u in uses] == [("[2]", "linked")]
    assert result.bibliography.formatted[uses[0].item.key].startswith("Jones")


@pytest.mark.parametrize(
    "sentence, cited",
    [
        ("Trade grew quickly in the region.¹ Security worries followed,²⁻³ as the record shows.³", ["1", "2⁻3", "2⁻3", "3"]),
        # PDF text where the superscripts lost their raise: no other numbered citation in the paper
        ("Trade grew quickly in the region.1 Security worries followed,2-3 as the record shows.3 In 2010 it grew 12 percent.", ["1", "2-3", "2-3", "3"]),
    ],
)
def test_superscript_citations_and_those_that_lost_their_raise(tmp_path: Path, sentence: str, cited: list[str]) -> None:
    """The parser gives superscript digits as Superscript nodes (``2``, ``⁻``, ``3``): each run is one citation."""
    sources = tmp_path / "sources"
    sources.mkdir()
    entries = "\n\n".join(f"{n}. {entry}" for n, entry in enumerate(ENTRIES, start=1))
    body = BODY.replace("Trade grew quickly in the region [1]. Security worries followed [2, 3], as the record shows [3].", sentence)
    (sources / "doe2024.txt").write_text(body + entries + "\n", encoding="utf-8")
    result = generate_site(Project.at(make_fixture_project(tmp_path, sources)))
    uses = [u for u in result.citations if u.paper_id == "doe2024"]
    assert [u.text for u in uses] == cited
    assert [result.bibliography.formatted[u.item.key].split(",")[0] for u in uses] == ["Smith", "Jones", "Brown", "Brown"]
    page = result.pages["papers/doe2024.md"]
    # Printed raised, shown raised: each run of superscript digits is one raised citation whose numbers link.
    raised = page.count('<sup class="cite-sup">')
    assert raised == (3 if "¹" in sentence else 0)
    assert page.count('<sup class="cite-sup"><a class="cite" href="/bibliography/#') == raised
