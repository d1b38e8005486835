"""Open a PDF and read its pages' lines in reading order; every bad PDF becomes one diagnostic.

Bad PDFs: encrypted (a password is needed), damaged (PDFium cannot parse
it), zero pages, enormous (over :data:`MAX_BYTES` or :data:`MAX_PAGES`), and
image-only (scanned pages with no text layer, which need OCR first).
"""

from __future__ import annotations


from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import Diagnostic, SourceSpan
from .chars import count_images, page_chars
from .figures import without_plot_text
from .furniture import furniture_to_edges
from .glyphs import GlyphReader, has_stand_ins
from .lines import page_lines
from .metadata import read_metadata
from .model import PdfDocumentText, PdfMetadata, PdfPage
from .order import feet_last, reading_order
from .text import body_size

#: Larger files are not read (a paper is a few MB; this bounds memory and time).
MAX_BYTES = 200 * 1024 * 1024
#: PDFs with more pages are not read.
MAX_PAGES = 2000
#: A page with fewer characters than this but with an image is taken for a scan.
_SCAN_CHARS = 20


def _problem(path: str, rule: str, message: str) -> Diagnostic:
    return Diagnostic("error", rule, message, SourceSpan(path, 1))


def read_pdf_file(path: Path, shown: str) -> tuple[PdfDocumentText | None, list[Diagnostic]]:
    """Read the PDF at ``path``; ``None`` with one error diagnostic when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [_problem(shown, "pdf-too-large", f"PDF is {size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit; it was skipped")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [_problem(shown, "source-unreadable", f"cannot read file: {exc.strerror}")]
    return read_pdf_bytes(data, shown)


def _load_error(rule: str, message: str) -> tuple[str, str]:
    """A rule id (declared in :mod:`papersite.rules`) and the message for one of PDFium's load errors."""
    return (rule, message)


_LOAD_ERRORS = MappingProxyType({
    pdfium_c.FPDF_ERR_PASSWORD: _load_error("pdf-encrypted", "PDF is encrypted and needs a password to open; save an unprotected copy as the source"),
    pdfium_c.FPDF_ERR_SECURITY: _load_error("pdf-encrypted", "PDF uses an unsupported security handler; save an unprotected copy as the source"),
    pdfium_c.FPDF_ERR_FORMAT: _load_error("pdf-damaged", "PDF is damaged or not a PDF (PDFium cannot parse it); it was skipped"),
    pdfium_c.FPDF_ERR_FILE: _load_error("pdf-damaged", "PDF is damaged or not a PDF (PDFium cannot read it); it was skipped"),
})


def read_pdf_bytes(data: bytes, shown: str) -> tuple[PdfDocumentText | None, list[Diagnostic]]:
    """Read a PDF from its bytes (pure apart from PDFium's parsing; never raises)."""
    if len(data) > MAX_BYTES:
        return None, [_problem(shown, "pdf-too-large", f"PDF is over the {MAX_BYTES // 2**20} MiB limit; it was skipped")]
    if b"%PDF-" not in data[:1024]:
        return None, [_problem(shown, "pdf-damaged", "file has no PDF header (%PDF-); it is not a PDF and was skipped")]
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        rule, message = _LOAD_ERRORS.get(code, ("pdf-damaged", f"PDF cannot be opened (PDFium error {code}); it was skipped"))
        return None, [_problem(shown, rule, message)]
    document = pdfium.PdfDocument(raw)  # ``data`` stays referenced (PDFium reads from it) until closed below
    try:
        return _read_document(document, data, shown)
    except pdfium.PdfiumError as exc:
        return None, [_problem(shown, "pdf-damaged", f"PDF is damaged: {exc}; it was skipped")]
    finally:
        document.close()


def read_glyphs(pages: list[PdfPage]) -> list[PdfPage]:
    """Unmapped glyph codes in the lines read back as letters (see glyphs.py)."""
    if not any(has_stand_ins(line.text) for page in pages for line in page.lines):
        return pages
    reader = GlyphReader([line.text for page in pages for line in page.lines])
    return [replace(page, lines=tuple(replace(line, text=reader.read(line.text)) for line in page.lines)) for page in pages]


def _read_document(document: pdfium.PdfDocument, data: bytes, shown: str) -> tuple[PdfDocumentText | None, list[Diagnostic]]:
    count = len(document)
    if count == 0:
        return None, [_problem(shown, "pdf-no-pages", "PDF has no pages; it was skipped")]
    if count > MAX_PAGES:
        return None, [_problem(shown, "pdf-too-large", f"PDF has {count} pages, over the {MAX_PAGES}-page limit; it was skipped")]
    pages: list[PdfPage] = []
    diagnostics: list[Diagnostic] = []
    scanned = 0
    for index in range(count):
        page = document[index]
        try:
            chars = page_chars(page)
            images = count_images(page) if len(chars) < _SCAN_CHARS else 0
            lines, rotated, figure = page_lines(index + 1, chars)
            ordered, columns = reading_order(lines)
            pages.append(
                PdfPage(index + 1, page.get_width(), page.get_height(), tuple(ordered), tuple(rotated), columns, images, tuple(figure))
            )
            scanned += images > 0
        finally:
            page.close()
    if not any(page.lines for page in pages):
        if scanned:
            message = "PDF has no text layer (its pages are images, as a scan is): it needs OCR before it can be a source"
            return None, [_problem(shown, "pdf-needs-ocr", message)]
        return None, [_problem(shown, "pdf-no-text", "PDF has no text on any page; it was skipped")]
    if scanned:
        diagnostics.append(
            Diagnostic("warning", "pdf-needs-ocr", f"{scanned} page(s) have no text layer, only images (scans?); their text needs OCR and is missing", SourceSpan(shown, 1))
        )
    pages = read_glyphs(without_plot_text(pages))
    body = body_size(PdfDocumentText(shown, tuple(pages), PdfMetadata()))
    pages = [replace(page, lines=tuple(feet_last(list(page.lines), body))) if page.columns == 2 else page for page in pages]
    pages = furniture_to_edges(pages)  # a running head or foot line read mid-page goes back to its edge
    metadata = read_metadata(document, data, pages)
    return PdfDocumentText(shown, tuple(pages), metadata, tuple(diagnostics)), diagnostics


__all__ = ["read_pdf_file", "read_pdf_bytes", "PdfMetadata"]
