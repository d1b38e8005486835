"""A grammar of bylines: the persons an author line names, in the shapes title pages print.

- names cut at commas, semicolons, "and" and "&" ("A. Smith, B. Jones and C. Lee");
- superscript marks (``^{1}``, ``¹``, ``*``) and affiliation letters glued to the name by the
  extraction ("Dirk Eddelbuettela" for "Dirk Eddelbuettel^a"): a final letter is taken as a mark
  when the front matter prints that letter as an affiliation's mark and every name on the line
  ends in such a letter;
- several names on one line with only spaces between them ("Terry Therneau Cynthia Crowson
  Elizabeth Atkinson"): an even run of four or more plain name words is read as given name and
  family name pairs (the commonest shape; a line with a middle name among them is not split).

A name is two to five words, each capitalised ("Jari"), an initial ("J.", "J.-P.") or a particle
("van", "de"). What keeps titles and headings out ("Covariance Matrix Estimators", "Related
Work"): a name is not made only of words the paper itself writes in lower case elsewhere
(``common``, the paper's own vocabulary); a person's name rarely is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from dataclasses import replace

from .inline import strip_markers
from .layout_types import LayoutLine, LayoutResult
from .units import join_lines

_CUTS = re.compile(r"\s*(?:,|;|&|\b(?:and|AND)\b)\s*")
#: A capitalised word in mixed case ("Jari", "O'Neil", "Smith-Jones"); a word in capitals is a title's or heading's.
_CAPITALISED = re.compile(r"^(?=.*[^\W\d_A-Z])[^\W\d_a-z][^\W\d_A-Z]*(?:[-'’][^\W\d_][^\W\d_A-Z]+)*$|^Ma?c[A-Z][a-z]+$")
_INITIALS = re.compile(r"^(?:[^\W\d_a-z]\.-?){1,3}$")
#: A middle initial without its period, as Vancouver-style bylines print it ("Calum J Maclean",
#: "Ana CM Brasileiro"): only between a given name and a family name ("UC Berkeley" is no name).
_BARE_INITIALS = re.compile(r"^[^\W\d_a-z]{1,2}$")
_PARTICLES = frozenset("van von der den de del della di da du la le dos das bin ibn al ten ter".split())
_MARK_LINE = re.compile(r"^([a-z])$|^([a-z])\s+[^\W\d_a-z]|[;,]\s*([a-z])$")
_SYMBOLS = re.compile(r"[*†‡§¶∗✉]+")
_SPACED_MARKS = re.compile(r"(?<=[^\W\d_])\s+(\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*[*†‡§¶∗✉]+)?)(?=\s*(?:[,;&]|\band\b|$))")

#: A generational suffix after its comma ("Mebane, Jr.", "Smith, III"), part of the name before it.
_SUFFIX = re.compile(r",\s*(?:Jr|Sr)\.?(?=\s|,|;|$)|,\s*(?:II|III|IV)(?=\s|,|;|$)")

#: A piece of a byline made only of affiliation numbers and symbols ("2∗" after "Alstott1,").
_MARKS_ONLY = re.compile(r"^\s*(?:\d{1,2}[*†‡§¶∗✉]*|[*†‡§¶∗✉]+)\s*$")
_SPACED_LETTERS = re.compile(r"(?<=[^\W\d_]{2})\s+([a-j]{1,3}(?:\s*,\s*[a-j]{1,3})*(?:\s*[*†‡§¶∗✉]+)?)(?=\s*(?:[,;&]|\band\b|$))")
#: A piece that opens with marks set after the comma before it ("Oany, 1 Tahmina Pervin, 2"):
#: they are the previous name's.
_LEADING_MARKS = re.compile(r"^\s*(\d{1,2}[*†‡§¶∗✉]*)\s+(?=[^\W\d_])")

#: Characters in a byline, at most (a consortium's list of forty names).
MAX_BYLINE_CHARS = 1500

#: Words in a name, at most.
MAX_NAME_WORDS = 5


def name_case(name: str) -> str:
    """A name set in capitals as a style (amsart's "JANE DOE") in the case a name is written:
    "Jane Doe", "Jean-Paul O'Neil", "Jan van der Berg" (a particle after the first word in lower
    case), "J. R. Doe". A name with any lower-case letter is the author's own spelling and is kept."""
    if any(c.islower() for c in name):
        return name
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if index and lower in _PARTICLES:
            words.append(lower)
            continue
        words.append(re.sub(r"(^|[-'’])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), lower))
    return " ".join(words)


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: the paper's own vocabulary, which names are not.

    Not the words of e-mail addresses and web addresses: they spell people's names in lower
    case (``nicolas.salamin@unil.ch``)."""
    text = re.sub(r"\S+@\S+|https?://\S+|www\.\S+", " ", text)
    return frozenset(re.findall(r"(?<![\w-])[a-z][a-z'’-]+", text))


def affiliation_letters(lines: Iterable[str]) -> frozenset[str]:
    """Letters the front matter prints as affiliation marks: a letter alone on a line, before an
    affiliation's first word ("a Debian and R Projects") or after a ";" at a line's end."""
    found: set[str] = set()
    for line in lines:
        match = _MARK_LINE.search(line.strip())
        if match:
            found.add(next(g for g in match.groups() if g))
    return frozenset(found)


def person_names(text: str, common: frozenset[str] = frozenset(), letters: frozenset[str] = frozenset()) -> list[tuple[str, tuple[str, ...]]] | None:
    """The persons ``text`` names, each with its marks, or ``None`` when ``text`` is not a byline.

    ``common``: the paper's lower-case vocabulary (:func:`lower_case_words`); ``letters``: its
    affiliation letters (:func:`affiliation_letters`)."""
    text = text.strip()
    suffix = _SUFFIX.search(text)
    if suffix:  # "Walter R. Mebane, Jr." and maybe more names after it: the comma is the name's own
        head = person_names(text[: suffix.start()], common, letters)
        rest = re.sub(r"^(?:[,;&]|and\b)\s*", "", text[suffix.end() :].strip())
        tail = person_names(rest, common, letters) if rest else []
        if not head or tail is None:
            return None
        name, marks = head[-1]
        return [*head[:-1], (name + suffix.group(0).rstrip(), marks), *tail]
    # a long author list runs to a thousand characters; every piece must still read as a name
    if not text or len(text) > MAX_BYLINE_CHARS or re.search(r"[.:;!?]$|\d{3}|@|\(", text.rstrip("*†‡")):
        return None
    # Marks the extraction set apart from the name ("Glenn Litsios 1,2 and Nicolas Salamin 1,2*")
    # are read as if glued to it ("Litsios1,2"): digits after a name's word, then a cut or the end.
    text = _SPACED_MARKS.sub(lambda m: re.sub(r"\s+", "", m.group(1)), text)
    # Letters set apart the same way ("Jean-Marc Bardet a * , Paul Doukhan ab"): raised marks.
    text = _SPACED_LETTERS.sub(lambda m: "".join("^{" + mark + "}" for mark in re.sub(r"[\s,]+", "", m.group(1))), text)
    pieces: list[tuple[list[str], tuple[str, ...]]] = []
    # commas inside a raised mark ("Alstott^{1,2∗}") are the mark's own, not cuts between names
    masked = re.sub(r"\^\{[^}]*\}", lambda m: m.group(0).replace(",", "\u2063"), re.sub(r"^and\s+", "", text))
    for raw in (piece.replace("\u2063", ",") for piece in _CUTS.split(masked)):
        if not raw.strip():
            continue
        if pieces and _MARKS_ONLY.match(raw):  # "Jeff Alstott1,2∗": the rest of the name's marks
            pieces[-1] = (pieces[-1][0], (*pieces[-1][1], *re.findall(r"\d+|[*†‡§¶∗✉]", raw)))
            continue
        leading = _LEADING_MARKS.match(raw) if pieces else None
        if leading:  # "Oany, 1 Tahmina Pervin": the 1 is Oany's
            pieces[-1] = (pieces[-1][0], (*pieces[-1][1], *re.findall(r"\d+|[*†‡§¶∗✉]", leading.group(1))))
            raw = raw[leading.end():]
        name, marks = strip_markers(raw)
        marks = (*marks, *_SYMBOLS.findall(name), *re.findall(r"(?<=[^\W\d_])\d+\b", name))
        name = re.sub(r"(?<=[^\W\d_])\d+\b", "", _SYMBOLS.sub("", name))
        words = name.split()
        if not words:
            return None
        pieces.extend((pair, marks) for pair in _pairs(words))
    glued = bool(letters) and all(p[0][-1][-1:] in letters and _CAPITALISED.match(p[0][-1][:-1]) for p in pieces)
    out = []
    for words, marks in pieces:
        if glued:
            words, marks = [*words[:-1], words[-1][:-1]], (*marks, words[-1][-1])
        if not _is_name(words, common):
            return None
        out.append((" ".join(words), marks))
    return out or None


def _pairs(words: list[str]) -> list[list[str]]:
    """Four or more plain name words with no cut between them: given name and family name pairs."""
    plain = all(_CAPITALISED.match(w) for w in words)
    if plain and len(words) >= 4 and len(words) % 2 == 0:
        return [words[i: i + 2] for i in range(0, len(words), 2)]
    return [words]


def _is_name(words: list[str], common: frozenset[str]) -> bool:
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[-1].lower() in _PARTICLES:
        return False
    middle = range(1, len(words) - 1)
    if not all(_CAPITALISED.match(w) or _INITIALS.match(w) or w in _PARTICLES or (i in middle and _BARE_INITIALS.match(w))
               for i, w in enumerate(words)):
        return False
    plain = [w for w in words if _CAPITALISED.match(w) and len(w) > 1]
    return bool(plain) and not all(w.lower() in common for w in plain)


def split_byline_lines(
    layout: LayoutResult, lines: Sequence[str], names: Callable[[str], object], limit: int = 16,
    field: Callable[[int], str | None] = lambda line: None,
) -> LayoutResult:
    """The layout with its first ``limit`` rebuilt lines cut where a byline begins or ends: the
    layout repair may run a byline into the title or the affiliations below it ("Jari Oksanen" +
    "processed with vegan ..."). ``lines`` are the source lines. A line is cut only where its text
    is exactly its source lines joined and no footnote mark stands in it, so no word is lost,
    doubled or moved; the check of the page then compares the pieces.

    ``field(n)``: the front-matter field the header model is sure source line ``n`` belongs to
    (``None`` when unsure): a line is cut where that field changes too (an arXiv identifier run
    into the title below it, a title into its byline), an unsure line going with the one above."""
    marked = {mark.line for mark in layout.marks}
    out: list[LayoutLine] = []
    added: list[int] = []  # lines added before each original line
    for position, line in enumerate(layout.lines):
        added.append(len(out) - position)
        pieces = _byline_pieces(line, lines, names, field) if position < limit and position + 1 not in marked else None
        if pieces is None:
            out.append(line)
            continue
        for index, piece in enumerate(pieces):
            if index:
                out.append(LayoutLine(out[-1].end, ""))
            out.append(piece)
    if len(out) == len(layout.lines):
        return layout
    marks = tuple(replace(mark, line=mark.line + added[mark.line - 1]) for mark in layout.marks)
    return replace(layout, lines=tuple(out), marks=marks)


def _byline_pieces(
    line: LayoutLine, lines: Sequence[str], names: Callable[[str], object], field: Callable[[int], str | None]
) -> list[LayoutLine] | None:
    numbers = [number for _, number in line.sources]
    if len(numbers) < 2 or not all(1 <= n <= len(lines) for n in numbers):
        return None
    rows = [(n, lines[n - 1].strip("\f \t")) for n in numbers]
    if "".join(join_lines([text for _, text in rows]).split()) != "".join(line.text.split()):
        return None
    groups: list[list[tuple[int, str]]] = []
    flags: list[tuple[bool, str | None]] = []
    for number, text in rows:
        sure = field(number)
        flag = (names(text) is not None, sure if sure is not None or not flags else flags[-1][1])
        if groups and flags[-1] == flag:
            groups[-1].append((number, text))
        else:
            groups.append([(number, text)])
            flags.append(flag)
    if len(groups) == 1:
        return None
    pieces = []
    for group in groups:
        text, sources = "", []
        for number, row in group:
            sources.append((len(text) + (1 if text else 0), number))
            text = join_lines([text, row]) if text else row
        pieces.append(LayoutLine(group[0][0], text, tuple(sources)))
    return pieces
