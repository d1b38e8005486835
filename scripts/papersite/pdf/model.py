"""What a PDF gives the pipeline: its lines in reading order with their layout, and its own metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic


@dataclass(frozen=True)
class PdfLine:
    """One line of text as printed: a run of characters on one baseline within one column.

    Coordinates are PDF points from the page's top-left corner (``y`` grows
    downwards). ``size`` is the line's dominant font size; ``bold`` and
    ``italic`` hold for most of its characters. ``cells`` counts the runs the
    line was made of that stand apart by more than a word space (a table row
    has several). ``rotated`` marks text set at an angle (a margin stamp, a
    table turned sideways).
    """

    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool = False
    italic: bool = False
    font: str = ""
    cells: int = 1
    rotated: bool = False
    column: int = 0  # 0: spans the page or single column; 1, 2: left or right column
    #: The texts of the runs set apart on one baseline, left to right, when there are several.
    cell_texts: tuple[str, ...] = ()
    #: The share of its characters set in a math font (cmmi, cmsy, LMMathItalic ...).
    math: float = 0.0

    @property
    def baseline(self) -> float:
        return self.y1


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[PdfLine, ...]
    #: Lines set at an angle, kept out of the reading order.
    rotated: tuple[PdfLine, ...] = ()
    columns: int = 1
    images: int = 0
    #: Text drawn inside the page's figures (a plot's labels), kept out of the reading order.
    figure_text: tuple[PdfLine, ...] = ()


@dataclass(frozen=True)
class PdfMetadata:
    """The PDF's own claims about itself: document info, XMP, a DOI printed on page 1."""

    info: dict[str, str] = field(default_factory=dict)
    xmp: dict[str, str] = field(default_factory=dict)
    printed_doi: str = ""


@dataclass(frozen=True)
class PdfDocumentText:
    """A PDF's text: its pages in reading order, its metadata, and what went wrong."""

    path: str
    pages: tuple[PdfPage, ...]
    metadata: PdfMetadata
    diagnostics: tuple[Diagnostic, ...] = ()

    def lines(self) -> list[PdfLine]:
        return [line for page in self.pages for line in page.lines]
