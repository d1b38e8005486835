"""Author–year citations with the year in brackets (the amsart/natbib style:
"Stigler [1984]", "[Koenker 2005; Stigler 1984]"), found only in papers whose
list is author–year; in a numbered paper "[1984]" is never one, and "Figure [3]"
or "Table [2]" cite nothing in either kind of paper."""

from __future__ import annotations

import pytest

from papersite.bibliography.merge import MergedEntry
from papersite.bibliography.records import BibRecord, PersonName
from papersite.link.citation_index import build_index
from papersite.link.citations import CitationIndex, Work, find_citations

WORKS = [
    Work("stigler1984", ("stigler",), "1984", frozenset({"p", "n"}), "boscovich simpson and a 1760 manuscript note"),
    Work("koenker1978", ("koenker", "bassett"), "1978", frozenset({"p"}), "regression quantiles"),
    Work("koenker2005", ("koenker",), "2005", frozenset({"p"}), "quantile regression"),
    Work("koenker1987", ("koenker", "dorey"), "1987", frozenset({"p"}), "computing regression quantiles"),
    Work("gutenbrunner1993", ("gutenbrunner", "jureckova", "koenker", "portnoy"), "1993", frozenset({"p"}), "tests of linear hypotheses"),
    Work("venables2000", ("venables", "ripley"), "2000", frozenset({"p"}), "s programming"),
    Work("venables2002", ("venables", "ripley"), "2002", frozenset({"p"}), "modern applied statistics"),
    Work("watson1987", ("watson", "wolf", "beck"), "1987", frozenset({"p"}), "blood and isoproterenol"),
]
#: Paper "p" cites by author and year; paper "n" has a numbered list of 12.
INDEX = CitationIndex(WORKS, {("n", str(i)): f"ref{i}" for i in range(1, 13)})


def cites(text: str, numbered: bool = False) -> list[tuple[str, list[str]]]:
    paper = "n" if numbered else "p"
    return [(text[s:e], [i.key for i in items]) for s, e, _, items in find_citations(text, paper, numbered, INDEX)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Stigler [1984] describes an early", [("Stigler [1984]", ["stigler1984"])]),
        ("as in Koenker and Bassett [1978].", [("Koenker and Bassett [1978]", ["koenker1978"])]),
        ("see Koenker [2005], Section 3.4.5.", [("Koenker [2005]", ["koenker2005"])]),
        ("see Koenker [2005, p. 12].", [("Koenker [2005, p. 12]", ["koenker2005"])]),
        ("Stigler’s [1984] account", [("Stigler’s [1984]", ["stigler1984"])]),
        ("described in Koenker and d’Orey [1987]. For", [("Koenker and d’Orey [1987]", ["koenker1987"])]),
        ("by Gutenbrunner, Jurečková, Koenker, and Portnoy\n[1993]. A", [("Gutenbrunner, Jurečková, Koenker, and Portnoy\n[1993]", ["gutenbrunner1993"])]),
        ("Venables and Ripley [2000, 2002] show", [("Venables and Ripley [2000, 2002]", ["venables2000", "venables2002"])]),
        ("Watson et al. [1987] found", [("Watson et al. [1987]", ["watson1987"])]),
    ],
)
def test_narrative_citations_with_the_year_in_brackets_link(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert cites(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("is known [Koenker 2005; Stigler 1984].", [("[Koenker 2005; Stigler 1984]", ["koenker2005", "stigler1984"])]),
        ("is known [see Koenker and Bassett, 1978, p. 3].", [("[see Koenker and Bassett, 1978, p. 3]", ["koenker1978"])]),
    ],
)
def test_a_parenthetical_group_in_brackets_links(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert cites(text) == expected


def test_an_unknown_work_in_brackets_is_found_and_left_unresolved() -> None:
    ((start, end, kind, items),) = find_citations("as Chambers and Becker [1984] wrote", "p", False, INDEX)
    assert kind == "narrative" and items[0].key == "" and items[0].status == "unresolved"


@pytest.mark.parametrize(
    "text",
    [
        "the value in [1984] was",  # a year alone, no author named
        "as Figure [3] and Table [2] show",
        "the quotation [sic] and [emphasis added] stay text",
        "x[1984] is an index",
    ],
)
def test_brackets_that_are_not_citations_in_an_author_year_paper(text: str) -> None:
    assert cites(text) == []


def test_in_a_numbered_paper_a_bracketed_year_is_never_an_author_year_citation() -> None:
    assert cites("Stigler [1984] describes it, as [12] does.", numbered=True) == [("[12]", ["ref12"])]
    assert cites("in [1984] and [Stigler 1984]", numbered=True) == []


def test_in_a_numbered_paper_figure_and_table_numbers_are_not_citations() -> None:
    assert cites("as Figure [3] and Table [2] show, and Fig. [4], but not [5].", numbered=True) == [("[5]", ["ref5"])]
    assert cites("Section [2] and equation [7] refer; see [2].", numbered=True) == [("[2]", ["ref2"])]


def test_a_family_name_read_as_initials_is_taken_from_the_given_name() -> None:
    """The reference parser reads "P.D. Watson" as family "P.D.", given "Watson":
    the index takes the word, so "Watson et al. (1987)" finds the work."""
    authors = (PersonName("P.D.", "Watson"), PersonName("Wolf", "M. B."), PersonName("I.S.", "Beck-Montgemery"))
    record = BibRecord("pd1987blood", "article", (("year", "1987"),), "p", "r1", "P.D. Watson, M. B. Wolf, and I.S. Beck-Montgemery. Blood.", authors)
    index = build_index([], [MergedEntry("pd1987blood", "article", {"year": "1987", "title": "Blood"}, [record])], {})
    assert index.works[0].families == ("watson", "wolf", "beckmontgemery")
    ((_, _, _, items),) = find_citations("was investigated by Watson et al. (1987). The", "p", False, index)
    assert items[0].key == "pd1987blood" and items[0].status == "linked"
    # Initials as the given name are left as they are: "Parzen, M. I." is Parzen.
    record = BibRecord("parzen1994", "article", (("year", "1994"),), "p", "r2", "M. I. Parzen.", (PersonName("Parzen", "M. I."),))
    assert build_index([], [MergedEntry("parzen1994", "article", {"year": "1994"}, [record])], {}).works[0].families == ("parzen",)


def test_an_entry_by_a_corporate_author_is_indexed_by_its_name() -> None:
    """An entry whose author is not a person ("R Development Core Team.") comes out of
    the reference parser with no author: the index takes the capitalised words it opens with."""
    raw = "R Development Core Team. R: A language and environment for statistical computing, 2003."
    record = BibRecord("anon2003r", "misc", (("year", "2003"),), "p", "r1", raw)
    entry = MergedEntry("anon2003r", "misc", {"year": "2003", "title": "R: A language and environment for statistical computing"}, [record])
    index = build_index([], [entry], {})
    assert index.works[0].families == ("rdevelopmentcoreteam",)
    text = "sustained by the R Development Core Team\n[2003]. Although"
    ((start, end, _, items),) = find_citations(text, "p", False, index)
    assert text[start:end] == "R Development Core Team\n[2003]"
    assert items[0].key == "anon2003r" and items[0].status == "linked"
    # An authorless entry that opens with its title is not indexed under the title's words.
    record = BibRecord("anon1999", "misc", (("year", "1999"),), "p", "r2", "Annual Report. Bank, 1999.")
    titled = MergedEntry("anon1999", "misc", {"year": "1999", "title": "Annual Report"}, [record])
    assert build_index([], [titled], {}).works[0].families == ("",)
