"""Shapes met in papers the project had not seen (issue 16, helper "fresh"), each on a small text
written for the test: an amsart-style front page whose title and byline are set in capitals
("ON THINGS IN R", "JANE DOE, JOHN ROE, AND ANN POE"), a title word the authors set in lower case
inside a shouted title ("t"), and a numbered heading that asks a question ("2. What is a vignette?")."""

from __future__ import annotations

from textwrap import dedent

from papersite.model import Paper
from papersite.structure.types import LineEvidence
from papersite.parse import parse_paper
from papersite.parse.bylines import name_case
from papersite.parse.centred import centred_heading
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


# --- headings a PDF sets centred in the body's own type (amsart) ---------------------------------

def _line(x0: float, x1: float, *, y: float, display: bool, math: float = 0.0, size: float = 1.0) -> LineEvidence:
    return LineEvidence(page=1, x0=x0, y0=y - 10, x1=x1, y1=y, font_size_ratio=size, bold=False, italic=False,
                        gap_above=0.3, math=math, display=display)


BODY_LINES = [_line(127, 485, y=200 + 12 * i, display=False) for i in range(4)]


def test_a_short_line_centred_over_body_text_is_a_heading() -> None:
    evidence = [_line(269, 343, y=188, display=True), *BODY_LINES]
    lines = ["2. Details", *["body text of the paragraph"] * 4]
    assert centred_heading(evidence, lines, 1)


def test_a_centred_equation_or_sentence_or_off_centre_line_is_not() -> None:
    lines = ["Introduction", *["body text"] * 4]
    with_math = [_line(269, 343, y=188, display=True, math=0.5), *BODY_LINES]
    off_centre = [_line(330, 420, y=188, display=True), *BODY_LINES]
    before_equation = [_line(269, 343, y=188, display=True), _line(250, 360, y=200, display=True), *BODY_LINES]
    smaller = [_line(269, 343, y=188, display=True, size=0.8), *BODY_LINES]
    assert not any(centred_heading(ev, lines, 1) for ev in (with_math, off_centre, before_equation, smaller))
    centred = [_line(269, 343, y=188, display=True), *BODY_LINES]
    assert not centred_heading(centred, ["x = a + b", *lines[1:]], 1)
    assert not centred_heading(centred, ["which is what we show.", *lines[1:]], 1)
    assert not centred_heading(centred, ["where", *lines[1:]], 1)


def test_a_value_the_console_printed_is_not_a_heading_whatever_the_model_says() -> None:
    from papersite.parse.console import is_value
    assert is_value('[1] "Normal Completion"') and is_value("[1] 0.8279847")
    text = "\n".join([
        "A Study of Things", "Jane Doe",
        "1. Introduction",
        "We compute the probability with the function below and print what it returns for the",
        "three variables at once, which the reader may check by running the same commands:",
        "> pmvnorm(mean=rep(0, m), sigma, lower=rep(-Inf, m), upper=c(1,4,2))",
        "[1] 0.8279847", 'attr(,"error")', "[1] 4.712588e-07", 'attr(,"msg")',
        '[1] "Normal Completion"',
        "First, the lower triangular of the correlation matrix sigma is needed. The",
        "mean vector is passed to pmvnorm by the argument mean. The region of",
        "integration is given by the vectors lower and upper, both can have elements.",
        "2. Details", "This section outlines the basic ideas of the algorithms used here.",
    ]) + "\n"
    paper = parse_paper(text, paper_id="test", path="test.txt")
    assert [s.title for s in paper.all_sections()] == ["Introduction", "Details"]


# --- a reference list with the year last, a page break inside an entry -----------------------------

YEAR_LAST = """\
Anna Berg and Karl J. Holm. The efficiency of sampling in multiple
comparisons. Biometrics, 43:913–928, December 1987.
B. Dahl and C. Eng. Numerical sums with application to the power of
many contrasts. Journal of Sums and Simulation, 63:361–378, 1999.
Carl Dahl. Numerical computation of normal probabilities.
Journal of Computational and Graphical Sums, 1:141–149, 1992.
Dora Falk. Comparison of methods for the computation of sums.
Computing Science and Sums, 25:400–405, 1993.
"""


def _entries(text: str) -> list[str]:
    from papersite.parse.references import split_references
    from papersite.parse.units import split_units
    references, _ = split_references(split_units(text), "refs.txt")
    return [reference.raw for reference in references]


def test_a_line_with_the_year_an_open_entry_lacks_completes_it() -> None:
    found = _entries(YEAR_LAST)
    assert [e.split(".")[0] for e in found] == ["Anna Berg and Karl J", "B", "Carl Dahl", "Dora Falk"]
    assert found[2].endswith("Journal of Computational and Graphical Sums, 1:141–149, 1992.")


def test_an_entry_without_a_year_still_ends_where_a_named_one_starts() -> None:
    text = YEAR_LAST.replace("Dora Falk. Comparison", "Dora Falk. Comparison") + "Eva Holm. A program for sums.\nFrida Iversen. Later sums. Journal of Sums, 2:1–9, 1999.\n"
    assert [e.split(".")[0] for e in _entries(text)][-2:] == ["Eva Holm", "Frida Iversen"]


def test_numbered_questions_in_a_list_are_items_not_headings() -> None:
    text = BODY.replace("A vignette is a short document", "Two questions must be asked:\n\n1. Does it work?\n\n2. What is the best?\n\nThe first is a test, the second a benchmark, and a vignette is a short document")
    paper = parse("A Study of Things\n\nJane Doe\n" + text)
    assert [s.title for s in paper.all_sections()] == ["Introduction", "What is a vignette?", "Results"]


# --- a numbered heading right under a line that does not end its block ------------------------

PROSE = ("The method is applied to the data of the survey and the results are compared with the ones in the",
         "earlier study, which used a smaller sample and a different model of the same quantity over time.")


def _paper_after_affiliation(numbers: tuple[str, ...]) -> Paper:
    lines = ["A Study of Regression Diagnostics", "Jane Doe", "John Roe",
             "Institute of Statistics and Probability Theory, Technical University of Somewhere, Austria"]
    for number, title in zip(numbers, ("Introduction", "Data and methods", "Results", "Conclusions")):
        lines += [f"{number} {title}", *PROSE * 3]
    return parse_paper("\n".join(lines) + "\n", paper_id="test", path="test.txt")


def test_a_run_of_section_numbers_makes_its_first_heading_stand_apart_from_an_affiliation() -> None:
    paper = _paper_after_affiliation(("1", "2", "3", "4"))
    assert [s.title for s in paper.all_sections()] == ["Introduction", "Data and methods", "Results", "Conclusions"]


def test_numbered_run_needs_three_numbers_in_order() -> None:
    from papersite.parse.numbered_run import numbered_run
    texts = ["1 Load the data", "text", "2 Fit the model", "text", "3 Check it", "5 Later"]
    assert numbered_run(texts, lambda t: True) == {0, 2, 4}
    assert numbered_run(texts[:3], lambda t: True) == set()
    assert numbered_run(["2 Fit", "3 Check", "4 Plot"], lambda t: True) == set()   # no run without its 1


def test_a_spacing_accent_printed_before_its_letter_is_put_on_it() -> None:
    from papersite.pdf.text import compose_accents
    assert compose_accents("Kr¨amer and Sonnberger, Univ´e, G¨odel") == "Krämer and Sonnberger, Univé, Gödel"
    assert compose_accents("i ´ + ui, x¨ 2") == "i ´ + ui, x¨ 2"      # an accent before a space or sign stays


def test_a_decomposed_umlaut_is_one_letter_in_the_parsed_text() -> None:
    paper = parse("A Study of Things\n\nJane Doe\n" + BODY.replace("The NATO treaty", "Kra\u0308mer's treaty"))
    assert "Krämer's treaty" in paper.all_paragraphs()[0].text


def test_a_label_a_program_prints_in_its_session_is_output_not_a_heading() -> None:
    from papersite.parse.console import is_output
    before = ["> summary(fit1)", "Call: rq(formula = foodexp ~ income, tau = 0.5, data = engel)", "tau: [1] 0.5"]
    assert is_output(before, "Coefficients:", "coefficients lower bd upper bd")
    assert not is_output(["The model is fitted to the data of the survey below."], "Coefficients:", "coefficients lower bd upper bd")


def test_a_line_broken_before_a_raised_letter_is_not_a_heading() -> None:
    from papersite.parse.headings import detect_heading
    from papersite.parse.units import Unit

    def unit(text: str) -> Unit:
        return Unit(text, 0, 0, lines=(text,))

    assert detect_heading(unit("Such files are then included in L"), unit("A")) is None
    assert detect_heading(unit("Such Files in Documents"), unit("The files are kept as they are.")) is not None


def test_a_raised_number_after_a_variable_is_an_exponent_not_a_note_marker() -> None:
    from papersite.doctor.rules import _markers_in
    from papersite.model import Paragraph, SourceSpan, Superscript, Text

    def markers(*inlines: Text | Superscript) -> list[str]:
        return _markers_in(Paragraph(tuple(inlines), SourceSpan("t.txt", 1)))

    assert markers(Text("with covariance matrix σ"), Superscript("2"), Text("V, where")) == []
    assert markers(Text("the sum of x"), Superscript("2"), Text(" over all")) == []
    assert markers(Text("as the estimating functions"), Superscript("1"), Text(". Then")) == ["1"]


def test_an_accent_written_after_its_letters_is_put_on_the_letter_it_sits_over() -> None:
    from papersite.pdf.chars import Char
    from papersite.pdf.lines import run_text

    def char(text: str, x0: float, index: int, space: bool = False) -> Char:
        return Char(text, x0, x0 + (2.5 if text == "¨" else 5.0), 100.0, 10.0, "CMR10", False, False, False, space, index)

    # "für" written f, u, r and then the accent over the u (PDFium flags a space before the late accent)
    written = [char("f", 0, 0), char("u", 5, 1), char("r", 10, 2), char("¨", 6, 3, space=True), char("x", 20, 4, space=True)]
    assert run_text(written, 10.0, 100.0) == "f¨ur x"          # compose_accents makes it "für x"
    in_order = [char("f", 0, 0), char("u", 5, 1), char("r", 10, 2), char("x", 20, 3, space=True)]
    assert run_text(in_order, 10.0, 100.0) == "fur x"


def test_affiliations_each_marked_with_a_symbol_are_read_one_by_one() -> None:
    paper = parse("A Study of Things\n\nJane Doe†, John Roe‡\n\n"
                  "❸Institut für Statistik, Technische Universität Wien, Austria ❹Institut für Medizin, Universität Erlangen, Germany\n" + BODY)
    assert [(a.marker, a.text) for a in paper.front.affiliations] == [
        ("❸", "Institut für Statistik, Technische Universität Wien, Austria"), ("❹", "Institut für Medizin, Universität Erlangen, Germany")]


def test_only_letters_with_combining_marks_are_composed() -> None:
    from papersite.parse.source_lines import compose_marks
    assert compose_marks("Kra\u0308mer und \u8c48 \uf900") == "Krämer und \u8c48 \uf900"   # a compatibility ideograph stays
