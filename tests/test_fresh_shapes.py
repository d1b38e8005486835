"""Shapes met in papers the project had not seen (issue 16, helper "fresh"), each on a small text
written for the test: an amsart-style front page whose title and byline are set in capitals
("ON THINGS IN R", "JANE DOE, JOHN ROE, AND ANN POE"), a title word the authors set in lower case
inside a shouted title ("t"), and a numbered heading that asks a question ("2. What is a vignette?")."""

from __future__ import annotations

from textwrap import dedent

from papersite.model import Paper
from papersite.parse import parse_paper
from papersite.parse.bylines import name_case
from papersite.parse.frontmatter import looks_like_author_list
from papersite.parse.headings import acronyms_in, title_case

BODY = """
1. Introduction

The NATO treaty is discussed here, and the NATO members are listed on page two of the report,
on which we also discuss the methods that are used in the rest of the paper for this purpose.

2. What is a vignette?

A vignette is a short document that shows how a package is used, written as a paper would be.

3. Results

The results are shown on a table and discussed at length, on the basis of the methods above.
"""


def parse(text: str) -> Paper:
    return parse_paper(dedent(text).lstrip(), paper_id="test", path="test.txt")


def test_a_byline_in_capitals_names_each_person_without_the_conjunction() -> None:
    paper = parse("ON THINGS AND OTHER THINGS IN R\n\nJANE DOE, JOHN ROE, AND ANN POE\n" + BODY)
    assert [a.name for a in paper.front.authors] == ["Jane Doe", "John Roe", "Ann Poe"]


def test_a_byline_in_capitals_with_and_between_two_names() -> None:
    paper = parse("ON THINGS AND OTHER THINGS IN R\n\nJANE DOE AND JOHN ROE\n" + BODY)
    assert [a.name for a in paper.front.authors] == ["Jane Doe", "John Roe"]


def test_a_byline_in_mixed_case_keeps_its_names_as_printed() -> None:
    paper = parse("On Things and Other Things in R\n\nJane McDoe, John de Roe and Ann Poe\n" + BODY)
    assert [a.name for a in paper.front.authors] == ["Jane McDoe", "John de Roe", "Ann Poe"]


def test_name_case_turns_a_name_set_in_capitals_into_a_name() -> None:
    assert name_case("JANE DOE") == "Jane Doe"
    assert name_case("JEAN-PAUL O'NEIL") == "Jean-Paul O'Neil"
    assert name_case("JAN VAN DER BERG") == "Jan van der Berg"
    assert name_case("J. R. DOE") == "J. R. Doe"
    assert name_case("Jane McDoe") == "Jane McDoe"   # mixed case is the author's own: kept


def test_and_in_capitals_is_a_cut_between_names_not_a_name_word() -> None:
    assert looks_like_author_list("JANE DOE, JOHN ROE, AND ANN POE")
    assert not looks_like_author_list("A SHORT AND SIMPLE TITLE.")


def test_a_shouted_title_keeps_the_words_its_authors_set_in_lower_case() -> None:
    assert title_case("ON MULTIVARIATE t AND GAUSS PROBABILITIES IN R") == "On Multivariate t and Gauss Probabilities in R"
    assert title_case("THE ROLE OF mRNA IN CELLS") == "The Role of mRNA in Cells"


def test_a_small_word_after_a_colon_opens_the_subtitle() -> None:
    assert title_case("QUANTILE REGRESSION IN R: A VIGNETTE") == "Quantile Regression in R: A Vignette"


def test_acronyms_are_read_from_mixed_case_lines_only() -> None:
    text = "ON THINGS AND GAUSS IN R\n\nJANE DOE AND JOHN ROE\nThe NATO members and the NATO treaty on the US.\nON THINGS AND GAUSS IN R 3\n"
    assert acronyms_in(text) == frozenset({"NATO"})


def test_the_shouted_title_is_title_cased_but_the_bodys_acronyms_stay() -> None:
    paper = parse("ON THE NATO TREATY IN EUROPE\n\nJANE DOE AND JOHN ROE\n" + BODY )
    assert paper.front.title == "On the NATO Treaty in Europe"


def test_a_numbered_heading_may_ask_a_question() -> None:
    paper = parse("A Study of Things\n\nJane Doe\n" + BODY)
    assert [(s.number, s.title) for s in paper.all_sections()] == [
        ("1", "Introduction"), ("2", "What is a vignette?"), ("3", "Results")]


def test_a_numbered_line_that_ends_a_sentence_is_not_a_heading() -> None:
    paper = parse("A Study of Things\n\nJane Doe\n" + BODY.replace("2. What is a vignette?", "2. What is a vignette. It is a note."))
    assert [s.title for s in paper.all_sections()] == ["Introduction", "Results"]
