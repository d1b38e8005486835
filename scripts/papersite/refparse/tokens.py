"""Cutting a reference string into tokens that remember where they came from.

Spaces alone are not enough: text from PDFs runs fields together
(``Nature 456 ,81 -84( 2008).``, ``Conjecture,Physical Review Letters``,
``J. Phys. G39``) and many styles print volume, issue and pages as one word
(``344:363-370``, ``12(3):45-67``). So a token is one *core* — a run of letters
or a run of digits — with the opening punctuation (brackets, quotes) just
before it and the other punctuation just after it:

    ``12(3):45-67`` -> ``12`` ``(3):`` ``45-`` ``67``
    ``G39``         -> ``G`` ``39``
    ``Conjecture,Physical`` -> ``Conjecture,`` ``Physical``

URLs and DOIs stay whole, HTML tags stay with the word they mark up, and punctuation standing alone between spaces is a
token of its own. Each token keeps its character span, so a labelled run of
tokens is always a verbatim span of the input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TAG = r"</?[A-Za-z][^<>]{0,60}>"  # an HTML tag travels with the word it marks up
_OPENING = rf"(?:{_TAG}|[(\[{{\"“‘«„‚‹'`<])"
# letters, with the combining marks that belong to them (accents, Arabic vowels, Indic and Thai vowel signs)
_COMBINING = r"[\u0300-\u036f\u064b-\u065f\u0900-\u0dff\u0e00-\u0e7f]"
# (letter | mark)+, spelt as runs of letters between marks: the same strings, matched a run at a time
_LETTERS = rf"(?:[^\W\d_]|{_COMBINING})[^\W\d_]*(?:{_COMBINING}+[^\W\d_]*)*"
_MARK = r"(?:[^\w\s]|_)"
_TRAIL = rf"(?:{_TAG}|[^\w\s(\[{{<]|_|<(?![A-Za-z/]))"  # an opening bracket right after a word starts the next token
_TOKEN = re.compile(
    r"(?:https?://|ftp://|www\.|doi:\s?10\.|10\.\d{3,9}/)\S+"  # a URL or DOI, whole
    rf"|{_OPENING}*(?:{_LETTERS}|\d+){_TRAIL}*"  # opening marks, one run of letters or digits, trailing marks
    rf"|{_MARK}+"  # punctuation between spaces
)


class Token(NamedTuple):
    """One piece of the input and its ``[start, end)`` span (a named tuple: made for every token of
    every parse, it costs a third of what a frozen dataclass does)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, in order; together they cover every non-space character."""
    return tuple([Token(match.group(), *match.span()) for match in _TOKEN.finditer(text)])
