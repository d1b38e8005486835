"""Headings printed over two lines, for the paragraph rebuilder (:mod:`papersite.parse.paragraphs`).

A heading too long for its column wraps: ``4.3. Testing and dating structural changes in the
presence of`` / ``heteroskedasticity and autocorrelation``. Read line by line, the first line is a
heading and the second the start of a paragraph, or neither is a heading at all. The second line
finishes the heading when it is short, ends no sentence, is no numbered heading, list item, code
or data of its own, the line after it starts a new block, and one of these holds:

- the structure model calls it the continuation of a heading block (a heading line that does not
  start a block);
- it starts in lower case ("diversity"), or the first line hangs on a small word ("... of");
- both lines are in title case and the first fills the column ("Using Rcpp as an Interface to
  External Libraries: Exploring" / "Linear Algebra Extensions"): a sentence is not in title case.

A numbered heading's first line may fill the column (too long for a one-line heading).

All are tests of shape, never of particular words beyond the closed class of small words.
"""

from __future__ import annotations

import re

from .headings import MAX_HEADING_WORDS, _SMALL_WORDS, detect_heading, looks_like_data, title_cased
from .units import Unit

_TERMINAL = re.compile(r"[.!?;,]['\"”’)\]]*$")
_ITEM = re.compile(r"^(?:[-•▪◦–*]\s+|\(?[a-zA-Z]\)\s+|\(?\d{1,3}[.)]\s+)(?=\S)")
#: Share of the column a wrapped heading's first line fills at least, when nothing else shows the wrap.
FULL_LINE = 0.75
#: At most this many words in a heading over two lines.
MAX_WRAPPED_WORDS = 2 * MAX_HEADING_WORDS


def _numbered_heading(text: str, wrapped: bool = False) -> bool:
    found = detect_heading(Unit(text, 0, 0, lines=(text,)), None, wrapped)
    return found is not None and bool(found.number)


def finishes_heading(head: str, tail: str, after: str, width: float, model_says: bool) -> bool:
    """Does printed line ``tail`` finish the heading begun on ``head``? ``after`` is the line after
    ``tail`` ("" at the end), ``width`` the column's full width, ``model_says`` whether the structure
    model labels ``tail`` a heading's continuation."""
    if not tail or len(tail) > FULL_LINE * width or _TERMINAL.search(tail) or tail.endswith(("-", ":")):
        return False
    if looks_like_data(tail) or _ITEM.match(tail) or _numbered_heading(tail):
        return False
    if len(f"{head} {tail}".split()) > MAX_WRAPPED_WORDS or (after[:1].islower() and not model_says):
        return False
    if model_says or tail[:1].islower() or head.rsplit(" ", 1)[-1].lower() in _SMALL_WORDS:
        return True
    return len(head) >= FULL_LINE * width and title_cased(head) and title_cased(tail)


def starts_wrapped_heading(head: str, tail: str, after: str, width: float) -> bool:
    """Is ``head``, a full printed line the heading rules pass over (too long), the first line of a
    numbered heading, or an unnumbered one in title case, that ``tail`` finishes?"""
    if _TERMINAL.search(head) or head.endswith("-") or len(head) > 1.1 * width or not after[:1].isupper():
        return False
    if looks_like_data(head) or not (_numbered_heading(head, wrapped=True) or (head[:1].isupper() and title_cased(head))):
        return False
    return finishes_heading(head, tail, after, width, False)
