"""The "how to cite this paper" line some journals print: venue, volume, issue, year, pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline import parse_inline, unescape
from ..model import Emphasis


@dataclass(frozen=True)
class CitationLine:
    venue: str = ""
    volume: str = ""
    issue: str = ""
    year: str = ""
    pages: str = ""


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def mentions_title(text: str, title: str) -> bool:
    """Does ``text`` quote the paper's ``title`` (ignoring case and punctuation)?"""
    wanted = _normal(title)
    return len(wanted) >= 12 and wanted in _normal(text)


def read_citation_line(text: str, title: str) -> CitationLine:
    """Pull venue, volume(issue), year and pages out of a citation of this paper."""
    venue = ""
    for node in parse_inline(text):
        if isinstance(node, Emphasis):
            venue = node.text.strip()
            break
    plain = unescape(text)
    if not venue:
        # Otherwise the venue is what follows the quoted title, up to a comma.
        after = re.split(r"[\"”]", plain, maxsplit=2)
        if len(after) == 3:
            venue = after[2].strip(" .,").split(",")[0].strip()
    volume_issue = re.search(r"\b(\d{1,4})\s*\((\d{1,4}(?:[-–]\d{1,4})?)\)", plain)
    volume = re.search(r"\bvol(?:ume)?\.?\s*(\d{1,4})", plain, re.IGNORECASE)
    issue = re.search(r"\b(?:no|issue)\.?\s*(\d{1,4})", plain, re.IGNORECASE)
    year = re.findall(r"\b(?:19|20)\d\d\b", re.sub(re.escape(title), " ", plain))
    pages = re.search(r"\bpp?\.?\s*(\d+\s*[-–]\s*\d+|\d+)", plain)
    return CitationLine(
        venue=venue,
        volume=volume_issue.group(1) if volume_issue else (volume.group(1) if volume else ""),
        issue=volume_issue.group(2) if volume_issue else (issue.group(1) if issue else ""),
        year=year[-1] if year else "",
        pages=re.sub(r"\s+", "", pages.group(1)).replace("–", "-") if pages else "",
    )
