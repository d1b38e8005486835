"""What layout repair returns (:func:`~papersite.parse.layout.repair_layout`): output lines tied to their
source lines, the furniture removed, footnotes and their markers, hyphen decisions; and the test for a line
of program code, which stays a line of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PROMPT = re.compile(r"^(?:[A-Za-z]{0,2}>|\+|\$|>>>|\.\.\.)\s")
_CODE_START = ("{", "}", "/*", "//", "#include")
_CODE_END = ("{", "}", "*/")
_CODE_SYMBOL = re.compile(r"[(){}\[\]<>=;*/\\_$#|&^~]")


@lru_cache(maxsize=65536)
def is_code(text: str) -> bool:
    """A line of program code or console output: kept as a line of its own."""
    if _PROMPT.match(text) or text.startswith(_CODE_START) or text.endswith(_CODE_END):
        return True
    symbols = len(_CODE_SYMBOL.findall(text))
    if symbols < 3:
        return False
    core = len(text) - text.count(" ")
    return symbols >= 0.15 * core


@dataclass(frozen=True)
class LayoutLine:
    """One output line: the source line it starts on, its text ("" separates blocks).

    ``sources`` lists, for a line rebuilt from several source lines, the column
    at which each source line's text begins and that line's number.
    """

    number: int
    text: str
    sources: tuple[tuple[int, int], ...] = ()

    @property
    def end(self) -> int:
        """The last source line this output line draws on."""
        return self.sources[-1][1] if self.sources else self.number

    def line_at(self, column: int) -> int:
        """The source line holding the character at ``column`` of :attr:`text`."""
        number = self.number
        for start, source in self.sources:
            if start > column:
                break
            number = source
        return number


@dataclass(frozen=True)
class Footnote:
    """A note found at a page's foot: its marker, text and source lines."""

    marker: str
    text: str
    line: int
    end_line: int
    page: int
    lines: tuple[int, ...] = ()  # every source line, in order (a note may go on over a page)


@dataclass(frozen=True)
class FootnoteMark:
    """Where a note's marker stood in the body; the marker is taken out of the text.

    ``line`` is the 1-based index into :attr:`LayoutResult.lines` and ``column``
    the offset in that line's text where the marker was (insert a reference
    before ``text[column:]``). ``source_line``/``source_column`` give the same
    place in the source.
    """

    marker: str
    line: int
    column: int
    source_line: int
    source_column: int


@dataclass(frozen=True)
class HyphenJoin:
    """A word hyphenated at a line end and how it was settled."""

    line: int  # source line that ends with the hyphen
    left: str
    right: str
    action: str  # "join", "keep" or "suspended"
    evidence: str

    @property
    def result(self) -> str:
        if self.action == "join":
            return self.left + self.right
        return f"{self.left}- {self.right}" if self.action == "suspended" else f"{self.left}-{self.right}"


@dataclass(frozen=True)
class LayoutResult:
    lines: tuple[LayoutLine, ...]
    removed: tuple[tuple[LayoutLine, str], ...]
    footnotes: tuple[Footnote, ...]
    marks: tuple[FootnoteMark, ...]
    shape: str  # "blocks" | "lines" | "mixed"
    hyphens: tuple[HyphenJoin, ...] = ()
    pages: int = 1
    pages_inferred: bool = False
    language: str | None = None
    #: Source lines that start a heading printed over two lines (it may be longer than one line's heading).
    wrapped_headings: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The repaired text, for :func:`split_units` (its line n is ``lines[n - 1]``)."""
        return "\n".join(line.text for line in self.lines)

    def source_line(self, line: int, column: int = 0) -> int:
        """The source line behind 1-based output ``line`` (at ``column``)."""
        if not 1 <= line <= len(self.lines):
            return line
        return self.lines[line - 1].line_at(column)
