"""Where a paper's front matter ends: which of the first units belong to the title block whatever the
heading rules think of them (a title's second line, a byline, a date line are short capitalised
lines, the shape of a heading)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..structure.types import ZONE_HEADER
from .frontmatter import Names, is_front_label, looks_like_affiliation, looks_like_author_list
from .structure_hints import StructureHints
from .units import Unit

#: Affiliation letters are looked for in this many source lines at the start.
FRONT_LINES = 25
#: The title block lies within this many units of the start.
FRONT_UNITS = 30
#: Header fields of the structure model that are never a body heading.
_FIELDS = frozenset(
    {"title", "author", "affiliation", "address", "email", "date", "submission", "copyright", "journal", "idno", "doctype"}
)
_ABSTRACT_OR_KEYWORDS = re.compile(r"^\s*(?:abstract|key\s*-?\s*words?)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.?\s")


def front_matter_line(units: list[Unit], hints: StructureHints | None, names: Names) -> Callable[[int], bool]:
    """Whether unit ``index`` is front matter, not a heading: unnumbered, among the first units, and

    - before an "Abstract" or "Keywords" label further down (and before any numbered heading): what
      precedes the abstract is the title block;
    - or a byline (``names`` reads it into persons);
    - or a line the structure model puts in the header zone as one of the title block's fields
      (title, author, affiliation, date ...; not "other", which is where it puts a contents list);
    - or a header-zone line above the model's title (a journal's name, its masthead): no body
      heading comes before the title."""
    # an abstract's or keywords' label, before any numbered heading (dates may be printed at the end)
    first_numbered = next((i for i, u in enumerate(units[:FRONT_UNITS]) if _NUMBERED.match(u.text)), FRONT_UNITS)
    last_label = max((i for i, u in enumerate(units[:first_numbered]) if _ABSTRACT_OR_KEYWORDS.match(u.text)), default=-1)

    title = hints.title_lines() if hints is not None else []

    def front(index: int) -> bool:
        if index >= FRONT_UNITS or index >= len(units) or _NUMBERED.match(units[index].text):
            return False
        unit = units[index]
        if index < last_label or names(unit.text.strip()) is not None:
            return True
        label = hints.label(unit.line) if hints is not None else None
        if label is None or label.zone != ZONE_HEADER:
            return False
        return label.label in _FIELDS or bool(title) and unit.end_line < title[0]

    return front


def find_body_start(
    units: list[Unit], heading_of: object, front: Callable[[int], bool] = lambda index: False,
    in_header: Callable[[int], bool] = lambda index: False,
) -> int:
    """Index of the first body heading; front matter is everything before it. ``front`` says which
    units are front matter whatever the heading rules think (:func:`front_matter_line`);
    ``in_header``, which the zone model puts in the front matter (used when there is no heading)."""
    assert callable(heading_of)
    for index in range(1, len(units)):
        unit = units[index]
        if is_front_label(unit) or _is_bare_label(units[index - 1]) or front(index):
            continue
        # The author line right after the title and affiliations are not headings.
        if index == 1 and looks_like_author_list(unit.text):
            continue
        if looks_like_affiliation(unit.text):
            continue
        if heading_of(index):
            return index
    # No heading at all (a letter, a short communication): front matter ends after its last label,
    # and not before the leading run of units that are front matter by the rules or the model
    # (the title, the byline, affiliations), so that a title below an identifier line is found.
    end = 1
    for index in range(1, min(len(units), 30)):
        if is_front_label(units[index]):
            end = index + (2 if _is_bare_label(units[index]) else 1)
    run = 1
    while run < min(len(units), FRONT_UNITS) and (
        is_front_label(units[run]) or _is_bare_label(units[run - 1]) or front(run) or in_header(run)
        or looks_like_affiliation(units[run].text)
    ):
        run += 1
    return min(max(end, run), len(units))


def _is_bare_label(unit: Unit) -> bool:
    """``Abstract:`` or ``Keywords:`` alone on a line: the next unit is its content."""
    return bool(re.fullmatch(r"\s*(abstract|key\s*-?\s*words?)\s*[:.\-]?\s*", unit.text, re.IGNORECASE))
