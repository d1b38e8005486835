"""The structure labeller's public types: what a caller may pass per line, and what it gets back.

Zones (``LineLabel.zone``) and labels (``LineLabel.label``) are plain strings from the
fixed vocabularies below, so that a caller can compare against the constants and a JSON
dump stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

# Zones of a whole paper (what the segmentation model decides for each line).
ZONE_HEADER = "header"  # title, authors, affiliations, abstract, keywords, dates, journal line ...
ZONE_BODY = "body"  # running text with its headings, lists, figures, tables, formulas
ZONE_FURNITURE = "furniture"  # running heads, page numbers, publisher marks, cover pages
ZONE_FOOTNOTE = "footnote"  # notes (and furniture) at the foot of a page
ZONE_REFERENCES = "references"  # the bibliography: its heading and its entries
ZONE_ANNEX = "annex"  # after the body: appendices, acknowledgements, funding, availability ...
ZONE_OTHER = "other"  # text marked as not part of the paper (stamps, hidden text, other articles)
ZONES = (ZONE_HEADER, ZONE_BODY, ZONE_FURNITURE, ZONE_FOOTNOTE, ZONE_REFERENCES, ZONE_ANNEX, ZONE_OTHER)

# Labels inside a zone.
# header zone (header-field model)
HEADER_LABELS = (
    "title", "author", "affiliation", "address", "email", "abstract", "keyword", "submission",
    "date", "copyright", "journal", "idno", "doctype", "funding", "note", "other",
)
# body and annex zones (fulltext model)
BODY_LABELS = ("heading", "paragraph", "item", "figure", "table", "formula")
# references zone (reference-segmenter model): a line of an entry, or anything else (the heading ...)
REFERENCE_LABELS = ("entry", "other")
# furniture zone
FURNITURE_LABELS = ("running-head", "page-number", "other")
# footnote zone
FOOTNOTE_LABELS = ("footnote",)
# every zone: an empty (whitespace-only) source line
LABEL_BLANK = "blank"


@dataclass(frozen=True)
class LineEvidence:
    """Optional layout evidence for one line, as a PDF reader knows it.

    ``page`` counts from 1; ``x0, y0, x1, y1`` are the line's box in PDF points with y growing
    downwards from the page top; ``font_size_ratio`` is the line's font size divided by the
    document's body size (1.0 = body text); ``gap_above`` is the vertical space between this line
    and the one above it on the same page, in units of the body line height (0 for a page's first
    line). Every field may be ``None`` when unknown.
    """

    page: int | None = None
    x0: float | None = None
    y0: float | None = None
    x1: float | None = None
    y1: float | None = None
    font_size_ratio: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    gap_above: float | None = None
    #: Share of the line's characters set in a math font (0 to 1).
    math: float | None = None
    #: Set apart as a displayed line is: indented well into its column, ending short of the
    #: column's right margin or there with an equation number.
    display: bool | None = None


@dataclass(frozen=True)
class LineLabel:
    """What the models decided for one source line.

    ``zone`` is one of :data:`ZONES`; ``label`` is one of the labels of that zone (or
    :data:`LABEL_BLANK` for an empty line); ``p`` is the model's marginal probability of the
    label it chose for this line (1.0 for blank lines and rule decisions); ``entry_start`` is true
    on the first line of each reference entry; ``start`` is true on the first line of every block
    (a heading, paragraph, list item, figure, table, formula, footnote, header field or reference
    entry), so that two neighbouring blocks with the same label stay apart.
    """

    zone: str
    label: str
    p: float
    entry_start: bool = False
    start: bool = False
