"""Footnotes checked against the PDF's type: a note is printed smaller than the body.

The layout rules take numbered lines at a page's foot for notes; in a PDF source the line
evidence says whether they were set in the body's type (console output, a table's rows, a
numbered equation), and then they are text again, in place, their markers in the body put
back as printed; so are numbered lines that go on, at the usual distance and in the same
type, from small-type text that is no note (R's numbered output under its command). A note the rules ran on from body-type lines into a real note below (small
type, starting with its marker), or on from a real note into the body below it, keeps only
its small lines. Nothing is lost: every line
goes back to the body or stays in its note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .layout_types import Footnote, LayoutResult
from .structure_hints import StructureHints
from .units import Unit

#: A line set at least this share of the body's size is in the body's type, not a note's.
NOTE_SIZE = 0.95
#: A note's lines follow each other closely: one this far below the line above it (in body line
#: heights beyond the usual) is no longer the note's.
NOTE_GAP = 1.0
#: A line this close below the one above it (in body line heights beyond the usual) goes on from it.
RUN_ON_GAP = 0.5
_MARKER = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§]+\s*|^\d{1,3}(?:\s+|$)")


def _small(hints: StructureHints, line: int) -> bool | None:
    got = hints.layout(line)
    return None if got is None or got.font_size_ratio is None else got.font_size_ratio < NOTE_SIZE


def _apart(hints: StructureHints, line: int) -> bool:
    """Is source ``line`` set far below the line above it (the page's foot line under a note)?"""
    got = hints.layout(line)
    return got is not None and (got.gap_above or 0) > NOTE_GAP


def _text(hints: StructureHints, lines: list[int]) -> str:
    return " ".join(hints.lines[n - 1].strip("\f ") for n in lines if 1 <= n <= len(hints.lines)).strip()


def _check(note: Footnote, hints: StructureHints) -> tuple[Footnote | None, list[list[int]]]:
    """The note as the PDF's type has it (``None``: no note) and the runs of its source lines that
    are body text: those before its first small line that starts with a marker, and those from
    the first body-size line after its small lines on, or the first line set far below the one
    above it (the rules ran the note on into the body, or into the page's foot line)."""
    lines = list(note.lines) or list(range(note.line, note.end_line + 1))
    sizes = [_small(hints, n) for n in lines]
    if all(size is None for size in sizes):
        return note, []
    if all(size is not False for size in sizes):
        start: int | None = 0  # all in a note's type: only a line set far below can leave it
    else:
        start = next((i for i, n in enumerate(lines) if sizes[i] and _MARKER.match(hints.lines[n - 1].strip("\f "))), None)
    if start is None:
        return None, [lines]
    end = next((i for i in range(start, len(lines)) if sizes[i] is False or (i > start and _apart(hints, lines[i]))), len(lines))
    kept = lines[start:end]
    runs = [run for run in (lines[:start], lines[end:]) if run]
    if not runs:
        return note, []
    cut = _text(hints, lines[end:])
    if start == 0 and cut and note.text.endswith(cut):
        text = note.text[: -len(cut)]  # only the tail went: the note's own text as the rules joined it
    else:
        text = _MARKER.sub("", _text(hints, kept[:1]), count=1) + (" " + _text(hints, kept[1:]) if kept[1:] else "")
    return replace(note, text=text.strip(), line=kept[0], end_line=kept[-1], lines=tuple(kept)), runs


def _runs_on(note: Footnote, hints: StructureHints, in_notes: set[int]) -> bool:
    """Does the note's first line go on from the line above it, in the same type at the usual
    distance, when that line is no note's? Then it is a line of a small-type block (numbered
    lines of console output), not a note: a note is set apart from the text above it."""
    first = note.lines[0] if note.lines else note.line
    here, above = hints.layout(first), hints.layout(first - 1)
    if here is None or above is None or first - 1 in in_notes or here.page != above.page:
        return False
    if here.font_size_ratio is None or above.font_size_ratio is None:
        return False
    return abs(here.font_size_ratio - above.font_size_ratio) < 0.03 and (here.gap_above or 0) < RUN_ON_GAP


def body_type_notes(layout: LayoutResult, hints: StructureHints | None) -> tuple[LayoutResult, list[Unit]]:
    """``layout`` without the notes (or note lines) the PDF printed in the body's type or running on
    from the small-type text above them, and those lines as units of body text. Without evidence,
    ``layout`` unchanged."""
    if hints is None or not hints.evidence or not layout.footnotes:
        return layout, []
    notes: list[Footnote] = []
    units: list[Unit] = []
    in_notes: set[int] = set()
    for note in layout.footnotes:
        kept, runs = _check(note, hints)
        if kept is not None and _runs_on(kept, hints, in_notes):
            runs = sorted([*runs, list(kept.lines) or list(range(kept.line, kept.end_line + 1))])
            kept = None
        if kept is not None:
            in_notes.update(kept.lines or range(kept.line, kept.end_line + 1))
            notes.append(kept)
        for run in runs:
            units.append(Unit(_text(hints, run), run[0], run[-1], False, (_text(hints, run),)))
    if not units:
        return layout, []
    gone = {note.marker for note in layout.footnotes} - {note.marker for note in notes}
    lines = list(layout.lines)
    for mark in sorted((m for m in layout.marks if m.marker in gone), key=lambda m: (m.line, -m.column)):
        if 1 <= mark.line <= len(lines):
            row = lines[mark.line - 1]
            lines[mark.line - 1] = replace(row, text=row.text[: mark.column] + mark.marker + row.text[mark.column :])
    marks = tuple(m for m in layout.marks if m.marker not in gone)
    return replace(layout, lines=tuple(lines), footnotes=tuple(notes), marks=marks), units


def merge_units(units: list[Unit], extra: list[Unit]) -> list[Unit]:
    """``units`` with ``extra`` put in place by their first source line."""
    return sorted([*units, *extra], key=lambda unit: unit.line) if extra else units
