"""Headings the body model is sure of where the text rules miss them (issue 16): a unit the shape rules
pass over (a compound's name, a title opening on a digit) made a heading, and headings the paragraph
rebuilder ran into a paragraph cut out of it (parse/heading_split.py); with their near misses: code,
data, a label over items, a note in brackets, a heading after an unfinished sentence, an abbreviation
inside a title. The model's labels are given line by line as it returns them (LineLabel), so each
test states what the model said and checks what the parser makes of it. Made-up lines, none copied
from GROBID's documents."""

from __future__ import annotations

import pytest

from papersite.parse.headings import detect_heading
from papersite.parse.heading_split import split_model_headings
from papersite.parse.structure_hints import StructureHints
from papersite.parse.units import Unit
from papersite.structure import LineLabel

HEAD = LineLabel("body", "heading", 0.97, start=True)
HEAD_ON = LineLabel("body", "heading", 0.95, start=False)
TEXT = LineLabel("body", "paragraph", 0.99, start=True)
TEXT_ON = LineLabel("body", "paragraph", 0.99, start=False)
UNSURE = LineLabel("body", "heading", 0.3, start=True)


def _hints(*rows: tuple[str, LineLabel]) -> StructureHints:
    return StructureHints(labels=tuple(label for _, label in rows), lines=tuple(text for text, _ in rows))


def _unit(hints: StructureHints, first: int, last: int) -> Unit:
    text = " ".join(hints.lines[first - 1 : last])
    return Unit(text, first, last, lines=tuple(hints.lines[first - 1 : last]))


# --- a unit the rules pass over, the model sure it is a heading ----------------------------------------


def test_a_compound_named_heading_the_rules_pass_over_is_the_models() -> None:
    hints = _hints(("3.3 | 2-(4-bromobenzoyl)", HEAD), ("quinazolin-4(3h)-one (KJ1)", HEAD_ON), ("White powder, yield 38%.", TEXT))
    unit = _unit(hints, 1, 2)
    assert detect_heading(unit, _unit(hints, 3, 3)) is None  # the rules alone find none
    found = hints.heading(unit, None)
    assert found is not None and (found.number, found.title, found.level) == ("3.3", "2-(4-bromobenzoyl) quinazolin-4(3h)-one (KJ1)", 3)


def test_an_unnumbered_compound_name_is_a_heading_too() -> None:
    hints = _hints(("1-[1-(3-Methylphenyl)-5-phenyl-1H-pyrazol-3-yl]ethanone (4b)", HEAD), ("Yield 72%; mp 140 °C.", TEXT))
    found = hints.heading(_unit(hints, 1, 1), None)
    assert found is not None and found.title.startswith("1-[1-(3-Methylphenyl)") and not found.number


@pytest.mark.parametrize(
    "line",
    [
        "> fit.plot_pdf(data, color='b')",  # a console command
        "# function declaration",  # a comment in code
        "Mandelbrot 267.4163",  # a table's row
        "Number of Fisher Scoring iterations: 5",  # console output
        "Sub questions:",  # a label over items
        "(PDF)",  # a note in brackets
        "The counts were made twice.",  # a sentence
        "Figure 2. Counts by year",  # a caption
    ],
)
def test_what_the_rules_know_is_no_heading_stays_text_whatever_the_model_says(line: str) -> None:
    hints = _hints((line, HEAD), ("The next paragraph goes on here.", TEXT))
    assert hints.heading(_unit(hints, 1, 1), None) is None


def test_an_unsure_model_or_a_paragraph_label_makes_no_heading() -> None:
    for label in (UNSURE, TEXT):
        hints = _hints(("2-(4-nitrobenzoyl)quinazolin-4(3h)-one (KJ10)", label), ("Yellow powder.", TEXT))
        assert hints.heading(_unit(hints, 1, 1), None) is None


# --- headings cut out of the paragraph the layout ran them into --------------------------------------


def _texts(units: list[Unit]) -> list[tuple[int, str]]:
    return [(u.line, u.text) for u in units]


def test_a_heading_after_a_sentences_end_is_cut_from_the_paragraph() -> None:
    hints = _hints(
        ("The solid was filtered and dried.", TEXT_ON),
        ("Anti-inflammatory Activity", HEAD),
        ("The compounds were given orally to", TEXT),
        ("rats at two doses.", TEXT_ON),
    )
    got = split_model_headings(hints, [_unit(hints, 1, 4)])
    assert _texts(got) == [
        (1, "The solid was filtered and dried."),
        (2, "Anti-inflammatory Activity"),
        (3, "The compounds were given orally to rats at two doses."),
    ]
    assert got[1].end_line == 2 and got[2].end_line == 4


def test_no_cut_after_an_unfinished_sentence() -> None:
    hints = _hints(("The solid was filtered and", TEXT_ON), ("Washed Twice", HEAD), ("with cold water.", TEXT_ON))
    unit = _unit(hints, 1, 3)
    assert split_model_headings(hints, [unit]) == [unit]


def test_a_run_in_heading_ends_at_its_first_full_stop() -> None:
    hints = _hints(
        ("Synthesis of 3h on a 1.0 mmol Scale. To a 25 mL vial", HEAD),
        ("was added the ketone (1.0 mmol).", TEXT_ON),
    )
    got = split_model_headings(hints, [_unit(hints, 1, 2)])
    assert _texts(got) == [(1, "Synthesis of 3h on a 1.0 mmol Scale"), (1, "To a 25 mL vial was added the ketone (1.0 mmol).")]


def test_an_abbreviation_inside_a_title_is_no_run_in_end() -> None:
    hints = _hints(("Continuous vs. Discrete Data", HEAD), ("Data come in two kinds.", TEXT))
    units = [_unit(hints, 1, 1), _unit(hints, 2, 2)]
    assert split_model_headings(hints, units) == units


def test_a_heading_the_layout_cut_in_two_is_joined_again() -> None:
    hints = _hints(("3.3 | 2-(4-bromobenzoyl)", HEAD), ("quinazolin-4(3h)-one (KJ1)", HEAD_ON), ("White powder, yield 38%.", TEXT))
    got = split_model_headings(hints, [_unit(hints, 1, 1), _unit(hints, 2, 2), _unit(hints, 3, 3)])
    assert _texts(got) == [(1, "3.3 | 2-(4-bromobenzoyl) quinazolin-4(3h)-one (KJ1)"), (3, "White powder, yield 38%.")]
    assert got[0].end_line == 2


def test_a_two_level_numbered_run_in_heading_is_cut_whatever_the_model_says() -> None:
    hints = _hints(("3.2.1.1. Governance and culture. The board met", TEXT), ("every month.", TEXT_ON))
    got = split_model_headings(hints, [_unit(hints, 1, 2)])
    assert _texts(got) == [(1, "3.2.1.1. Governance and culture"), (1, "The board met every month.")]
    assert detect_heading(got[0], got[1]) is not None


def test_a_list_item_numbered_one_level_deep_is_no_run_in_heading() -> None:
    hints = _hints(("1. Governance. The board met", TEXT), ("every month.", TEXT_ON))
    unit = _unit(hints, 1, 2)
    assert split_model_headings(hints, [unit]) == [unit]


def test_a_heading_with_a_word_broken_over_its_line_ends_at_its_run_in_colon() -> None:
    hints = _hints(
        ("The product was dried.", TEXT_ON),
        ("Ethyl (2-azido-2-deoxy-α-D-glucopyra-", HEAD),
        ("nosyl)-1-thio-α-L-rhamnopyra-", HEAD_ON),
        ("noside (6): A solution of compound 3", TEXT),
        ("was cooled to -15 °C.", TEXT_ON),
    )
    text = "The product was dried. Ethyl (2-azido-2-deoxy-α-D-glucopyranosyl)-1-thio-α-L-rhamnopyranoside (6): A solution of compound 3 was cooled to -15 °C."
    got = split_model_headings(hints, [Unit(text, 1, 5)])
    assert [u.text for u in got] == [
        "The product was dried.",
        "Ethyl (2-azido-2-deoxy-α-D-glucopyranosyl)-1-thio-α-L-rhamnopyranoside (6)",
        "A solution of compound 3 was cooled to -15 °C.",
    ]
    assert got[1].line == 2


def test_a_label_and_its_value_is_no_run_in_heading() -> None:
    hints = _hints(("Number of Fisher Scoring iterations: 5", HEAD), ("Residual deviance is small.", TEXT))
    units = [_unit(hints, 1, 1), _unit(hints, 2, 2)]
    assert split_model_headings(hints, units) == units
