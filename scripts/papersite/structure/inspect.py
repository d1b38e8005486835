"""``papersite inspect FILE [--json]``: what the structure models decided for each source line.

Plain text shows one row per source line (``line  zone  label  p  text``, ``*`` before the label
of a block's first line and ``>`` before a reference entry's first line); ``--json`` gives JSON
Lines, ``{"line": n, "text": …, "zone": …, "label": …, "p": …}`` with ``"entry_start": true`` on
the first line of each reference entry and ``"start": true`` on the first line of each block.
No site build is needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..textsource import decode_source
from . import label_lines
from .types import LABEL_BLANK, LineEvidence, LineLabel

#: Reads a source: its lines, and each line's layout evidence (``None`` for a text source).
LineReader = Callable[[Path], tuple[list[str], list[LineEvidence | None] | None]]


class InspectError(Exception):
    """The file cannot be inspected (missing, binary, an unsupported kind); the message says why."""


def read_source_lines(path: Path) -> tuple[list[str], list[LineEvidence | None] | None]:
    """The lines of a text source as the pipeline decodes them (no layout evidence: a text has none)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InspectError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    decoded, diagnostics = decode_source(data, str(path))
    if decoded is None:
        raise InspectError("; ".join(f"{path}: {d.message}" for d in diagnostics) or f"{path}: not text")
    return decoded.split("\n"), None


def rows(lines: list[str], labels: list[LineLabel], *, as_json: bool) -> Iterator[str]:
    for number, (text, label) in enumerate(zip(lines, labels), start=1):
        if as_json:
            record: dict[str, object] = {"line": number, "text": text, "zone": label.zone, "label": label.label, "p": label.p}
            if label.entry_start:
                record["entry_start"] = True
            if label.start:
                record["start"] = True
            yield json.dumps(record, ensure_ascii=False)
        elif label.label == LABEL_BLANK:
            yield f"{number:5d}"
        else:
            mark = ">" if label.entry_start else "*" if label.start else " "
            yield f"{number:5d}  {label.zone:<10} {mark}{label.label:<13} {label.p:4.2f}  {text}"


def inspect_file(path: Path, *, as_json: bool = False, read: LineReader | None = None) -> Iterator[str]:
    """The rows ``papersite inspect`` prints for ``path``; raises :class:`InspectError` for a file it cannot read.

    ``read`` gives a source's lines and their layout evidence; the CLI passes one that reads PDFs
    as the parse stage does (this package sits below the PDF reader and does not import it)."""
    lines, evidence = (read or read_source_lines)(path)
    if lines and lines[-1] == "":
        lines = lines[:-1]
        evidence = evidence[: len(lines)] if evidence is not None else None
    return rows(lines, label_lines(lines, evidence), as_json=as_json)
