"""Layout evidence for the structure model (``papersite.structure``), one entry per line of a
PDF's extracted text: where the line was printed, its type relative to the body, the gap above it.

``label_lines(text.splitlines(), line_evidence(document, text))`` labels the PDF's text with
what the PDF knows; lines the PDF did not print (blank lines the text adds) get ``None``.
"""

from __future__ import annotations

from ..structure.types import LineEvidence
from .model import PdfDocumentText, PdfLine
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


def line_evidence(document: PdfDocumentText, text: PdfSourceText) -> list[LineEvidence | None]:
    """One :class:`LineEvidence` per line of ``text.text`` (``None`` where the PDF printed no line)."""
    body = body_size(document)
    leading = _body_leading(document, body)
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
            )
        )
        previous = line
    return out
