"""Formulas, tables and program code carved out of the running text; over-long paragraphs split.

Text pulled from a PDF one printed line a line runs a displayed equation, a table's rows or an R
session into the paragraph around it ("… indices (Hill, 1973): H = − S X i=1 pi logb pi Shannon (1)
D1 = 1 − …"). The trained body model (:func:`papersite.structure.label_lines`) labels each line
``paragraph``, ``item``, ``heading``, ``figure``, ``table`` or ``formula``; this pass, run on the
parsed sections, uses those labels:

1. a run of lines the model labels ``formula``, ``table`` or ``figure`` (confident enough, see
   :data:`RUN_CONFIDENCE`), or of program code and console output (a prompt, ``> fit <- glm(…)``,
   and R's ``+ …`` and ``[1] …`` after it), is cut out of its paragraph into a block of its own
   (:attr:`Paragraph.kind` ``formula``, ``table``, ``figure`` — the words printed inside a figure —
   or ``code``) whose lines are kept as printed; the text before and after stays text. Captions
   ("Table 2: …") and lines that read as sentences stay text whatever the label;
2. a paragraph still over :data:`LONG_PARAGRAPH_WORDS` words (no blank line or indent told the
   rules where it ends) is split where the model starts a paragraph or list item after a sentence's
   end.

Nothing is lost or reordered: pieces are cut from the paragraph's own inline nodes. Paragraphs the
pass does not cut are returned unchanged, so their anchors (position in the section) stay as they
were in sections the pass does not touch.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from ..model import BlockKind, Paragraph, Section, SourceSpan, Text
from ..structure import LineLabel
from ..structure.types import ZONE_ANNEX, ZONE_BODY
from .console import is_command, is_value
from .inline_slices import joined as _joined, sliced as _slice, trimmed as _trim

#: Mean confidence the model must have in a run of formula/table lines to carve it out.
RUN_CONFIDENCE = 0.6
#: A run of one line is carved only this sure (one line is easily a sentence mislabelled).
SINGLE_LINE_CONFIDENCE = 0.9
#: How sure the model must be of a paragraph or item start to split an over-long paragraph there.
START_CONFIDENCE = 0.5
#: Longer paragraphs are split at the model's starts (the structural doctor warns above this).
LONG_PARAGRAPH_WORDS = 1000
#: At most this many printed lines of a session's output are found cut off from its code.
MAX_OUTPUT_LINES = 3
#: The model's labels whose lines become a block of that kind.
_BLOCK_LABELS: Mapping[str, BlockKind] = MappingProxyType({"formula": "formula", "table": "table", "figure": "figure"})
#: "Table 2: …", "Figure 1. …", "Fig. 3 –": a caption, which stays text.
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Tab\.|Exhibit|Listing)\s*[A-Z]?\d+(?:\.\d+)*\s*[:.–—-]")
#: Numbers and spaces only: a row of a plot's axis figures, or a table's.
_FIGURES = re.compile(r"[-+−\d.,%\s]+")
#: knitr's output, shown without a prompt: "## [1] 0.5", "# [1] FALSE".
_KNITR_OUTPUT = re.compile(r"^#{1,2} \[\d+\]\s")
#: After a prompt line: R's continuation "+ …" and its output "[1] FALSE", "[13] 0.2 0.4".
_CONTINUED = re.compile(r"^(?:\+\s|\[\d+\]\s)")
_CODE_START = ("{", "}", "/*", "//", "#include")
_CODE_END = ("{", "}", "*/", ";")
_WORD = re.compile(r"^\(?[^\W\d_A-Z][^\W\d_]*[’'-]?[^\W\d_]*[.,;:)]?$")
_PUNCTUATION = ".,;:!?()[]{}'\"“”‘’«»"
#: How many of the commonest short words count as the paper's function words.
_COMMON = 40
_SENTENCE_END = re.compile(r"[.!?:]['\"”’)\]]*$")
#: A raised run as a PDF's text marks it ("X^{¦}"), shown raised: its letters in the paragraph's text.
_RAISED = re.compile(r"\^\{([^{}]*)\}")
#: Characters of a line's start looked for in the paragraph's text (a footnote marker later on the
#: line, or a mended hyphen at its end, does not matter there).
_PROBE = 24


@dataclass(frozen=True)
class _Line:
    number: int  # source line
    start: int  # offset of its first character in the paragraph's plain text
    kind: BlockKind  # "text", or the block the line belongs in
    p: float
    label: LineLabel
    #: Only plain words ("its timing."): a single such line is a sentence's end, not a block.
    words_only: bool = False


def carve_blocks(
    sections: Sequence[Section], labels: Sequence[LineLabel], lines: Sequence[str], long_words: int = LONG_PARAGRAPH_WORDS
) -> list[Section]:
    """``sections`` with formula, table and code runs carved out of their paragraphs and
    paragraphs over ``long_words`` words split (see the module's docstring). ``labels`` and
    ``lines``: the structure model's label and the text of each source line (line n at index n - 1)."""
    common = common_short_words(lines)

    def walk(section: Section) -> Section:
        blocks: list[Paragraph] = []
        pieces: list[Paragraph] = []
        for block in section.blocks:  # a paragraph right after code may open on the code's output
            after_code = bool(pieces) and pieces[-1].kind == "code" and _same_block(pieces[-1], replace(block, kind="code"), lines)
            pieces.extend(carve_paragraph(block, labels, lines, common, long_words, after_code))
        for index, piece in enumerate(pieces):
            piece = _as_output(pieces, index, lines, common)
            if blocks and _same_block(blocks[-1], piece, lines):
                blocks[-1] = replace(blocks[-1], inlines=_joined([blocks[-1].inlines, piece.inlines]),
                                     span=replace(blocks[-1].span, end_line=_last(piece.span)))
            else:
                blocks.append(piece)
        if len(blocks) == len(section.blocks) and all(a is b for a, b in zip(blocks, section.blocks)):
            blocks = list(section.blocks)
        return replace(section, blocks=tuple(blocks), subsections=tuple(walk(s) for s in section.subsections))

    return [walk(section) for section in sections]


def _as_output(pieces: Sequence[Paragraph], index: int, lines: Sequence[str], common: frozenset[str]) -> Paragraph:
    """The text block ``pieces[index]`` as a code block when it is a console session's output that
    the paragraph rules cut off from its code (else the block itself): up to
    :data:`MAX_OUTPUT_LINES` printed lines right after a code block, each a printed value ("True",
    "(2.27, 0.17)") or a line that ends no sentence ("Calculating best fit"), the last a value or
    more code right after them. The paper's own line between two pieces of code introduces the
    second ("… as a list:") or runs a sentence on round them ("the command", opening on one of its
    ``common`` words). (See :mod:`papersite.parse.console`.)"""
    piece = pieces[index]
    if piece.kind != "text" or piece.list_item or index == 0 or pieces[index - 1].kind != "code":
        return piece
    code = replace(piece, kind="code")
    if not _same_block(pieces[index - 1], code, lines):
        return piece
    span = range(piece.span.line, min(_last(piece.span), len(lines)) + 1)
    printed = [lines[n - 1].strip("\f \t") for n in span if lines[n - 1].strip("\f \t")]
    if not printed or len(printed) > MAX_OUTPUT_LINES or " ".join(printed) != piece.text:
        return piece
    more_code = index + 1 < len(pieces) and pieces[index + 1].kind == "code"
    if not all(is_value(line) or _message(line, common) for line in printed) or not (is_value(printed[-1]) or more_code):
        return piece
    return code if len(printed) == 1 else replace(code, inlines=(Text("\n".join(printed)),))


def _message(line: str, common: frozenset[str]) -> bool:
    """A line a program may print: no caption, no sentence's end, not opening on a common word."""
    return not (_CAPTION.match(line) or _SENTENCE_END.search(line) or line.split()[0] in common)


def _same_block(before: Paragraph, after: Paragraph, lines: Sequence[str]) -> bool:
    """Two blocks of one kind on neighbouring source lines (blank lines between at most): one
    block, which the rules' paragraph breaks (a short line, a blank) had cut in two."""
    if before.kind == "text" or after.kind != before.kind or after.span.line <= _last(before.span):
        return False
    return all(not lines[n - 1].strip("\f \t") for n in range(_last(before.span) + 1, min(after.span.line, len(lines) + 1)))


def carve_paragraph(
    paragraph: Paragraph, labels: Sequence[LineLabel], lines: Sequence[str], common: frozenset[str] = frozenset(),
    long_words: int = LONG_PARAGRAPH_WORDS, after_code: bool = False,
) -> list[Paragraph]:
    """``paragraph`` as the pieces it is cut into: ``[paragraph]`` itself when nothing is cut.
    ``common``: the paper's function words (:func:`common_short_words`); ``after_code``: the
    paragraph follows a code block at once."""
    if paragraph.kind != "text":
        return [paragraph]
    located = _locate(paragraph, labels, lines, common, after_code)
    pieces = _carve_runs(paragraph, located) if located else [paragraph]
    out: list[Paragraph] = []
    for piece in pieces:
        long = piece.kind == "text" and len(piece.text.split()) > long_words
        out.extend(_split_long(piece, [line for line in located if piece.span.line <= line.number <= _last(piece.span)]) if long else [piece])
    return out


def _line_kind(text: str, label: LineLabel, after_code: bool, common: frozenset[str]) -> tuple[BlockKind, float]:
    """The block a source line belongs in ("text" when none) and how sure that is.

    Code by its shape, whatever the model says (its labels have no code): a command after a console
    prompt ("> fit <- glm(…)", "R> fit", ">>> "), knitr's output ("## [1] 0.5"), or after such a
    line R's continuation ("+ …") and any printed value ("[1] FALSE", "True", "(2.3, 0.1)",
    :func:`~papersite.parse.console.is_value`); a formula or table line after code is the code's output (a figure's words are
    the figure's, whatever comes before). The symbol density
    the layout's :func:`~papersite.parse.layout_types.is_code` also counts is left out here: an
    equation is dense in symbols too, and the model tells the two apart better."""
    if label.zone not in (ZONE_BODY, ZONE_ANNEX):
        return "text", 0.0
    # whatever the model says (it calls a lone command or a printed "True" a heading, too)
    # a printed value, but not a figure's row of axis figures ("0.5 1.0 1.5"), which is the figure's
    printed = is_value(text) and not (label.label == "figure" and _FIGURES.fullmatch(text))
    if is_command(text) or _KNITR_OUTPUT.match(text) or (after_code and (_CONTINUED.match(text) or printed)):
        return "code", 1.0
    if label.label == "heading":
        return "text", 0.0
    kind = _BLOCK_LABELS.get(label.label)
    if kind is None or _CAPTION.match(text) or _reads_as_sentence(text, common):
        return "text", 0.0
    code = kind != "figure" and (after_code or text.endswith(_CODE_END) or text.startswith(_CODE_START))
    return ("code" if code else kind), label.p


def _reads_as_sentence(text: str, common: frozenset[str]) -> bool:
    """A line of running words ("but there is such a table"): text, whatever the model says. It
    has at least two different of the paper's commonest short words (its language's function
    words: "the", "is", "de", "que") and mostly plain lower-case words; a formula or a table row is
    mostly symbols, numbers and names."""
    words = text.split()
    plain = [word.strip(".,;:()").lower() for word in words if _WORD.match(word)]
    return len(words) >= 3 and len({word for word in plain if word in common}) >= 2 and len(plain) >= 0.6 * len(words)


def _wordy(text: str) -> bool:
    """Mostly words (half of them plain words at least): a caption's line, not a plot's labels."""
    words = text.split()
    return sum(1 for word in words if _WORD.match(word)) >= 0.5 * len(words)


def _short(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isalpha() and word.islower()


def common_short_words(lines: Sequence[str]) -> frozenset[str]:
    """The paper's commonest short lower-case words (2-5 letters, in every language its function
    words): a line made of them reads as a sentence."""
    counts = Counter(word for line in lines for word in (w.strip(_PUNCTUATION) for w in line.split()) if _short(word))
    return frozenset(word for word, count in counts.most_common(_COMMON) if count >= 3)


def _locate(
    paragraph: Paragraph, labels: Sequence[LineLabel], lines: Sequence[str], common: frozenset[str], after_code_before: bool = False
) -> list[_Line]:
    """The paragraph's source lines found in its text, in order, each with where it starts.

    A line is looked for near where the previous one ended (a mended hyphen or a removed footnote
    marker shifts it a little); a line not found there (page furniture the layout removed, a
    footnote it moved) is left out."""
    text = paragraph.text
    found: list[_Line] = []
    expected, pending, last = 0, 0, -1
    after_code, in_caption = False, False
    carried = after_code_before  # the code before the paragraph: its output may open the paragraph
    for number in range(paragraph.span.line, min(_last(paragraph.span), len(lines), len(labels)) + 1):
        raw = _RAISED.sub(r"\1", lines[number - 1]).strip("\f \t")  # "n^{−1}" reads "n−1" in the paragraph
        if not raw:
            continue
        probe = raw[:_PROBE]
        low, high = max(last + 1, expected - 10), expected + pending + 12 + len(probe)
        hits = _occurrences(text, probe, low, high)
        if not hits:
            pending += len(raw) + 1
            continue
        start = min(hits, key=lambda at: abs(at - expected))
        kind, p = _line_kind(raw, labels[number - 1], after_code or (carried and is_value(raw)), common)
        carried = False
        # A caption goes on over the lines of words after it ("Figure 1: Rényi diversities in six
        # randomly selected" / "plots. The plot uses Trellis graphics with a separate"), which the
        # model labels the figure's or table's own: they stay text with it.
        in_caption = bool(_CAPTION.match(raw)) or (in_caption and _wordy(raw))
        kind, after_code = ("text" if in_caption else kind), kind == "code"
        found.append(_Line(number, start, kind, p, labels[number - 1], all(_WORD.match(word) for word in raw.split())))
        expected, pending, last = start + len(raw) + 1, 0, start
    return found


def _occurrences(text: str, probe: str, low: int, high: int) -> list[int]:
    """Where ``probe`` occurs in ``text[low:high]`` (offsets in ``text``; overlapping ones too)."""
    out: list[int] = []
    at = text.find(probe, low, high)
    while at >= 0:
        out.append(at)
        at = text.find(probe, at + 1, high)
    return out


def _runs(located: list[_Line]) -> list[tuple[int, int, BlockKind]]:
    """Index ranges [first, last) of ``located`` to carve out, with their kind."""
    out: list[tuple[int, int, BlockKind]] = []
    index = 0
    while index < len(located):
        if located[index].kind == "text":
            index += 1
            continue
        end = index + 1
        while end < len(located) and located[end].kind != "text" and _family(located[end].kind) == _family(located[index].kind):
            end += 1
        run = located[index:end]
        kinds = [line.kind for line in run]
        kind: BlockKind = "code" if "code" in kinds else max(("formula", "table", "figure"), key=kinds.count)  # type: ignore[assignment]
        confidence = sum(line.p for line in run) / len(run)
        single = len(run) == 1
        if kind == "code" or (confidence >= (SINGLE_LINE_CONFIDENCE if single else RUN_CONFIDENCE) and not (single and run[0].words_only)):
            out.append((index, end, kind))
        index = end
    return out


def _family(kind: BlockKind) -> str:
    """Lines of one family make one block: a figure's words, or the rest (formulas, tables and
    code: the model confuses formulas and tables, and a command it calls a formula is code when
    its output follows, "evalCpp(…)" then "# [1] -0.02")."""
    return "figure" if kind == "figure" else "other"


def _carve_runs(paragraph: Paragraph, located: list[_Line]) -> list[Paragraph]:
    runs = _runs(located)
    if not runs:
        return [paragraph]
    text_length = len(paragraph.text)
    cuts: list[tuple[int, int, BlockKind, int, int]] = []  # start, end offsets, kind, first, last line
    position = 0
    for first, end, kind in runs:
        start = located[first].start
        stop = located[end].start if end < len(located) else text_length
        if start > position:
            cuts.append((position, start, "text", located_line(located, position), located[first].number - 1))
        cuts.append((start, stop, kind, located[first].number, located[end - 1].number))
        position = stop
    if position < text_length:
        cuts.append((position, text_length, "text", located_line(located, position), _last(paragraph.span)))
    pieces: list[Paragraph] = []
    for start, stop, kind, first_line, last_line in cuts:
        if kind == "text":
            inlines = _trim(_slice(paragraph.inlines, start, stop))
        else:  # a block keeps its printed lines
            breaks = [line.start for line in located if start < line.start < stop]
            parts = [_trim(_slice(paragraph.inlines, a, b)) for a, b in zip([start, *breaks], [*breaks, stop])]
            inlines = _joined([part for part in parts if part])
        if not inlines:
            continue
        span = SourceSpan(paragraph.span.path, first_line, max(first_line, last_line))
        pieces.append(replace(paragraph, inlines=inlines, span=span, kind=kind, list_item=paragraph.list_item and kind == "text"))
    if not pieces:
        return [paragraph]
    pieces[0] = replace(pieces[0], span=replace(pieces[0].span, line=paragraph.span.line))
    return pieces


def _last(span: SourceSpan) -> int:
    return span.end_line or span.line


def located_line(located: list[_Line], offset: int) -> int:
    """The source line the text at ``offset`` is on (the last line starting at or before it)."""
    before = [line.number for line in located if line.start <= offset]
    return before[-1] if before else located[0].number


def _split_long(paragraph: Paragraph, located: list[_Line]) -> list[Paragraph]:
    """An over-long text paragraph cut where the model starts a paragraph or list item."""
    text = paragraph.text
    starts = [
        line for line in located[1:]
        if line.label.start and line.label.label in ("paragraph", "item") and line.label.p >= START_CONFIDENCE
        and line.start > 0 and _SENTENCE_END.search(text[: line.start].rstrip()[-6:])
    ]
    if not starts:
        return [paragraph]
    bounds = [0, *(line.start for line in starts), len(text)]
    numbers = [paragraph.span.line, *(line.number for line in starts)]
    ends = [line.number - 1 for line in starts] + [_last(paragraph.span)]
    pieces = []
    for index, (start, stop) in enumerate(zip(bounds, bounds[1:])):
        inlines = _trim(_slice(paragraph.inlines, start, stop))
        if inlines:
            span = SourceSpan(paragraph.span.path, numbers[index], max(numbers[index], ends[index]))
            item = starts[index - 1].label.label == "item" if index else paragraph.list_item
            pieces.append(replace(paragraph, inlines=inlines, span=span, list_item=item))
    return pieces
