"""Pages, and the lines a page repeats: running headers, footers, page numbers.

Found by repetition, never by a list of known strings. A line is page
furniture when its normalised form (lower case, digits as ``#``, punctuation
dropped) comes back at the edge of several pages, or when it is a bare page
number whose value climbs with the page. Pages are cut at form feeds when the
text has them; otherwise they are inferred from where the repeated lines
recur: a running head comes back about one page of text later, each time.

A page-top line made only of words from the paper's title and author lines is
a running head too, even when it occurs once (odd pages of a short article).

With pages known (form feeds, or inferred), a page's edge is its first and last
three non-empty lines, read from the edge inwards while they are furniture. A
head is a key seen at the same edge of a fifth of the pages (two at least), whose
numbers are the same each time or count the pages, and which is not a full line
whose sentence runs on. A page-edge line that is such a head once page numbers and
ranges at its ends are folded away (a first page's "Journal | May 2022 | 1–8",
or its URL without the number) is furniture too, except at the first page's top,
where the title and authors the heads repeat are printed. A bare number ("12", "- 12 -", "Page 12 of 30") is a page
number when its value minus the page index is the offset most pages share
(numbers inside heads vote too), one per edge.

Without form feeds, the pages come from the best run of page numbers counting
up by one (bare, or at either end of a repeated head), each a page of text on
(600 characters or 15 lines, at most 12,000 characters; a page holding only a
figure is short, two heads vouch for it), and from heads that come back a page
or two apart beside those numbers (or, with no numbers, three times or more
through the text). The page breaks fall at those lines; then the edges are read
as above.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .bylines import person_names
from .page_inference import _furniture_without_pages, edge_number
from .source_lines import (
    EDGE_ZONE,
    HEAD_SHARE,
    MAX_HEAD_CHARS,
    _NUMBER,
    _TERMINAL,
    SourceLine,
    _has_letters,
    _made_of_title_words,
    furniture_key,
    page_number_value,
    split_source,
    title_words,
)

__all__ = [
    "Furniture", "SourceLine", "edge_number", "find_furniture", "furniture_key", "page_number_value", "split_source", "unpaged_key",
]

#: A page number or page range at a line's start or end, with the separator setting it off:
#: "8 | ", " | 3", " | 1–8", "pp. 1-8 · ".
_PAGING = r"(?:(?:pages?|pp?\.)\s*)?\d{1,4}(?:\s*[-–—]\s*\d{1,4})?"
_LEADING_PAGING = re.compile(rf"^\s*{_PAGING}(?:\s*[|·•/:–—-]\s*|\s+)(?=\S)", re.IGNORECASE)
_TRAILING_PAGING = re.compile(rf"(?<=\S)(?:\s*[|·•/:–—-]\s*|\s+){_PAGING}\s*$", re.IGNORECASE)


def unpaged_key(text: str) -> str:
    """:func:`furniture_key` of ``text`` with a page number or range at either end (and the
    separator setting it off) folded away: a journal's first page prints its running foot as
    "Journal | May 2022 | 1–8" where later pages print "... | 3", or leaves the number out."""
    return furniture_key(_TRAILING_PAGING.sub("", _LEADING_PAGING.sub("", text)))


@dataclass(frozen=True)
class Furniture:
    """What :func:`find_furniture` found: removed lines and the page of every line."""

    reasons: dict[int, str]  # index into the line list -> reason
    pages: int
    inferred: bool


def find_furniture(lines: list[SourceLine], has_feeds: bool) -> Furniture:
    """Running heads, feet and page numbers of ``lines``; sets each line's page."""
    found = _find_furniture(lines, has_feeds)
    kept = _title_block(lines)
    if kept & set(found.reasons):
        return Furniture({i: r for i, r in found.reasons.items() if i not in kept}, found.pages, found.inferred)
    return found


#: The first page's title block lies within this many lines of text.
TITLE_BLOCK_LINES = 12


def _title_block(lines: list[SourceLine]) -> set[int]:
    """The byline at the top of the first page and the line above it (the title's last line):
    never furniture, though the running heads of later pages repeat the title and the authors'
    names ("Digital biomarkers of cognitive function" / "Paul Dagum 1")."""
    content = [i for i, line in enumerate(lines) if line.text.strip()][:TITLE_BLOCK_LINES]
    kept: set[int] = set()
    for position, index in enumerate(content):
        if page_number_value(lines[index].text) is None and person_names(lines[index].text) is not None:
            kept.add(index)
            if position and page_number_value(lines[content[position - 1]].text) is None:
                kept.add(content[position - 1])
    return kept


def _find_furniture(lines: list[SourceLine], has_feeds: bool) -> Furniture:
    pages = max((line.page for line in lines), default=0) + 1
    if has_feeds and pages >= 2:
        return Furniture(_furniture_by_page(lines, pages, {}), pages, False)
    found, boundaries = _furniture_without_pages(lines)
    if not boundaries:
        return Furniture(found, 1, False)
    page = 0
    bounds = iter(boundaries)
    next_bound = next(bounds, None)
    for index, line in enumerate(lines):
        while next_bound is not None and index >= next_bound:
            page += 1
            next_bound = next(bounds, None)
        line.page = page
    # With the pages known, look again at their edges as when form feeds mark them.
    return _plausible(Furniture(_furniture_by_page(lines, page + 1, found), page + 1, True), lines)


#: Page furniture is a few lines a page; when "furniture" would be more than
#: this share of the text, the pages were inferred from content (a list whose
#: lines end in numbers), not from page breaks.
MAX_FURNITURE_SHARE = 0.15


def _plausible(furniture: Furniture, lines: list[SourceLine]) -> Furniture:
    """Drop inferred furniture that is really content: a form that occurs as
    often away from page edges as on them, or furniture that would be a large
    share of the text. Nothing the text says is removed on weak evidence."""
    found = dict(furniture.reasons)
    counts: dict[str, int] = {}
    for line in lines:
        if line.text.strip():
            key = furniture_key(line.text)
            counts[key] = counts.get(key, 0) + 1
    removed_by_key: dict[str, int] = {}
    for index in found:
        key = furniture_key(lines[index].text)
        removed_by_key[key] = removed_by_key.get(key, 0) + 1
    for index in list(found):
        key = furniture_key(lines[index].text)
        if counts.get(key, 0) - removed_by_key[key] >= removed_by_key[key] and found[index] != "page-number":
            del found[index]
    nonempty = sum(1 for line in lines if line.text.strip())
    if len(found) >= 50 and len(found) > MAX_FURNITURE_SHARE * nonempty:
        for line in lines:
            line.page = 0
        return Furniture({}, 1, False)
    return Furniture(found, furniture.pages, furniture.inferred)


# --- pages known (form feeds, or inferred) -------------------------------------------


def _edges(lines: list[SourceLine], pages: int) -> list[tuple[list[int], list[int]]]:
    """Each page's top and bottom zone, each listed from the page edge inwards."""
    by_page: list[list[int]] = [[] for _ in range(pages)]
    for index, line in enumerate(lines):
        if line.text:
            by_page[line.page].append(index)
    return [(ids[:EDGE_ZONE], ids[::-1][:EDGE_ZONE]) for ids in by_page]


def _furniture_by_page(lines: list[SourceLine], pages: int, known: dict[int, str]) -> dict[int, str]:
    """Furniture at the edges of known pages; ``known`` is furniture found before."""
    edges = _edges(lines, pages)
    zones = [(page, zone, ids) for page, (top, bottom) in enumerate(edges) for zone, ids in (("top", top), ("bottom", bottom))]
    bare = {i for _, _, ids in zones for i in ids if page_number_value(lines[i].text) is not None}
    # Lines with letters: the same key at the same edge of enough pages (a fifth, and two at least).
    seen: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)  # (zone, key) -> page -> line
    width = _full_width(lines)
    for page, zone, ids in zones:
        for index in ids:
            text = lines[index].text
            key = furniture_key(text)
            if len(text) <= MAX_HEAD_CHARS and _has_letters(key) and index not in bare and not _runs_on(lines, index, width):
                seen[(zone, key)].setdefault(page, index)
    with_text = sum(1 for top, _ in edges if top)
    heads = {
        zk for zk, found in seen.items()
        if len(found) >= max(2, math.ceil(HEAD_SHARE * with_text)) and _same_or_paging(lines, list(found.values()))
    }
    variants = {(zone, unpaged_key(lines[i].text)) for zone, key in heads for i in seen[(zone, key)].values()}
    reasons: dict[int, str] = {}
    for page, zone, ids in zones:
        # From the edge inwards, as long as lines are furniture (a bare number may sit between).
        for index in ids:
            if index in bare:
                continue
            text = lines[index].text
            if (zone, furniture_key(text)) in heads or _variant(text, page, zone, variants) or known.get(index, "page-number") != "page-number":
                reasons[index] = "running-header" if zone == "top" else "running-footer"
            else:
                break
    _title_heads(lines, zones, reasons, bare)
    # Page numbers, bare or inside a head: value minus page index is the same on most pages.
    support: dict[int, set[int]] = defaultdict(set)
    for index in reasons:
        value = edge_number(lines[index].text)
        if value is not None:
            support[value - lines[index].page].add(lines[index].page)
    candidates: list[tuple[int, int, int, int]] = []  # page, offset, distance from edge, index
    for page, _, ids in zones:
        for distance, index in enumerate(ids):
            if index in bare and index not in reasons:
                value = page_number_value(lines[index].text)
                assert value is not None
                candidates.append((page, value - page, distance, index))
                support[value - page].add(page)
            elif index not in reasons:
                break
    if candidates:
        offset, pages_with = max(support.items(), key=lambda kv: (len(kv[1]), -kv[0]))
        if len(pages_with) >= 2:
            closest: dict[int, tuple[int, int]] = {}
            for page, off, distance, index in candidates:
                if off == offset and (page not in closest or distance < closest[page][0]):
                    closest[page] = (distance, index)
            for _, index in closest.values():
                reasons[index] = "page-number"
    for index, reason in known.items():
        reasons.setdefault(index, reason)
    return reasons


def _variant(text: str, page: int, zone: str, variants: set[tuple[str, str]]) -> bool:
    """A head in a variant form: the same text once page numbers and ranges are folded away
    (:func:`unpaged_key`), as a journal's first page prints its running foot with the article's
    page range, or without a number. Not at the first page's top: the title and the authors printed
    there are what the running heads repeat."""
    if len(text) > MAX_HEAD_CHARS or (page == 0 and zone == "top"):
        return False
    folded = unpaged_key(text)
    return _has_letters(folded) and (zone, folded) in variants


def _same_or_paging(lines: list[SourceLine], ids: list[int]) -> bool:
    """Numbers in a repeated head are the same each time (volume, year) or count the pages."""
    numbers = [tuple(_NUMBER.findall(lines[i].text)) for i in ids]
    if len(set(numbers)) <= 1:
        return True
    values = [edge_number(lines[i].text) for i in ids]
    return None not in values and len({v - lines[i].page for v, i in zip(values, ids) if v is not None}) == 1


def _full_width(lines: list[SourceLine]) -> float:
    lengths = sorted(len(line.text) for line in lines if 20 <= len(line.text) <= 200)
    return float(lengths[(len(lengths) * 3) // 4]) if lengths else 0.0


def _runs_on(lines: list[SourceLine], index: int, width: float) -> bool:
    """A full printed line whose sentence goes on in the next line is body text, not a head."""
    text = lines[index].text
    if not width or len(text) < 0.8 * width or _TERMINAL.search(text[-4:]):
        return False
    following = next((line.text for line in lines[index + 1: index + 4] if line.text), "")
    return following[:1].islower()


def _title_heads(
    lines: list[SourceLine], zones: list[tuple[int, str, list[int]]], reasons: dict[int, str], bare: set[int]
) -> None:
    """Running heads that occur once: short title or author names at a page edge.

    Only where that edge has no running head yet: a page prints one.
    """
    words = title_words(lines)
    for page, zone, ids in zones:
        if page == 0 or any(i in reasons for i in ids):
            continue
        for index in ids:
            if index in bare:
                continue
            if _made_of_title_words(lines[index].text, words):
                reasons[index] = "running-header" if zone == "top" else "running-footer"
            break  # only the outermost line
