"""The text route's general structure rules (issue 16) on small papers written for these tests: a title
over two lines, bylines in the shapes title pages print (affiliation letters glued to names, several
names on one line, each author above their affiliation), headings wrapped over two printed lines,
appendices after the reference list, and lines that only look like headings. None of these texts is
a copy of a fixture; each rule is also shown with the near-miss it must leave alone."""

from __future__ import annotations

import textwrap

from papersite.model import Paper
from papersite.parse import parse_paper
from papersite.parse.bylines import affiliation_letters, lower_case_words, person_names
from papersite.parse.headings import detect_heading, inside_sentence, is_caption, looks_like_data
from papersite.parse.units import Unit

PROSE = (
    "Migrating birds cross the valley in spring and autumn, and the counts made by volunteers on the "
    "ridge give the longest record of their numbers that the region has. The method is simple: two "
    "observers count every bird that passes a fixed line during four hours after sunrise, and they "
    "note the weather, the wind and the visibility for each hour of the count."
)


SENTENCES = (
    "Migrating birds cross the valley in spring and autumn, and the counts made by volunteers give the longest record of their numbers.",
    "Two observers count every bird that passes a fixed line during four hours after sunrise.",
    "They note the weather, the wind and the visibility for each hour of the count, and the kind of cloud.",
    "Counts in a headwind are lower, since the birds fly lower and further from the line of the observers.",
    "The record has gaps in the years when no volunteer could reach the ridge in the first week of the season.",
    "Raptors are counted by species, and small birds by the group they belong to when they pass too fast.",
    "The yearly totals are the sum of the daily totals, with the missing days filled in from their neighbours.",
)


def paragraph(number: int) -> str:
    """A paragraph of its own words: a text that repeats its lines would read as running heads."""
    picked = [SENTENCES[(number * 3 + k) % len(SENTENCES)] for k in range(4)]
    return printed(f"In survey {number} of the series, " + " ".join(picked))


def printed(text: str, width: int = 72) -> str:
    """``text`` as a PDF extraction prints it: one line per printed line."""
    return "\n".join(textwrap.wrap(text, width))


def parse(text: str) -> Paper:
    return parse_paper(text, paper_id="t", path="t.txt")


def headings(paper: Paper) -> list[tuple[str, str]]:
    return [(s.number, s.title) for s in paper.all_sections() if s.title]


def body(*sections: tuple[str, int]) -> str:
    out, number = [], 0
    for heading, count in sections:
        out.append(heading)
        for _ in range(count):
            number += 1
            out.append(paragraph(number))
    return "\n".join(out) + "\n"


# --- the grammar of bylines ----------------------------------------------------------------------


def test_a_byline_is_read_into_persons_with_their_marks() -> None:
    assert person_names("Anna K. Berg¹, Tomas van der Lind^{2*} and Li Wei³") == [
        ("Anna K. Berg", ("1",)), ("Tomas van der Lind", ("2*",)), ("Li Wei", ("3",)),
    ]
    assert person_names("Mary O'Neil & Jean-Paul Roux") == [("Mary O'Neil", ()), ("Jean-Paul Roux", ())]


def test_affiliation_letters_glued_to_the_names_are_taken_off() -> None:
    letters = affiliation_letters(["Eva Marin", "a", "Museum of Natural History, Lund; b", "Coastal Survey, Kiel"])
    assert letters == {"a", "b"}
    assert person_names("Eva Marina and Olaf Petersenb", letters=letters) == [("Eva Marin", ("a",)), ("Olaf Petersen", ("b",))]
    # without such letters in the front matter, or when not every name ends in one, a name keeps its letters
    assert person_names("Eva Marina and Olaf Petersen", letters=letters) == [("Eva Marina", ()), ("Olaf Petersen", ())]
    assert person_names("Eva Marina and Olaf Petersenb") == [("Eva Marina", ()), ("Olaf Petersenb", ())]


def test_several_names_on_one_line_with_only_spaces_between() -> None:
    assert person_names("Hanna Roos Peter Falk Ida Lund Berg") is None  # odd and too long for one name: no pairing is sure
    assert person_names("Hanna Roos Peter Falk Ida Lund Sven Berg") == [
        ("Hanna Roos", ()), ("Peter Falk", ()), ("Ida Lund", ()), ("Sven Berg", ()),
    ]


def test_a_title_line_or_heading_is_not_a_byline() -> None:
    common = lower_case_words("we estimate the variance of bird counts and related work on counting methods")
    assert person_names("Variance Estimators for Bird Counts", common) is None
    assert person_names("Related Work", common) is None
    assert person_names("COUNTING BIRDS") is None  # a line in capitals is a title's or a heading's
    assert person_names("Results.") is None
    assert person_names("Petra Holm", common) == [("Petra Holm", ())]


# --- the title block ------------------------------------------------------------------------------


def test_a_title_ending_in_a_colon_goes_on_over_the_next_line() -> None:
    text = (
        "Counting Birds on a Ridge:\n\nForty Years of Volunteer Records\n\nPetra Holm and Jonas Eklund\n\n"
        f"Abstract: {PROSE}\n\n1. Introduction\n\n{PROSE}\n"
    )
    paper = parse(text)
    assert paper.front.title == "Counting Birds on a Ridge: Forty Years of Volunteer Records"
    assert [a.name for a in paper.front.authors] == ["Petra Holm", "Jonas Eklund"]
    assert headings(paper) == [("1", "Introduction")]


def test_a_title_not_ending_in_a_colon_does_not_take_the_next_line_without_the_model() -> None:
    text = f"Counting Birds on a Ridge\n\nPetra Holm\n\nAbstract: {PROSE}\n\n1. Introduction\n\n{PROSE}\n"
    paper = parse(text)
    assert paper.front.title == "Counting Birds on a Ridge"
    assert [a.name for a in paper.front.authors] == ["Petra Holm"]


def test_glued_affiliation_letters_in_a_byline_run_into_the_affiliations() -> None:
    """Line per printed line: the layout runs the byline into its affiliations; the byline is cut
    out again, the letters come off the names, and no word is lost."""
    front = (
        "Counting Birds on a Ridge:\nForty Years of Volunteer Records\nPetra Holma\nand Jonas Eklundb\na\n"
        "Department of Biology, Lund University; b\nSwedish Bird Survey, Stockholm\n"
    )
    text = front + body(("1 Introduction", 3), ("2 Methods", 3), ("3 Results", 4), ("4 Discussion", 3))
    paper = parse(text)
    assert paper.front.title == "Counting Birds on a Ridge: Forty Years of Volunteer Records"
    assert [(a.name, a.markers) for a in paper.front.authors] == [("Petra Holm", ("a",)), ("Jonas Eklund", ("b",))]
    assert headings(paper) == [("1", "Introduction"), ("2", "Methods"), ("3", "Results"), ("4", "Discussion")]


def test_authors_each_above_their_affiliation() -> None:
    text = (
        "Counting Birds on a Ridge\n\nPetra Holm\n\nLund University\n\nJonas Eklund\n\nUniversity of Oslo\n\n"
        "Ida Strand\n\nStockholm University\n\n"
        f"Abstract: {PROSE}\n\n1. Introduction\n\n{PROSE}\n"
    )
    paper = parse(text)
    assert [a.name for a in paper.front.authors] == ["Petra Holm", "Jonas Eklund", "Ida Strand"]
    assert [a.text for a in paper.front.affiliations] == ["Lund University", "University of Oslo", "Stockholm University"]
    assert [p.text[:20] for p in paper.front.abstract] == [PROSE[:20]]
    assert headings(paper) == [("1", "Introduction")]


def test_headings_before_the_abstract_label_are_the_title_block() -> None:
    """A short capitalised line between the title and "Abstract" is front matter, not a section."""
    text = f"Counting Birds on a Ridge\n\nPetra Holm\n\nNordic Field Station\n\nAbstract\n\n{PROSE}\n\n1. Introduction\n\n{PROSE}\n"
    paper = parse(text)
    assert headings(paper) == [("1", "Introduction")]
    assert paper.front.abstract


# --- headings --------------------------------------------------------------------------------------


def test_a_heading_wrapped_over_two_printed_lines_is_one_heading() -> None:
    text = "Counting Birds on a Ridge\nPetra Holm\n" + body(
        ("1 Introduction", 3),
        ("2 Estimating the size of the migrating population in the\nvalley from the ridge counts", 3),
        ("3 Results", 3),
        ("4 Seasonal and regional\ndifferences", 3),
    )
    found = headings(parse(text))
    assert found == [
        ("1", "Introduction"),
        ("2", "Estimating the size of the migrating population in the valley from the ridge counts"),
        ("3", "Results"),
        ("4", "Seasonal and regional differences"),
    ]


def test_a_heading_followed_by_a_line_starting_a_paragraph_stays_one_line() -> None:
    """Near miss: the line after a heading that ends a sentence, or is long, is the paragraph's."""
    text = "Counting Birds on a Ridge\nPetra Holm\n" + body(("1 Introduction", 3), ("2 Methods", 3), ("3 Results", 3))
    assert headings(parse(text)) == [("1", "Introduction"), ("2", "Methods"), ("3", "Results")]


def test_an_appendix_after_the_reference_list_ends_it() -> None:
    text = (
        "Counting Birds on a Ridge\n\nPetra Holm\n\nAbstract: Counts.\n\n1. Introduction\n\n"
        f"{PROSE}\n\nReferences\n\nBerg A (2001). Birds of the North. Nordic Press, Oslo.\n\n"
        "Lind T, Wei L (2010). \u201cRidge Counts.\u201d Journal of Birds, 3(2), 1\u201310.\n\n"
        "A. Tables of counts\n\nThe counts of each year are given below.\n\n"
        "A.1. Spring counts\n\nSpring counts are higher.\n\nB. Proof of the lemma\n\nThe proof is short.\n"
    )
    paper = parse(text)
    assert len(paper.references) == 2
    assert headings(paper)[-4:] == [("", "References"), ("A", "Tables of counts"), ("A.1", "Spring counts"), ("B", "Proof of the lemma")]
    assert "The counts of each year are given below." in [p.text for p in paper.all_paragraphs()]


def test_a_letter_and_a_name_is_not_an_appendix_heading() -> None:
    for line in ("J. Smith, K. Jones", "A Brief Guide to Counting", "B. Smith"):
        found = detect_heading(Unit(line, 1, 1, lines=(line,)), None)
        assert found is None or not found.number, line
    found = detect_heading(Unit("A. R code", 1, 1, lines=("A. R code",)), None)
    assert found is not None and (found.number, found.title) == ("A", "R code")


def _heading(text: str, following: str = "The next paragraph starts here.") -> bool:
    return detect_heading(Unit(text, 1, 1, lines=(text,)), Unit(following, 2, 2, lines=(following,))) is not None


def test_lines_that_only_look_like_headings() -> None:
    assert not _heading("The basic form of the call is", "> fit <- count(birds, ridge)")  # a lead-in
    assert not _heading("Knots = FALSE))")  # code cut at a line end
    assert not _heading("H0 = S \u2212 1")  # an equation
    assert not _heading("Corresponding to years:", "2.5 % estimate 97.5 %")  # a label over output
    # near misses: real headings
    assert _heading("Conclusion:")
    assert _heading("The Basic Model")


def test_formula_and_output_lines_are_not_headings() -> None:
    assert not _heading("4 A2 f4")  # an equation's line with its number: no word in the "title"
    assert not _heading("N \u2212 1")
    assert not _heading("Deviance: 1523.7 on 12 df")  # a label and its value, as R prints them
    assert not _heading("Obs Spring Autumn", "412 388 37")  # a table's head over a row of figures
    assert not _heading("Spring", "Figure 3: Counts by season.")  # a plot's label above its caption
    assert not _heading("There are two counts for each day", ": one in the morning")  # the sentence goes on
    assert not _heading("The method of choice is Berg's", "(Fig. 2):")
    # near misses
    assert _heading("2 Methods", "Two observers count every bird.")
    assert _heading("Spring counts", "In spring the counts are higher than in autumn.")


def test_a_sentence_run_round_code_gives_no_heading() -> None:
    """Line per printed line: "The yearly model" / code / "gives a trend ..." is one sentence."""
    text = "Counting Birds on a Ridge\nPetra Holm\n" + body(("1 Introduction", 2)) + (
        "years of the record, and the spring counts were higher in most of them.\n"
        "2.1 The model\n"
        "The yearly model\n"
        "R> fit <- glm(count ~ year, data = ridge)\n"
        "gives a trend of two per cent a year, as the figures below show for each species.\n"
    ) + body(("2 Results", 2))
    assert headings(parse(text)) == [("1", "Introduction"), ("2.1", "The model"), ("2", "Results")]
    resumed = text.replace("gives a trend", "It gives a trend")  # near miss: a new sentence after the code
    assert ("", "The yearly model") in headings(parse(resumed))


def _units(*texts: str) -> list[Unit]:
    return [Unit(t, n, n, lines=(t,)) for n, t in enumerate(texts, start=1)]


def test_a_table_head_after_a_line_that_stops_mid_sentence_is_inside_the_sentence() -> None:
    units = _units("The counts of the two seasons were compared for each of the", "Season Observers Hours Weather", "Spring 2 4")
    assert inside_sentence(units, 1)
    units = _units("The counts of the two seasons were compared for each year.", "Season Observers Hours Weather", "Spring 2 4")
    assert not inside_sentence(units, 1)


def test_a_name_and_a_measured_value_is_no_heading() -> None:
    """The last row of a table of fitted values ("Mandelbrot 267.4163") before a paragraph is data,
    even where the body model leans to a heading; a heading with a version number is not touched."""
    assert looks_like_data("Mandelbrot 267.4163")
    assert looks_like_data("Lognormal -0.90143")
    assert not looks_like_data("What is new in version 2.0")


def test_a_generational_suffix_stays_with_its_name() -> None:
    """"Mebane, Jr." is one person: the comma before Jr./Sr./III is the name's own, and a name
    may follow it on the same printed line."""
    assert person_names("Walter R. Mebane, Jr.") == [("Walter R. Mebane, Jr.", ())]
    assert [n for n, _ in person_names("Walter R. Mebane, Jr. Jasjeet S. Sekhon") or []] == [
        "Walter R. Mebane, Jr.", "Jasjeet S. Sekhon"]
    assert [n for n, _ in person_names("Ann Lee, John Smith, III and Bo Park") or []] == [
        "Ann Lee", "John Smith, III", "Bo Park"]
    assert [n for n, _ in person_names("Ann Lee, Bob Stone") or []] == ["Ann Lee", "Bob Stone"]


def test_a_caption_is_never_a_heading() -> None:
    """A table's caption printed on a line of its own reads like a title; it stays with its table."""
    caption = Unit("Table 4: Standard Deviations of Values of 22 Optimized Functions", 10, 10)
    following = Unit("The results show that the optimizer finds the minimum in every case.", 11, 11)
    assert detect_heading(caption, following) is None
    assert detect_heading(Unit("Tables and Figures", 10, 10), following) is not None


def test_affiliation_numbers_after_a_comma_stay_with_their_name() -> None:
    """"Alstott1,2∗" (text) and "Alstott^{1,2∗}" (a PDF's raised mark): the comma is inside the
    marks, not between two names. A number after the comma is the mark of the name before it, as
    REVTeX and Hindawi set it ("M. D. Lumsden,^1 S. R. Dunsiger"); a line that starts with a number
    is no byline, nor is a name followed by a numbered affiliation."""
    assert person_names("Jeff Alstott1,2∗") == [("Jeff Alstott", ("1", "2", "∗"))]
    raised = person_names("Jeff Alstott^{1,2∗}, Ed Bullmore^{2}, Dietmar Plenz^{1}") or []
    assert [n for n, _ in raised] == ["Jeff Alstott", "Ed Bullmore", "Dietmar Plenz"]
    assert person_names("Ann Lee, 2 Bob Stone") == [("Ann Lee", ("2",)), ("Bob Stone", ())]
    assert person_names("2 Bob Stone") is None
    assert person_names("Ann Lee, 2 Department of Physics") is None


def test_a_caption_set_in_bold_is_still_no_heading() -> None:
    """The PDF's type would make "Figure 1. Basic steps …" a heading; a caption is its figure's."""
    assert is_caption("Figure 1. Basic steps of analysis for heavy-tailed distributions")
    assert is_caption("Table 4: Standard Deviations")
    assert not is_caption("Figures of speech in the debate")
