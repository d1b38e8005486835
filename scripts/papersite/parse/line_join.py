"""Joining two printed lines into one text with the hyphen decisions (for the paragraph rebuilder,
:mod:`papersite.parse.paragraphs`, and the footnotes it collects); a web address cut at a line end
goes on without a space."""

from __future__ import annotations

import re

from .foot_notes import FoundNote
from .layout_types import Footnote, HyphenJoin
from .line_hyphens import HYPHEN_END, WORD_START, HyphenJudge
from .running_heads import SourceLine

_DASH_END = re.compile(r"[\u2013\u2014]$")
_URL_START = re.compile(r"(?:https?://|https?:$|www\.|doi:)", re.IGNORECASE)
_URL_PART = re.compile(r"[\w./?=&%#~:+\-]+")
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+[.,;:]?")
_HYPHENS = "-\u2010\u00ad"


def _footnote(note: FoundNote, source: list[SourceLine], judge: HyphenJudge, hyphens: list[HyphenJoin]) -> Footnote:
    text = ""
    previous = note.indices[0]
    for index, part in zip(note.indices, note.parts):
        text = _join(text, part, judge, source[previous].number, hyphens)[0] if text else part
        previous = index
    numbers = tuple(source[i].number for i in note.indices)
    return Footnote(str(note.number), text, numbers[0], numbers[-1], note.page, numbers)


def _join(
    text: str, following: str, judge: HyphenJudge, line_number: int, hyphens: list[HyphenJoin]
) -> tuple[str, int]:
    """``text`` and the next line ``following`` as one; returns it and where ``following`` starts."""
    end = HYPHEN_END.search(text[-80:]) if text[-1:] in _HYPHENS else None
    start = WORD_START.match(following)
    if end and start and not text.endswith("--"):
        decision = judge.decide(end.group("word"), end.group("hyphen"), start.group("word"))
        hyphens.append(HyphenJoin(line_number, end.group("word"), start.group("word"), decision.action, decision.evidence))
        if decision.action == "join":
            return text[:-1] + following, len(text) - 1
        if decision.action == "suspended":
            return f"{text} {following}", len(text) + 1
        return text + following, len(text)
    if _DASH_END.search(text[-1:]) or _url_goes_on(text, following):
        return text + following, len(text)
    return f"{text} {following}", len(text) + 1


def _url_goes_on(text: str, following: str) -> bool:
    """Is ``following`` the rest of a web address cut at the end of ``text``?"""
    last = text[text.rfind(" ") + 1:]
    if not _URL_START.match(last):
        return False
    first = following.split(" ", 1)[0]
    if first.startswith("/"):
        return True
    return last.endswith(tuple("/-_.=?&#:")) and bool(_URL_PART.fullmatch(first)) and not _PLAIN_WORD.fullmatch(first)
