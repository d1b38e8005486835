"""Joining paragraphs that a page break split, and mending hyphenated splits.

A page break in the extracted text is a blank line in the middle of a
sentence. The second part is glued back to the first when the first does not
end a sentence, or when the second starts in lower case. A word hyphenated
across the break (``con-`` / ``tract``) is mended, unless the text elsewhere
writes the hyphenated form (then the hyphen is real).
"""

from __future__ import annotations

import re

from ..model import Paragraph, SourceSpan
from .inline import parse_inline
from .units import Unit

_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*$|[.!?]['\"”’]?\s*\(\s*[^()]*\)$")
_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()[-300:]))


def continues(previous: str, following: str) -> bool:
    """True when ``following`` is the rest of ``previous`` cut by a page break."""
    following = following.lstrip()
    if not following or not previous.strip():
        return False
    if following[0].islower():
        return True
    return not ends_sentence(previous)


def hyphenated_forms(text: str) -> frozenset[str]:
    """Hyphenated words the text writes inside a line (``Russia-China``), lower-cased."""
    return frozenset(word.lower() for word in re.findall(r"\b\w+-\w+\b", text))


def join_parts(previous: str, following: str, keep_hyphen: frozenset[str] = frozenset()) -> str:
    """Glue ``following`` to ``previous``, mending a word hyphenated at the break."""
    previous = previous.rstrip()
    following = following.lstrip()
    end = _HYPHEN_END.search(previous[-100:])  # only the tail: previous may be long
    start = _WORD_START.match(following)
    if end and start and following[0].islower():
        whole = f"{end.group(1)}-{start.group(1)}".lower()
        if whole not in keep_hyphen:  # the break hyphenated one word
            return previous[:-1] + following
        return previous + following
    return f"{previous} {following}"


_ITEM_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]\s")


def _next_item(previous: str, following: str) -> bool:
    """"2. … and" then "3. …": the next item of a numbered list, not the rest of item 2."""
    before, after = _ITEM_NUMBER.match(previous), _ITEM_NUMBER.match(following)
    return bool(before and after and int(after.group(1)) == int(before.group(1)) + 1)


def join_page_splits(
    units: list[Unit], path: str, keep_hyphen: frozenset[str], standalone: frozenset[int] = frozenset()
) -> list[Paragraph]:
    """``units`` as paragraphs, each part of a paragraph a page break split joined to the part before
    it (unless an editor ruled either part ``standalone``, or it is the next item of a numbered list)."""
    merged: list[tuple[Unit, str, int]] = []  # unit, text, last line
    for unit in units:
        joinable = merged and merged[-1][0].line not in standalone and unit.line not in standalone
        if joinable and not unit.list_item and not _next_item(merged[-1][1], unit.text) and continues(merged[-1][1], unit.text):
            first, text, _ = merged[-1]
            merged[-1] = (first, join_parts(text, unit.text, keep_hyphen), unit.end_line)
        else:
            merged.append((unit, unit.text, unit.end_line))
    return [
        Paragraph(parse_inline(text), SourceSpan(path, unit.line, last), list_item=unit.list_item)
        for unit, text, last in merged
    ]
