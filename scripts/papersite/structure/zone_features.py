"""Features of the zone model: the shared line features plus document state and page cues.

A line's zone depends on where it sits in the whole paper more than on its own look: an
annex is body-like text after an "Appendix" or "Supplementary" cue (often after the
references), a footnote sits just before a page break, a running head just after one. On top of
:func:`papersite.structure.features.document_features` the zone model sees

- *annex cues* anywhere in the line: "Appendix", "Supplementary", "S1 Fig", a lettered
  appendix heading ("A. Proof of Lemma 2"), marked when it comes after a references heading;
- *the last caption seen*: a main figure or table ("Figure 3", "Table 2") or a supplementary
  one ("Figure S1", "Supplementary Table 4", "Appendix 1 Figure 2"), and whether a references
  heading came before — figures printed after the references belong to the body, supplementary
  items to the annex;
- *page breaks*: the training text has no page marks, so breaks are inferred from lines that
  recur once a page (running heads, see ``pagelike``) and from bare page numbers that count up
  (``12`` … ``13`` a page later); a line within three lines of an inferred break gets its
  distance to it (alone and with its length and first character). Only near distances: a
  feature constant over a whole document (no break found, far from any) lets the model learn
  documents instead of lines, and it did worse on the dev split.

What was measured on the dev split to choose these is in ``papersite/data/STRUCTURE-MODELS.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .features import document_features, fold, line_attributes, page_like_repeats, section_cue

_SUPP_ITEM = re.compile(
    r"\b(?:fig(?:ure)?s?\.?|tables?|movies?|videos?|data|files?|text|methods?|appendix)\s*S\d+\b|\bS\d+\s+(?:fig|table|text|file|data)",
    re.IGNORECASE,
)
_SUPP_WORD = re.compile(r"\bsupplement(?:ary|al)?\b|\bsupporting information\b|\badditional file\b", re.IGNORECASE)
_APPENDIX_WORD = re.compile(r"\bappendi(?:x|ces)\b", re.IGNORECASE)
_LETTER_HEAD = re.compile(r"^(?:[A-H](?:\.\d+)*\.?|Appendix\s+[A-Z0-9]+[.:]?)\s+[A-Z][\w-]*")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—(]?\s*(\d{1,4})\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)

_CAPTION = re.compile(r"^(?:supplement(?:ary|al)\s+|appendix\s+\w+\s+)?(?:fig(?:ure)?s?\.?|table|movie|video)\s*S?[0-9IVX]+\b", re.IGNORECASE)
_NEAR = (0, 1, 2, 3, 5, 8, 12, 20)


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def page_breaks(lines: Sequence[str], pagelike: set[int]) -> list[int]:
    """Indices of lines that mark a page edge: recurring once-a-page lines and the page numbers.

    Page numbers are the longest chain of bare numbers counting up by one, each 15 to 400 lines
    after the last (a table's or an axis's numbers are closer together or do not count up); a
    chain shorter than three is not trusted.
    """
    best: dict[int, list[tuple[int, int, int]]] = {}  # value -> [(position, chain length, previous position)]
    links: dict[int, int] = {}
    top = (0, -1)
    for i, line in enumerate(lines):
        match = _PAGE_NUMBER.match(line.strip())
        if not match:
            continue
        value = int(match.group(1))
        length, previous = 1, -1
        for position, chain, _ in best.get(value - 1, ()):
            if 15 <= i - position <= 400 and chain + 1 > length:
                length, previous = chain + 1, position
        best.setdefault(value, []).append((i, length, previous))
        links[i] = previous
        if length > top[0]:
            top = (length, i)
    marks = set(pagelike)
    if top[0] >= 3:
        i = top[1]
        while i >= 0:
            marks.add(i)
            i = links[i]
    return sorted(marks)


def running_heads(lines: Sequence[str]) -> set[int]:
    """Lines that recur about once a page (``page_like_repeats``) and have a few letters: not
    a bare number or symbol, not a line recurring more often than pages could (code output)."""
    keys = [fold(line) for line in lines]
    counts = Counter(keys)
    limit = max(3, len(lines) // 15)
    return {i for i in page_like_repeats(keys) if counts[keys[i]] <= limit and sum(c.isalpha() for c in keys[i]) >= 4}


def _distances(total: int, marks: Sequence[int]) -> tuple[list[int], list[int]]:
    """For each line, the distance to the nearest mark at or before it and at or after it (large if none)."""
    far = 10**6
    before, after = [far] * total, [far] * total
    last = -far
    marked = set(marks)
    for i in range(total):
        if i in marked:
            last = i
        before[i] = i - last
    nxt = far * 2
    for i in range(total - 1, -1, -1):
        if i in marked:
            nxt = i
        after[i] = nxt - i
    return before, after


def zone_features(lines: Sequence[str], own: Sequence[list[str]] | None = None) -> list[list[str]]:
    """:func:`document_features` plus the zone model's document state and page-break cues."""
    if own is None:
        own = [line_attributes(line) for line in lines]
    out = document_features(lines, own)
    breaks = page_breaks(lines, running_heads(lines))
    before, after = _distances(len(lines), breaks)
    after_refs = False
    caption = "none"
    for i, line in enumerate(lines):
        features = out[i]
        after_refs = after_refs or section_cue(line) == "refs"
        supp = bool(_SUPP_ITEM.search(line))
        if supp:
            features.append("suppitem")
        supp_word = bool(_SUPP_WORD.search(line))
        if supp_word:
            features.append("suppword")
        if _APPENDIX_WORD.search(line):
            supp_word = True
            features.append("appendixword")
        if len(line.split()) <= 12 and _LETTER_HEAD.match(line.strip()):
            features.append("letterhead" + ("|afterrefs" if after_refs else ""))
        if _CAPTION.match(line.strip()):
            caption = "supp" if supp or supp_word else "main"
            features.append("caption=" + caption)
        features.append("lastcap=" + caption + ("|afterrefs" if after_refs else ""))
        shape = own[i][0] + "|" + own[i][3]
        if before[i] <= 3:
            features.append(f"pbprev={before[i]}")
            features.append(f"pbprev{before[i]}|{shape}")
        if after[i] <= 3:
            features.append(f"pbnext={after[i]}")
            features.append(f"pbnext{after[i]}|{shape}")
    return out
