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
from dataclasses import dataclass

from ..structure import LineLabel, label_lines
from ..structure.authors import split_authors
from ..structure.types import LABEL_BLANK, ZONE_ANNEX, ZONE_BODY, ZONE_HEADER, ZONE_REFERENCES

#: Body labels whose lines are never headings.
_NOT_HEADINGS = frozenset({"table", "figure", "formula"})
#: How sure the model must be before it overrules a heading rule.
VETO_CONFIDENCE = 0.3
#: How sure the model must be of a reference entry's start or continuation to overrule the rules.
ENTRY_CONFIDENCE = 0.8


@dataclass(frozen=True)
class StructureHints:
    """The models' labels for one source text, and what the parser asks of them."""

    labels: tuple[LineLabel, ...]  # one per source line; line n is labels[n - 1]
    lines: tuple[str, ...]

    def label(self, line: int) -> LineLabel | None:
        return self.labels[line - 1] if 1 <= line <= len(self.labels) else None

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

    def author_lines(self) -> list[int]:
        return self._first_field("author")

    def authors(self) -> list[str]:
        return split_authors(" ".join(self.lines[n - 1].strip() for n in self.author_lines()))

    def vetoes_heading(self, first_line: int, end_line: int) -> bool:
        """True when the model is sure the unit on these source lines is not a heading."""
        labels = [self.label(n) for n in range(first_line, end_line + 1)]
        seen = [label for label in labels if label is not None and label.label != LABEL_BLANK]
        if not seen:
            return False
        first = seen[0]
        if first.p < VETO_CONFIDENCE:
            return False
        # Only the body labels veto: a reference-list heading inside the references zone, or a
        # heading the zone model takes for furniture, is too often a real heading.
        return first.zone in (ZONE_BODY, ZONE_ANNEX) and first.label in _NOT_HEADINGS

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


def structure_hints(text: str) -> StructureHints | None:
    """The models' labels for ``text``, or ``None`` for a text too short for them."""
    lines: Sequence[str] = text.split("\n")
    if sum(1 for line in lines if line.strip()) < MIN_LINES:
        return None
    return StructureHints(tuple(label_lines(lines)), tuple(lines))
