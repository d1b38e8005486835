"""Characters into lines: runs on one baseline, word spaces, superscripts, ligatures.

A line is built from the characters in content-stream order (how the PDF
writes them, which keeps columns apart), then runs on the same baseline that
touch are merged. Runs further apart than a word space stay apart as cells of
one row: the reading order decides which column each belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from .chars import Char
from .model import PdfLine

#: A gap wider than this share of the font size separates words.
WORD_GAP = 0.18
#: A gap wider than this share of the font size separates runs (cells, columns).
RUN_GAP = 1.1
#: A character this much smaller than the line, and raised, is a superscript.
SUPERSCRIPT_SIZE = 0.85
SUPERSCRIPT_RISE = 0.2
#: The most characters a raised or lowered run may have and still join the line beside it.
MAX_MARK = 6

_LIGATURES = MappingProxyType({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
    "\u00ad": "-", "\u2010": "-", "\u2011": "-", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
})
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: Characters the text parser reads as markup, escaped so they stay literal.
_MARKUP = re.compile(r"([\\*^])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


@dataclass
class _Run:
    """Characters on one baseline; its measures are read once it is complete."""

    chars: list[Char] = field(default_factory=list)

    @cached_property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @cached_property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @cached_property
    def size(self) -> float:
        return Counter(c.size for c in self.chars).most_common(1)[0][0]

    @cached_property
    def baseline(self) -> float:
        size = self.size
        main = [c.baseline for c in self.chars if abs(c.size - size) < 0.2] or [c.baseline for c in self.chars]
        return Counter(main).most_common(1)[0][0]


def _same_baseline(run: _Run, char: Char, size: float, baseline: float) -> bool:
    # Raised or lowered smaller characters (sub- and superscripts) join the line.
    tolerance = 0.55 * max(size, char.size) if char.size < size * SUPERSCRIPT_SIZE else 0.25 * size
    return abs(char.baseline - baseline) <= tolerance


def runs_of(chars: list[Char]) -> list[_Run]:
    """Runs in stream order: characters that follow each other on one baseline, close together."""
    runs: list[_Run] = []
    current: _Run | None = None
    size = baseline = last_x1 = 0.0
    for char in chars:
        if current is not None:
            gap = char.x0 - last_x1
            if _same_baseline(current, char, size, baseline) and -0.5 * size < gap < RUN_GAP * max(size, char.size):
                current.chars.append(char)
                last_x1 = max(last_x1, char.x1)
                continue
        current = _Run([char])
        runs.append(current)
        size, baseline, last_x1 = char.size, char.baseline, char.x1
    return runs


def merge_rows(runs: list[_Run]) -> list[list[_Run]]:
    """Runs grouped into rows (one baseline; raised or lowered smaller runs join theirs), each left to right."""
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.x0)):
        if rows:
            last = rows[-1]
            ref = max(last, key=lambda r: (r.size, len(r.chars)))
            shift = baseline_shift(ref, run)
            if shift is not None:
                last.append(run)
                continue
        rows.append([run])
    return [sorted(row, key=lambda r: r.x0) for row in rows]


def baseline_shift(ref: _Run, run: _Run) -> float | None:
    """How far ``run`` sits below ``ref`` if they share a row (a sub- or superscript may be
    a little off its line), else ``None``."""
    shift = run.baseline - ref.baseline
    if abs(shift) <= 0.3 * max(run.size, ref.size):
        return shift
    small, large = (run, ref) if run.size < ref.size else (ref, run)
    # A raised mark is short ("1", "a,b", "1−q"); a run of small type is a line of its own (a note).
    if len(small.chars) <= MAX_MARK and small.size <= SUPERSCRIPT_SIZE * large.size and abs(shift) <= 0.6 * large.size:
        return shift
    return None


def join_touching(row: list[_Run]) -> list[_Run]:
    """Merge the runs of a row that touch: closer than a word space, or close and written one
    after the other (the end of a left column's line is never written just before the start of
    the right column's, so a narrow gutter still parts them)."""
    merged: list[_Run] = []
    for run in row:
        size = max(run.size, merged[-1].size) if merged else run.size
        gap = run.x0 - merged[-1].x1 if merged else 0.0
        if merged and (gap < 2 * WORD_GAP * size or (gap < RUN_GAP * size and _follows(merged[-1], run))):
            merged[-1] = _Run(merged[-1].chars + run.chars)
        else:
            merged.append(run)
    return merged


def _follows(left: _Run, right: _Run) -> bool:
    """Whether ``right`` was written within a few characters after ``left`` (or the other way round)."""
    return 0 < right.chars[0].index - left.chars[-1].index <= 3 or 0 < left.chars[0].index - right.chars[-1].index <= 3


def _superscripts(chars: list[Char], size: float, baseline: float) -> list[bool]:
    return [c.size < size * SUPERSCRIPT_SIZE and baseline - c.baseline > SUPERSCRIPT_RISE * size for c in chars]


#: Spacing accents a font may print as glyphs of their own over a letter (TeX's OT1 fonts).
ACCENTS = frozenset("\u00a8\u00b4\u02c6\u02dc\u02c7\u02da\u00af\u02d8\u02d9")


def _accents_first(chars: list[Char]) -> list[Char]:
    """``chars`` in reading order with each accent that sits over the letter before it moved in
    front of that letter ("u¨r" -> "¨ur"), where :func:`papersite.pdf.text.compose_accents` puts it on."""
    out = list(chars)
    for index in range(1, len(out)):
        accent, letter = out[index], out[index - 1]
        if accent.text in ACCENTS and letter.text.isalpha() and letter.x0 <= (accent.x0 + accent.x1) / 2 <= letter.x1:
            out[index - 1], out[index] = accent, letter
    return out


def run_text(chars: list[Char], size: float, baseline: float) -> str:
    """The run's text: word spaces from gaps, superscripts kept (``¹`` for digits, ``^{a}`` else)."""
    resorted = any(b.x0 < a.x0 - 0.5 for a, b in zip(chars, chars[1:]))
    # Written out of order (accents placed after the fact): read left to right, an accent put before
    # the letter it sits on, and word spaces from the gaps alone (PDFium's come from the written order).
    chars = _accents_first(sorted(chars, key=lambda c: c.x0)) if resorted else chars
    raised = _superscripts(chars, size, baseline)
    out: list[str] = []
    plain: list[str] = []
    last_x1: float | None = None
    index = 0
    while index < len(chars):
        char = chars[index]
        gap = char.x0 - last_x1 if last_x1 is not None else 0.0
        if last_x1 is not None and ((char.space_before and not raised[index] and not resorted) or gap > WORD_GAP * min(size, char.size * 1.5)):
            plain.append(" ")
        if not raised[index]:
            plain.append(char.text)
            last_x1 = max(char.x1, last_x1 or char.x1)
            index += 1
            continue
        end = index
        while end + 1 < len(chars) and raised[end + 1] and chars[end + 1].x0 - chars[end].x1 < WORD_GAP * size:
            end += 1
        out.append(_MARKUP.sub(r"\\\1", normalise("".join(plain))))
        plain.clear()
        marker = normalise("".join(c.text for c in chars[index : end + 1]))
        out.append(marker.translate(_SUPERSCRIPT_DIGITS) if marker.isdigit() else "^{" + _MARKUP.sub("", marker).replace("}", ")") + "}")
        last_x1 = chars[end].x1
        index = end + 1
    out.append(_MARKUP.sub(r"\\\1", normalise("".join(plain))))
    return "".join(out).strip()


def normalise(text: str) -> str:
    """Ligatures spelled out, special spaces and hyphens made plain, control characters dropped."""
    text = "".join(_LIGATURES.get(ch, ch) for ch in text)
    text = _CONTROL.sub("", text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # a character outside the BMP in two halves
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return unicodedata.normalize("NFC", text)


def _majority(chars: list[Char], attribute: str) -> bool:
    return sum(1 for c in chars if getattr(c, attribute)) * 2 > len(chars)


#: Fonts that set mathematics: TeX's math italic, symbols and extension (cmmi, cmsy, cmex), the AMS
#: and other math symbol fonts, and any face that names itself a math font (LMMathItalic10, STIXMath).
_MATH_FONT = re.compile(r"cmmi|cmsy|cmex|cmbsy|msam|msbm|eufm|rsfs|stmary|esint|math|symbol|(?:mt|tx|px)(?:mi|sy|ex)", re.I)


def math_share(chars: list[Char]) -> float:
    """The share of ``chars`` set in a math font (:data:`_MATH_FONT`)."""
    fonts: dict[str, bool] = {}
    math = 0
    for c in chars:
        found = fonts.get(c.font)
        if found is None:
            found = fonts[c.font] = bool(_MATH_FONT.search(c.font))
        math += found
    return round(math / len(chars), 3) if chars else 0.0


def make_line(page: int, row: list[_Run], cells: int) -> PdfLine:
    chars = [c for run in row for c in run.chars]
    whole = _Run(chars)
    size, baseline = whole.size, whole.baseline
    text = " ".join(run_text(run.chars, size, baseline) for run in row)
    text = re.sub(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\S)", r"\1 ", text)  # a note's raised number apart from its text
    return PdfLine(
        page=page,
        x0=min(c.x0 for c in chars),
        y0=baseline - size,
        x1=max(c.x1 for c in chars),
        y1=baseline,
        text=text,
        size=size,
        bold=_majority(chars, "bold"),
        italic=_majority(chars, "italic"),
        font=Counter(c.font for c in chars).most_common(1)[0][0],
        cells=cells,
        math=math_share(chars),
    )


def page_lines(page: int, chars: list[Char]) -> tuple[list[PdfLine], list[PdfLine], list[PdfLine]]:
    """The page's upright lines (each a run within one column, unordered), its rotated lines,
    and the lines of text inside its figures."""
    upright = [c for c in chars if not c.rotated and not c.in_figure]
    figure = [c for c in chars if not c.rotated and c.in_figure]
    turned = [c for c in chars if c.rotated]
    lines = [make_line(page, [run], 1) for row in merge_rows(runs_of(upright)) for run in join_touching(row)]
    figures = [make_line(page, [run], 1) for row in merge_rows(runs_of(figure)) for run in join_touching(row)]
    return [line for line in lines if line.text], rotated_lines(page, turned), [line for line in figures if line.text]


def rotated_lines(page: int, chars: list[Char]) -> list[PdfLine]:
    """Text set sideways, one line per stack of characters (read bottom to top, as a turned stamp is)."""
    stacks: dict[int, list[Char]] = {}
    for char in chars:
        stacks.setdefault(round(char.x0 / max(char.size, 1.0)), []).append(char)
    lines = []
    for key in sorted(stacks):
        stack = sorted(stacks[key], key=lambda c: -c.baseline)
        text = "".join((" " if c.space_before and i else "") + normalise(c.text) for i, c in enumerate(stack)).strip()
        if text:
            size = Counter(round(c.size, 1) for c in stack).most_common(1)[0][0]
            lines.append(PdfLine(page, min(c.x0 for c in stack), min(c.baseline for c in stack) - size,
                                 max(c.x1 for c in stack), max(c.baseline for c in stack), text, size, rotated=True))
    return lines
