"""Finding a passage by its words (exact text, with prefix and suffix to choose among repeats).

Used by annotations and argument claims, so that a note follows its passage
when ids or nearby text change: only the quoted words themselves must stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from .model import Paper, TextQuote, plain_text


@dataclass(frozen=True)
class QuoteMatch:
    target_id: str
    start: int
    end: int
    #: True when the passage is a reference of the list, not a paragraph.
    in_references: bool = False


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def passages(paper: Paper) -> list[tuple[str, str, bool]]:
    """(id, plain text, is reference) for every paragraph and reference of ``paper``."""
    found = [(p.id, plain_text(p.inlines), False) for p in paper.all_paragraphs()]
    found.extend((r.id, r.raw, True) for r in paper.references)
    return found


def _context_score(text: str, start: int, end: int, quote: TextQuote) -> float:
    before = _squash(text[max(0, start - len(quote.prefix) - 10) : start])
    after = _squash(text[end : end + len(quote.suffix) + 10])
    score = 0.0
    if quote.prefix:
        score += fuzz.partial_ratio(_squash(quote.prefix), before)
    if quote.suffix:
        score += fuzz.partial_ratio(_squash(quote.suffix), after)
    return score


def locate_quote(paper: Paper, quote: TextQuote) -> tuple[QuoteMatch | None, str]:
    """Where ``quote`` is in ``paper``; ``(None, reason)`` when it is nowhere or ambiguous.

    The exact words must be there (spacing may differ); prefix and suffix
    choose among several occurrences, tolerating small changes around them.
    """
    words = [re.escape(w) for w in quote.exact.split()]
    if not words:
        return None, "the quote's exact text is empty"
    pattern = re.compile(r"\s+".join(words))
    candidates: list[tuple[float, QuoteMatch]] = []
    for target_id, text, is_reference in passages(paper):
        for match in pattern.finditer(text):
            score = _context_score(text, match.start(), match.end(), quote)
            candidates.append((score, QuoteMatch(target_id, match.start(), match.end(), is_reference)))
    if not candidates:
        return None, f"the exact text {quote.exact[:60]!r} is not in the paper"
    candidates.sort(key=lambda c: -c[0])
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return None, f"the quote occurs {len(candidates)} times and its prefix/suffix do not tell them apart"
    return candidates[0][1], ""


def read_quote(value: Any) -> TextQuote | None:
    if not isinstance(value, dict) or not isinstance(value.get("exact"), str) or not value["exact"].strip():
        return None
    return TextQuote(
        exact=value["exact"],
        prefix=str(value.get("prefix") or ""),
        suffix=str(value.get("suffix") or ""),
    )
