"""What the trained structure models (:mod:`papersite.structure`) tell the text parser.

The parser's rules rebuild paragraphs, remove page furniture and collect footnotes; the models
then settle what the rules guess worst on text they were not tuned on:

- the **title**: the model's first title field (lines it labels ``header``/``title`` at the
  start of the document) is the title, unless the editor's metadata declares one (that wins,
  later, in the front matter);
- **authors**: the model's first author field, split into persons, when the rules find no
  author line near the title;
- **headings**: an unnumbered line the rules would make a heading is kept as text when the
  model calls it a table, figure or formula line — table cells, axis labels, console output and
  equations are short lines the rules mistake for headings;
- **reference entries**: in line-per-PDF-line text, where the model is sure a line starts or
  continues an entry, it decides; elsewhere the rules do.

Rules stay where they are clearly better and say so at the place they are kept (a numbered
heading, ``1.2. Title``, stays a heading whatever the model says: numbering is exact).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import re

from ..structure import LineLabel, label_lines
from ..structure.authors import split_authors
from .headings import HeadingMatch, heads_text_after_session, is_caption, looks_like_data
from .centred import centred_heading
from .console import is_command, is_value
from .units import Unit
from ..structure.types import LABEL_BLANK, ZONE_ANNEX, ZONE_BODY, ZONE_HEADER, ZONE_REFERENCES, LineEvidence

#: Body labels whose lines are never headings.
_NOT_HEADINGS = frozenset({"table", "figure", "formula"})
#: How sure the model must be before it overrules a heading rule.
VETO_CONFIDENCE = 0.3
#: A line set this much larger than the body (font size over body size) is set apart by size.
LARGER_THAN_BODY = 1.05
#: A line set smaller than this share of the body's size is a note, a caption or page furniture.
SMALLER_THAN_BODY = 0.9
#: Space above a line (in body line heights, beyond the normal distance) that sets it apart.
HEADING_GAP = 0.5
#: The most words a heading set apart by its type may have (the text rules allow fewer).
LAYOUT_HEADING_WORDS = 20
_NUMBERED = re.compile(r"^(?P<number>(?:[A-Z]|\d+)(?:\.\d+)*)\.?\s+(?P<title>[A-Z].*)$")
#: How sure the model must be of a heading line to keep a heading a text rule would drop (or to join a second line to it).
HEADING_CONFIDENCE = 0.5
#: How sure the model must be of a heading's first line to make a heading of a unit the rules pass over.
MODEL_HEADING_CONFIDENCE = 0.5
#: The most lines of a heading the model alone finds (a compound's name may wrap twice).
MODEL_HEADING_LINES = 3
#: A numbered heading whose title may open on anything ("3.3 | 2-(4-bromobenzoyl)…").
_MODEL_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?:\|\s+)?(?P<title>\S.*)$")
_SENTENCE_END = re.compile(r"[.;,]['\"”’)\]]*$")


def _unbracketed(text: str) -> str:
    """``text`` with its bracketed groups, innermost first, taken out: "2-(4-bromobenzoyl)quinazolin-4(3h)-one" -> "2-quinazolin-4-one"."""
    while True:
        shorter = re.sub(r"[(\[{][^()\[\]{}]*[)\]}]", "", text)
        if shorter == text:
            return text
        text = shorter


#: How sure the model must be of a reference entry's start or continuation to overrule the rules.
ENTRY_CONFIDENCE = 0.8


#: How sure the header model must be of a line's field for the parser's byline rule to yield to it.
SURE_FIELD = 0.9
#: How likely a line's field must be for a rebuilt front-matter line to be cut where the field changes.
SEAM_FIELD = 0.6


@dataclass(frozen=True)
class StructureHints:
    """The models' labels for one source text, and what the parser asks of them."""

    labels: tuple[LineLabel, ...]  # one per source line; line n is labels[n - 1]
    lines: tuple[str, ...]
    #: The PDF's layout of each source line (``None`` where unknown), or ``()`` for a text source.
    evidence: tuple[LineEvidence | None, ...] = ()
    #: Whether most body-size lines are bold (a typeface whose book weight reads as bold): then
    #: bold tells nothing apart.
    body_bold: bool = False

    def layout(self, line: int) -> LineEvidence | None:
        return self.evidence[line - 1] if 1 <= line <= len(self.evidence) else None

    def set_as_text(self, line: int, numbered: bool = False) -> bool:
        """True when the PDF printed source ``line`` as text: in the body's type (neither bold nor
        larger), or smaller than the body (no heading is).

        An unnumbered heading is set apart by its type in every layout the models know; a line
        in the body's own type and weight is a table row, an equation, console output or a
        plot's label, however short. Some styles set their lowest numbered level in the body's
        type, but always with space above: a ``numbered`` line is text only when it also follows
        the line above at the normal distance (an equation's number, a list item). Without
        evidence (a text source) nothing is known: ``False``."""
        got = self.layout(line)
        if got is None or got.font_size_ratio is None or got.bold is None or centred_heading(self.evidence, self.lines, line):
            return False
        if got.font_size_ratio < SMALLER_THAN_BODY:  # no heading is set smaller than the body (a page's foot line)
            return True
        if numbered and (got.gap_above is None or got.gap_above >= HEADING_GAP):
            return False
        return (self.body_bold or not got.bold) and got.font_size_ratio < LARGER_THAN_BODY

    def label(self, line: int) -> LineLabel | None:
        return self.labels[line - 1] if 1 <= line <= len(self.labels) else None

    def zone(self, line: int) -> str | None:
        """The zone the model puts source line ``line`` in (``None`` past the text's end)."""
        got = self.label(line)
        return got.zone if got is not None else None

    def _first_field(self, label: str) -> list[int]:
        """Source line numbers of the first header field ``label`` (its first line and its continuation)."""
        out: list[int] = []
        for number, got in enumerate(self.labels, start=1):
            if got.label == LABEL_BLANK:
                continue
            if got.zone == ZONE_HEADER and got.label == label and (not out or not got.start):
                out.append(number)
            elif out:
                break
        return out

    def title_lines(self) -> list[int]:
        return self._first_field("title")

    def title(self) -> str:
        return " ".join(self.lines[n - 1].strip() for n in self.title_lines())

    def sure_field(self, line: int, sure: float = SURE_FIELD) -> str | None:
        """The front-matter field (title, author, affiliation …) the header model gives source ``line``
        with p >= ``sure``; ``None`` when less sure or outside the front matter."""
        got = self.label(line)
        if got is None or got.zone != ZONE_HEADER or got.label == LABEL_BLANK or got.p < sure:
            return None
        return got.label

    def field_seam(self, line: int) -> str | None:
        """The field of front-matter ``line`` when the model gives it more likely than not (p >= 0.6):
        where a rebuilt line is cut between two fields (cutting loses no text, so a likelier label
        is enough; :meth:`sure_field` is for what overrules a rule)."""
        return self.sure_field(line, SEAM_FIELD)

    def author_lines(self) -> list[int]:
        return self._first_field("author")

    def authors(self) -> list[str]:
        return split_authors(" ".join(self.lines[n - 1].strip() for n in self.author_lines()))

    def set_as_heading(self, line: int) -> bool:
        """The PDF set source ``line`` as a heading: larger than the body (or bold in a roman
        body), with space above, short, no sentence's end, outside the title block, and the
        printed line after it back in the body's type."""
        got, label, text = self.layout(line), self.label(line), self.lines[line - 1].strip("\f ")
        if got is None or self.set_as_text(line) or (label is not None and label.zone == ZONE_HEADER):
            return False
        if label is not None and label.label == "item" and label.p >= 1.0:  # a contents list's entry (labelling._contents_entries)
            return False
        if not 1 <= len(text.split()) <= LAYOUT_HEADING_WORDS or text[-1:] in ".,;:" or not (self._space_above(line) or centred_heading(self.evidence, self.lines, line)):
            return False
        after = next((n for n in range(line + 1, len(self.lines) + 1) if self.layout(n) is not None), None)
        return after is not None and self.set_as_text(after)

    def _space_above(self, line: int) -> bool:
        """Space above ``line``, or the first line of its page or column (where the gap is 0)."""
        got = self.layout(line)
        before = next((self.layout(n) for n in range(line - 1, 0, -1) if self.layout(n) is not None), None)
        if got is None or (got.gap_above or 0) >= HEADING_GAP or before is None or before.page != got.page:
            return got is not None
        return (before.x1 or 0) < (got.x0 or 0) or (before.x0 or 0) > (got.x1 or 0) or (before.y1 or 0) > (got.y1 or 0)

    def split_layout_headings(self, units: list[Unit]) -> list[Unit]:
        """Units holding a line the PDF set as a heading (:meth:`set_as_heading`) that the text's
        layout ran on into the paragraph around it, the heading split off; nothing else changes.
        Without evidence (a text source), :func:`papersite.parse.heading_split.split_model_headings`
        splits off the headings the model is sure of instead (``parse/paper.py`` chooses)."""
        out: list[Unit] = []
        for unit in units:
            out.extend(self._split(unit))
        return out

    def _split(self, unit: Unit) -> list[Unit]:
        if unit.list_item:
            return [unit]
        for line in range(unit.line, unit.end_line + 1):
            head = self.lines[line - 1].strip("\f ") if 1 <= line <= len(self.lines) else ""
            at = unit.text.find(head) if head else -1
            if at < 0 or (at > 0 and unit.text[at - 1] != " ") or not self.set_as_heading(line):
                continue
            before, rest = unit.text[:at].strip(), unit.text[at + len(head) :].strip()
            if not before and not rest:
                return [unit]
            pieces = [replace(unit, text=before, end_line=line - 1, lines=(before,))] if before else []
            pieces.append(Unit(head, line, line, False, (head,), unit.after_blank and not before))
            if rest:
                after = next(n for n in range(line + 1, len(self.lines) + 1) if self.layout(n) is not None)
                pieces.extend(self._split(Unit(rest, after, max(after, unit.end_line), False, (rest,), False)))
            return pieces
        return [unit]

    def layout_heading(self, unit: Unit) -> HeadingMatch | None:
        """The heading the PDF's type makes of a one-line ``unit`` the text rules pass over (too
        long for a heading by its words alone, or a lettered appendix heading inside the reference
        list): set apart by size or weight, with space above, no sentence's end, out of the title
        block. ``None`` without evidence."""
        text = unit.text.strip()
        if unit.end_line != unit.line or not self.set_as_heading(unit.line) or is_caption(text):
            return None  # a caption set in bold is still its figure's or table's
        numbered = _NUMBERED.match(text)
        if numbered is None:
            return HeadingMatch(text.rstrip(":"), "", 2) if text[:1].isupper() else None
        number = numbered.group("number")
        return HeadingMatch(numbered.group("title"), number, 2 + number.count("."))

    def heading(self, unit: Unit, found: HeadingMatch | None) -> HeadingMatch | None:
        """The heading the rules ``found`` on ``unit``, or the PDF's (:meth:`layout_heading`) where
        the rules found none or missed its number ("A. R code" read as a plain title), or the
        model's (:meth:`model_heading`) where neither found one."""
        if found is not None and found.number:
            return found
        laid_out = self.layout_heading(unit)
        if laid_out is not None and (found is None or laid_out.number):
            return laid_out
        return found if found is not None or laid_out is not None else self.model_heading(unit)

    def model_heading(self, unit: Unit) -> HeadingMatch | None:
        """The heading the model is sure ``unit`` is, where the shape rules find none: every line of
        the unit a heading line of the body (the first one starting the block, at least
        :data:`MODEL_HEADING_CONFIDENCE` sure), at most :data:`MODEL_HEADING_LINES` lines, no
        caption and no sentence's end.

        The rules pass over headings named by a compound ("3.3 | 2-(4-bromobenzoyl)quinazolin-4(3h)-one
        (KJ1)", "1-[1-(3-Methylphenyl)-5-phenyl…]ethanone": a title opening on a digit, brackets
        that look like a formula's) and headings longer than their word limit; the model, which
        reads the neighbouring lines as well, finds them. Measured on the training documents
        (benchmarks/parser_heading_causes.py --training) and kept because it adds more right
        headings than wrong ones there and on the held-out documents (figures in
        benchmarks/results/parser_headings.txt)."""
        lines = [n for n in range(unit.line, unit.end_line + 1) if self.lines[n - 1].strip()] if unit.line >= 1 else []
        first = self.label(unit.line)
        if not lines or len(lines) > MODEL_HEADING_LINES or first is None or not first.start or first.p < MODEL_HEADING_CONFIDENCE:
            return None
        text = unit.text.strip()
        if not all(self.calls_heading(n) for n in lines) or is_caption(text) or _SENTENCE_END.search(text):
            return None
        # The model has no code: it calls a lone command, a comment or a printed value a heading. The
        # rules' tests of data and code hold, on the name with its bracketed groups taken out (a
        # compound's locants, "4(3h)", look like a call); a label over items ("Sub questions:") stays text,
        # and so does a note wholly in brackets ("(PDF)").
        bare = _unbracketed(text)
        if text.endswith(":") or is_command(text) or is_value(text) or looks_like_data(bare) or not bare.strip():
            return None
        numbered = _MODEL_NUMBERED.match(text)
        if numbered is None:
            return HeadingMatch(text.rstrip(":"), "", 2)
        number = numbered.group("number")
        return HeadingMatch(numbered.group("title"), number, 2 + number.count("."))

    def rejects_heading(self, first_line: int, end_line: int, numbered: bool) -> bool:
        """True when a heading the rules found on these source lines is not one: the PDF printed
        it in the body's type (:meth:`set_as_text`), or it is unnumbered and the model vetoes it.
        A numbered heading ("2.1 Data") is exact otherwise and stays whatever the model says."""
        return self.set_as_text(first_line, numbered) or (
            not numbered and (self.vetoes_heading(first_line, end_line) or self._late_header(first_line) or self._in_title_block(first_line))
        )

    def _in_title_block(self, line: int) -> bool:
        """A line of page 1 in roman type above its first body-size line: under the title, the
        byline's affiliation or a date, however large, is front matter, not a heading."""
        got = self.layout(line)
        if got is None or got.page != 1 or got.bold is not False:
            return False
        for earlier in self.evidence[: line - 1]:
            if earlier is not None and earlier.page == 1 and abs((earlier.font_size_ratio or 0) - 1) < 0.05:
                return False
        return abs((got.font_size_ratio or 0) - 1) >= 0.05

    def _late_header(self, line: int) -> bool:
        """With the PDF's evidence, a line past page 1 the model puts in the header zone (an
        address block at the end: "Affiliation:"), which the rules may take for a heading."""
        got, label = self.layout(line), self.label(line)
        return got is not None and (got.page or 1) > 1 and label is not None and label.zone == ZONE_HEADER

    def vetoes_heading(self, first_line: int, end_line: int) -> bool:
        """True when the model is sure the unit on these source lines is not a heading."""
        labels = [self.label(n) for n in range(first_line, end_line + 1)]
        seen = [label for label in labels if label is not None and label.label != LABEL_BLANK]
        if not seen:
            return False
        first = seen[0]
        if first.p < VETO_CONFIDENCE:
            # unsure line by line, but inside one table, figure or formula block the model
            # labels as such (it continues the block above and the block goes on below)
            after = next((self.labels[n] for n in range(end_line, len(self.labels)) if self.labels[n].label != LABEL_BLANK), None)
            return (first.zone in (ZONE_BODY, ZONE_ANNEX) and first.label in _NOT_HEADINGS and not first.start
                    and after is not None and after.label == first.label and not after.start)
        # Only the body labels veto: a reference-list heading inside the references zone, or a
        # heading the zone model takes for furniture, is too often a real heading.
        vetoed = first.zone in (ZONE_BODY, ZONE_ANNEX) and first.label in _NOT_HEADINGS
        # after a console session the model's table label runs on over the heading (see parse.headings)
        return vetoed and not heads_text_after_session(self.lines, first_line, end_line)

    def calls_heading(self, line: int) -> bool:
        """The model labels source ``line`` a heading of the body or an annex, more likely than not."""
        got = self.label(line)
        return got is not None and got.zone in (ZONE_BODY, ZONE_ANNEX) and got.label == "heading" and got.p >= HEADING_CONFIDENCE

    def heading_goes_on(self, line: int) -> bool:
        """True when the model calls source ``line`` the second line of a heading: a heading line
        of the body or an annex that starts no block, after a heading line."""
        got = self.label(line)
        if not self.calls_heading(line) or got is None or got.start:
            return False
        before = next((self.label(n) for n in range(line - 1, 0, -1) if (self.label(n) or got).label != LABEL_BLANK), None)
        return before is not None and before.label == "heading"

    def entry_start(self, line: int) -> bool | None:
        """Whether the model is sure source ``line`` starts a reference entry (``True``), continues
        one (``False``), or not sure (``None``)."""
        got = self.label(line)
        if got is None or got.zone != ZONE_REFERENCES or got.label != "entry" or got.p < ENTRY_CONFIDENCE:
            return None
        return got.entry_start


#: Fewer non-blank lines than this and the models are not asked: their features (position in
#: the document, repetition, the sections seen so far) describe a whole paper, and the shortest
#: documents they were trained on are longer; on a fragment of a few lines they guess.
MIN_LINES = 40


def structure_hints(text: str, evidence: Sequence[LineEvidence | None] | None = None) -> StructureHints | None:
    """The models' labels for ``text``, or ``None`` for a text too short for them.

    ``evidence`` (a PDF source's layout, one entry per line of ``text``) goes to the models
    and is kept for the parser's own questions (:meth:`StructureHints.set_as_text`)."""
    lines: Sequence[str] = text.split("\n")
    if sum(1 for line in lines if line.strip()) < MIN_LINES:
        return None
    known = list(evidence or ())[: len(lines)]
    known += [None] * (len(lines) - len(known)) if known else []
    body = [e.bold for e in known if e is not None and e.font_size_ratio is not None and abs(e.font_size_ratio - 1) < 0.05]
    body_bold = bool(body) and sum(1 for bold in body if bold) > len(body) / 2
    return StructureHints(tuple(label_lines(lines, known or None)), tuple(lines), tuple(known), body_bold)
