"""PDF sources: characters with font and position, lines in reading order, the PDF's metadata.

``read_pdf_file`` opens a PDF (or reports in one diagnostic why it cannot);
``source_text`` turns its lines into the text the text parser reads.
"""

from .extract import read_pdf_bytes, read_pdf_file
from .metadata import compare as compare_metadata
from .model import PdfDocumentText, PdfLine, PdfMetadata, PdfPage
from .text import PdfSourceText, omissions, source_text

__all__ = [
    "PdfDocumentText", "PdfLine", "PdfMetadata", "PdfPage", "PdfSourceText",
    "compare_metadata", "omissions", "read_pdf_bytes", "read_pdf_file", "source_text",
]
