"""The structural doctor: does a parsed paper have the shape a reader expects?

A pure function over a parsed :class:`~papersite.model.Paper` (and, when there is
one, the source text it came from) that returns warnings with file:line and a
rule id for what a reader would notice: a title that is a journal line, a
keywords line or a person's name; implausibly many headings, or headings made
of digits and symbols; a paragraph of over 1,000 words; a reference heading with
no list, or a list whose entries were not split; running heads and page feet left
in the text; footnote markers with no note, and notes with no marker. These are
warnings for the editor, never build failures: the parse may be right and the
paper odd.

Rules (README, "Diagnostics"): ``structure-title-suspect``, ``structure-authors-missing``,
``structure-too-many-headings``, ``structure-heading-symbols``,
``structure-long-paragraph``, ``structure-references-missing``,
``structure-references-unsplit``, ``structure-running-head-left``,
``structure-footnote-unmatched``.
"""

from __future__ import annotations

from collections import Counter

from ..model import Diagnostic, Paper
from .furniture import running_heads_left
from .rules import (
    authors_missing,
    footnotes_unmatched,
    headings_of_symbols,
    long_paragraphs,
    references_missing,
    references_unsplit,
    title_suspect,
    too_many_headings,
)

__all__ = ["RULES", "check_structure"]

RULES = (
    "structure-title-suspect",
    "structure-authors-missing",
    "structure-too-many-headings",
    "structure-heading-symbols",
    "structure-long-paragraph",
    "structure-references-missing",
    "structure-references-unsplit",
    "structure-running-head-left",
    "structure-footnote-unmatched",
)


def check_structure(paper: Paper, source_text: str = "") -> list[Diagnostic]:
    """Every structural warning for ``paper``, in a fixed order (pure).

    ``source_text`` is the text the paper was parsed from; it is used to find a
    line number for the title and to find lines that repeat on most pages."""
    found: list[Diagnostic] = []
    found += title_suspect(paper, source_text)
    found += authors_missing(paper, source_text)
    found += too_many_headings(paper)
    found += headings_of_symbols(paper)
    found += long_paragraphs(paper)
    found += references_missing(paper)
    found += references_unsplit(paper)
    found += running_heads_left(paper, source_text)
    found += footnotes_unmatched(paper)
    return _capped(found)


#: At most this many warnings of one rule for one paper; the rest are counted in one more.
MAX_PER_RULE = 10


def _capped(found: list[Diagnostic]) -> list[Diagnostic]:
    """The first MAX_PER_RULE warnings of each rule, and one that counts the others."""
    counts = Counter(d.rule for d in found)
    kept: list[Diagnostic] = []
    seen: Counter[str] = Counter()
    for diagnostic in found:
        seen[diagnostic.rule] += 1
        if seen[diagnostic.rule] <= MAX_PER_RULE:
            kept.append(diagnostic)
        elif seen[diagnostic.rule] == MAX_PER_RULE + 1:
            more = counts[diagnostic.rule] - MAX_PER_RULE
            message = f"{more} more like this in the same paper, from here on (first {MAX_PER_RULE} shown)"
            kept.append(Diagnostic("warning", diagnostic.rule, message, diagnostic.span))
    return kept
