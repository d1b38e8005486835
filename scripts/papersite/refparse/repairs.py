"""Repairs of the labeller's segments made before :func:`papersite.refparse.assemble._repaired`'s.

Each was chosen on the benchmark's dev files (``benchmarks/reference_parser.py --dev``); the
benchmark puts the gold side through the same repairs, and of the 18,299 training strings'
gold labellings they change seven: four by :func:`quoted_title` (a genre, a date or a URL the
annotators left inside a title's quotation marks), two by :func:`journal_alone` (a journal
cited alone that the annotators labelled as its author) and one by :func:`title_in_authors`
(a title labelled as the last author). Segments are verbatim spans of the reference, in order,
so each one's start is found by searching the string from the end of the one before; two
segments are *glued* when nothing, not even a space, separates them — one printed word that
the tokenizer (which cuts at letter/digit boundaries, :mod:`papersite.refparse.tokens`) split.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

_NUMBERED = frozenset({"volume", "pages"})
# a CJK ordinal prefix: "第3期" (issue 3), "總第221期" (number 221 counted from the first)
_CJK_ORDINAL = re.compile(r"(?<![^\W\d_])[總总]?第$")


def _starts(raw: str, segments: Sequence[tuple[str, str]]) -> list[int] | None:
    starts: list[int] = []
    position = 0
    for _, text in segments:
        start = raw.find(text, position)
        if start < 0:
            return None
        starts.append(start)
        position = start + len(text)
    return starts


def glued_number_prefix(raw: str, segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``journal "法學評論, 總第"`` + ``volume "221"`` printed ``總第221期`` -> ``"法學評論,"`` + ``"總第221"``.

    A CJK ordinal prefix (``第``, ``總第``: "number ...") ending any other field, glued to
    the number of the volume or pages right after it, belongs to that number. (Every
    labelled string of the training data that prints one so has it in the volume or the
    pages.) A journal's series letter glued to its volume ("Phys. Rev. D22") is left
    alone: GROBID's files disagree on where it goes — most keep it with the journal.
    """
    starts = _starts(raw, segments) if len(segments) > 1 else None
    if starts is None:
        return list(segments)
    out = list(segments)
    for index in range(len(out) - 1):
        (label, text), (following, rest) = out[index], out[index + 1]
        if following not in _NUMBERED or label in _NUMBERED or not rest[:1].isdigit():
            continue
        if starts[index] + len(text) != starts[index + 1]:
            continue  # a space (or anything) between: not one printed word
        match = _CJK_ORDINAL.search(text)
        if match and text[: match.start()].strip(" ,.;:"):
            out[index] = (label, text[: match.start()])
            out[index + 1] = (following, text[match.start() :] + rest)
    return out


_BEFORE_IDENTIFIER = re.compile(r"^(?P<title>\W*[^\W\d_].*?)\s*[,.;:]?\s*(?=(?:arxiv|e-?print)\b)", re.IGNORECASE)


def title_before_identifier(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``note "Vortices and Vermas, arXiv:1609.04406."`` -> title ``"Vortices and Vermas,"`` + the note.

    In a reference with no title, a note after the authors that opens with two or more words
    and then an arXiv (e-print) identifier holds the title before the identifier: preprints
    are cited "Authors, Title, arXiv:NNNN.NNNNN".
    """
    if any(label == "title" for label, _ in segments):
        return list(segments)
    out = list(segments)
    for index, (label, text) in enumerate(out):
        if label != "note" or index == 0 or out[index - 1][0] != "author":
            continue
        match = _BEFORE_IDENTIFIER.match(text)
        if match and len(match.group("title").split()) >= 2:
            out[index : index + 1] = [("title", text[: match.end()]), (label, text[match.end() :])]
        break
    return out


_OPENERS = MappingProxyType({"\"": "\"", "“": "”", "«": "»", "‘": "’", "„": "“"})


def quoted_title(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``title '"Crochet de ... Cartan'`` + ``location "(Lyon,"`` + ``date '1984),"'`` -> one title.

    A title that opens with a quotation mark and does not close it runs on to the segment
    that does, when that is at most two segments later and no journal, book, volume or pages
    segment comes between: what the quotes enclose is the title.
    """
    out = list(segments)
    for index, (label, text) in enumerate(out):
        stripped = text.lstrip()
        if label != "title" or not stripped or stripped[0] not in _OPENERS:
            continue
        closer = _OPENERS[stripped[0]]
        if closer in stripped[1:]:
            continue
        for end in range(index + 1, min(index + 3, len(out))):
            if out[end][0] in ("journal", "container-title", "volume", "pages"):
                break
            if closer in out[end][1]:
                out[index : end + 1] = [(label, " ".join(part for _, part in out[index : end + 1]))]
                break
        break
    return out


_NUMBERS_AFTER = frozenset({"date", "volume", "pages", "note", "doi", "url"})


def journal_alone(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``author "Glycoconjugate J"`` + ``date "(1990)"`` + ``volume "7:"`` + ``pages "525-543"`` -> the
    author is the journal.

    A reference of nothing but an author and the numbers of a journal issue (a volume, perhaps
    pages, a date, notes) cites the journal alone: no work has an author and a volume but
    neither a title nor a journal. Only an "author" with no comma, semicolon, "and" or "&" in
    it (not a list of names) and no CJK characters (whose unspaced titles and journals the
    labeller runs into one segment, which this cannot tell apart) is taken for the journal.
    """
    labels = [label for label, _ in segments]
    start = 1 if labels[:1] == ["citation-number"] else 0
    rest = labels[start + 1 :]
    if len(labels) <= start or labels[start] != "author" or "volume" not in rest:
        return list(segments)
    if any(label not in _NUMBERS_AFTER for label in rest):
        return list(segments)
    text = segments[start][1]
    if re.search(r"[,;&\u2e80-\ufaff]|\band\b", text.strip().rstrip(",;")):
        return list(segments)
    return [*segments[:start], ("journal", text), *segments[start + 1 :]]


_INITIALS_FIRST = re.compile(r"^\s*(?:[A-Z]\s?\.\s*-?\s*)+[A-Z][^\W\d_]*(?:[\s'’-]+[^\W\d_]+)*\s*$")
_NAME_WORDS = re.compile(r"\b(?:and|et al|jr|sr|collaboration|group|team|[A-Z]\s?\.)|&|\(", re.IGNORECASE)


def title_in_authors(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``author "R. M. Wald, General Relativity,"`` + ``publisher ...`` -> author ``"R. M. Wald,"``, title
    ``"General Relativity,"``.

    In a reference with no title, an author list of names printed initials first ("R. M. Wald")
    whose last comma-separated part is no such name — capitalised words without an initial, an
    "and", "et al.", "Jr." or "Collaboration", and not one abbreviated word — has run on into
    the title: that part is the title.
    """
    if any(label == "title" for label, _ in segments):
        return list(segments)
    out = list(segments)
    for index, (label, text) in enumerate(out):
        if label != "author":
            continue
        head, comma, tail = text.rstrip(" ,").rpartition(",")
        names = [part for part in head.split(",") if part.strip()]
        if not comma or not names or not all(_INITIALS_FIRST.match(part) for part in names):
            break
        if not tail.strip()[:1].isupper() or _NAME_WORDS.search(tail) or _INITIALS_FIRST.match(tail):
            break
        if len(tail.split()) == 1 and tail.strip().endswith("."):
            break  # one abbreviated word ("Russ."): a journal's first word, not a title
        out[index : index + 1] = [(label, head + comma), ("title", text[len(head) + 1 :].lstrip())]
        break
    return out


_PAGE_RANGE = re.compile(r"^\W*\d+\s*[-–—]+\s*\d+\W*$")


def range_not_publisher(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``publisher "1-141."`` -> ``pages``: a publisher or place that is nothing but a number range, in a
    reference with no pages, is its pages."""
    if any(label == "pages" for label, _ in segments):
        return list(segments)
    return [
        ("pages", text) if label in ("publisher", "location") and _PAGE_RANGE.match(text) else (label, text)
        for label, text in segments
    ]


_EDITED_BY = re.compile(r"[,.]\s+(?=(?:eds?\.|edited by|ed\. by|hrsg\. v(?:on)?\.?)\s+[A-Z])", re.IGNORECASE)


_NAME_PARTICLES = frozenset("and & van von de der den la le du di da dos del y".split())


def _names_only(text: str) -> bool:
    """Do the words after "ed." read as a list of names ("Julia Barrow and Andrew Wareham.")?"""
    words = text.split()[1:]  # after "ed." / "edited" ...
    if words[:1] == ["by"]:
        words = words[1:]
    return 0 < len(words) <= 12 and not any(char in text for char in ":;0123456789") and all(
        word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words
    )


def editors_in_book_title(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``container-title "Myth, Rulership, ...: Essays in Honour of Nicholas Brooks, ed. Julia Barrow and
    Andrew Wareham."`` -> the book's title and editor ``"ed. Julia Barrow and Andrew Wareham."``: a
    book title that runs on into "ed."/"eds."/"edited by" and nothing but names, with no editor
    segment in the reference, ends before them ("Judith Fingard and Janet Guildford, eds. Mothers
    of the Municipality: ..." — a title after the "eds." — is left alone)."""
    if any(label == "editor" for label, _ in segments):
        return list(segments)
    out = list(segments)
    for index, (label, text) in enumerate(out):
        if label != "container-title":
            continue
        match = _EDITED_BY.search(text)
        if match and len(text[: match.start()].split()) >= 2 and _names_only(text[match.end() :]):
            out[index : index + 1] = [(label, text[: match.start() + 1]), ("editor", text[match.start() + 1 :].lstrip())]
        break
    return out


def early(raw: str, segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """All the repairs of this module, in order."""
    repaired = journal_alone(quoted_title(title_before_identifier(glued_number_prefix(raw, segments))))
    return editors_in_book_title(range_not_publisher(title_in_authors(repaired)))
