"""Author lines into persons: the header model labels lines, this splits them into names.

The training data marks the whole author list as one field (never where one author ends), so
splitting is a rule: callout marks (digits, ``*``, ``†`` …, ORCID marks) are removed, then the
list is cut at commas, semicolons, "and" and "&". A comma between a family name and initials
("Smith, J.") is not a cut: a piece that is only initials joins the piece before it.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"(?<=\w)ID\b|[\d*†‡§¶#∗✉⁎⁰¹²³⁴⁵⁶⁷⁸⁹]+|\b[a-z](?:,[a-z])*\b(?=\s*(?:,|$|and\b|&))|\([^)]*\)|\^\{[^}]*\}|\^\S+")
_CUTS = re.compile(r"\s*(?:,|;|\band\b|&|\bet\b|\bund\b|\by\b)\s*")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*-?){1,3}$")
_NAMEISH = re.compile(r"[^\W\d_]")


def split_authors(text: str) -> list[str]:
    """The persons named in an author line (or several lines joined by spaces), in order."""
    cleaned = _MARKS.sub(" ", text)
    pieces = [p.strip(" .,:;") for p in _CUTS.split(cleaned)]
    names: list[str] = []
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece or not _NAMEISH.search(piece):
            continue
        if names and _INITIALS.match(piece) and " " not in names[-1]:
            names[-1] = f"{names[-1]}, {piece}"
            continue
        names.append(piece)
    return names


def name_key(name: str) -> str:
    """A person's name folded for comparison: lower-case letters only."""
    return "".join(c for c in name.lower() if c.isalpha())
