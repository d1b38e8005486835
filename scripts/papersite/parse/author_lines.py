"""Author lists by the loose rule (a line of capitalised names, split at commas and "and"), for
texts where the byline reader (:func:`papersite.parse.bylines.person_names`) finds none.

Kept apart from :mod:`.frontmatter`, which decides where they are looked for.
"""

from __future__ import annotations

import re

from ..model import Author
from .bylines import name_case
from .inline import strip_markers

#: An affiliation's mark before its text: raised ("^{1}", "¹") or a note symbol; TeX's † and ‡ in
#: some fonts extract as the dingbats ❶..❿ ("❸Institut für Statistik").
LEADING_MARK = re.compile(r"^\s*(\^\{[^{}]{1,12}\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\*?|[†‡§¶\u2776-\u277f](?=\s?[^\W\d_]))")
INSTITUTION = re.compile(
    r"\b(universit|department|institut|faculty|school of|college|academy|centre|center|laborator|clinic|hospital)",
    re.IGNORECASE,
)
#: Academic degrees printed after a name in medical bylines ("Joanne M. Murabito, MD, ScM"): no person.
_DEGREES = frozenset("md phd mph msc ms ma mba scm bsc ba rn dds dmd mbbs frcp frcs do pharmd dvm mbchb facp mres dphil".split())
_NAME_WORD = re.compile(r"^[A-Z][\w.'’\-]*$")


def looks_like_author_list(text: str) -> bool:
    if len(text) > 300 or INSTITUTION.search(text) or text.startswith("("):
        return False
    if re.search(r"[.;:!?]\s*$", text) or LEADING_MARK.match(text):
        return False
    names = _split_names(text)
    if not names or len(names) > 20:
        return False
    for name in names:
        words = strip_markers(name)[0].split()
        if not 1 <= len(words) <= 6 or not all(_NAME_WORD.match(word) for word in words):
            return False
    return True


def _split_names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r",|;|\b(?:and|AND)\b|&", text) if part.strip()]


_AUTHORS_LABEL = re.compile(r"^\s*(?:authors?|by)\s*:\s*", re.IGNORECASE)


def read_authors(text: str) -> list[Author]:
    """The persons of an author line split at commas and "and"; marks and degrees ("MD", "Ph.D.")
    after a name are the name's, never persons of their own."""
    authors: list[Author] = []
    for raw in _split_names(_AUTHORS_LABEL.sub("", text)):
        name, markers = strip_markers(raw)
        trailing = _TRAILING_MARKS.search(name)  # "Lisa M. Lix a", "Jane Roe 2*": marks set apart
        if trailing:
            name, markers = name[: trailing.start()], (*markers, *re.findall(r"[a-j]|\d+|[*†‡§¶∗✉]", trailing.group(0)))
        words = name.split()
        marks_only = not words or re.fullmatch(r"[\d*†‡§¶∗✉]+", "".join(words)) is not None
        if marks_only or all(word.lower().replace(".", "") in _DEGREES for word in words):
            if authors:  # "Murabito, MD, ScM 1,2,*": the degree's and marks' name is the one before
                last = authors[-1]
                authors[-1] = Author(last.name, (*last.markers, *markers, *(words if marks_only else ())))
            continue
        authors.append(Author(name=name_case(name.strip()), markers=markers))
    return authors


_TRAILING_MARKS = re.compile(r"(?<=[^\W\d_.])\s+(?:[a-j]|\d{1,2})[*†‡§¶∗✉]*\s*$")


def plain_words(text: str, vocabulary: frozenset[str]) -> bool:
    """Every word of ``text`` (of two letters or more) is one the paper writes in lower case: a
    heading, a journal's label, no person's name."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)]
    return bool(vocabulary) and bool(words) and all(w in vocabulary for w in words)


__all__ = ["INSTITUTION", "LEADING_MARK", "looks_like_author_list", "plain_words", "read_authors"]
