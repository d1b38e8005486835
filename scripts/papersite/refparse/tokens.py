"""Cutting a reference string into whitespace tokens that remember where they came from.

The labeller works on whitespace-separated tokens: in the training data every
labelled segment starts and ends at whitespace, so a token never straddles two
fields. Each token keeps its character span so a segment's text can be taken
from the input exactly as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Token:
    """One whitespace-delimited piece of the input and its ``[start, end)`` span."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    """The whitespace tokens of ``text``, in order."""
    return tuple(Token(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text))
