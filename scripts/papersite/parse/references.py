"""Cutting a reference list into entries, kept raw for the bibliography stage.

Lists print one entry a line, numbered (``[12] ...``, ``12. ...``, ``12) ...``) or alphabetical
(``Walt, Stephen (1986). ...``), and an entry often wraps over several lines or a page break.
What starts an entry is decided, in this order, by:

1. **numbering** — in a numbered list an entry starts where the next number is printed, and
   nowhere else (exact: a wrapped line never starts with the next number of the list);
2. the **structure model**'s entry-start label, where it is sure (line-per-PDF-line text);
3. the **PDF's layout** — a list set with hanging indents starts an entry at the left margin
   and continues it on an indented line;
4. the **entry grammar** — a line that opens with a name and a year (or with the list's
   numbering) after a line that closed the previous entry; not a line with the year an open
   entry lacks while every entry before had one (``_completes``).

Where layout repair glued two entries, the line is cut back at its source lines (``ListEvidence.lines``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import re

from ..model import Diagnostic, FrontMatter, Reference, SourceSpan
from ..structure.types import LineEvidence
from .citation_line import mentions_title, read_citation_line
from .inline import unescape
from .joining import ends_sentence, join_parts
from .layout_types import LayoutLine
from .units import Unit

if TYPE_CHECKING:  # types only: the parser hands them over
    from .layout_types import LayoutResult
    from .structure_hints import StructureHints

_NUMBERED = re.compile(r"^\s*\[(?P<number>\d{1,4})\]\s*\.?\s*")
_NUMBER_PLAIN = re.compile(r"^\s*(?P<number>\d{1,4})[.)]\s+(?=[A-Z\u00C0-\u024F\u0400-\u04FF\"“'‘])")
_ANY_NUMBER = re.compile(r"^\s*(?:\[(?P<bracket>\d{1,4})\]|(?P<plain>\d{1,4})[.)](?=\s))")
_YEAR = re.compile(r"\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)|\b(?:1[5-9]|20)\d\d[a-z]?\b|\bn\.\s?d\.")
_NAME_HEAD = re.compile(
    r"^(?:(?:van|von|de|der|den|la|le|du|da|di|dos)\s+)*[A-Z\u00C0-\u024F\u0400-\u042F][\w'’\-]+"
    r"(?:,\s|\s+[A-Z\u00C0-\u00DE]{1,3}[,.\s]|\s+[A-Z\u00C0-\u00DE]\.)"
)
#: Lower-case words an author–year entry's names may hold before the year.
_FIRST_NAMES = re.compile(r"^[A-Z][a-z]+\.?(?:\s+[A-Z]\.)*\s+[A-Z][\w'’-]+[.,]")  # "Alan Genz.", "Don E. Edwards,"
_NAME_WORDS = frozenset({"and", "&", "et", "al", "eds", "ed", "van", "von", "de", "der", "den", "la", "le", "du", "da", "di", "dos"})
#: Share of a list's lines that must be set in from the margin for it to count as hanging.
_HANGING_SHARE = 0.2
#: An indent (PDF points): at least this far in from the margin, at most this far.
_INDENT_MIN = 3.0
_INDENT_MAX = 40.0

#: Headings of a reference list, in the languages papers reach us in.
TITLE_WORDS = re.compile(
    r"^(?:\d+\.?\s+)?("
    r"references?(?:\s+(?:cited|and\s+notes))?|bibliography|select\s+bibliography|works\s+cited|literature(?:\s+cited)?|sources|"
    r"refer[eê]ncias(?:\s+bibliogr[aá]ficas)?|bibliograf[ií]a|références(?:\s+bibliographiques)?|bibliographie|"
    r"literatur(?:verzeichnis)?|quellen(?:verzeichnis)?|riferimenti(?:\s+bibliografici)?|"
    r"литература|список\s+(?:использованной\s+)?литературы|библиография|источники(?:\s+и\s+литература)?"
    r")\s*:?$",
    re.IGNORECASE,
)

EntryStart = Callable[[int], "bool | None"]


@dataclass(frozen=True)
class ListEvidence:
    """What the parser knows about a reference list beyond its units' text.

    ``entry_start``: the structure model's decision for a source line (``True`` starts an entry,
    ``False`` continues one, ``None`` not sure); ``lines``: the repaired text's lines, whose
    ``sources`` cut a rebuilt line back at its printed lines; ``layout``: a PDF's layout of a
    source line (for hanging indents); ``blocks``: see below.
    """

    entry_start: EntryStart | None = None
    lines: Sequence[LayoutLine] = ()
    layout: Callable[[int], LineEvidence | None] | None = None
    #: Whether the units are the source's own blocks (blank-line-separated text, Markdown), one
    #: entry each as a rule; ``False`` when layout repair rebuilt them from printed lines (a guess).
    blocks: bool = True
    #: The zone the structure model puts a source line in ("references", "header", "body" …):
    #: a block printed after the list in another zone is not part of it (see :func:`back_matter`).
    zone: Callable[[int], str | None] | None = None


def list_evidence(layout: LayoutResult | None, hints: StructureHints | None) -> ListEvidence:
    """What a parse knows of its reference lists: its repaired lines, the PDF's layout, and the
    model's entry starts — except in blank-line-separated text (``blocks``), where the model calls
    every line an entry start, so the rules decide there."""
    blocks = layout is None or layout.shape == "blocks"
    return ListEvidence(hints.entry_start if hints is not None and not blocks else None, layout.lines if layout else (),
                        hints.layout if hints is not None and hints.evidence else None, blocks, hints.zone if hints is not None else None)


@dataclass(frozen=True)
class _Line:
    number: int  # source line
    text: str
    glued: bool = False  # the rest of the line before it, cut from one rebuilt line: joined as is
    block: bool = False  # the first line of a unit (a block the source or layout repair set apart)


def is_reference_heading(title: str) -> bool:
    return bool(TITLE_WORDS.match(title.strip()))


def _starts_entry(line: str) -> bool:
    """Does ``line`` look like the start of a reference rather than its tail?"""
    if _NUMBERED.match(line) or _NUMBER_PLAIN.match(line):
        return True
    return bool(_YEAR.search(line[:120])) and bool(re.match(r"^[\"“A-Z\u00C0-\u024F\u0400-\u04FF]", line))


def _list_number(line: str) -> int | None:
    match = _ANY_NUMBER.match(line)
    return int(match.group("bracket") or match.group("plain")) if match else None


def _pieces(unit: Unit, by_number: dict[int, int], lines: Sequence[LayoutLine]) -> list[_Line]:
    """The unit's text as printed lines: a rebuilt line cut back at its source lines."""
    if unit.list_item:
        return [_Line(unit.line, unit.text, block=True)]
    out: list[_Line] = []
    start = by_number.get(unit.line)
    for offset, text in enumerate(unit.lines):
        layout = lines[start + offset] if start is not None and start + offset < len(lines) else None
        if layout is None or layout.text != text or len(layout.sources) < 2:
            # no map back to the source (or footnote markers were put into the text): one piece
            number = layout.number if layout is not None and layout.text == text else unit.line + offset
            out.append(_Line(number, text, block=offset == 0))
            continue
        cuts = [column for column, _ in layout.sources] + [len(text)]
        for index, (column, number) in enumerate(layout.sources):
            out.append(_Line(number, text[column:cuts[index + 1]], glued=index > 0, block=offset == 0 and index == 0))
    return out


def _indents(lines: list[_Line], layout: Callable[[int], LineEvidence | None] | None) -> dict[int, bool]:
    """For a list set with hanging indents, whether each line (by index) sits at its column's left
    margin (``True``: it starts an entry) or is set in from it (``False``: it continues one).

    A line's margin is the leftmost start of the list's lines on its page up to an indent's width
    to its left (so each column has its own). The list hangs when its lines at the margin look
    like entries' openings (a name and a year) more often than its indented lines do — a list
    with first-line indents reads the other way, and one without indents tells nothing."""
    if layout is None:
        return {}
    boxes = {index: got for index, line in enumerate(lines) if (got := layout(line.number)) is not None
             and got.x0 is not None and got.page is not None}
    # a margin is where several lines start (one stray line further left, a page's foot, is none)
    starts = [(got.page or 0, got.x0 or 0.0) for got in boxes.values()]
    shared = [(page, x) for page, x in starts if sum(p == page and abs(y - x) <= 1 for p, y in starts) >= 2]
    at_margin: dict[int, bool] = {}
    for index, got in boxes.items():
        assert got.x0 is not None
        margins = [x for page, x in shared if page == got.page and got.x0 - _INDENT_MAX <= x <= got.x0 + 1]
        if not margins:
            continue
        margin = min(margins)
        offset = got.x0 - margin
        if offset < _INDENT_MIN / 2:
            at_margin[index] = True
        elif _INDENT_MIN <= offset:
            at_margin[index] = False
    opening = [_starts_entry(lines[i].text) for i in range(len(lines))]
    margin_lines = [i for i, flag in at_margin.items() if flag]
    indented = [i for i, flag in at_margin.items() if not flag]
    if len(indented) < _HANGING_SHARE * len(at_margin) or len(margin_lines) < 2:
        return {}
    share = lambda group: sum(opening[i] for i in group) / len(group)  # noqa: E731
    return at_margin if share(margin_lines) > share(indented) else {}


def _opens_with_names(line: str) -> bool:
    """Does ``line`` open like an author–year entry: names (capitalised words, initials, "and",
    "et al.", "(eds.)"), then a year?"""
    year = _YEAR.search(line[:200])
    if year is None or year.start() == 0:
        return False
    words = re.findall(r"[^\s,;:.()&]+", line[: year.start()])
    return bool(words) and all(word[:1].isupper() or word.casefold() in _NAME_WORDS for word in words)


def _clearly_names(line: str) -> bool:
    """Do the words before the year read as names beyond doubt: an initial among them ("Zeileis A",
    "R Core Team", "Smith, J."), or the year in brackets? A wrapped journal line ("InterJournal,
    Complex Systems, 1695.") also opens with capitals and a number that reads as a year."""
    year = _YEAR.search(line[:200])
    if year is None:
        return False
    head = line[: year.start()]
    return year.group(0).startswith("(") or bool(re.search(r"(?:^|[\s,])[A-Z\u00C0-\u00DE](?:\.|[A-Z]{0,2}\b)", head))


def _by_grammar(line: _Line, previous: str, author_year: bool, model: bool | None) -> bool:
    """The entry grammar, with the structure model's decision (``model``) where the grammar
    leaves room. In an author–year list an entry opens with names and a year after a line that
    closed the previous entry (a wrapped list of names ends in a comma); the model may add a start
    on a line that opens with a name (an entry whose names fill its first line, the year on the
    next) — not on a capitalised line of a title (the model cannot tell those apart). Elsewhere
    the model decides where it is sure, then a line that opens in capitals after one that ended
    a sentence starts an entry."""
    text = line.text
    closed = ends_sentence(previous)
    if author_year:
        if _opens_with_names(text) and (closed or line.block) and (model is not False or _clearly_names(text)):
            return True
        if model is not None:
            return model and bool(_NAME_HEAD.match(text))
        if not line.block:
            return False
    elif model is not None:
        return model
    if _starts_entry(text):
        return True
    return closed and not text[:1].islower() and text[:1] not in "(,;"


def _decide(lines: list[_Line], evidence: ListEvidence) -> list[bool]:
    """Whether each line starts an entry."""
    numbers = [_list_number(line.text) for line in lines]
    numbered = sum(n is not None for n in numbers) >= max(2, 0.3 * len(lines))
    indents = _indents(lines, evidence.layout)
    # an author–year list: most lines that follow a closed line open with names and a year
    after_closed = [line.text for i, line in enumerate(lines) if i == 0 or ends_sentence(lines[i - 1].text)]
    openings = sum(map(_opens_with_names, after_closed))
    author_year = not numbered and openings >= max(2, 0.5 * len(after_closed))
    starts: list[bool] = []
    expected: int | None = None
    for index, line in enumerate(lines):
        number = numbers[index]
        if index == 0:
            decision: bool | None = True
        elif numbered:
            # Numbering is exact (a rule the model does not beat): the list's next number starts
            # an entry and a wrapped line never opens with it. A line without a number starts one
            # only as a block of its own that reads as an entry (a number the source lost).
            if number is not None:
                decision = expected is None or 0 <= number - expected <= 1
            else:
                decision = line.block and not line.glued and _by_grammar(line, lines[index - 1].text, False, None)
        else:
            # a list set with hanging indents shows its entries exactly; else grammar and model
            decision = indents.get(index)
            if decision is None:
                model = evidence.entry_start(line.number) if evidence.entry_start is not None else None
                decision = _by_grammar(line, lines[index - 1].text, author_year, model) and not _completes(lines, starts, index)
        if decision and number is not None:
            expected = number + 1
        starts.append(bool(decision))
    return starts


def _completes(lines: list[_Line], starts: list[bool], index: int) -> bool:
    """Line ``index`` completes the open entry: each entry before had its year, the open one has none yet, this line has one and opens with no name."""
    begun = [i for i, start in enumerate(starts) if start]
    if len(begun) < 2 or _YEAR.search(lines[index].text) is None or _NAME_HEAD.match(lines[index].text) or _FIRST_NAMES.match(lines[index].text):
        return False
    entries = [" ".join(line.text for line in lines[a:b]) for a, b in zip(begun, [*begun[1:], index])]
    return all(_YEAR.search(entry) for entry in entries[:-1]) and _YEAR.search(entries[-1]) is None


#: A label opening a block printed after a reference list: "Affiliation:", "Author's address:",
#: "Correspondence:" (one to four words and a colon).
_BACK_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:$")


def _printed_lines(units: list[Unit], evidence: ListEvidence) -> list[_Line]:
    by_number = {line.number: index for index, line in reversed(list(enumerate(evidence.lines))) if line.text}
    return [piece for unit in units for piece in _pieces(unit, by_number, evidence.lines)]


def back_matter(units: list[Unit], evidence: ListEvidence) -> list[Unit]:
    """A block printed after a reference list that layout repair ran into its last entry: its
    printed lines, one unit each; ``[]`` when there is none.

    Two shapes, both read from the structure model's zones: an address block under a label (JSS and
    many journals end a paper with "Affiliation:"), where the model puts the label and at least
    four in five lines after it in the header zone (the label alone could be a wrapped entry's
    end); and a run of at least :data:`MIN_TAIL` lines after the model's last reference line, none
    of them in the references zone and none numbered or opening with names and a year as an entry
    does (a figure's labels and the supporting-information captions printed after the list)."""
    zone = evidence.zone
    if zone is None:
        return []
    lines = _printed_lines(units, evidence)
    for index, line in enumerate(lines[1:], start=1):
        rest = lines[index + 1 :]
        if _BACK_LABEL.match(line.text.strip()) and zone(line.number) == "header" and rest:
            if sum(1 for piece in rest if zone(piece.number) == "header") >= 0.8 * len(rest):
                return [Unit(p.text, p.number, p.number, False, (p.text,), False) for p in lines[index:]]
    last = max((i for i, line in enumerate(lines) if zone(line.number) == "references"), default=-1)
    tail = lines[last + 1 :]
    if last >= 0 and len(tail) >= MIN_TAIL and not any(_opens_with_names(p.text) or _ENTRY_NUMBER.match(p.text) for p in tail):
        return [Unit(p.text, p.number, p.number, False, (p.text,), False) for p in tail]
    return []


#: Lines out of the references zone after a list, at the least, before they are cut off as a block.
MIN_TAIL = 3
#: A numbered entry's opening ("[15]", "[15].", "15.", "15)") followed by a capitalised word.
_ENTRY_NUMBER = re.compile(r"^\s*(?:\[\d{1,3}\][.:]?|\d{1,3}[.)])\s+[^\W\d_]")


def split_references(
    units: list[Unit], path: str, evidence: ListEvidence | EntryStart | None = None, until: int | None = None
) -> tuple[list[Reference], list[Diagnostic]]:
    """Entries of a reference list, one per work, in the order printed.

    ``evidence`` (see :class:`ListEvidence`; a bare callable is the model's ``entry_start``)
    is what the parser knows beyond the text; without it the numbering and grammar decide.
    ``until``: the source line where the list ends (a block after it, see :func:`back_matter`).
    """
    if not isinstance(evidence, ListEvidence):
        evidence = ListEvidence(entry_start=evidence)
    lines = [line for line in _printed_lines(units, evidence) if until is None or line.number < until]
    if not evidence.blocks:
        lines = [replace(line, block=False) for line in lines]
    entries: list[tuple[int, int, str]] = []  # first line, last line, text
    for line, starts in zip(lines, _decide(lines, evidence)):
        if entries and not starts:
            first, _, text = entries[-1]
            entries[-1] = (first, line.number, text + line.text if line.glued else join_parts(text, line.text))
        else:
            entries.append((line.number, line.number, line.text))
    return _references(entries, path)


def _references(entries: list[tuple[int, int, str]], path: str) -> tuple[list[Reference], list[Diagnostic]]:
    numbered = sum(1 for _, _, text in entries if _NUMBERED.match(text)) >= max(1, len(entries) / 2)
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    for first, last, raw in entries:
        text = raw.strip()
        match = _NUMBERED.match(text)
        number = match.group("number") if match else ""
        inferred = False
        if numbered and not number:
            previous = int(references[-1].number) if references and references[-1].number.isdigit() else 0
            number = str(previous + 1)
            inferred = True
            diagnostics.append(
                Diagnostic(
                    "info",
                    "reference-number-inferred",
                    f"reference has no number in a numbered list; taken as [{number}] from its position",
                    SourceSpan(path, first),
                )
            )
        if not _YEAR.search(text):
            diagnostics.append(
                Diagnostic("warning", "reference-no-year", "reference has no year; kept as printed", SourceSpan(path, first))
            )
        references.append(
            Reference(raw=unescape(text), span=SourceSpan(path, first, last), number=number, number_inferred=inferred)
        )
    return references, diagnostics


def cut_at_entries(lines: Sequence[LayoutLine], starts: set[int]) -> str:
    """The repaired text with each rebuilt line that holds several entries cut into one block per
    entry, as :func:`split_references` cut it (``starts``: the source lines where an entry, or a
    block after the list, starts) — for the nothing-lost check, which wants each block of the text
    as one run of words on the page."""
    out: list[str] = []
    for line in lines:
        cuts = [column for column, number in line.sources[1:] if number in starts]
        if not cuts:
            out.append(line.text)
            continue
        bounds = [0, *cuts, len(line.text)]
        out.append("\n\n".join(line.text[a:b].strip() for a, b in zip(bounds, bounds[1:])))
    return "\n".join(out)


def with_own_entry(front: FrontMatter, references: Sequence[Reference]) -> FrontMatter:
    """``front`` with its year, venue, volume and issue, where it has none, taken from the list's
    entry for the paper itself: a preprint or a vignette cites its published version under its
    own title ("a modified version of Zeileis (2004)"). Of several (a preprint and the article),
    the latest. What the front matter (or the editor's metadata) has already wins."""
    found = [r.raw for r in references if mentions_title(r.raw, front.title)]
    if not found or (front.year and front.venue):
        return front

    def year(raw: str) -> str:
        match = _YEAR.search(raw)
        return match.group(0).strip("() ") if match else ""

    # web addresses and DOIs left out (their digits read as years); straight quotes set the title apart
    latest = re.sub(r"(?:\bdoi:\s*|\bURL\s+|https?://)\S*", " ", max(found, key=year))
    cited = read_citation_line(" ".join(latest.replace("“", '"').replace("”", '"').split()), front.title)
    if not front.year and cited.year:
        front = replace(front, year=cited.year, venue=front.venue or cited.venue, volume=front.volume or cited.volume,
                        issue=front.issue or cited.issue, pages=front.pages or cited.pages)
    return front
