"""Assembling the paper's front matter from what the parser read and what the editor declared.

The editor's metadata (``sources/<id>.yml``) wins over the text: title, authors, dates, venue;
what it replaces is kept as "as printed".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..metadata import PaperMetadata
from ..model import Affiliation, Author, FrontMatter
from .citation_line import read_citation_line
from .frontmatter import FrontMatterParts, abstract_paragraphs
from .inline import to_plain
from .joining import continues, join_parts
from .units import Unit


def front_matter(
    parts: FrontMatterParts,
    metadata: PaperMetadata,
    path: str,
    citation_line: str,
    keep_hyphen: frozenset[str],
) -> FrontMatter:
    cited = read_citation_line(citation_line, parts.title) if citation_line else None
    dates = list(parts.dates)
    replaced_dates: list[str] = []
    for kind in ("received", "accepted", "submitted", "published"):
        value = getattr(metadata, kind)
        if value:
            replaced_dates.extend(f"{k}: {v}" for k, v in dates if k == kind and v != value)
            dates = [(k, v) for k, v in dates if k != kind] + [(kind, value)]
    authors: list[Author] = list(parts.authors)
    affiliations: list[Affiliation] = list(parts.affiliations)
    if metadata.authors is not None:
        authors, affiliations = authors_from_metadata(metadata)
    abstract_units = _merge_abstract(parts.abstract_units, keep_hyphen)
    as_printed = []
    if metadata.title and to_plain(parts.title) != metadata.title:
        as_printed.append(to_plain(parts.title))
    if metadata.authors is not None and parts.authors:
        as_printed.append(", ".join(a.name + "".join(a.markers) for a in parts.authors))
    as_printed.extend(f"{a.marker} {a.text}".strip() for a in parts.affiliations if metadata.authors is not None)
    as_printed.extend(replaced_dates)
    year = metadata.year or (cited.year if cited else "") or _year_of(dict(dates))
    return FrontMatter(
        title=metadata.title or to_plain(parts.title),
        authors=tuple(authors),
        affiliations=tuple(affiliations),
        dates=tuple(sorted(dates, key=lambda kv: _DATE_ORDER.index(kv[0]) if kv[0] in _DATE_ORDER else 9)),
        venue=metadata.venue or (cited.venue if cited else ""),
        volume=metadata.volume or (cited.volume if cited else ""),
        issue=metadata.issue or (cited.issue if cited else ""),
        pages=metadata.pages or (cited.pages if cited else ""),
        year=year,
        doi=metadata.doi or "",
        license=metadata.license or "",
        keywords=metadata.keywords if metadata.keywords is not None else tuple(parts.keywords),
        abstract=abstract_paragraphs(abstract_units, path),
        source_citation=to_plain(citation_line),
        short_title=metadata.short_title or "",
        as_printed=tuple(as_printed),
        family_names=metadata.family_names or (),
    )


_DATE_ORDER = ("submitted", "received", "revised", "accepted", "published")


def _year_of(dates: dict[str, str]) -> str:
    for kind in ("published", "accepted", "received", "submitted"):
        found = re.search(r"\b(19|20)\d\d\b", dates.get(kind, ""))
        if found:
            return found.group(0)
    return ""


def _merge_abstract(units: list[Unit], keep_hyphen: frozenset[str]) -> list[Unit]:
    merged: list[Unit] = []
    for unit in units:
        if merged and continues(merged[-1].text, unit.text):
            last = merged[-1]
            merged[-1] = replace(last, text=join_parts(last.text, unit.text, keep_hyphen), end_line=unit.end_line)
        else:
            merged.append(unit)
    return merged


def authors_from_metadata(metadata: PaperMetadata) -> tuple[list[Author], list[Affiliation]]:
    """The editor's authors, each with markers of their affiliations numbered in first-seen order."""
    affiliations: list[Affiliation] = []
    marker_of: dict[str, str] = {}
    authors = []
    for author in metadata.authors or ():
        markers = []
        for text in author.affiliations:
            if text not in marker_of:
                marker_of[text] = str(len(marker_of) + 1)
                affiliations.append(Affiliation(text, marker_of[text]))
            markers.append(marker_of[text])
        authors.append(Author(author.name, tuple(markers), author.email, bool(author.email)))
    return authors, affiliations
