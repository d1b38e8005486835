"""Layout evidence for the structure model (``papersite.structure``), one entry per line of a
PDF's extracted text: where the line was printed, its type relative to the body, the gap above it.

``label_lines(text.splitlines(), line_evidence(document, text))`` labels the PDF's text with
what the PDF knows; lines the PDF did not print (blank lines the text adds) get ``None``.
"""

from __future__ import annotations

import re
from collections import Counter

from ..structure.types import LineEvidence
from .model import PdfDocumentText, PdfLine, PdfPage
from .text import PdfSourceText, body_size


def _body_leading(document: PdfDocumentText, body: float) -> float:
    """The usual distance between the baselines of two body lines that follow each other."""
    gaps: dict[float, int] = {}
    for page in document.pages:
        for above, below in zip(page.lines, page.lines[1:]):
            if abs(above.size - body) < 0.3 and abs(below.size - body) < 0.3 and above.column == below.column:
                gap = round(below.y1 - above.y1, 1)
                if 0 < gap < 3 * body:
                    gaps[gap] = gaps.get(gap, 0) + 1
    return max(gaps, key=lambda g: gaps[g]) if gaps else 1.2 * body


#: An equation's number at the right margin: "(3)", "(2.1)", "(4a)".
EQUATION_NUMBER = re.compile(r"\(\d{1,3}(?:\.\d{1,3})?[a-z]?\)$")
#: Ems (of the body size) a displayed line stands in from its column's left margin, at least.
DISPLAY_INDENT = 3.0


def _margins(page: PdfPage, body: float) -> dict[int, tuple[float, float]]:
    """Each column's left and right margin on ``page``: where most of its body-size lines start and end."""
    out: dict[int, tuple[float, float]] = {}
    for column in {line.column for line in page.lines}:
        lines = [line for line in page.lines if line.column == column and abs(line.size - body) < 0.3 * body]
        if len(lines) < 3:
            continue
        starts, ends = Counter(round(line.x0) for line in lines), Counter(round(line.x1) for line in lines)
        out[column] = (float(max(starts, key=lambda x: (starts[x], -x))), float(max(ends, key=lambda x: (ends[x], x))))
    return out


def displayed(line: PdfLine, margins: tuple[float, float] | None, body: float) -> bool | None:
    """Set apart as a displayed equation is: starting :data:`DISPLAY_INDENT` ems or more right of
    its column's left margin, and ending as far short of its right margin or at it with an
    equation number. ``None`` when the column's margins are not known."""
    if margins is None:
        return None
    left, right = margins
    if line.x0 - left < DISPLAY_INDENT * body:
        return False
    return right - line.x1 >= DISPLAY_INDENT * body or bool(EQUATION_NUMBER.search(line.text.strip()))


def line_evidence(document: PdfDocumentText, text: PdfSourceText) -> list[LineEvidence | None]:
    """One :class:`LineEvidence` per line of ``text.text`` (``None`` where the PDF printed no line)."""
    body = body_size(document)
    leading = _body_leading(document, body)
    margins = {page.number: _margins(page, body) for page in document.pages}
    out: list[LineEvidence | None] = []
    previous: PdfLine | None = None
    for line in text.lines:
        if line is None:
            out.append(None)
            continue
        gap = 0.0
        if previous is not None and previous.page == line.page and previous.column == line.column and line.y1 > previous.y1:
            gap = round((line.y1 - previous.y1 - leading) / leading, 2) if leading else 0.0
        out.append(
            LineEvidence(
                page=line.page, x0=line.x0, y0=line.y0, x1=line.x1, y1=line.y1,
                font_size_ratio=round(line.size / body, 3) if body else None,
                bold=line.bold, italic=line.italic, gap_above=max(gap, 0.0),
                math=line.math, display=displayed(line, margins.get(line.page, {}).get(line.column), body),
            )
        )
        previous = line
    return out
