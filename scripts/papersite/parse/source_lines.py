"""A source text as numbered lines with their pages, and the normal forms that page furniture is
recognised by (see :mod:`papersite.parse.running_heads`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_COMBINING = re.compile(r"\w[\u0300-\u036f]+")


def compose_marks(text: str) -> str:
    """``text`` with each letter and the combining marks after it composed where one letter is
    ("a" + U+0308 -> "ä": text layers give both, and names are matched in the composed form).
    Only there: NFC over the whole text would also map compatibility ideographs ("豈")."""
    return _COMBINING.sub(lambda m: unicodedata.normalize("NFC", m.group(0)), text)


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
