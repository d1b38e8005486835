"""A paper whose bibliography is in its notes (the notes-and-bibliography styles
without a reference list): each note that cites a work in full becomes an
entry of the paper's reference list, so the work reaches the bibliography and
short notes ("Wu et al., 7.", "Ibid.") can be linked to it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..anchors import assign_ids, note_anchor
from ..model import Emphasis, Note, Paper, Paragraph, Reference, SourceSpan, plain_text
from .inline import parse_inline

#: The names at the head of a note, up to the comma before the title or page.
NOTE_HEAD = re.compile(
    r"^\s*(?:see\s+(?:also\s+)?|cf\.\s+)?(?P<names>[^,“\"*()]{2,200}?(?:,\s*(?:and\s+)?[^,“\"*()\d]{2,60}?)*)\s*,\s*(?P<rest>.*)$",
    re.IGNORECASE | re.S,
)
NOTE_TITLE = re.compile(r"[“\"]([^”\"]{3,300})[”\"]|\*([^*]{3,300})\*")
NOTE_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


_PARTICLES = frozenset("and et al al. e y und de da di do dos van von der den la le du del bin ibn".split())


def looks_like_names(text: str) -> bool:
    """"Emily M. Bender and Alexander Koller", not "Edge retrieval actually scales"."""
    tokens = [t for t in re.split(r"[\s,&]+", text.strip()) if t]
    if not tokens or len(tokens) > 30:
        return False
    return all(t[0].isupper() or t.lower() in _PARTICLES or not t[0].isalpha() for t in tokens)


def marked_text(paragraph: Paragraph) -> str:
    """A note's text with its italics marked (``*Title*``): a title in italics tells a full note."""
    return "".join(f"*{n.text}*" if isinstance(n, Emphasis) else plain_text((n,)) for n in paragraph.inlines)


def cites_in_full(note_text: str) -> bool:
    """Does a note (italics marked, see :func:`marked_text`) name a work in full: names, a title, a year?"""
    head = NOTE_HEAD.match(note_text)
    if not head or not looks_like_names(head.group("names")):
        return False
    rest = head.group("rest")
    return bool(NOTE_YEAR.search(rest)) and bool(NOTE_TITLE.search(rest))


def make_note(marker: str, text: str, span: SourceSpan) -> Note:
    """A footnote of the paper: its text as a paragraph with id ``fn-<marker>``."""
    return Note(marker, Paragraph(parse_inline(text), span, id=f"fn-{note_anchor(marker)}"))


def with_references_from_notes(paper: Paper) -> Paper:
    """``paper`` with its full-citation notes as its reference list, when it has none."""
    if paper.references or not paper.notes:
        return paper
    references = tuple(
        Reference(raw=note.paragraph.text.strip(), span=note.paragraph.span)
        for note in paper.notes
        if cites_in_full(marked_text(note.paragraph))
    )
    if not references:
        return paper
    return assign_ids(replace(paper, references=references))
