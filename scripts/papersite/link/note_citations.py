"""Citations in footnotes, as the notes-and-bibliography styles write them.

A full note names the work ("Jeffrey Wu et al., “Language Models …,” *OpenAI*
(2019): 7."), a short note names the author and, when needed, a short title
("Wu et al., 7." or "Graham, *Enchantment*, 118."), and "Ibid." (or "Idem" with
only a locator) repeats the note before; "Smith, op. cit., 12" repeats the
last work of Smith's cited in an earlier note. Each note that cites is linked, on its author part (or on
"Ibid."), to the entry of the merged bibliography it means; a note that names a
work we cannot find stays as printed and is reported like any citation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from ..parse.note_references import NOTE_HEAD, NOTE_TITLE, NOTE_YEAR, looks_like_names, marked_text
from ..model import CiteItem, CitationRef, Inline, Note, Paper, Text
from .citation_index import CitationIndex, Work
from .citation_index import fold as _fold
from .citations import CitationUse

#: % name similarity a note's author part needs to be that entry's author (title and year decide between them).
NOTE_NAME = 80
_IBID = re.compile(r"^\s*(?P<ibid>ibid(?:em)?\.?|idem\.?|id\.)(?:,?\s*(?:pp?\.\s*)?(?P<locator>\d+(?:\s*[-–]\s*\d+)?))?", re.IGNORECASE)
_OP_CIT = re.compile(
    r"^\s*(?P<names>[^,;.“\"*()\d]{2,80}?),?\s+(?P<oc>op\.\s*cit\.?|loc\.\s*cit\.?)(?:,?\s*(?:pp?\.\s*)?(?P<locator>\d+(?:\s*[-–]\s*\d+)?))?",
    re.IGNORECASE,
)
_SHORT_LOCATOR = re.compile(r"^(?:pp?\.\s*)?(?P<locator>\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$")


def _families(names: str) -> list[str]:
    """Family names in a note's author part ("Jeffrey Wu et al." -> ["wu"])."""
    names = re.sub(r"\bet\s+al\.?", "", names)
    people = [p.strip() for p in re.split(r",\s*and\s+|,|\s+and\s+|\s*&\s*", names) if p.strip()]
    families = []
    for index, person in enumerate(people):
        words = person.split()
        if not words:
            continue
        # "Biderman, Stella, …": the first author inverted (a one-word family name first).
        families.append(_fold(words[0] if index == 0 and len(words) == 1 else words[-1]))
    return [f for f in families if f]


def _score(work: Work, families: list[str], year: str, title: str) -> float:
    if not families or not work.families:
        return 0.0
    name = max(fuzz.ratio(families[0], family) for family in work.families[:1] + work.families[1:2])
    if name < NOTE_NAME:
        return 0.0
    score = float(name)
    if year:
        score += 20 if work.year[:4] == year else -40
    if title and work.title:
        score += fuzz.partial_ratio(title[:60], _fold(work.title)) / 5
    return score


def _op_cit(match: re.Match[str], index: CitationIndex, history: tuple[str, ...]) -> tuple[int, int, str, str, str]:
    """"Smith, op. cit., 12": the last work by Smith an earlier note cited."""
    families = _families(match.group("names"))
    start, end = match.start("names"), match.end("oc")
    for key in reversed(history):
        work = index.by_key.get(key)
        if work and families and work.families and fuzz.ratio(families[0], work.families[0]) >= NOTE_NAME:
            return start, end, key, match.group("locator") or "", f"op. cit.: the work of {work.families[0]} cited in an earlier note"
    return start, end, "", match.group("locator") or "", "op. cit. with no earlier note citing this author"


def resolve_note(
    text: str, paper_id: str, index: CitationIndex, previous: str, history: tuple[str, ...] = ()
) -> tuple[int, int, str, str, str] | None:
    """(start, end, key, locator, note) of the citation a footnote makes, or ``None``.

    ``previous`` is the work of the note before; ``history`` every work the notes before cited."""
    ibid = _IBID.match(text)
    if ibid:
        start, end = ibid.span("ibid")
        word = ibid.group("ibid").lower().rstrip(".")
        if previous:
            return start, end, previous, ibid.group("locator") or "", f"{word}.: the work of the note before"
        return start, end, "", ibid.group("locator") or "", f"{word}. with no earlier citation to repeat"
    op_cit = _OP_CIT.match(text)
    if op_cit:
        return _op_cit(op_cit, index, history or ((previous,) if previous else ()))
    head = NOTE_HEAD.match(text)
    if not head:
        return None
    names, rest = head.group("names"), head.group("rest")
    families = _families(names)
    if not families or not looks_like_names(names):
        return None
    short = _SHORT_LOCATOR.match(rest)
    title_match = NOTE_TITLE.search(rest)
    title = _fold(next(g for g in title_match.groups() if g)) if title_match else ""
    year_match = NOTE_YEAR.search(rest)
    if not (short or title or year_match):
        return None  # a sentence that happens to start with a name and a comma
    year = year_match.group(1) if year_match and not short else ""
    own = [w for w in index.works if paper_id in w.paper_ids] or index.works
    scored = sorted(((_score(w, families, year, title), w.key) for w in own), key=lambda item: (-item[0], item[1]))
    start = head.start("names")
    end = start + len(names.rstrip())
    locator = short.group("locator") if short else ""
    if scored and scored[0][0] >= NOTE_NAME and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return start, end, scored[0][1], locator, ""
    why = "several entries by this author match equally" if scored and scored[0][0] >= NOTE_NAME else "no entry by this author"
    return start, end, "", locator, why


def link_note_citations(paper: Paper, index: CitationIndex) -> tuple[Paper, list[CitationUse]]:
    """The paper with the citation in each footnote linked, and the citations found."""
    uses: list[CitationUse] = []
    previous = ""
    notes: list[Note] = []
    for note in paper.notes:
        paragraph = note.paragraph
        first = paragraph.inlines[0] if paragraph.inlines else None
        # Italics stay marked (*Title*): a title in italics tells a full note.
        marked = marked_text(paragraph)
        found = resolve_note(marked, paper.id, index, previous, tuple(u.item.key for u in uses if u.item.key)) if isinstance(first, Text) else None
        if found is not None and found[1] > len(first.text):  # type: ignore[union-attr]
            found = None
        if found is None:
            notes.append(note)
            continue
        start, end, key, locator, why = found
        status = "linked" if key else "unresolved"
        item = CiteItem(0, end - start, key, locator, status, why)
        citation = CitationRef(first.text[start:end], (item,), "note")  # type: ignore[union-attr]
        inlines: list[Inline] = []
        if start:
            inlines.append(Text(first.text[:start]))  # type: ignore[union-attr]
        inlines.append(citation)
        if end < len(first.text):  # type: ignore[union-attr]
            inlines.append(Text(first.text[end:]))  # type: ignore[union-attr]
        inlines.extend(paragraph.inlines[1:])
        notes.append(replace(note, paragraph=replace(paragraph, inlines=tuple(inlines))))
        uses.append(CitationUse(paper.id, paragraph.id, citation.text, item, paragraph.span, -len(uses) - 1))
        previous = key or previous
    return replace(paper, notes=tuple(notes)), uses
