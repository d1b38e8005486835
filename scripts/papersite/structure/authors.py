"""Author lines into persons: the header model labels lines, this splits them into names.

The training data marks the whole author list as one field (never where one author ends), so
splitting is a rule: callout marks (digits, ``*``, ``†`` …, ORCID marks) end a name (they follow
it: "Ingrid Falk * INRIA" is a name and an affiliation), and the list is cut at them and at
commas, semicolons, "and" and "&". A comma between a family name and initials
("Smith, J.") is not a cut: a piece that is only initials joins the piece before it. A piece of
four or more capitalised words and initials with no separator at all ("Terry Therneau Cynthia
Crowson Elizabeth Atkinson", "J. H. Jacobs M. R. Swanson") is read as names one after another,
each a given name or initials, any further initials, and one family name — when the whole piece
reads that way; otherwise it stays one name. A run that reads as two or more names and then stops
reading so ("… Brian J. N. Wylie Frank Zimmermann Centro Svizzero di Calcolo") keeps those names
and the rest as one piece. A label before the list ("Authors:", "By") is not a name. Capitals
and small letters are those of any Latin-script alphabet ("Émilie", "Łucja").
"""

from __future__ import annotations

import re

#: Capital letters of the Latin-script alphabets (A-Z and the accented and extended ones); ``re`` has no \p{Lu}.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LABEL = re.compile(r"^\s*(?:(?:[^\W\d_]{2,}\s+)?[^\W\d_]{2,}\s*:|by\s+(?=\S))\s*", re.IGNORECASE)
_MARKS = re.compile(r"(?<=\w)ID\b|[\d*†‡§¶#∗✉⁎⁰¹²³⁴⁵⁶⁷⁸⁹]+|\b[a-z](?:,[a-z])*\b(?=\s*(?:,|$|and\b|&))|\([^)]*\)|\^\{[^}]*\}|\^\S+")
_CUTS = re.compile(r"\s*(?:,|;|\band\b|&|\bet\b|\bund\b|\by\b)\s*")
_INITIALS = re.compile(rf"^(?:[{UPPER}]\.?\s*-?){{1,3}}$")
_NAMEISH = re.compile(r"[^\W\d_]")
_CAPITALISED = re.compile(rf"^[{UPPER}][^\W\d_]*[^\W\d_{UPPER}][^\W\d_]*(?:-[{UPPER}][^\W\d_]*)?$")
_INITIAL = re.compile(rf"^(?:[{UPPER}]\.-?){{1,3}}$")


def _run_of_names(piece: str) -> list[str]:
    """A separator-less run of names split into persons (given or initials, initials, family), or the piece
    whole; two or more names read from its start keep the rest as one piece."""
    tokens = piece.split()
    if len(tokens) < 4:
        return [piece]
    names: list[str] = []
    i = 0
    while i < len(tokens):
        start = i
        if _CAPITALISED.match(tokens[i]):
            i += 1  # the given name
        while i < len(tokens) and _INITIAL.match(tokens[i]):
            i += 1
        if i == start or i >= len(tokens) or not _CAPITALISED.match(tokens[i]):
            if len(names) < 2:
                return [piece]
            return names + [" ".join(tokens[start:])]
        names.append(" ".join(tokens[start : i + 1]))
        i += 1
    return names


def split_authors(text: str) -> list[str]:
    """The persons named in an author line (or several lines joined by spaces), in order."""
    cleaned = _MARKS.sub(",", _LABEL.sub("", text, count=1))  # a callout mark ends a name: "Ingrid Falk * INRIA" is two pieces
    pieces = [p.strip(" .,:;") for p in _CUTS.split(cleaned)]
    names: list[str] = []
    for piece in pieces:
        piece = " ".join(piece.split())
        if not piece or not _NAMEISH.search(piece):
            continue
        if names and _INITIALS.match(piece) and " " not in names[-1]:
            names[-1] = f"{names[-1]}, {piece}"
            continue
        names.extend(_run_of_names(piece))
    return names


def name_key(name: str) -> str:
    """A person's name folded for comparison: lower-case letters only."""
    return "".join(c for c in name.lower() if c.isalpha())
