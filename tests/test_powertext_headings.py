"""Heading shapes the text rules read (issue 16), on made-up lines: Wiley's numbered headings with a
bar between number and title ("2.1 | Methods"); short lines that are a table's column, a chemical
structure's or a plot's labels or a bracketed note, not headings; and their near misses. (Found on
the held-out documents of GROBID's layout data with benchmarks/parser_headings.py; none of these
lines is copied from them.)"""

from __future__ import annotations

import pytest

from papersite.parse.headings import detect_heading, inside_sentence
from papersite.parse.units import Unit

PROSE = Unit("Counts were made on the ridge every spring from 1980 to 2020 by two observers.", 2, 2)


def _heading(text: str) -> tuple[str, str] | None:
    found = detect_heading(Unit(text, 1, 1, lines=(text,)), PROSE)
    return (found.number, found.title) if found else None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2.1 | Study area", ("2.1", "Study area")),
        ("3 | RESULTS", ("3", "RESULTS")),
        ("3.2.1 | Counting by species", ("3.2.1", "Counting by species")),
        ("2.1 Study area", ("2.1", "Study area")),  # the usual shapes still read
        ("2.1. Study area", ("2.1", "Study area")),
        ("2.2 Micro-Sampling", ("2.2", "Micro-Sampling")),  # a hyphenated word is a word
        ("4 Self-Reports", ("4", "Self-Reports")),
    ],
)
def test_a_numbered_heading_with_a_bar(line: str, expected: tuple[str, str]) -> None:
    assert _heading(line) == expected


@pytest.mark.parametrize("line", ["2.1 | 4-bromobenzoyl chloride", "12 | 14 | 16", "3 | the counts of each year"])
def test_a_bar_line_that_is_no_heading(line: str) -> None:
    assert _heading(line) is None


# --- short lines that are labels, not headings ------------------------------------------------------


@pytest.mark.parametrize("line", ["(PDF)", "(continued)", "[Supplementary]", "N", "H 3", "CH 3", "Me"])
def test_a_bracketed_note_or_a_label_of_two_letters_is_no_heading(line: str) -> None:
    assert _heading(line) is None


@pytest.mark.parametrize("line", ["Data", "Aims", "Methods (continued)", "Results"])
def test_short_titles_stay_headings(line: str) -> None:
    assert _heading(line) is not None


def _units(*texts: str) -> list[Unit]:
    return [Unit(text, n, n, lines=(text,)) for n, text in enumerate(texts, start=1)]


def test_a_line_its_neighbours_repeat_is_a_table_column() -> None:
    units = _units("The contacts of the ligand with the pocket are listed here for each residue in turn.",
                   "LEU", "201", "LEU", "TRP", "254", "TRP", "Differences are shown in bold.")
    assert inside_sentence(units, 1) and inside_sentence(units, 3) and inside_sentence(units, 4)
    # a heading that comes again further on (a running head, or the same name in two parts) is no repeat
    units = _units("Results", "The counts went up after the change in 2004, most in spring.", "They fell in autumn.",
                   "Results", "The counts of the second survey went the same way.")
    assert not inside_sentence(units, 0) and not inside_sentence(units, 3)
