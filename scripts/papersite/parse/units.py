"""Cutting a source text into units: paragraphs and list items with their lines.

A unit is the smallest piece later rules classify (heading, paragraph, list
item, reference entry). Blank lines separate blocks; inside a block a line
that starts a list item ("- ", "• ") starts a new unit, and other lines
continue the current one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SourceSpan

_LIST_MARK = re.compile(r"^\s*[-•▪◦–]\s+(?=\S)")


@dataclass(frozen=True)
class Unit:
    """A paragraph or list item as found in the source, lines already joined."""

    text: str
    line: int
    end_line: int
    list_item: bool = False
    #: The source lines of the unit, kept for rules that look at line breaks
    #: (reference lists print one entry a line).
    lines: tuple[str, ...] = ()
    #: True when a blank line (a possible page break) comes right before it.
    after_blank: bool = True

    def span(self, path: str) -> SourceSpan:
        return SourceSpan(path, self.line, self.end_line)


def split_units(text: str) -> list[Unit]:
    """Cut ``text`` into units, numbering lines from 1."""
    units: list[Unit] = []
    current: list[tuple[int, str]] = []
    current_is_item = False
    after_blank = True

    def close() -> None:
        nonlocal current, after_blank
        if current:
            lines = tuple(line for _, line in current)
            units.append(
                Unit(
                    text=join_lines(lines),
                    line=current[0][0],
                    end_line=current[-1][0],
                    list_item=current_is_item,
                    lines=lines,
                    after_blank=after_blank,
                )
            )
            after_blank = False
        current = []

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            close()
            after_blank = True
            continue
        mark = _LIST_MARK.match(raw)
        if mark:
            close()
            current_is_item = True
            current = [(number, raw[mark.end():].strip())]
        else:
            if not current:
                current_is_item = False
            current.append((number, line))
    close()
    return units


_HYPHEN_END = re.compile(r"(\w)-$")


def join_lines(lines: tuple[str, ...] | list[str]) -> str:
    """Join wrapped lines with spaces, mending words hyphenated at a line end."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _HYPHEN_END.search(text) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text
