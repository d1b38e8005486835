"""Pages of a text without form feeds, inferred from lines that recur about a page apart (page numbers
counting up, running heads); see :mod:`papersite.parse.running_heads` for the rules."""

from __future__ import annotations

import re
from collections import defaultdict

from .source_lines import (
    HEAD_SHARE,
    MAX_HEAD_CHARS,
    MAX_PAGE_CHARS,
    MIN_PAGE_CHARS,
    MIN_PAGE_LINES,
    SourceLine,
    _has_letters,
    _made_of_title_words,
    furniture_key,
    page_number_value,
    title_words,
)

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
    numbered = _numbered_lines(lines, content, maybe)
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
    return reasons, _boundaries(reasons, content, order)


def _numbered_lines(lines: list[SourceLine], content: list[int], maybe: set[int]) -> list[tuple[int, int, bool]]:
    """Lines that print a page number: (index, value, whether the line has words besides the number).

    A bare number always; a number at either end of a short line only when that line may be a running
    head (it recurs, or it is made of the title's words)."""
    words = title_words(lines)
    numbered: list[tuple[int, int, bool]] = []
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
    return numbered


def _boundaries(reasons: dict[int, str], content: list[int], order: dict[int, int]) -> list[int]:
    """Where each inferred page starts: at its running head, or after the page number that ends the page before."""
    boundaries = []
    for group in _groups(sorted(reasons), order):
        heads_in = [i for i in group if reasons[i] != "page-number"]
        boundary = heads_in[0] if heads_in else group[-1] + 1
        if order[group[0]] > 0 and boundary > content[0]:
            boundaries.append(boundary)
    return boundaries


#: The number may stand apart by a separator ("8 | https://...", "Vignette | January 11, 2022 | 7").
_LEADING_NUMBER = re.compile(r"^(\d{1,4})\s+(?:[|·•]\s+)?(?=[^\W\d_])")
_TRAILING_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|\s[|·•])\s+(\d{1,4})$")


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
