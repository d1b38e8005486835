"""A PDF as a paper source: the text the text parser reads, and the diagnostics of reading it."""

from __future__ import annotations

from pathlib import Path

from ..model import Diagnostic
from .extract import read_pdf_file
from .text import omissions, source_text


def read_pdf_source(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """The PDF's text in reading order (one line per printed line, pages split by form feeds).

    ``None`` and one error naming the file when the PDF cannot be used
    (encrypted, damaged, no pages, too large, scanned without a text layer).
    Line numbers in later diagnostics count lines of this text, which the
    site publishes beside the page as ``papers/<id>.txt``.
    """
    document, diagnostics = read_pdf_file(path, shown)
    if document is None:
        return None, diagnostics
    return source_text(document).text, [*diagnostics, *omissions(document)]
