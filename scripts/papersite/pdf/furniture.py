"""Page furniture by position and repetition: the lines a PDF prints at the same place at the top or
the foot of many pages (a running head, a journal's URL with the page number, the authors' names).

Reading order alone can put such a line in the middle of a page's text: on a two-column page a
foot line under the left column is read before the right column, and then it ends the left
column's last paragraph or joins the reference entry above it. Here each page's furniture is
moved to the page's edge it is printed at (its head first, its foot last), left to right, where
the text parser's running-head rules find and remove it (and report it as removed, so nothing is
lost). Nothing else moves; a line that recurs at one place on too few pages stays where it is.

A line is furniture when it is in the first or last :data:`EDGE_ROWS` rows of its page and its
digit-folded text ("8 | https://..." as "# https ...") is printed within :data:`SAME_PLACE`
points of the same height on at least :data:`MIN_PAGES` pages and a fifth of them, its numbers the
same on each page or one of them counting the pages. A line at a page's edge rows that folds,
its page numbers and ranges taken off its ends (:func:`papersite.parse.running_heads.unpaged_key`),
to such a line printed at the same edge and height is that furniture in a variant form (a first
page's foot with the article's page range, or without its number).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace

from ..parse.running_heads import furniture_key, unpaged_key
from ..parse.source_lines import _has_letters
from .model import PdfLine, PdfPage

#: Rows (lines on one baseline) from a page's top or foot where furniture is looked for.
EDGE_ROWS = 2
#: Points between the heights at which one furniture line is printed on different pages.
SAME_PLACE = 3.0
#: Pages a line must recur on (and :data:`SHARE` of the pages with text).
MIN_PAGES = 3
SHARE = 0.2

def _edge_lines(page: PdfPage) -> dict[PdfLine, str]:
    """The lines of the page's first and last :data:`EDGE_ROWS` rows, each with its side ("top", "foot")."""
    baselines = sorted({round(line.baseline) for line in page.lines})
    rows: list[float] = []
    for y in baselines:
        if not rows or y - rows[-1] > 2:
            rows.append(y)
    if len(rows) < 2 * EDGE_ROWS + 1:
        return {}
    top, foot = rows[EDGE_ROWS - 1] + 2, rows[-EDGE_ROWS] - 2
    out: dict[PdfLine, str] = {}
    for line in page.lines:
        if line.baseline <= top:
            out[line] = "top"
        elif line.baseline >= foot:
            out[line] = "foot"
    return out


def find_furniture(pages: list[PdfPage]) -> dict[int, dict[PdfLine, str]]:
    """Page number -> its furniture lines, each with the edge it is printed at."""
    edges = {page.number: _edge_lines(page) for page in pages}
    places: dict[tuple[str, str], list[tuple[int, float, str]]] = defaultdict(list)
    for number, lines in edges.items():
        for line, side in lines.items():
            key = furniture_key(line.text)
            if key and len(line.text) <= 120:
                places[(side, key)].append((number, line.baseline, line.text))
    enough = max(MIN_PAGES, math.ceil(SHARE * sum(1 for page in pages if page.lines)))
    recurring: set[tuple[str, str, int]] = set()  # (side, key, page)
    for (side, key), seen in places.items():
        for _, y, _ in seen:
            near = {number: text for number, other, text in seen if abs(other - y) <= SAME_PLACE}
            if len(near) >= enough and _same_or_paging(near):
                recurring.update((side, key, number) for number in near)
    # Variant forms count too, but not at the first page's top: the title and authors printed there
    # are what the running heads repeat.
    variants = _variant_places(places, recurring)
    first = min(edges, default=0)
    found: dict[int, dict[PdfLine, str]] = {}
    for number, lines in edges.items():
        kept = {
            line: side for line, side in lines.items()
            if (side, furniture_key(line.text), number) in recurring
            or ((number, side) != (first, "top")
                and any(abs(y - line.baseline) <= SAME_PLACE for y in variants.get((side, unpaged_key(line.text)), ())))
        }
        if kept:
            found[number] = kept
    return found


def _variant_places(
    places: dict[tuple[str, str], list[tuple[int, float, str]]], recurring: set[tuple[str, str, int]]
) -> dict[tuple[str, str], list[float]]:
    """The furniture's texts with page numbers and ranges folded away (:func:`unpaged_key`), each with
    the heights it is printed at: a line that folds to one of them at that height and edge is the
    same furniture in a variant form (the first page's foot, "Vignette | May 2, 2022 | 1–8" where
    later pages print "... | 3", or "https://..." where they print "2 | https://...")."""
    out: dict[tuple[str, str], list[float]] = defaultdict(list)
    for (side, key), seen in places.items():
        for number, y, text in seen:
            folded = unpaged_key(text)
            if (side, key, number) in recurring and _has_letters(folded):
                out[(side, folded)].append(y)
    return out


def _same_or_paging(texts: dict[int, str]) -> bool:
    """The numbers in a line that recurs on these pages are the same on each (a year, a volume),
    or one of them counts the pages (a page number folded in): its value less the page's is the
    same on every page."""
    numbers = {page: tuple(int(n) for n in re.findall(r"\d+", text)) for page, text in texts.items()}
    if len(set(numbers.values())) <= 1:
        return True
    if len({len(found) for found in numbers.values()}) != 1:
        return False
    varying = [i for i in range(len(next(iter(numbers.values())))) if len({found[i] for found in numbers.values()}) > 1]
    return len(varying) == 1 and len({found[varying[0]] - page for page, found in numbers.items()}) == 1


def furniture_to_edges(pages: list[PdfPage]) -> list[PdfPage]:
    """Each page with its furniture (:func:`find_furniture`) moved to its edge: the head's lines
    first, the foot's last, each left to right; every other line keeps its place in the order."""
    found = find_furniture(pages)
    out = []
    for page in pages:
        furniture = found.get(page.number)
        if not furniture:
            out.append(page)
            continue
        head = sorted((line for line, side in furniture.items() if side == "top"), key=lambda l: (l.baseline, l.x0))
        foot = sorted((line for line, side in furniture.items() if side == "foot"), key=lambda l: (l.baseline, l.x0))
        rest = [line for line in page.lines if line not in furniture]
        out.append(replace(page, lines=(*head, *rest, *foot)))
    return out
