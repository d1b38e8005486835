"""Citation recognition and resolution: each form and its near-misses; none lost end to end."""

from __future__ import annotations

import re

import pytest

from papersite.link.citations import CitationIndex, Work, find_citations
from papersite.pipeline import generate_site
from papersite.project import Project

from .conftest import ROOT

WORKS = [
    Work("walt1986alliance", ("walt",), "1986", frozenset({"p"})),
    Work("daheshyar2012", ("daheshyar",), "2012", frozenset({"p"})),
    Work("koolaei2015", ("koolaei",), "2015", frozenset({"p"})),
    Work("sakwa2015new", ("sakwa",), "2015", frozenset({"p"})),
    Work("kagan2003paradise", ("kagan",), "2003", frozenset({"p"})),
    Work("mousavizadeh2020security", ("mousavizadeh",), "2020", frozenset({"p"})),
    Work("rabiei2016", ("rabiei", "other"), "2016", frozenset({"p"})),
    Work("niakouie2016pattern", ("niakouie", "sotoudeh"), "2016", frozenset({"p"})),
    Work("medcalf2005nato", ("medcalf",), "2005", frozenset({"p"})),
    Work("haqshenas2011methods", ("haqshenas", "bavir"), "2011", frozenset({"p"})),
    Work("koolaei2006politics", ("koolaei",), "2006", frozenset({"p"})),
]
INDEX = CitationIndex(WORKS, {("n", str(i)): f"ref{i}" for i in range(1, 25)})


def cites(text: str, numbered: bool = False) -> list[tuple[str, list[tuple[str, str, str]]]]:
    paper = "n" if numbered else "p"
    return [
        (text[s:e], [(i.key, i.status, i.locator) for i in items])
        for s, e, _, items in find_citations(text, paper, numbered, INDEX)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("as shown [12].", [("[12]", [("ref12", "linked", "")])]),
        ("both [3, 7] agree", [("[3, 7]", [("ref3", "linked", ""), ("ref7", "linked", "")])]),
        ("a range [3-5] here", [("[3-5]", [("ref3", "linked", ""), ("ref4", "linked", ""), ("ref5", "linked", "")])]),
        ("with a page [9, p. 25].", [("[9, p. 25]", [("ref9", "linked", "p. 25")])]),
    ],
)
def test_numbered_citations(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert cites(text, numbered=True) == expected


def test_other_bracketed_numbers_are_not_citations() -> None:
    assert cites("the budget [in persian] and [2021] and [99]", numbered=True) == []


@pytest.mark.parametrize(
    "text, key, locator",
    [
        ("threat (Walt, 1986, p. 116).", "walt1986alliance", "p. 116"),
        ("power (Daheshyar, 2012, pp. 298-297).", "daheshyar2012", "pp. 298-297"),
        ("joining (Koolaei, 2015: 271).", "koolaei2015", "271"),
        ("in April 2009 (Richard Sakwa, 2015, p.2).", "sakwa2015new", "p.2"),
    ],
)
def test_parenthetical_author_year(text: str, key: str, locator: str) -> None:
    found = cites(text)
    assert len(found) == 1 and found[0][1] == [(key, "linked", locator)]


def test_several_works_in_one_bracket() -> None:
    found = cites("as argued (Walt, 1986, p. 110; Daheshyar, 2012, p. 299).")
    assert [item[0] for item in found[0][1]] == ["walt1986alliance", "daheshyar2012"]


def test_secondary_citation_points_at_the_citing_work() -> None:
    found = cites("weaker party needs help (Walt in Rabiei et al., 2016, pp. 66-67).")
    assert found[0][1] == [("rabiei2016", "linked", "pp. 66-67")]


def test_narrative_citations() -> None:
    assert cites("Kagan (2003) argues") == [("Kagan (2003)", [("kagan2003paradise", "linked", "")])]
    assert cites("Mousavizadeh et al. (2020) in an article") == [
        ("Mousavizadeh et al. (2020)", [("mousavizadeh2020security", "linked", "")])
    ]
    assert cites("Haq Shenas and Bavir (2011); In an article") == [
        ("Haq Shenas and Bavir (2011)", [("haqshenas2011methods", "linked", "")])
    ]
    found = cites("As Sakwa also points out in his article (2015) the hegemonic power")
    assert found == [("(2015)", [("sakwa2015new", "linked", "")])]


def test_misspelt_name_links_tolerantly_with_year_as_hard_constraint() -> None:
    assert cites("(Madcalf, 2005, pp. 12-13)")[0][1] == [("medcalf2005nato", "tolerant", "pp. 12-13")]
    # Same name, other year: not linked, only suggested.
    assert cites("(Niakouie and Sotoudeh, 2015, p. 121)")[0][1] == [("", "unresolved", "p. 121")]


def test_a_second_author_the_work_lacks_blocks_the_link() -> None:
    assert cites("Koolaei and Tisheh Yar (2006); In an article")[0][1] == [("", "unresolved", "")]


def test_bracketed_text_that_is_not_a_citation() -> None:
    assert cites("cooperation (2011-2021) and (population, economic, military power, etc.) and (NATO)") == []


def test_every_citation_of_both_papers_is_linked_or_in_the_audit() -> None:
    result = generate_site(Project.at(ROOT))
    audit = result.pages["citation-audit/index.md"]
    assert len(result.citations) >= 70
    rezapour = [u for u in result.citations if u.paper_id == "rezapour2020"]
    assert rezapour and all(u.item.status == "linked" for u in rezapour)
    for use in result.citations:
        if use.item.status == "unresolved":
            assert use.text.replace("&", "&amp;") in audit or use.text in audit
        else:
            assert use.item.key in result.bibliography.formatted
    # Every numbered citation in Rezapour's text was recognised: no "[n]" left as plain text.
    page = result.pages["papers/rezapour2020.md"]
    body = page.split('id="references"')[0]
    assert not re.search(r"(?<!>)\[\d+\](?!</a>)", re.sub(r'<a class="cite"[^>]*>[^<]*</a>', "", body))
    # The misspelt names of Sadeghi et al. that do have an entry are linked.
    linked = {u.text: u.item.key for u in result.citations if u.item.status == "tolerant"}
    assert linked.get("(Madcalf, 2005, pp. 12-13)") == "medcalf2005nato"
    assert linked.get("Garelson (2018)") == "garlson2018seeking"
