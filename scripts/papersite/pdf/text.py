"""A PDF's lines as the source text the text parser reads, with where each line was printed.

The text has one line per printed line in reading order and a form feed
between pages, the shape ``pdftotext -raw`` gives and the text parser knows
(running heads, page numbers, footnotes and hyphens are then handled as for
any text source). Rotated text is left out and reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType

from ..model import Diagnostic, SourceSpan
from .model import PdfDocumentText, PdfLine
from .wrapped import wrapped_headings


@dataclass(frozen=True)
class PdfSourceText:
    """The text, and for each of its lines (1-based, by index + 1) the printed line it came from."""

    text: str
    lines: tuple[PdfLine | None, ...]

    def page_of(self, line: int) -> int | None:
        """The PDF page that text line ``line`` (1-based) is printed on."""
        if 1 <= line <= len(self.lines):
            found = self.lines[line - 1]
            if found is not None:
                return found.page
            for other in self.lines[line:]:
                if other is not None:
                    return other.page
        return None


def source_text(document: PdfDocumentText) -> PdfSourceText:
    """The document's text for the parser (pure).

    The PDF's evidence shapes the text where it decides better than the text
    alone: the title (the largest type on page 1, clearly larger than the
    body) is one line, however many it was set on, and a block of its own; a
    heading set over several lines is one line too (:mod:`.wrapped`); in the
    title block under it, items set apart on one line by wide space (the
    authors of a byline, their affiliations) are separated by commas.
    """
    body = body_size(document)
    title = title_lines(document, body)
    wrapped = wrapped_headings(document, body)
    byline = title_block(document, body, title)
    out: list[str] = []
    origin: list[PdfLine | None] = []

    def emit(text: str, line: PdfLine | None) -> None:
        out.append(compose_accents(text))
        origin.append(line)

    for index, page in enumerate(document.pages):
        prefix = "\f" if index else ""
        if not page.lines:
            emit(prefix, None)
            continue
        skip = 0
        for number, line in enumerate(page.lines):
            start = prefix if number == 0 else ""
            if line in title:
                if line is title[0]:
                    emit(start + " ".join(t.text for t in title), line)
                    emit("", None)  # the title stands apart from the byline under it
                continue
            if skip:
                skip -= 1
                continue
            if line in byline:
                emit(start + ", ".join(line.cell_texts), line)
                continue
            count = wrapped.get((page.number, number), 1)
            emit(start + join_lines(page.lines[number : number + count]), line)
            if count > 1:
                emit("", None)  # a heading too long for the text's rules to know it: a block of its own
            skip = count - 1
    return PdfSourceText("\n".join(out) + "\n", tuple(origin))


#: Spacing accents a PDF may print as a glyph of their own before the letter (TeX's OT1 fonts:
#: "Kr¨amer"), with the combining mark each stands for.
_SPACING_ACCENTS = MappingProxyType({"\u00a8": "\u0308", "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303",
                    "\u02c7": "\u030c", "\u02da": "\u030a", "\u00af": "\u0304", "\u02d8": "\u0306", "\u02d9": "\u0307"})
_ACCENT_LETTER = re.compile("([" + "".join(_SPACING_ACCENTS) + "])([^\\W\\d_])")


def compose_accents(text: str) -> str:
    """``text`` with each spacing accent printed just before a letter put on the letter, where the
    two make one letter ("Kr¨amer" -> "Krämer", "´e" -> "é"); an accent before a space or a sign
    (an equation's prime, "x ´ y") and an accent no letter takes stay as printed."""
    def put(match: re.Match[str]) -> str:
        letter = unicodedata.normalize("NFC", match.group(2) + _SPACING_ACCENTS[match.group(1)])
        return letter if len(letter) == 1 else match.group(0)

    return _ACCENT_LETTER.sub(put, text)


def join_lines(lines: list[PdfLine] | tuple[PdfLine, ...]) -> str:
    """Printed lines as one line of text, a word hyphenated at a line's end left as printed."""
    return " ".join(line.text for line in lines)


def body_size(document: PdfDocumentText) -> float:
    """The font size most of the text is set in."""
    sizes = Counter[float]()
    for line in document.lines():
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def title_lines(document: PdfDocumentText, body: float) -> list[PdfLine]:
    """The lines of page 1 set in its largest type, when that is at least 1.25 times the body
    size and they follow each other (at most four lines): the title, as the page shows it."""
    if not document.pages or not document.pages[0].lines:
        return []
    lines = document.pages[0].lines
    largest = max(line.size for line in lines)
    if largest < 1.25 * body:
        return []
    indices = [i for i, line in enumerate(lines) if abs(line.size - largest) < 0.5]
    if len(indices) > 4 or indices != list(range(indices[0], indices[0] + len(indices))):
        return []
    return [lines[i] for i in indices]


def title_block(document: PdfDocumentText, body: float, title: list[PdfLine]) -> list[PdfLine]:
    """The lines under the title on page 1, down to the first line in the body's size, whose
    items stand apart by wide space (a byline without commas: "Achim Zeileis   Christian Kleiber"),
    each a name starting with a capital (not "1   Introduction", a heading's number and title)."""
    if not title:
        return []
    lines = document.pages[0].lines
    out = []
    for line in lines[lines.index(title[-1]) + 1 :]:
        if abs(line.size - body) < 0.3:
            break
        cells = line.cell_texts
        if len(cells) > 1 and all(cell[:1].isupper() and not _SENTENCE_END.search(cell) for cell in cells):
            out.append(line)
    return out


_SENTENCE_END = re.compile(r"[.;,]$")


def stands_apart(line: PdfLine, body: float) -> bool:
    """Set apart by its type: bold or larger than the body, and short, without a sentence's end."""
    words = line.text.split()
    if not 1 <= len(words) <= 12 or _SENTENCE_END.search(line.text) or line.cells > 1:
        return False
    if not any(ch.isalpha() for ch in line.text):
        return False
    return (line.bold and line.size >= 0.95 * body) or line.size >= 1.15 * body


def omissions(document: PdfDocumentText) -> list[Diagnostic]:
    """What the PDF route leaves out on purpose: text inside figures, rotated text (margin stamps, turned tables)."""
    found = []
    for page in document.pages:
        if page.figure_text:
            text = " / ".join(line.text for line in page.figure_text)
            found.append(
                Diagnostic(
                    "info",
                    "pdf-figure-text",
                    f"page {page.number}: text inside a figure left out of the running text: {text[:200]!r}",
                    SourceSpan(document.path, 1),
                )
            )
        if page.rotated:
            text = " / ".join(line.text for line in page.rotated)
            found.append(
                Diagnostic(
                    "info",
                    "pdf-rotated-text",
                    f"page {page.number}: text set sideways left out of the running text: {text[:200]!r}",
                    SourceSpan(document.path, 1),
                )
            )
    return found
