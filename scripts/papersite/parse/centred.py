"""Headings a PDF sets in the body's own size and weight, set apart only by being centred on the
column: the AMS article classes (``amsart``: "Introduction", "2. Details", "References" in small
capitals, centred) and many older styles. :class:`~papersite.parse.structure_hints.StructureHints`
otherwise reads a line in the body's type as text (a table row, an equation, console output).

A centred heading: a line the PDF reader marks as displayed (indented well in and ending well
short of the right margin), centred within about a line's height on the measure of the body
lines that follow it, no math font in it, no formula's signs, at most :data:`MAX_WORDS` words
opening with a capital (after a section number, if any) and no sentence's end; the printed line
after it is a body line (not displayed, in the body's size). A displayed equation has math in it
or signs; a centred word in a figure is not in the running text at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..structure.types import LineEvidence

#: Words in a centred heading, at most.
MAX_WORDS = 12
#: Lines after the heading whose extent gives the body's measure.
MEASURE_LINES = 5

_OPENING = re.compile(r"^(?:(?:\d{1,2}|[A-Z])(?:\.\d{1,2})*\.?\s+)?[^\W\d_a-z][^\W\d_]")
_SIGNS = re.compile(r"[=<>+*/^_{}\\|$%#@∑∫√±×≤≥→]")
_SENTENCE_END = re.compile(r"[.,;:]$")


def _body_type(got: LineEvidence | None) -> bool:
    return got is not None and got.font_size_ratio is not None and abs(got.font_size_ratio - 1) <= 0.1


def centred_heading(evidence: Sequence[LineEvidence | None], lines: Sequence[str], line: int) -> bool:
    """Is source ``line`` (1-based) a heading set centred in the body's type (see the module)?"""
    got = evidence[line - 1] if 1 <= line <= len(evidence) else None
    if got is None or not got.display or (got.math or 0) > 0 or not _body_type(got) or None in (got.x0, got.x1, got.y0, got.y1):
        return False
    text = lines[line - 1].strip("\f ") if line <= len(lines) else ""
    if not 1 <= len(text.split()) <= MAX_WORDS or _SENTENCE_END.search(text) or _SIGNS.search(text) or not _OPENING.match(text):
        return False
    after = [e for e in evidence[line:] if e is not None][:MEASURE_LINES]
    body = [e for e in after if e.page == got.page and _body_type(e) and not e.display and e.x0 is not None and e.x1 is not None]
    if not after or not body or after[0] is not body[0]:
        return False
    left, right = min(e.x0 for e in body if e.x0 is not None), max(e.x1 for e in body if e.x1 is not None)
    height = max((got.y1 or 0) - (got.y0 or 0), 1.0)
    return abs((got.x0 + got.x1) / 2 - (left + right) / 2) <= 1.5 * height  # type: ignore[operator]
