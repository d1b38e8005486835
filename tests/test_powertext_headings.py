"""Heading shapes the text rules read (issue 16), on made-up lines: Wiley's numbered headings with a
bar between number and title ("2.1 | Methods"), and their near misses."""

from __future__ import annotations

import pytest

from papersite.parse.headings import detect_heading
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
    ],
)
def test_a_numbered_heading_with_a_bar(line: str, expected: tuple[str, str]) -> None:
    assert _heading(line) == expected


@pytest.mark.parametrize("line", ["2.1 | 4-bromobenzoyl chloride", "12 | 14 | 16", "3 | the counts of each year"])
def test_a_bar_line_that_is_no_heading(line: str) -> None:
    assert _heading(line) is None
