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
whose sentence runs on. A bare number ("12", "- 12 -", "Page 12 of 30") is a page
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

#: Lines this close to a page's edge (non-empty lines) count as its edge.
EDGE_ZONE = 3
#: A running head comes back on at least this share of the pages (alternating heads: a half).
HEAD_SHARE = 0.2
#: Running heads are short.
MAX_HEAD_CHARS = 100
#: No page holds less text than this many characters between two recurrences...
MIN_PAGE_CHARS = 600
#: ...or this many lines (pages of program code hold few characters)...
MIN_PAGE_LINES = 15
#: ...nor more than this (two-column pages of small print stay below it).
MAX_PAGE_CHARS = 12000

_NUMBER = re.compile(r"\d+")
_NOT_KEY = re.compile(r"[^\w#]+")
_PAGE_NUMBER_LINE = re.compile(r"^[^\w]*(?:[^\W\d_]{1,6}\.?\s*)?(\d{1,4})(?:\s*(?:[^\W\d_]{1,3}|/)\s*\d{1,4})?[^\w]*$")
_TERMINAL = re.compile(r"[.!?;,]['\"”’)\]]*$")


@dataclass
class SourceLine:
    """One line of the source: its 1-based number, text without form feeds."""

    number: int
    text: str  # stripped
    indent: int
    page: int = 0
    raw: str = ""  # as in the source, less form feeds and a carriage return


@dataclass(frozen=True)
class Furniture:
    """What :func:`find_furniture` found: removed lines and the page of every line."""

    reasons: dict[int, str]  # index into the line list -> reason
    pages: int
    inferred: bool


def split_source(text: str) -> tuple[list[SourceLine], bool]:
    """Lines of ``text`` numbered from 1, with the page each is on (form feeds).

    A form feed inside a line (``"12\fJournal of X"``, a page without a final
    line break) cuts it in two lines with the same number.
    """
    lines: list[SourceLine] = []
    page = 0
    had_feed = False
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw[:-1] if raw.endswith("\r") else raw
        if "\f" not in raw:
            lines.append(_source_line(number, raw, page))
            continue
        had_feed = True
        parts = raw.split("\f")
        kept = 0
        for position, part in enumerate(parts):
            if position:
                page += 1
            if part.strip() or (position == len(parts) - 1 and not kept):
                lines.append(_source_line(number, part, page))
                kept += 1
    return lines, had_feed


def _source_line(number: int, raw: str, page: int) -> SourceLine:
    expanded = raw.replace("\t", "    ")
    return SourceLine(number, expanded.strip(), len(expanded) - len(expanded.lstrip()), page, raw)


def furniture_key(text: str) -> str:
    """Normal form under which running heads repeat: case, digits, punctuation dropped."""
    lowered = _NUMBER.sub("#", text.lower())
    return " ".join(_NOT_KEY.sub(" ", lowered).split())


_THREE_LETTERS = re.compile(r"(?:[\W\d_]*[^\W\d_]){3}")


def _has_letters(key: str) -> bool:
    return _THREE_LETTERS.match(key) is not None


def page_number_value(text: str) -> int | None:
    """The number of a line that is only a page number ("12", "- 12 -", "Page 12 of 30")."""
    if len(text) > 24:
        return None
    match = _PAGE_NUMBER_LINE.match(text)
    return int(match.group(1)) if match else None


def title_words(lines: list[SourceLine]) -> frozenset[str]:
    """Words of the paper's first lines (title, authors): what running heads are made of."""
    words: set[str] = set()
    seen = 0
    for line in lines:
        if not line.text:
            continue
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", line.text))
        seen += 1
        if seen >= 8:
            break
    return frozenset(words)


def _made_of_title_words(text: str, words: frozenset[str]) -> bool:
    if len(text) > 80 or _TERMINAL.search(text) or re.match(r"^\s*(\d+(\.\d+)*[.)]|\d+\.\d+|[IVXLC]+[.)])\s", text):
        return False
    found = re.findall(r"[^\W\d_]{2,}", text)
    return len(found) >= 2 and all(w.lower() in words for w in found) and len(found) <= 12


def find_furniture(lines: list[SourceLine], has_feeds: bool) -> Furniture:
    """Running heads, feet and page numbers of ``lines``; sets each line's page."""
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
    reasons: dict[int, str] = {}
    for _, zone, ids in zones:
        # From the edge inwards, as long as lines are furniture (a bare number may sit between).
        for index in ids:
            if index in bare:
                continue
            if (zone, furniture_key(lines[index].text)) in heads or known.get(index, "page-number") != "page-number":
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


# --- pages inferred ----------------------------------------------------------------------


def _furniture_without_pages(lines: list[SourceLine]) -> tuple[dict[int, str], list[int]]:
    """Furniture found by regular recurrence; returns reasons and page boundaries (indices)."""
    position: dict[int, int] = {}
    chars = 0
    content: list[int] = []
    for index, line in enumerate(lines):
        if line.text:
            position[index] = chars
            chars += len(line.text) + 1
            content.append(index)
    order = {index: rank for rank, index in enumerate(content)}

    occurrences: dict[str, list[int]] = defaultdict(list)
    for index in content:
        text = lines[index].text
        if len(text) <= MAX_HEAD_CHARS and page_number_value(text) is None:
            key = furniture_key(text)
            if _has_letters(key):
                occurrences[key].append(index)
    bare = {index for index in content if page_number_value(lines[index].text) is not None}
    # Candidates: short lines that come back a page or two apart.
    candidates: dict[str, list[int]] = {}
    for key, ids in occurrences.items():
        spaced = _page_spaced(ids, position, order)
        if len(spaced) >= 2 and _regular(spaced, position, order):
            candidates[key] = spaced
    maybe = {i for ids in candidates.values() for i in ids}
    words = title_words(lines)
    numbered: list[tuple[int, int, bool]] = []  # index, value, has letters
    for index in content:
        text = lines[index].text
        value = page_number_value(text)
        if value is not None:
            numbered.append((index, value, False))
            continue
        value = edge_number(text)
        if value is None or len(text) > MAX_HEAD_CHARS or text.endswith((".", "!", "?")):
            continue  # a head is no sentence; a note or a list item is
        if index in maybe or _made_of_title_words(text, words):
            numbered.append((index, value, True))
    chain = _page_number_chain(numbered, content, position, order, maybe)
    in_chain = {index for index, _, _ in chain}
    heads: set[int] = set()
    for ids in candidates.values():
        if chain:
            # With page numbers found, a running head sits beside them (or carries them).
            beside = [i for i in ids if i in in_chain or _next_to(i, in_chain, content, order)]
            if len(beside) >= 0.8 * len(ids) and (len(ids) >= 3 or len(beside) == len(ids)):
                heads.update(beside)
        elif _counts_pages(lines, ids, position) or (len(ids) >= 2 and all(_next_to(i, bare, content, order) for i in ids)):
            heads.update(ids)
        elif len(ids) >= 3 and _spans(ids, position, chars):
            heads.update(ids)
    reasons: dict[int, str] = {i: "running-header" for i in heads}
    for index, _, letters in chain:
        reasons[index] = "running-header" if letters else "page-number"
    if not reasons:
        return {}, []
    boundaries = []
    for group in _groups(sorted(reasons), order):
        heads_in = [i for i in group if reasons[i] != "page-number"]
        boundary = heads_in[0] if heads_in else group[-1] + 1
        if order[group[0]] > 0 and boundary > content[0]:
            boundaries.append(boundary)
    return reasons, boundaries


_LEADING_NUMBER = re.compile(r"^(\d{1,4})\s+(?=[^\W\d_])")
_TRAILING_NUMBER = re.compile(r"(?<=[^\W\d_])\s+(\d{1,4})$")


def edge_number(text: str) -> int | None:
    """A page number printed at either end of a head ("48 Journal of X", "Short Title 49")."""
    value = page_number_value(text)
    if value is not None:
        return value
    match = _LEADING_NUMBER.match(text) or (_TRAILING_NUMBER.search(text[-8:]) if text[-1:].isdigit() else None)
    return int(match.group(1)) if match else None


def _counts_pages(lines: list[SourceLine], ids: list[int], position: dict[int, int]) -> bool:
    """Do the repeated lines carry a number that climbs one or two a page?"""
    values = [edge_number(lines[i].text) for i in ids]
    if any(v is None for v in values):
        return False
    for (a, va), (b, vb) in zip(zip(ids, values), zip(ids[1:], values[1:])):
        assert va is not None and vb is not None
        step = vb - va
        if step not in (1, 2) or not MIN_PAGE_CHARS * step <= position[b] - position[a] <= MAX_PAGE_CHARS * step:
            return False
    return True


def _page_spaced(ids: list[int], position: dict[int, int], order: dict[int, int]) -> list[int]:
    """The occurrences a page or more after the previous one kept (a head prints once a page)."""
    kept: list[int] = []
    for index in ids:
        if not kept or _page_apart(position[index] - position[kept[-1]], order[index] - order[kept[-1]]):
            kept.append(index)
    return kept


def _regular(ids: list[int], position: dict[int, int], order: dict[int, int]) -> bool:
    """Occurrences about a page (or two, alternating) apart, most of them evenly."""
    gaps = sorted(position[b] - position[a] for a, b in zip(ids, ids[1:]))
    if not gaps:
        return False
    median = gaps[len(gaps) // 2]
    even = sum(1 for gap in gaps if gap >= 0.3 * median)
    return gaps[-1] <= 2 * MAX_PAGE_CHARS and even >= 0.8 * len(gaps)


def _page_apart(chars: int, lines: int) -> bool:
    """Could two lines this far apart be on different pages? (Pages of code hold few characters.)"""
    return chars >= MIN_PAGE_CHARS or lines >= MIN_PAGE_LINES


def _spans(ids: list[int], position: dict[int, int], total: int) -> bool:
    """Without page numbers, a running head recurs through most of the text, a fifth of its pages at least."""
    gaps = sorted(position[b] - position[a] for a, b in zip(ids, ids[1:]))
    median = gaps[len(gaps) // 2] or 1
    span = position[ids[-1]] - position[ids[0]]
    return span >= 0.5 * total and len(ids) >= HEAD_SHARE * total / median


def _next_to(index: int, marked: set[int], content: list[int], order: dict[int, int]) -> bool:
    rank = order[index]
    return any(0 <= r < len(content) and content[r] in marked for r in (rank - 2, rank - 1, rank + 1, rank + 2))


def _groups(furniture: list[int], order: dict[int, int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index in furniture:
        if groups and order[index] - order[groups[-1][-1]] == 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _page_number_chain(
    numbered: list[tuple[int, int, bool]],
    content: list[int],
    position: dict[int, int],
    order: dict[int, int],
    heads: set[int],
) -> list[tuple[int, int, bool]]:
    """The best run of page numbers counting up by one, about a page apart each.

    Bare numbers next to a running head, and heads that carry the number, weigh more.
    """
    if len(numbered) < 2:
        return []
    by_value: dict[int, list[int]] = defaultdict(list)  # value -> positions in `numbered`
    best: list[tuple[float, int]] = []  # (score, previous position in numbered or -1)
    strong = [letters or _next_to(index, heads, content, order) for index, _, letters in numbered]
    for k, (index, value, _) in enumerate(numbered):
        score = 1.5 if strong[k] else 1.0
        choice = (score, -1)
        for j in by_value.get(value - 1, ()):
            before = numbered[j][0]
            gap = position[index] - position[before]
            # A page holding only a figure is short: two heads vouch for it.
            near = strong[j] and strong[k] and order[index] - order[before] >= 2
            apart = (_page_apart(gap, order[index] - order[before]) or near) and gap <= MAX_PAGE_CHARS
            if apart and best[j][0] + score > choice[0]:
                choice = (best[j][0] + score, j)
        best.append(choice)
        by_value[value].append(k)
    end = max(range(len(numbered)), key=lambda k: (best[k][0], -k))
    chain: list[tuple[int, int, bool]] = []
    k = end
    while k != -1:
        chain.append(numbered[k])
        k = best[k][1]
    chain.reverse()
    vouched = all(letters or _next_to(i, heads, content, order) for i, _, letters in chain)
    return chain if len(chain) >= 3 or (len(chain) == 2 and vouched) else []
