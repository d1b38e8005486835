"""Paragraphs rebuilt from a body's printed lines (the ``lines`` shape of :mod:`papersite.parse.layout`,
whose docstring gives the rules), and the joining of two printed lines with hyphen decisions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .heading_wrap import finishes_heading, starts_wrapped_heading
from .foot_notes import FoundMark, body_width
from .line_join import _join
from .headings import detect_heading, mostly_upper
from .numbered_run import numbered_run
from .layout_types import FootnoteMark, HyphenJoin, LayoutLine, is_code
from .line_hyphens import HyphenJudge
from .references import is_reference_heading
from .running_heads import SourceLine
from .units import Unit

#: A line shorter than this share of the full width ends its paragraph when it ends a sentence.
SHORT_LINE = 0.85
#: Headings are shorter than this share of the full width.
HEADING_WIDTH = 0.75
#: Two pieces of one printed line (split at a raised footnote number) fit in this share of the width.
SPLIT_LINE = 1.1
#: A line this much longer than the full width is a paragraph on its own line (mixed shape).
OVERLONG = 2.2

_TERMINAL = re.compile(r"[.!?:;]['\"”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_ITEM = re.compile(r"^(?:[-•▪◦–*]\s+|\(?[a-zA-Z]\)\s+|\(?\d{1,3}[.)]\s+|\(?[ivxIVX]{1,4}[.)]\s+)(?=\S)")
_REF_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]\s)")
_UPPER = r"A-Z\u00C0-\u00DE\u0100-\u024F\u0400-\u042F"
_REF_AUTHOR = re.compile(
    rf"^[{_UPPER}][\w'’\-]+(?:\s[{_UPPER}][\w'’\-]+){{0,3}},\s(?:[{_UPPER}]\.|[{_UPPER}][a-z]|and\s|&)"
    rf"|^[{_UPPER}][\w'’\-]+\s[{_UPPER}]{{1,3}}(?:[,.]\s|\s\((?:1[5-9]|20)\d\d)"
    r"|^[—–-]{2,}"
)


_HYPHENS = "-\u2010\u00ad"


def _hyphen_end(text: str) -> bool:
    """Does ``text`` end with a word and a hyphen?"""
    return text[-1:] in _HYPHENS and text[-2:-1].isalnum()


_ENUMERATED = re.compile(r"^\(?(\d{1,3}|[a-z])[.)]\s")


def _next_item(opening: str, text: str) -> bool:
    """Does ``text`` start the item after the one ``opening`` starts ("2." then "3.", "(a)" then "(b)")?"""
    first, second = _ENUMERATED.match(opening), _ENUMERATED.match(text)
    if not first or not second:
        return False
    if opening.startswith("(") != text.startswith("(") or opening[first.end(1)] != text[second.end(1)]:
        return False
    a, b = first.group(1), second.group(1)
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return a.isalpha() and b.isalpha() and ord(b) == ord(a) + 1


def _prose(text: str) -> bool:
    """A line of running text: a few words, not code."""
    return text.count(" ") >= 3 and not is_code(text)


@dataclass
class _Paragraph:
    ids: list[int] = field(default_factory=list)
    kind: str = "text"  # "text", "heading", "reference", "verbatim"


class _Builder:
    """Rebuilds paragraphs from the body's printed lines."""

    def __init__(
        self, source: list[SourceLine], flow: list[int], marks: list[FoundMark], judge: HyphenJudge,
        heading_goes_on: Callable[[int], bool] | None = None,
    ) -> None:
        self.source = source
        #: Whether the structure model calls a source line a heading's continuation.
        self.heading_goes_on = heading_goes_on
        #: Flow positions that are the second line of a heading printed over two lines.
        self.tails: set[int] = set()
        self.flow = flow
        self.judge = judge
        self.marks_by_line: dict[int, list[FoundMark]] = {}
        for mark in marks:
            self.marks_by_line.setdefault(mark.index, []).append(mark)
        # Body text with footnote markers taken out, and where they were.
        self.text: dict[int, str] = {}
        self.mark_columns: dict[int, list[tuple[int, FoundMark]]] = {}
        for index in flow:
            self.text[index] = self._without_marks(index)
        self.width = body_width([len(self.text[i]) for i in flow]) or 1.0
        # Does the extraction break a printed line after a raised footnote number
        # (pdftotext -raw does)? Only if no marker has text after it on its line.
        self.splits_at_marks = bool(self.mark_columns) and all(
            column >= len(self.text[index].rstrip())
            for index, columns in self.mark_columns.items()
            for column, _ in columns
        )
        self.margin = self._margins()
        self.code = {
            t for t, index in enumerate(flow)
            if is_code(self.text[index]) and not (t and self._word_goes_on(flow[t - 1], index))
        }
        self.numbered = numbered_run([self.text[i] for i in flow], self._numbered_shape)
        self.headings = self._find_headings()
        self.code -= self._reference_positions()
        self.segment_width = self._segment_widths()

    # --- preparation -------------------------------------------------------------------

    def _without_marks(self, index: int) -> str:
        text = self.source[index].text
        marks = sorted(self.marks_by_line.get(index, ()), key=lambda m: m.start)
        if not marks:
            return text
        pieces: list[str] = []
        cursor = 0
        columns: list[tuple[int, FoundMark]] = []
        length = 0
        for mark in marks:
            pieces.append(text[cursor: mark.start])
            length += mark.start - cursor
            columns.append((length, mark))
            cursor = mark.end
        pieces.append(text[cursor:])
        self.mark_columns[index] = columns
        return "".join(pieces)

    def _margins(self) -> dict[int, int]:
        """Each page's left margin: the commonest indent of full lines."""
        counts: dict[int, dict[int, int]] = {}
        for index in self.flow:
            line = self.source[index]
            if len(self.text[index]) >= 0.7 * self.width:
                page = counts.setdefault(line.page, {})
                page[line.indent] = page.get(line.indent, 0) + 1
        return {page: max(c.items(), key=lambda kv: (kv[1], -kv[0]))[0] for page, c in counts.items()}

    def _indented(self, index: int) -> bool:
        line = self.source[index]
        margin = self.margin.get(line.page)
        return margin is not None and margin + 2 <= line.indent <= margin + 12

    def _find_headings(self) -> dict[int, str]:
        """Flow positions that are headings, with their titles (a wrapped heading's second line
        goes to :attr:`tails`)."""
        found: dict[int, str] = {}
        in_references = False
        for t, index in enumerate(self.flow):
            if t - 1 in self.tails:
                continue
            title = self._heading_at(t, in_references)
            after = [self.text[i] for i in self.flow[t + 1: t + 3]] + ["", ""]
            wrapped_start = (
                title is None and not in_references and t not in self.code and (not t or self._stands_apart(self.flow[t - 1], index))
                and starts_wrapped_heading(self.text[index], after[0], after[1], self.width)
            )
            if title is None and not wrapped_start:
                continue
            if t + 1 < len(self.flow) and t + 1 not in self.code and not self._blank_between(index, self.flow[t + 1]) and (
                wrapped_start or finishes_heading(self.text[index], after[0], after[1], self.width, self._model_goes_on(t + 1))
            ):
                self.tails.add(t + 1)
                title = f"{title or self.text[index]} {after[0]}"
            if title is None:
                continue
            found[t] = title
            in_references = is_reference_heading(title)
        return found

    def _model_goes_on(self, t: int) -> bool:
        return self.heading_goes_on is not None and self.heading_goes_on(self.source[self.flow[t]].number)

    def _heading_at(self, t: int, in_references: bool) -> str | None:
        """The title of the heading printed on the line at flow position ``t``, if it is one."""
        index = self.flow[t]
        text = self.text[index]
        if len(text) > HEADING_WIDTH * self.width and len(text) > 40 or t in self.code:
            return None
        if _hyphen_end(text) or text.endswith((",", ";")):
            return None
        before = self.flow[t - 1] if t else None
        after = self.flow[t + 1] if t + 1 < len(self.flow) else None
        if before is not None and not self._stands_apart(before, index) and t not in self.numbered:
            return None
        if before is not None and before in self.mark_columns and self._split_at_mark(before, index):
            return None
        following = Unit(self.text[after], 0, 0, lines=(self.text[after],)) if after is not None else None
        match = detect_heading(Unit(text, 0, 0, lines=(text,)), following)
        if match is None or (in_references and not (match.number or mostly_upper(text))):
            return None
        return match.title

    def _numbered_shape(self, t: int) -> bool:
        """Is the line at flow position ``t`` a numbered heading by its shape alone?"""
        text = self.text[self.flow[t]]
        match = None if t in self.code else detect_heading(Unit(text, 0, 0, lines=(text,)), None)
        return match is not None and bool(match.number)

    def _word_goes_on(self, before: int, index: int) -> bool:
        """Does the line at ``index`` finish a word hyphenated at the end of ``before``?"""
        text = self.text[index]
        return _hyphen_end(self.text[before]) and text[:1].isalpha() and text[:1].islower()

    def _reference_positions(self) -> set[int]:
        """Flow positions inside a reference list (web addresses there are not code)."""
        inside: set[int] = set()
        current = False
        for t in range(len(self.flow)):
            if t in self.headings:
                current = is_reference_heading(self.headings[t])
            elif current:
                inside.add(t)
        return inside

    def _stands_apart(self, before: int, index: int) -> bool:
        """Could the line at ``index`` start a block after the line ``before``?"""
        previous = self.text[before]
        if self._hangs(previous):
            return False
        if self._blank_between(before, index):
            return True
        return bool(_TERMINAL.search(previous[-6:])) or len(previous) < SHORT_LINE * self.width

    def _hangs(self, text: str) -> bool:
        """Does ``text`` end on one of the paper's commonest short words (``of``, ``in``)?

        Such a line is cut mid-phrase: a title or heading wrapped over two lines.
        """
        last = text.rsplit(" ", 1)[-1]
        return last.isalpha() and last.islower() and last in self.judge.common_short

    def _segment_widths(self) -> list[float]:
        """Full width around each flow position: measured between headings."""
        widths = [self.width] * len(self.flow)
        start = 0
        for t in [*sorted(self.headings), len(self.flow)]:
            lengths = [len(self.text[self.flow[u]]) for u in range(start, t)]
            usable = [n for n in lengths if n >= 20]
            if len(usable) >= 4:
                local = body_width(usable)
                local = min(max(local, 0.6 * self.width), 1.15 * self.width)
                for u in range(start, t):
                    widths[u] = local
            start = t + 1
        return widths

    def _blank_between(self, before: int, index: int) -> bool:
        return any(not self.source[i].text for i in range(before + 1, index))

    def _split_at_mark(self, before: int, index: int) -> bool:
        """Two pieces of one printed line, cut after a raised footnote number?"""
        if not self.splits_at_marks or self.source[before].page != self.source[index].page:
            return False
        if self._blank_between(before, index):
            return False
        columns = self.mark_columns.get(before, [])
        if not columns or columns[-1][0] < len(self.text[before].rstrip()):
            return False
        # Both pieces fit on one printed line. (A paragraph's last line of a word or
        # two before a new paragraph fits too: it is taken as one line.)
        return len(self.text[before]) + len(self.text[index]) <= SPLIT_LINE * self.width

    # --- boundaries --------------------------------------------------------------------

    def _breaks(self, t: int, in_references: bool, opening: str = "") -> bool:
        """Does a new block start at flow position ``t``? ``opening`` starts the current block."""
        before, index = self.flow[t - 1], self.flow[t]
        previous, text = self.text[before], self.text[index]
        if _next_item(opening, text):
            return True
        if self._word_goes_on(before, index):
            return False
        if t in self.headings or t - 1 in self.headings or t in self.code or t - 1 in self.code or t - 1 in self.tails:
            return True
        width = self.segment_width[t - 1]
        # A line longer than a full line holds two printed lines (pdftotext glues a word
        # hyphenated at a line end): its last printed line is what is left over.
        length = len(previous) - width if len(previous) > SPLIT_LINE * width else len(previous)
        short = length < SHORT_LINE * width
        if len(previous) > OVERLONG * self.width or len(text) > OVERLONG * self.width:
            return not (text[:1].islower() and not _SENTENCE_END.search(previous[-6:]))
        if in_references:
            return self._starts_reference(before, index, short)
        if _ITEM.match(text) and (_TERMINAL.search(previous[-6:]) or short):
            return True
        lower = text[:1].islower()
        if self._indented(index) and not self._indented(before) and not lower:
            return True  # a first-line indent
        if self._split_at_mark(before, index):
            return False
        ends = bool(_SENTENCE_END.search(previous[-6:])) or previous.endswith(":")
        if self.source[before].page != self.source[index].page:
            # A page break: the paragraph goes on unless the last line was short and ended it.
            return not lower and ends and short
        if self._hangs(previous):
            return False
        if self._blank_between(before, index):
            return not lower and (ends or short)
        return short and not lower

    def _starts_reference(self, before: int, index: int, short: bool) -> bool:
        previous, text = self.text[before], self.text[index]
        if _REF_NUMBER.match(text):
            return True
        if self._indented(index):
            return False  # hanging indent: a continuation
        closed = bool(_TERMINAL.search(previous[-6:])) or previous.endswith(")") or "/" in previous.split(" ")[-1]
        if _REF_AUTHOR.match(text) and (closed or short):
            return True
        if self.margin.get(self.source[index].page, 0) > 0 and any(self._indented(i) for i in self.flow):
            return not self._indented(index) and closed
        return short and closed and text[:1].isupper()

    # --- output ------------------------------------------------------------------------

    def build(self) -> tuple[tuple[LayoutLine, ...], tuple[FootnoteMark, ...], list[HyphenJoin]]:
        paragraphs: list[_Paragraph] = []
        in_references = False
        for t, index in enumerate(self.flow):
            if t in self.tails:
                paragraphs[-1].ids.append(index)
                continue
            if t in self.headings:
                paragraphs.append(_Paragraph([index], "heading"))
                in_references = is_reference_heading(self.headings[t])
                continue
            if t in self.code:
                if paragraphs and paragraphs[-1].kind == "verbatim":
                    paragraphs[-1].ids.append(index)
                else:
                    paragraphs.append(_Paragraph([index], "verbatim"))
            elif not paragraphs or self._breaks(t, in_references, self.text[paragraphs[-1].ids[0]]):
                paragraphs.append(_Paragraph([index], "reference" if in_references else "text"))
            else:
                paragraphs[-1].ids.append(index)
        lines: list[LayoutLine] = []
        marks: list[FootnoteMark] = []
        hyphens: list[HyphenJoin] = []
        for paragraph in paragraphs:
            if lines:
                lines.append(LayoutLine(lines[-1].end, ""))
            if paragraph.kind == "verbatim":
                # Program code keeps its lines: one block, a line each.
                for index in paragraph.ids:
                    lines.append(self._assemble(_Paragraph([index]), len(lines) + 1, marks, hyphens))
            else:
                lines.append(self._assemble(paragraph, len(lines) + 1, marks, hyphens))
        return tuple(lines), tuple(marks), hyphens

    def _assemble(
        self, paragraph: _Paragraph, output_line: int, marks: list[FootnoteMark], hyphens: list[HyphenJoin]
    ) -> LayoutLine:
        text = ""
        sources: list[tuple[int, int]] = []
        previous = 0
        for index in paragraph.ids:
            piece = self.text[index]
            if text:
                text, start = _join(text, piece, self.judge, self.source[previous].number, hyphens)
            else:
                text, start = piece, 0
            sources.append((start, self.source[index].number))
            for column, mark in self.mark_columns.get(index, ()):
                marks.append(
                    FootnoteMark(str(mark.number), output_line, start + column, self.source[index].number, mark.start)
                )
            previous = index
        return LayoutLine(self.source[paragraph.ids[0]].number, text, tuple(sources))
