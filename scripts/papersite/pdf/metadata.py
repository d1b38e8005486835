"""The PDF's own metadata (document info, XMP, a DOI printed on page 1) as evidence.

Publishers' metadata is often wrong (a title of "untitled", the typesetter
as author), so it never overrides what the page says: :func:`compare` reports
each disagreement between it and the front matter read from the text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from types import MappingProxyType

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import Diagnostic, SourceSpan
from .model import PdfMetadata, PdfPage

DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]])")
_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.S)
#: At most this much of the file is searched for an XMP packet.
_XMP_SEARCH = 4 * 1024 * 1024
_XMP_FIELDS = MappingProxyType({
    "title": re.compile(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", re.S),
    "creator": re.compile(r"<dc:creator>(.*?)</dc:creator>", re.S),
    "doi": re.compile(r"<(?:prism:doi|pdfx:doi|dc:identifier)>(?:doi:)?\s*(10\.[^<]+)</", re.S),
    "date": re.compile(r"<(?:prism:publicationDate|xmp:CreateDate)>([^<]+)</", re.S),
})


def read_metadata(document: pdfium.PdfDocument, data: bytes, pages: list[PdfPage]) -> PdfMetadata:
    """Document info, XMP fields and the DOI printed on page 1 (plain strings, unvalidated)."""
    first = " ".join(line.text for line in pages[0].lines) if pages else ""
    return _metadata(document, data, first)


def read_info(data: bytes, text: str) -> PdfMetadata:
    """The metadata of the PDF in ``data`` whose extracted text is ``text`` (no text is extracted again)."""
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None) if data else None
    if not raw:
        return PdfMetadata()
    document = pdfium.PdfDocument(raw)  # ``data`` stays referenced until closed below
    try:
        return _metadata(document, data, text.split("\f", 1)[0])
    finally:
        document.close()


def _metadata(document: pdfium.PdfDocument, data: bytes, first_page: str) -> PdfMetadata:
    info = {key: _clean(value) for key, value in document.get_metadata_dict(skip_empty=True).items()}
    xmp: dict[str, str] = {}
    found = _XMP.search(data[:_XMP_SEARCH])
    if found:
        packet = found.group(0).decode("utf-8", "replace")
        for name, pattern in _XMP_FIELDS.items():
            match = pattern.search(packet)
            if match:
                value = match.group(1)
                if name == "creator":
                    value = "; ".join(re.findall(r"<rdf:li[^>]*>(.*?)</rdf:li>", value, re.S))
                xmp[name] = _clean(html.unescape(re.sub(r"<[^>]+>", "", value)))
    match = DOI.search(first_page.replace("\\", ""))
    printed = match.group(1) if match else ""
    return PdfMetadata({k: v for k, v in info.items() if v}, {k: v for k, v in xmp.items() if v}, printed)


def _clean(value: str) -> str:
    return " ".join(value.replace("\x00", "").split())


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip()


def _surnames(names: str) -> set[str]:
    found = set()
    for name in re.split(r";|,|\band\b|&", names):
        words = _fold(name).split()
        if words:
            found.add(words[-1])
    return found


def claims(metadata: PdfMetadata) -> list[tuple[str, str, str]]:
    """(field, where, value) for every title, author list and DOI the PDF states about itself."""
    found = []
    for where, fields in (("document info", {"title": "Title", "authors": "Author"}), ):
        for field, key in fields.items():
            if metadata.info.get(key):
                found.append((field, where, metadata.info[key]))
    for field, key in (("title", "title"), ("authors", "creator"), ("doi", "doi")):
        if metadata.xmp.get(key):
            found.append((field, "XMP", metadata.xmp[key]))
    if metadata.printed_doi:
        found.append(("doi", "page 1", metadata.printed_doi))
    return found


def compare(metadata: PdfMetadata, title: str, authors: list[str], doi: str, path: str) -> list[Diagnostic]:
    """A warning for each claim of the PDF's metadata that disagrees with the page (the page wins)."""
    problems = []
    page_surnames = {n for author in authors for n in _surnames(author)}
    for field, where, value in claims(metadata):
        if field == "title":
            agrees = not title or _fold(value) == _fold(title) or (_fold(value) in _fold(title) and len(_fold(value)) > 20)
            shown = title
        elif field == "authors":
            agrees = not authors or bool(_surnames(value) & page_surnames) and _surnames(value) <= page_surnames
            shown = "; ".join(authors)
        else:
            agrees = not doi or value.lower().rstrip(".") == doi.lower()
            shown = doi
        if not agrees:
            problems.append(
                Diagnostic(
                    "warning",
                    "pdf-metadata-disagrees",
                    f"the PDF's {where} gives the {field} as {value!r}, the page as {shown!r}; the page's is used",
                    SourceSpan(path, 1),
                )
            )
    return problems
