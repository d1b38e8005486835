"""A PDF's lines as the source text the text parser reads, with where each line was printed.

The text has one line per printed line in reading order and a form feed
between pages, the shape ``pdftotext -raw`` gives and the text parser knows
(running heads, page numbers, footnotes and hyphens are then handled as for
any text source). Rotated text is left out and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Diagnostic, SourceSpan
from .model import PdfDocumentText, PdfLine


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
    """The document's text for the parser (pure)."""
    out: list[str] = []
    origin: list[PdfLine | None] = []
    for index, page in enumerate(document.pages):
        prefix = "\f" if index else ""
        if not page.lines:
            out.append(prefix)
            origin.append(None)
            continue
        for number, line in enumerate(page.lines):
            out.append((prefix if number == 0 else "") + line.text)
            origin.append(line)
    return PdfSourceText("\n".join(out) + "\n", tuple(origin))


def omissions(document: PdfDocumentText) -> list[Diagnostic]:
    """What the PDF route leaves out on purpose: rotated text (margin stamps, turned tables)."""
    found = []
    for page in document.pages:
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
