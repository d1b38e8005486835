"""Layout repair: turn text extracted from a PDF into blank-line separated blocks.

Runs before :func:`~papersite.parse.units.split_units`. Two shapes come in:

``blocks``
    Paragraphs already one to a line (or a block), separated by blank lines, as
    in the hand-prepared sources. Returned line for line, minus running heads,
    feet and page numbers when the text clearly repeats them.
``lines``
    One line per printed line, as pdftotext writes it, with or without form
    feeds between pages and with or without blank lines between blocks. Page
    furniture and footnotes are taken out, then paragraphs are rebuilt: each
    paragraph, heading, list item or reference entry becomes one output line,
    and a blank line separates them.

``mixed`` is ``lines`` with some paragraphs already on one line each.

The text is ``lines`` when printed lines run on into the next one (a line of
prose without final punctuation, or ending in a hyphen, followed by one that
starts in lower case) for 3 lines and 8 % of the lines at least. Paragraphs are
rebuilt from what a reader sees on the page (W is the full width, the upper
quartile of line lengths, measured between headings):

* a word hyphenated at a line end goes on in the next line (line_hyphens.py);
* a heading stands apart: shorter than 0.75 W, after a line that ends a sentence
  or is short, and :func:`~papersite.parse.headings.detect_heading` takes it;
* a list item or numbered paragraph ("1.", "(b)", "•") starts a block after a
  line that ends a sentence, a clause (":" ";") or is short; so does the item
  that follows the current one in number, whatever ends the line before;
* a first-line indent starts a block (pdftotext -layout); in a reference list
  the indent is a hanging one and continues the entry;
* a line shorter than 0.85 W that ends a sentence ends its paragraph; a full line
  does not, even at a page's foot (a paragraph that ends on a full line is rarer
  than a sentence that does); a line longer than 1.1 W holds two printed lines
  and counts by its rest;
* a line ending on one of the paper's commonest short words ("of", "in") goes on;
* a raised footnote number ends a printed line in pdftotext -raw output: the two
  pieces are one line when they fit in 1.1 W (only when no marker in the text
  has words after it on its line, i.e. the extraction splits there);
* program code and console lines (a prompt, braces, 15 % symbols) stay lines of
  their own, one block for a run of them;
* a line over 2.2 W is a paragraph already (mixed shape);
* in a reference list each entry is a block: "[n]", "n.", "Surname, I." or a
  short line ending in a full stop before a capital starts one.

Nothing is lost: removed furniture comes back in ``removed`` and note text in
``footnotes``; each output line says which source lines it was made from.
Pure and deterministic; linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable

from .foot_notes import find_footnotes
from .layout_types import Footnote, FootnoteMark, HyphenJoin, LayoutLine, LayoutResult, is_code
from .line_hyphens import HyphenJudge
from .line_join import _footnote
from .paragraphs import HEADING_WIDTH, OVERLONG, SHORT_LINE, SPLIT_LINE, _TERMINAL, _Builder, _hyphen_end, _prose
from .running_heads import SourceLine, find_furniture, split_source

__all__ = [
    "HEADING_WIDTH", "OVERLONG", "SHORT_LINE", "SPLIT_LINE",
    "Footnote", "FootnoteMark", "HyphenJoin", "LayoutLine", "LayoutResult", "is_code", "repair_layout",
]


def repair_layout(
    text: str, *, language: str | None = None, use_word_list: bool = True,
    heading_goes_on: Callable[[int], bool] | None = None,
) -> LayoutResult:
    """Repair the layout of ``text`` (a whole source text); see the module docstring.

    ``language`` names the word list for hyphen decisions (``"en"``, ``"fr"`` ...);
    by default it is guessed from the text. ``use_word_list=False`` decides
    from the text alone. ``heading_goes_on`` tells whether the structure model calls a source
    line (by number) the second line of a heading (:mod:`papersite.parse.heading_wrap`).
    """
    source, has_feeds = split_source(text)
    furniture = find_furniture(source, has_feeds)
    removed_ids = set(furniture.reasons)
    removed = tuple(
        (LayoutLine(source[i].number, source[i].text), reason) for i, reason in sorted(furniture.reasons.items())
    )
    shape = _shape(source, removed_ids)
    if shape == "blocks":
        kept = tuple(LayoutLine(line.number, line.raw) for index, line in enumerate(source) if index not in removed_ids)
        return LayoutResult(kept, removed, (), (), shape, pages=furniture.pages, pages_inferred=furniture.inferred)

    notes, marks = find_footnotes(source, removed_ids, furniture.pages)
    judge = HyphenJudge((line.text for line in source), language, use_word_list)
    note_ids = {i for note in notes for i in note.indices}
    flow = [i for i, line in enumerate(source) if line.text and i not in removed_ids and i not in note_ids]
    builder = _Builder(source, flow, marks, judge, heading_goes_on)
    lines, out_marks, hyphens = builder.build()
    wrapped = tuple(sorted(source[flow[t - 1]].number for t in builder.tails))
    footnotes = tuple(_footnote(note, source, judge, hyphens) for note in notes)
    return LayoutResult(
        lines=lines,
        removed=removed,
        footnotes=footnotes,
        marks=out_marks,
        shape=shape,
        hyphens=tuple(hyphens),
        pages=furniture.pages,
        pages_inferred=furniture.inferred,
        language=judge.language,
        wrapped_headings=wrapped,
    )


def _shape(source: list[SourceLine], removed: set[int]) -> str:
    """``lines`` when printed lines run on into the next line, ``blocks`` when they do not."""
    content = 0
    runs_on = 0
    overlong = 0
    previous: SourceLine | None = None
    for index, line in enumerate(source):
        if index in removed:
            continue
        if not line.text:
            previous = None
            continue
        content += 1
        if len(line.text) > 300:
            overlong += 1
        if previous is not None and line.text[:1].islower() and _prose(previous.text) and _prose(line.text):
            if _hyphen_end(previous.text) or not _TERMINAL.search(previous.text[-6:]):
                runs_on += 1
        previous = line
    if runs_on < 3 or runs_on < 0.08 * content:
        return "blocks"
    return "mixed" if overlong >= 2 else "lines"
