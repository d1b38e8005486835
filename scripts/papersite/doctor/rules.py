"""The doctor's checks on a parsed paper, one function per rule (each pure).

Thresholds are stated once, here, and chosen to be far from what a well-parsed
paper shows (a title is not 40 words long; a paper has not one heading per 60
words; a paragraph of 1,000 words is rare even in the humanities), so that a
warning means something a reader would notice."""

from __future__ import annotations

import re
import unicodedata

from ..model import Diagnostic, NoteRef, Paper, Paragraph, Section, SourceSpan, Superscript, Text

LONG_PARAGRAPH_WORDS = 1000
#: At most one heading per this many words of text (and never fewer than MIN_HEADINGS allowed).
WORDS_PER_HEADING = 120
MIN_HEADINGS = 30
LONGEST_TITLE_WORDS = 40
#: A reference entry longer than this is very likely several entries run together.
LONGEST_ENTRY = 800

_KEYWORDS = re.compile(
    r"^\s*(key\s*-?\s*words?|index\s+terms|palavras[- ]chave|mots[- ]cl[ée]s|schl[üu]sselw[öo]rter|palabras\s+clave|"
    r"parole\s+chiave|ключевые\s+слова)\b",
    re.IGNORECASE,
)
_JOURNAL_WORD = re.compile(r"\b(journal|revista|zeitschrift|proceedings|transactions|bulletin|review|annals|quarterly)\b", re.I)
_ISSUE_SIGNAL = re.compile(
    r"\b(vol\.?|volume|no\.|n\.º|issue|pp\.|issn|e-issn|doi)\s*:?\s*\d|\b\d+\s*\(\s*\d+\s*\)|\b(19|20)\d\d\b.*\b\d+\s*[-–]\s*\d+\b",
    re.I,
)
_INITIAL = re.compile(r"^[A-Z]\.(-?[A-Z]\.)*$")
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞА-Я][\w'’-]*\.?$")
_SURNAME_FIRST = re.compile(r"^[A-ZÀ-ÖØ-ÞА-Я][\w'’-]+,(\s*[A-Z]\.)+$")
_REFERENCE_WORDS = (
    r"references|bibliography|works\s+cited|literature\s+cited|reference\s+list|sources|"
    r"referências(\s+bibliográficas)?|références(\s+bibliographiques)?|bibliographie|literatur(verzeichnis)?|"
    r"referencias(\s+bibliográficas)?|bibliografía|bibliografia|riferimenti\s+bibliografici|список\s+литературы|литература"
)
_REFERENCE_HEADING = re.compile(rf"^\s*({_REFERENCE_WORDS})\s*:?\s*$", re.I)
_REFERENCE_WORD_INSIDE = re.compile(rf"(?:^|[.!?:]\s+|\s)({_REFERENCE_WORDS})\s*:?\s+(?=[A-ZÀ-ÖØ-Þ\[\d])", re.I)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b")
_PAREN_YEAR = re.compile(r"\((1[5-9]\d\d|20\d\d)[a-z]?\)")
_ENTRY_START_INSIDE = re.compile(r"(?:\.\s+|\s)(\[\d{1,3}\]|\d{1,3}\.)\s+[A-ZÀ-ÖØ-Þ]")
_MID_PHRASE = re.compile(r"([:,;–—-]|\b(and|or|of|the|an|with|for|in|on|to|from|by|de|da|des|und|der|la|el|и|в))$", re.I)
_MATHS_OR_CODE = re.compile(r"[=<>{}\\|~^$∑∫√±×÷≤≥]|<-|^(?:True|False|None|TRUE|FALSE|NULL|NA|NaN)$")


def _warning(rule: str, message: str, span: SourceSpan) -> Diagnostic:
    return Diagnostic("warning", rule, message, span)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _title_line(paper: Paper, source_text: str) -> SourceSpan:
    """Where the title sits in the source (its first line), or line 1."""
    head = paper.front.title.strip().splitlines()[0][:40] if paper.front.title.strip() else ""
    if head:
        for number, line in enumerate(source_text.splitlines(), start=1):
            if head in line:
                return SourceSpan(paper.source_path, number)
    return SourceSpan(paper.source_path, 1)


def _looks_like_a_name(title: str, authors: list[str]) -> bool:
    folded = _fold(title)
    if any(folded == _fold(name) for name in authors if name):
        return True
    if _SURNAME_FIRST.match(title.strip()):
        return True
    words = title.replace(",", " ").split()
    return (
        2 <= len(words) <= 5
        and all(_NAME_WORD.match(w) or _INITIAL.match(w) for w in words)
        and any(_INITIAL.match(w) for w in words)
    )


def title_suspect(paper: Paper, source_text: str) -> list[Diagnostic]:
    """``structure-title-suspect``: no title, or one that reads as something else."""
    title = " ".join(paper.front.title.split())
    authors = [author.name for author in paper.front.authors]
    if not title:
        reason = "the paper has no title"
    elif _KEYWORDS.match(title):
        reason = "it starts like a keywords line"
    elif _JOURNAL_WORD.search(title) and _ISSUE_SIGNAL.search(title) or re.search(r"\b(e-)?issn\b|\bdoi:\s*10\.", title, re.I):
        reason = "it reads like a journal line (journal name, volume, issue, pages or ISSN)"
    elif _looks_like_a_name(title, authors):
        reason = "it reads like a person's name"
    elif len(title.split()) > LONGEST_TITLE_WORDS:
        reason = f"it is {len(title.split())} words long, more like a paragraph than a title"
    elif _MID_PHRASE.search(title):
        reason = "it ends mid-phrase, so the rest of it may have been left on the next line"
    else:
        return []
    message = f"title {_short(title)!r} looks wrong: {reason}; set the title in the paper's metadata if the parse is wrong"
    return [_warning("structure-title-suspect", message, _title_line(paper, source_text))]


def authors_missing(paper: Paper, source_text: str) -> list[Diagnostic]:
    """``structure-authors-missing``: no author found (the byline may have become text or title)."""
    if paper.front.authors or not paper.front.title.strip():
        return []  # a paper with no title gets the title warning, which says enough
    message = "no authors were found: the byline may have been read as text; set them in the paper's metadata"
    return [_warning("structure-authors-missing", message, _title_line(paper, source_text))]


def _headings(paper: Paper) -> list[Section]:
    return [section for section in paper.all_sections() if section.title.strip()]


def too_many_headings(paper: Paper) -> list[Diagnostic]:
    """``structure-too-many-headings``: more headings than the text can carry."""
    headings = _headings(paper)
    words = sum(len(p.text.split()) for p in paper.all_paragraphs())
    limit = max(MIN_HEADINGS, words // WORDS_PER_HEADING)
    if len(headings) <= limit:
        return []
    empty = [s.title for s in headings if not s.blocks and not s.subsections and not s.is_references]
    examples = ", ".join(repr(_short(t, 30)) for t in (empty or [s.title for s in headings[limit:]])[:3])
    message = (
        f"{len(headings)} headings for {words} words of text (at most {limit} expected): table cells, equations, "
        f"affiliations or figure text may have become headings, e.g. {examples}"
    )
    return [_warning("structure-too-many-headings", message, headings[0].span)]


def headings_of_symbols(paper: Paper) -> list[Diagnostic]:
    """``structure-heading-symbols``: a heading made mostly of digits and symbols (or maths, or code,
    such as a console's bare ``True`` or ``NULL``)."""
    found = []
    for section in _headings(paper):
        title = section.title.strip()
        visible = [c for c in title if not c.isspace()]
        letters = sum(1 for c in visible if c.isalpha())
        if letters >= 0.5 * len(visible) and not _MATHS_OR_CODE.search(title):
            continue
        message = f"heading {_short(title)!r} is mostly digits and symbols: a table cell, an equation, code or a page number?"
        found.append(_warning("structure-heading-symbols", message, section.span))
    return found


def _notes_paragraphs(paper: Paper) -> list[Paragraph]:
    return [note.paragraph for note in paper.notes]


def long_paragraphs(paper: Paper) -> list[Diagnostic]:
    """``structure-long-paragraph``: a paragraph over 1,000 words (paragraphs were probably joined)."""
    found = []
    for paragraph in paper.all_paragraphs() + _notes_paragraphs(paper):
        words = len(paragraph.text.split())
        if words > LONG_PARAGRAPH_WORDS:
            message = (
                f"paragraph of {words} words (over {LONG_PARAGRAPH_WORDS}) starting {_short(paragraph.text)!r}: "
                "paragraphs may have been run together"
            )
            found.append(_warning("structure-long-paragraph", message, paragraph.span))
    return found


def _glued_reference_heading(paper: Paper) -> list[Diagnostic]:
    """A reference heading inside a paragraph, followed by text thick with years."""
    paragraphs = paper.all_paragraphs()
    for index, paragraph in enumerate(paragraphs):
        match = _REFERENCE_WORD_INSIDE.search(paragraph.text)
        if not match:
            continue
        after = paragraph.text[match.end() :] + " " + " ".join(p.text for p in paragraphs[index + 1 : index + 4])
        if len(_YEAR.findall(after[:2000])) >= 3:
            message = (
                f"{match.group(1)!r} inside a paragraph is followed by what looks like reference entries: the reference "
                "list was not found and its entries were read as text"
            )
            return [_warning("structure-references-missing", message, paragraph.span)]
    return []


def references_missing(paper: Paper) -> list[Diagnostic]:
    """``structure-references-missing``: a reference heading with no list, or a list read as text."""
    if paper.references:
        return []
    for section in paper.all_sections():
        if section.is_references:
            message = f"heading {_short(section.title)!r} but no reference entries were found under it"
            return [_warning("structure-references-missing", message, section.span)]
        if _REFERENCE_HEADING.match(section.title) and section.blocks:
            message = (
                f"section {_short(section.title)!r} looks like a reference list but its {len(section.blocks)} "
                "blocks were read as paragraphs"
            )
            return [_warning("structure-references-missing", message, section.span)]
    return _glued_reference_heading(paper)


def references_unsplit(paper: Paper) -> list[Diagnostic]:
    """``structure-references-unsplit``: entries that hold several works each."""
    found = []
    for reference in paper.references:
        raw = " ".join(reference.raw.split())
        starts = len(_PAREN_YEAR.findall(raw)) + len(_ENTRY_START_INSIDE.findall(raw))
        if len(raw) > LONGEST_ENTRY or (len(raw) > 250 and starts >= 2):
            message = (
                f"reference entry of {len(raw)} characters starting {_short(raw)!r} looks like several entries run "
                "together"
            )
            found.append(_warning("structure-references-unsplit", message, reference.span))
    return found


#: What a raised number after it is an exponent of, not a note's marker: a letter standing alone
#: (a variable: "x²", "σ²V") or a Greek letter.
_EXPONENT_BASE = re.compile(r"(?:^|[^\w])[^\W\d_]$|[\u0370-\u03ff]$")


def _markers_in(paragraph: Paragraph) -> list[str]:
    """Footnote markers in a paragraph: note references, and superscript numbers after a word."""
    markers = []
    previous = ""
    for inline in paragraph.inlines:
        if isinstance(inline, NoteRef):
            markers.append(inline.marker)
        elif isinstance(inline, Superscript) and inline.text.isdigit() and not previous[-1:].isdigit() and not _EXPONENT_BASE.search(previous):
            markers.append(inline.text)
        previous = inline.text if isinstance(inline, Text) else ""
    return markers


def footnotes_unmatched(paper: Paper) -> list[Diagnostic]:
    """``structure-footnote-unmatched``: a footnote marker in the text with no note of that marker,
    or a note whose marker is nowhere in the text (often text that is not a note taken for one)."""
    notes = {note.marker for note in paper.notes}
    found = []
    markers: set[str] = set()
    for paragraph in paper.all_paragraphs():
        for marker in _markers_in(paragraph):
            markers.add(marker)
            if marker not in notes:
                message = f"footnote marker {marker!r} in {_short(paragraph.text, 40)!r} has no note"
                found.append(_warning("structure-footnote-unmatched", message, paragraph.span))
    for note in paper.notes:
        if note.marker not in markers:
            message = f"note {note.marker!r} ({_short(note.paragraph.text, 40)!r}) has no marker in the text: is it a note?"
            found.append(_warning("structure-footnote-unmatched", message, note.paragraph.span))
    return found
