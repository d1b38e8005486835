"""Headings set over two or three lines, found by the PDF's layout and read as one line.

A heading too long for its column wraps like any text: its first line runs to the column's right
edge (the next word did not fit), and the next line follows at the normal distance in the same
type (size and weight). A heading's type is set apart from the body's (larger, or bold when the
body is not); body lines, a contents list in the body's type, equations and console output never
join. The test is typographic and holds for any layout, one column or two.
"""

from __future__ import annotations

from collections import Counter

from .model import PdfDocumentText, PdfLine, PdfPage

#: At most this many printed lines make one heading.
MAX_HEADING_LINES = 3
#: A heading's type is at least this much larger than the body's, unless it is bold in a roman body.
LARGER = 1.05
#: The next line follows within this many of its font sizes (baseline to baseline).
MAX_LEADING = 1.6


def body_is_bold(document: PdfDocumentText, body: float) -> bool:
    """True when most body-size text is bold (a face whose book weight reads as bold)."""
    bold = total = 0
    for line in document.lines():
        if abs(line.size - body) < 0.3:
            total += len(line.text)
            bold += len(line.text) if line.bold else 0
    return total > 0 and bold > total / 2


def _set_apart(line: PdfLine, body: float, bold_body: bool) -> bool:
    return line.size >= LARGER * body or (line.bold and not bold_body and line.size >= 0.95 * body)


def _right_edge(page: PdfPage, column: int, body: float) -> float:
    """Where the column's justified body lines end: the commonest right end of its body lines
    (a page number or a wide formula may reach further)."""
    ends = Counter(round(line.x1) for line in page.lines if line.column == column and abs(line.size - body) < 0.3)
    if not ends:
        return max((line.x1 for line in page.lines if line.column == column), default=page.width)
    return float(max(ends, key=lambda end: (ends[end], end)))


def _wraps_into(above: PdfLine, below: PdfLine, right: float) -> bool:
    """``below`` continues the heading line ``above``: same type, next baseline, and its first word
    would not have fitted at the end of ``above``."""
    if (below.page, below.column, below.bold) != (above.page, above.column, above.bold) or abs(below.size - above.size) > 0.3:
        return False
    if not 0 < below.y1 - above.y1 <= MAX_LEADING * above.size or below.cells > 1:
        return False
    words = below.text.split()
    if not words or above.text.rstrip().endswith((".", ":", ";")) and not above.text.rstrip().endswith(":"):
        return False
    char = (above.x1 - above.x0) / max(len(above.text), 1)
    return above.x1 + char * (len(words[0]) + 1) > right + 1


def wrapped_headings(document: PdfDocumentText, body: float) -> dict[tuple[int, int], int]:
    """For each heading set over several lines: (page number, index of its first line on the page)
    -> how many lines it was set on."""
    bold_body = body_is_bold(document, body)
    found: dict[tuple[int, int], int] = {}
    for page in document.pages:
        index = 0
        while index < len(page.lines):
            first = page.lines[index]
            count = 1
            if _set_apart(first, body, bold_body) and len(first.text.split()) <= 16:
                right = _right_edge(page, first.column, body)
                while (
                    count < MAX_HEADING_LINES
                    and index + count < len(page.lines)
                    and _wraps_into(page.lines[index + count - 1], page.lines[index + count], right)
                ):
                    count += 1
            if count > 1:
                found[(page.number, index)] = count
            index += count
    return found
