"""Cutting a reference list into entries, kept raw for the bibliography stage.

Lists print one entry a line, numbered (``[12]. ...``) or alphabetical
(``Walt, Stephen (1986). ...``). An entry wrapped over two lines, or over a
page break, is joined back when the second line does not start an entry of
its own.
"""

from __future__ import annotations

from collections.abc import Callable

import re

from ..model import Diagnostic, Reference, SourceSpan
from .inline import unescape
from .joining import ends_sentence, join_parts
from .units import Unit

_NUMBERED = re.compile(r"^\s*\[(?P<number>\d{1,4})\]\s*\.?\s*")
_NUMBER_PLAIN = re.compile(r"^\s*(?P<number>\d{1,4})[.)]\s+(?=[A-Z])")
_YEAR = re.compile(r"\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)|\b(?:1[5-9]|20)\d\d[a-z]?\b|\bn\.\s?d\.")
_AUTHOR_START = re.compile(r"^[A-Z\u00C0-\u024F\u0400-\u04FF][\w'’\-]+(?:\s[\w'’\-]+){0,3},\s")

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


def is_reference_heading(title: str) -> bool:
    return bool(TITLE_WORDS.match(title.strip()))


def _starts_entry(line: str) -> bool:
    """Does ``line`` look like the start of a reference rather than its tail?"""
    if _NUMBERED.match(line) or _NUMBER_PLAIN.match(line):
        return True
    head = line[:120]
    return bool(_YEAR.search(head)) and bool(re.match(r"^[\"“A-Z\u00C0-\u024F\u0400-\u04FF]", line))


def split_references(
    units: list[Unit], path: str, entry_start: Callable[[int], bool | None] | None = None
) -> tuple[list[Reference], list[Diagnostic]]:
    """Entries of a reference list, one per work, in the order printed.

    ``entry_start`` gives the structure model's decision for a source line — it starts an entry
    (``True``), it continues one (``False``), or the model is not sure (``None``, the rules decide).
    """
    lines: list[tuple[int, str]] = []
    for unit in units:
        if unit.list_item:
            lines.append((unit.line, unit.text))
        else:
            for offset, line in enumerate(unit.lines):
                lines.append((unit.line + offset, line))
    entries: list[tuple[int, int, str]] = []  # first line, last line, text
    for line_number, line in lines:
        decision = entry_start(line_number) if entry_start is not None else None
        if decision is None:
            decision = not (entries and not _starts_entry(line) and (
                not ends_sentence(entries[-1][2]) or line[:1].islower() or line[:1] in "(,;"
            ))
        if entries and not decision:
            first, _, text = entries[-1]
            entries[-1] = (first, line_number, join_parts(text, line))
        else:
            entries.append((line_number, line_number, line))
    numbered = sum(1 for _, _, text in entries if _NUMBERED.match(text)) >= max(1, len(entries) / 2)
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    for first, last, text in entries:
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
            Reference(
                raw=unescape(text),
                span=SourceSpan(path, first, last),
                number=number,
                number_inferred=inferred,
            )
        )
    return references, diagnostics
