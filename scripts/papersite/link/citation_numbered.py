"""Numbered citations, as one grammar over their marks.

A citation is a group of numbers and ranges, separated by ``,`` or ``;``,
optionally with page locators (``p. 25``, ``S. 12``, ``с. 10``), inside one of

- brackets: ``[1]``, ``[1, 3–5]``, ``[1; 4]``, ``[9, p. 25]`` — but not after a
  word that numbers a part of the paper (``Figure [3]``, ``Table [2]``);
- parentheses: ``(1)``, ``(1–3)`` — but not an enumeration (``(1) first …
  (2) second``) nor a number read as a quantity;
- superscript digits after a word or punctuation: ``growth.¹²``, ``¹⁻³`` (in
  the text, or as the parser's :class:`Superscript` nodes, ``2`` ``⁻`` ``3``);
- digits glued to a word or punctuation where the PDF text lost the raise
  (``growth,12 and``): only in a paper that cites in no other numbered way,
  only after a word of letters, and only numbers the reference list has (so a
  year or a quantity is never one).

Each number is looked up in the paper's list (numbered in any way, see
:mod:`.citation_index`); a range is expanded to each of its works.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import CitationRef, CiteItem, Inline, Superscript, Text
from .citation_index import CitationIndex

#: Page-locator words: English p./pp., Russian с./С., German S., Portuguese/Spanish p./pág.
PAGE_WORD = r"(?:pp?\.?|pág\.|[сСS]\.)"
_DASH = r"\s*[-–—]\s*"
_NUMBER_OR_RANGE = r"\d{1,4}(?:" + _DASH + r"\d{1,4})?"
_GROUP = _NUMBER_OR_RANGE + r"(?:\s*[,;]\s*(?:" + _NUMBER_OR_RANGE + r"|" + PAGE_WORD + r"\s*\d+(?:" + _DASH + r"\d+)?))*"
_BRACKETS = re.compile(r"\[(" + _GROUP + r")\]")
_PARENS = re.compile(r"(?<=[\w.,;:’”\"'] )\((" + _NUMBER_OR_RANGE + r"(?:\s*[,;]\s*" + _NUMBER_OR_RANGE + r")*)\)(?=[\s.,;:)]|$)")
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = re.compile(r"(?<=[^\W\d_]|[.,;:)’”\"])([" + _SUPERSCRIPT_DIGITS + r"]+(?:[,⁻–-][" + _SUPERSCRIPT_DIGITS + r"]+)*)")
_LOST_RAISE = re.compile(r"(?<=[a-z]{3})([.,;:]?)(\d{1,3}(?:[-–,]\d{1,3})*)(?=\s+[A-Za-z(]|$)")
#: What R prints after the "[1]" that opens a line of console output: a number, a string, TRUE/FALSE/NA.
_CONSOLE_VALUE = re.compile(r"\s+(?:-?\d|\"|TRUE\b|FALSE\b|NA\b)")
#: A word that numbers a part of the paper itself: "Figure [3]", "Table [2]", "Eq. [4]" refer, they do not cite.
_CROSS_REFERENCE = re.compile(
    r"\b(?:fig(?:ure)?s?|tab(?:le)?s?|sec(?:t(?:ion)?)?s?|§|eqs?|equations?|chap(?:ter)?s?|appendix|algorithms?|steps?|lines?|panels?|listings?)\.?\s*$",
    re.IGNORECASE,
)
_UNITS = re.compile(r"^\s*(?:%|per\b|percent\b|million\b|billion\b|km\b|kg\b|years?\b|days?\b|times\b)", re.IGNORECASE)


def _plain_digits(text: str) -> str:
    return text.translate(str.maketrans(_SUPERSCRIPT_DIGITS + "⁻", "0123456789-"))


def numbered_items(body: str, offset: int, paper_id: str, index: CitationIndex) -> list[CiteItem] | None:
    """The items of a group of numbers; ``None`` when the group is not one (a locator first)."""
    items: list[CiteItem] = []
    for piece in re.finditer(r"[^,;]+", body):
        text = piece.group(0)
        start = offset + piece.start() + (len(text) - len(text.lstrip()))
        text = text.strip()
        if re.match(r"^" + PAGE_WORD + r"\s*\d", text):
            if not items:
                return None
            items[-1] = replace(items[-1], locator=text)
            continue
        bounds = [int(n) for n in re.findall(r"\d+", _plain_digits(text))]
        numbers = list(range(bounds[0], bounds[-1] + 1)) if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 50 else bounds[:1]
        for number in numbers:
            key = index.numbers.get((paper_id, str(number)), "")
            status, note = ("linked", "") if key else ("unresolved", f"no reference [{number}] in the list")
            items.append(CiteItem(start, start + len(text), key, "", status, note))
    return items


def _numbers_fit(body: str, items: list[CiteItem], count: int, strict: bool) -> bool:
    """``strict``: every number is in the list. Otherwise every number is at
    most twice the list's length (a list may have lost entries: those items
    stay unresolved and are reported), so "[2021]" is not a citation."""
    if not items:
        return False
    if strict:
        return all(item.key for item in items)
    numbers = re.findall(r"\d+", _plain_digits(re.sub(PAGE_WORD + r"\s*\d+(?:" + _DASH + r"\d+)?", "", body)))
    return all(int(n) <= max(count, 1) * 2 for n in numbers)


def _enumeration(text: str, start: int, body: str) -> bool:
    """"(1) first … (2) second": parenthesised numbers that count items, not cite."""
    if not body.isdigit():
        return False
    number = int(body)
    return f"({number + 1})" in text[start:] or (number > 1 and f"({number - 1})" in text[:start])


def _code_bracket(text: str, start: int, end: int) -> bool:
    """A bracketed number that is program text, not a citation: an index glued to a name or a call
    (``x[2]``, ``loglik)[2]``), or the position R prints before console output (``[1] 128 20``,
    also after the call that printed it when console lines ran together: ``dim(x) [1] 128 20``)."""
    before = text[start - 1 : start]
    if before and (before.isalnum() or before in ")]_$"):
        return True
    # Output opens a line, or (console lines run together into one paragraph) follows the call that printed it.
    after_call = start == 0 or text[start - 1] == "\n" or text[max(0, start - 8) : start].rstrip().endswith((")", "]"))
    return after_call and bool(_CONSOLE_VALUE.match(text, end))


def find_numbered(
    text: str, paper_id: str, index: CitationIndex, raised: bool = False, parens: bool = True
) -> list[tuple[int, int, str, list[CiteItem]]]:
    """(start, end, kind, items) of every numbered citation in ``text``.

    ``raised``: the paper cites in no bracketed or parenthesised way, so digits
    glued to words may be superscripts that lost their raise. ``parens``: the
    paper may cite as "(3)"; a paper that cites in brackets does not, so its
    "(2,5), (5,10)" are numbers, never citations."""
    count = index.numbered_count(paper_id)
    found: list[tuple[int, int, str, list[CiteItem]]] = []
    for match in _BRACKETS.finditer(text):
        if _code_bracket(text, match.start(), match.end()) or _CROSS_REFERENCE.search(text, max(0, match.start() - 16), match.start()):
            continue
        items = numbered_items(match.group(1), 1, paper_id, index)
        if items and _numbers_fit(match.group(1), items, count, strict=False):
            found.append((match.start(), match.end(), "numbered", items))
    for match in _PARENS.finditer(text) if parens else ():
        items = numbered_items(match.group(1), 1, paper_id, index)
        if _numbers_fit(match.group(1), items or [], count, strict=True) and items and not _enumeration(text, match.start(), match.group(1)):
            found.append((match.start(), match.end(), "numbered", items))
    for match in _SUPERSCRIPT.finditer(text):
        items = numbered_items(match.group(1), 0, paper_id, index)
        if items and _numbers_fit(match.group(1), items, count, strict=False):
            found.append((match.start(), match.end(), "numbered", items))
    if raised:
        for match in _LOST_RAISE.finditer(text):
            if _UNITS.match(text[match.end() :]):
                continue
            items = numbered_items(match.group(2), 0, paper_id, index)
            if items and _numbers_fit(match.group(2), items, count, strict=True):
                found.append((match.start(2), match.end(), "numbered", items))
    return sorted(found, key=lambda f: f[0])


_RUN_SEPARATORS = frozenset({",", ", ", "⁻", "-", "–", "‒"})


def superscript_citation(inlines: tuple[Inline, ...], at: int, paper_id: str, index: CitationIndex) -> tuple[int, CitationRef | None]:
    """The citation made by the superscript digits starting at ``inlines[at]``
    (``2``, or ``2`` ``⁻`` ``3``), and the index after it; ``None`` when they
    are not one (not digits, or a number the list lacks)."""
    end = at
    parts: list[str] = []
    while end < len(inlines):
        node = inlines[end]
        if not (isinstance(node, Superscript) and node.text.strip().isdigit()):
            break
        parts.append(node.text)
        following = inlines[end + 1] if end + 1 < len(inlines) else None
        if isinstance(following, Text) and following.text in _RUN_SEPARATORS and end + 2 < len(inlines) and isinstance(inlines[end + 2], Superscript):
            parts.append(following.text)
            end += 2
        else:
            end += 1
    if end == at:
        return at, None
    text = "".join(parts)
    items = numbered_items(text, 0, paper_id, index)
    if not items or not _numbers_fit(text, items, index.numbered_count(paper_id), strict=True):
        return at, None
    # Kind "superscript": a renderer may raise it as the source did.
    return end, CitationRef(text, tuple(items), "superscript")
