"""Headings the paragraph rebuilder ran into a paragraph, split off where the structure model is sure
of them (line per printed line, text alone: no PDF type to go by).

The rebuilder (:mod:`papersite.parse.paragraphs`) joins printed lines by their shape; a heading that
ends in a full stop, opens on a digit or a compound's name ("3.4 | 2-(5-chloro-2-hydroxybenzoyl)"),
or follows a line that fills the column is run on into the paragraph above or below it. The body
model reads each line with its neighbours and labels heading lines; where it calls a line a heading's
start (more likely than not: :data:`SPLIT_CONFIDENCE`) inside a unit, the unit is cut there:

- a heading line inside the unit (not its first) is cut off from the text above when that text
  ends a sentence (a paragraph does not break off mid-sentence for a heading);
- the heading runs over the lines the model calls its continuation (and over a word broken at a
  line's end); the text after it starts a new unit when it opens in capitals or a digit (a
  sentence's start);
- a paragraph opening on a section number two levels deep and a short title ending in a full
  stop ("3.2.1.1. Governance, leadership and culture. The governance …") opens on a run-in heading;
- a run-in heading, "Synthesis of 3h on a 1.0 mmol Scale. To a 25 mL vial …", the title and the
  paragraph's first words on one printed line, ends at its first full stop (or colon) before a capital: the
  model labels such a line a heading when the title fills most of it.

Chosen on the training documents (``benchmarks/parser_headings.py --training``: split thresholds
0.8, 0.65, 0.5 gave F1 0.851, 0.861, 0.862); measured on the held-out ones
(benchmarks/results/parser_headings.txt, with the misses by cause from
``benchmarks/parser_heading_causes.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .headings import _SMALL_WORDS, MAX_HEADING_WORDS, title_cased
from .units import Unit

if TYPE_CHECKING:
    from .structure_hints import StructureHints

#: How sure the model must be of a heading's first line to cut a unit there.
SPLIT_CONFIDENCE = 0.5
#: The most printed lines a heading cut out of a unit may have.
SPLIT_LINES = 3
#: A sentence's end: the text before a heading cut from a paragraph ends so.
_ENDS_SENTENCE = re.compile(r"[.!?:]['\"”’)\]]*$")
#: A run-in heading's end: a full stop, then a capital or a digit; or a colon, then a capital
#: ("noside (6): A solution …"; not a printed value, "iterations: 5").
_RUN_IN = re.compile(r"(?<=[^\s.][^\s.])(?:\.\s+(?=[A-Z0-9])|:\s+(?=[A-Z]))")
#: How many of a printed line's first characters are looked for in the unit's text.
_PROBE = 24


def split_model_headings(hints: StructureHints, units: list[Unit]) -> list[Unit]:
    """``units``, each cut where the model is sure a heading starts or ends inside it."""
    out: list[Unit] = []
    for unit in units:
        for piece in _cut(hints, unit):
            if out and _finishes(hints, out[-1], piece):
                last = out[-1]
                text = f"{last.text} {piece.text}"
                out[-1] = replace(last, text=text, end_line=piece.end_line, lines=(*last.lines, *piece.lines))
            else:
                out.append(piece)
    return out


def _finishes(hints: StructureHints, head: Unit, piece: Unit) -> bool:
    """Does ``piece`` finish the heading ``head`` begins: the model sure ``head`` starts a heading
    and every line of ``piece`` goes on with it (the layout cut "3.3 | 2-(4-bromobenzoyl)" from
    "quinazolin-4(3h)-one (KJ1)"), the two within :data:`SPLIT_LINES` lines?"""
    if head.list_item or piece.list_item or not _starts(hints, head.line) or piece.end_line - head.line >= SPLIT_LINES:
        return False
    lines = range(head.line + 1, piece.end_line + 1)
    return all(_goes_on(hints, n) for n in lines if hints.lines[n - 1].strip())


def _starts(hints: StructureHints, line: int) -> bool:
    got = hints.label(line)
    return got is not None and got.start and got.p >= SPLIT_CONFIDENCE and hints.calls_heading(line)


def _goes_on(hints: StructureHints, line: int) -> bool:
    got = hints.label(line)
    return got is not None and not got.start and hints.calls_heading(line)


def _find(unit_text: str, line_text: str, start: int) -> int:
    """Where printed line ``line_text`` begins in ``unit_text`` at or after ``start``, at a word's
    start (its first characters: the line's last word may be joined across a hyphen), or -1."""
    probe = line_text.strip()[:_PROBE]
    at = unit_text.find(probe, start) if probe else -1
    while at > 0 and unit_text[at - 1] != " ":
        at = unit_text.find(probe, at + 1)
    return at


#: A run-in heading numbered two levels deep or more: "3.2.1.1. Governance, leadership and culture. The …".
_NUMBERED_RUN_IN = re.compile(r"^(?P<head>\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z][^.!?:;]{2,90}?[^\s.][^\s.])\.\s+(?=[A-Z])")


def _numbered_run_in(unit: Unit) -> list[Unit] | None:
    """A paragraph opening on a section number two levels deep, a short title and a full stop: a
    run-in heading, whatever the model says (a list's items are numbered one level deep, "1."), cut
    from its paragraph."""
    match = _NUMBERED_RUN_IN.match(unit.text)
    if match is None or len(match.group("head").split()) > MAX_HEADING_WORDS + 1:
        return None
    rest = unit.text[match.end() :].strip()
    head = Unit(match.group("head"), unit.line, unit.line, False, (match.group("head"),), unit.after_blank)
    return [head, Unit(rest, unit.line, unit.end_line, False, (rest,), False)] if rest else None


def _titled(words: str) -> bool:
    """Words after a full stop that go on a title, not a sentence: "II. Background" (a section's
    number), "Continuous vs. Discrete Data" (an abbreviation) — every long word capitalised, the
    last no small word ("Owing to the" opens a sentence)."""
    return title_cased(words) and words.split()[-1].lower() not in _SMALL_WORDS


def _head_end(hints: StructureHints, unit: Unit, line: int, at: int) -> tuple[int, int, bool]:
    """The last source line of the heading starting on ``line`` (at ``at`` in the unit's text), and
    where the text after it starts: over the lines the model calls its continuation, and over a
    word broken at a line's end ("…-1H-pyrazol-" / "4-yl}…"). Where the next line's start is not
    found, the end of the heading's reach, and ``False`` for sure (only a run-in title's end may
    then end the heading); else ``True``."""
    last = line
    while last < unit.end_line and last - line + 1 < SPLIT_LINES and _goes_on(hints, last + 1):
        last += 1
    while last < unit.end_line:
        after = _find(unit.text, hints.lines[last], at + 1)
        if after < 0:  # the next line's start is not found (a word joined across it): the heading's
            # lines, as far as they reach, then only a run-in title's end tells where it stops
            reach = at + sum(len(hints.lines[n - 1].strip()) + 1 for n in range(line, min(line + SPLIT_LINES, unit.end_line + 1)))
            return last, min(reach, len(unit.text)), False
        if not unit.text[at:after].rstrip().endswith("-") or last - line + 1 >= SPLIT_LINES:
            return last, after, True
        last += 1
    return last, len(unit.text), True


def _cut(hints: StructureHints, unit: Unit) -> list[Unit]:
    """``unit`` cut at the first heading the model is sure of inside it (then the rest, again)."""
    if unit.list_item or unit.line < 1:
        return [unit]
    numbered = _numbered_run_in(unit)
    if numbered is not None:
        return numbered
    for line in range(unit.line, unit.end_line + 1):
        if not _starts(hints, line):
            continue
        at = _find(unit.text, hints.lines[line - 1], 0)
        before = unit.text[:at].strip() if at >= 0 else ""
        if at < 0 or (before and not _ENDS_SENTENCE.search(before)):
            continue
        last, after, sure = _head_end(hints, unit, line, at)
        head, rest = unit.text[at:after].strip(), unit.text[after:].strip()
        run_in = _RUN_IN.search(head)
        if run_in is not None and (len(head[: run_in.start()].split()) < 2 or _titled(head[run_in.end() :])):
            run_in = None
        if run_in is not None:  # the title, then the paragraph's first words on its last line
            head, rest = head[: run_in.start()], (head[run_in.end() :] + " " + rest).strip()
            rest_line = last
        elif not sure or head.endswith("-") or (rest and not rest[:1].isupper() and not rest[:1].isdigit()):
            continue
        else:
            rest_line = last + 1
        if not before and not rest:
            return [unit]
        pieces = [replace(unit, text=before, end_line=line - 1, lines=(before,))] if before else []
        pieces.append(Unit(head, line, last, False, (head,), unit.after_blank and not before))
        if rest:
            pieces.extend(_cut(hints, Unit(rest, rest_line, max(rest_line, unit.end_line), False, (rest,), False)))
        return pieces
    return [unit]
