"""Footnotes: note text at the foot of a page, and the markers that call it.

Conservative on purpose. A number glued to a word (``treaty3``, ``treaty.3``,
``treaty³``) is a marker only when a note with that number starts at the foot
of the same page or the next one, and note numbers climb through the paper. A
note starts with its number (``3 See ...``, ``3. See ...``, or the number
alone on its line, as pdftotext writes a raised numeral); everything after it
to the end of the page is note text, cut where the next number follows.

A note cut by the page end goes on at the foot of the next page, above that
page's first note: its lines are set in small print, so they are wider than
the body's lines, and it ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .running_heads import SourceLine

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_NOTE_START = re.compile(
    r"^(?P<n>\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"(?:(?P<sep>[.)]\s*|\s+)(?P<text>\S.*)|(?P<glued>[^\W\d_].*))?$"
)
_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|(?<=[^\s\d])\d{1,3}(?!\w)")
_SPACED_MARK = re.compile(r"(?<=[a-z]{3}) (\d{1,2})(?= [a-z])")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
#: What follows a page number in a page's foot line ("8 | Journal"), never a note's first character.
_FOOT_SEPARATORS = frozenset("|/•·")
#: Note lines are set smaller, so more characters fit: wider than this many body lines.
NOTE_WIDTH = 1.06
#: A line after a note's last sentence narrower than this share of the note's widest line is not the note's.
NOTE_END_WIDTH = 0.9
#: ... judged only on a note with a line at least this long (a short note says nothing of its type).
MIN_NOTE_WIDTH = 60
#: Notes take at most this share of a page's lines.
MAX_NOTE_SHARE = 0.6
#: A note running on from the previous page takes at most this many lines.
MAX_CARRIED_LINES = 8


def digits(marker: str) -> int:
    return int(marker.translate(_FROM_SUPERSCRIPT))


@dataclass
class FoundNote:
    number: int
    marker: str  # as printed at the foot
    page: int
    indices: list[int] = field(default_factory=list)  # into the line list
    parts: list[str] = field(default_factory=list)  # text of each line, number stripped


@dataclass(frozen=True)
class FoundMark:
    number: int
    index: int  # line index
    start: int  # column of the marker in the line's text
    end: int
    printed: str


@dataclass(frozen=True)
class _Start:
    number: int
    marker: str
    text: str  # the note text on this line ("" when the number stands alone)
    style: str  # "alone", "space", "dot" or "glued"


def _note_start(text: str) -> _Start | None:
    match = _NOTE_START.match(text)
    if not match:
        return None
    marker = match.group("n")
    rest = match.group("text") or match.group("glued") or ""
    if match.group("glued") and marker[0].isdigit() and not rest[:1].isupper():
        return None
    if rest[:1] in _FOOT_SEPARATORS:
        return None  # "8 | https://...": a page number and the page foot's text, not a note
    if match.group("sep") and match.group("sep")[0] in ".)" and _looks_like_heading(rest):
        return None  # "3. Material and method" is a numbered heading, not a note
    if not rest:
        style = "alone"
    elif match.group("glued"):
        style = "glued"
    else:
        style = "dot" if match.group("sep")[0] in ".)" else "space"
    return _Start(digits(marker), marker, rest, style)


def _looks_like_heading(text: str) -> bool:
    return len(text) < 70 and not re.search(r"[.!?:;,]['\"”’)\]]*$", text)


def mark_candidates(text: str) -> list[tuple[float, int, int, int, str]]:
    """Numbers glued to the end of a word in ``text``: (score, number, start, end, printed).

    Lower scores are likelier markers: raised digits, then digits after a closing
    punctuation mark or a lower-case word, then after capitals (``CO2``).
    """
    found: list[tuple[float, int, int, int, str]] = []
    for match in _MARK.finditer(text):
        printed = match.group(0)
        start, end = match.span()
        before = text[start - 1] if start else ""
        token_start = text.rfind(" ", 0, start) + 1
        token_end = text.find(" ", end)
        token = text[token_start: token_end if token_end != -1 else len(text)]
        if "/" in token or "@" in token or "www" in token.lower():
            continue
        head = token[: start - token_start]
        if head.count("(") > head.count(")") or (end < len(text) and text[end] in ")]"):
            continue  # inside brackets: f(25,5), not a note
        if printed[0] in SUPERSCRIPT_DIGITS:
            score = 0.0
        elif before and before in ".,;!?)]\"'’”":
            previous = text[start - 2] if start >= 2 else ""
            if previous.isdigit() and before in ".,":
                continue  # 1.5, 1,500
            if not previous or previous.isspace():
                continue
            score = 1.0
        elif before.isalpha() and start >= 2 and text[start - 2].isalpha():
            score = 1.0 if before.islower() else 2.0
        else:
            continue
        after = text[end:]
        if after and not re.match(r"\s*$|[\s\"'’”]+[A-Z(\[]|[,;:)\].]", after):
            score += 0.25
        found.append((score, digits(printed), start, end, printed))
    for match in _SPACED_MARK.finditer(text):
        # "routines 6 so that": a raised number the extraction set apart; weakest evidence.
        found.append((3.0, int(match.group(1)), match.start(1) - 1, match.end(1), match.group(1)))
    return found


def body_width(lengths: list[int]) -> float:
    """Typical length of a full line: the upper quartile of the body's line lengths."""
    usable = sorted(n for n in lengths if n >= 20)
    if not usable:
        return 0.0
    return float(usable[(len(usable) * 3) // 4])


def find_footnotes(
    lines: list[SourceLine], removed: set[int], pages: int
) -> tuple[list[FoundNote], list[FoundMark]]:
    """Notes at page feet and their markers in the body, in document order."""
    if pages < 2:
        return [], []
    by_page: list[list[int]] = [[] for _ in range(pages)]
    for index, line in enumerate(lines):
        if line.text and index not in removed:
            by_page[line.page].append(index)
    notes: list[FoundNote] = []
    marks: list[FoundMark] = []
    note_lines: set[int] = set()
    first_note_at: dict[int, int] = {}  # page -> position of its first note line in by_page[page]
    cache: dict[int, list[tuple[float, int, int, int, str]]] = {}

    def candidates(index: int) -> list[tuple[float, int, int, int, str]]:
        if index not in cache:
            cache[index] = mark_candidates(lines[index].text)
        return cache[index]

    style = ""  # how this paper prints a note's number: "alone", "space", "dot" or "glued"
    for page in range(pages):
        ids = by_page[page]
        last = notes[-1].number if notes else 0
        areas: list[tuple[int, int, tuple[list[FoundNote], list[FoundMark]]]] = []
        for k in range(1, len(ids)):
            start = _note_start(lines[ids[k]].text)
            if start is None or not (last < start.number <= last + 2 if notes else start.number == 1):
                # Numbering may start again once after the first page, whose notes are
                # often the authors' affiliations.
                if not (start and start.number == 1 and notes and all(n.page == 0 for n in notes)):
                    continue
            region = [i for i in (by_page[page - 1] if page else []) if i not in note_lines] + ids[:k]
            found = _read_area(lines, ids, k, region, marks[-1] if marks else None, candidates, page)
            if found:
                # A numbered list item ("4. The ...") can look like a note: prefer the
                # paper's own way of printing notes, else a number without a full stop.
                rank = 0 if start.style == style else 1 if not style and start.style != "dot" else 2
                areas.append((rank, k, found))
        if areas:
            _, k, (new_notes, new_marks) = _best_area(areas)
            notes.extend(new_notes)
            marks.extend(new_marks)
            note_lines.update(i for note in new_notes for i in note.indices)
            first_note_at[page] = k
            style = style or _note_start(lines[ids[k]].text).style  # type: ignore[union-attr]
    _carry_over(lines, by_page, notes, note_lines, first_note_at)
    return notes, marks


def _best_area(
    areas: list[tuple[int, int, tuple[list[FoundNote], list[FoundMark]]]],
) -> tuple[int, int, tuple[list[FoundNote], list[FoundMark]]]:
    """The notes of a page's foot: the area whose first note is printed the paper's way, or, above
    it, an area that reads on into that one note for note (a note whose number the extraction
    glued to its first word, "5We should note", above notes whose number stands alone)."""
    best = min(areas, key=lambda a: (a[0], a[1]))
    starts = [note.indices[0] for note in best[2][0]]
    for area in sorted(areas, key=lambda a: a[1]):
        if area[1] >= best[1]:
            break
        found = [note.indices[0] for note in area[2][0]]
        if found[-len(starts):] == starts and len(found) > len(starts):
            return area
    return best


def _read_area(
    lines: list[SourceLine],
    ids: list[int],
    k: int,
    region: list[int],
    previous_mark: FoundMark | None,
    candidates: object,
    page: int,
) -> tuple[list[FoundNote], list[FoundMark]] | None:
    """Notes from ``ids[k]`` to the page end, each with its marker in ``region``; or None. Lines
    after a note has ended (see :func:`_ends_note`) up to the next note stay text."""
    assert callable(candidates)
    notes: list[FoundNote] = []
    marks: list[FoundMark] = []
    after = (previous_mark.index, previous_mark.end) if previous_mark else (-1, -1)
    position = {index: rank for rank, index in enumerate(region)}
    ended = False  # the last note has ended: lines up to the next note are not the notes'
    for j in range(k, len(ids)):
        index = ids[j]
        start = _note_start(lines[index].text)
        expected = notes[-1].number + 1 if notes else None
        opens = start is not None and (expected is None or start.number == expected)
        if opens and start is not None and not start.text:
            # A number alone opens a note only when text follows on the page.
            opens = j + 1 < len(ids) and _note_start(lines[ids[j + 1]].text) is None
        mark = _find_mark(start.number, region, position, after, candidates, lines) if opens and start else None
        # The first note needs its marker in the body; the ones after it continue
        # the numbering at the same foot, which is evidence enough.
        if start is not None and opens and (mark is not None or notes):
            if mark is not None:
                marks.append(mark)
                after = (mark.index, mark.end)
            notes.append(FoundNote(start.number, start.marker, page, [index], [start.text] if start.text else []))
            ended = False
        elif notes and (ended or _ends_note(notes[-1], lines, index)):
            ended = True  # text after the note (a column read after the page's foot) stays text
        elif notes:
            notes[-1].indices.append(index)
            notes[-1].parts.append(lines[index].text)
        else:
            return None
    if not notes or any(not note.parts for note in notes):
        return None
    if len(ids) - k > max(4, MAX_NOTE_SHARE * len(ids)):
        return None  # notes do not fill most of a page: this is body text
    return notes, marks


def _ends_note(note: FoundNote, lines: list[SourceLine], index: int) -> bool:
    """Has ``note`` ended before the line at ``index``, which opens no note? When its last line
    ended a sentence short of the note's full width (a paragraph's last line; a one-line note's
    only line), and this line is clearly narrower than the note's widest line: a note is set in
    small type, more characters to the line than the text in a column beside or after it."""
    last, text = note.parts[-1] if note.parts else "", lines[index].text
    if not _SENTENCE_END.search(last[-6:]):
        return False
    widest = max(len(part) for part in note.parts)
    if widest < MIN_NOTE_WIDTH or (len(note.parts) > 1 and len(last) >= NOTE_END_WIDTH * widest):
        return False
    return len(text) < NOTE_END_WIDTH * widest


def _find_mark(
    number: int,
    region: list[int],
    position: dict[int, int],
    after: tuple[int, int],
    candidates: object,
    lines: list[SourceLine],
) -> FoundMark | None:
    assert callable(candidates)
    best: tuple[float, int, FoundMark] | None = None
    for rank, index in enumerate(region):
        if index < after[0]:
            continue
        for score, value, start, end, printed in candidates(index):
            if value != number or (index == after[0] and start < after[1]):
                continue
            if best is None or score < best[0]:
                best = (score, rank, FoundMark(number, index, start, end, printed))
    return best[2] if best else None


def _carry_over(
    lines: list[SourceLine],
    by_page: list[list[int]],
    notes: list[FoundNote],
    note_lines: set[int],
    first_note_at: dict[int, int],
) -> None:
    """Attach the rest of a note cut by a page end: wide lines above the next page's notes."""
    if not notes:
        return
    body = [len(lines[i].text) for ids in by_page for i in ids if i not in note_lines]
    width = body_width(body)
    if not width:
        return
    last_on_page = {note.page: note for note in notes}
    for note in last_on_page.values():
        text = lines[note.indices[-1]].text
        if _SENTENCE_END.search(text[-6:]) or len(text) < width * 0.9:
            continue
        page = note.page + 1
        if page >= len(by_page):
            continue
        ids = by_page[page]
        end = first_note_at.get(page, len(ids))
        taken: list[int] = []
        j = end - 1
        while j >= 1 and len(taken) < MAX_CARRIED_LINES:
            candidate = lines[ids[j]].text
            wide = len(candidate) > width * NOTE_WIDTH
            if not taken and not (wide or _SENTENCE_END.search(candidate)):
                break
            if taken and not wide:
                break
            taken.append(ids[j])
            j -= 1
        if not taken or not _SENTENCE_END.search(lines[taken[0]].text):
            continue
        if page not in first_note_at and not any(len(lines[i].text) > width * NOTE_WIDTH for i in taken):
            continue  # no note on that page to vouch for a short line
        taken.reverse()
        note.indices.extend(taken)
        note.parts.extend(lines[i].text for i in taken)
        note_lines.update(taken)
