"""A PDF as a paper source: the text the text parser reads, and the diagnostics of reading it."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..model import Diagnostic, SourceSpan
from ..structure.types import LineEvidence
from .evidence import line_evidence
from .extract import MAX_BYTES, read_pdf_bytes
from .text import omissions, source_text

#: Each line of a PDF's text: where and in what type the PDF printed it (``None``: a line the text adds).
Evidence = tuple[LineEvidence | None, ...]


def read_pdf_source(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """The PDF's text and the diagnostics of reading it (see :func:`read_pdf_with_evidence`)."""
    text, _, diagnostics = read_pdf_with_evidence(path, shown)
    return text, diagnostics


def read_pdf_with_evidence(path: Path, shown: str, store: Any = None) -> tuple[str | None, Evidence, list[Diagnostic]]:
    """The PDF's text in reading order (one line per printed line, pages split by form feeds).

    ``None`` and one error naming the file when the PDF cannot be used
    (encrypted, damaged, no pages, too large, scanned without a text layer).
    Line numbers in later diagnostics count lines of this text, which the
    site publishes beside the page as ``papers/<id>.txt``. The evidence has
    one entry per line of the text, for the parser and the structure models.

    ``store`` (a :class:`papersite.cache.Store`) keeps what a PDF gave by a digest of its bytes, so a
    build (or ``mkdocs serve`` rebuilding) reads an unchanged PDF once.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"PDF is {size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit; it was skipped"
            return None, (), [Diagnostic("error", "pdf-too-large", message, SourceSpan(shown, 1))]
        data = path.read_bytes()
    except OSError as exc:
        return None, (), [Diagnostic("error", "source-unreadable", f"cannot read file: {exc.strerror}", SourceSpan(shown, 1))]
    key = hashlib.sha256(data).hexdigest() + "\0" + shown
    kept = store.get(key) if store is not None else None
    if isinstance(kept, tuple) and len(kept) == 3:
        text, evidence, diagnostics = kept
    else:
        text, evidence, diagnostics = extracted(data, shown)
        if store is not None:
            store.put(key, (text, evidence, diagnostics))
    return text, evidence, list(diagnostics)


def extracted(data: bytes, shown: str) -> tuple[str | None, Evidence, tuple[Diagnostic, ...]]:
    """The text, line evidence and diagnostics of the PDF ``data`` (pure)."""
    document, diagnostics = read_pdf_bytes(data, shown)
    if document is None:
        return None, (), tuple(diagnostics)
    text = source_text(document)
    return text.text, tuple(line_evidence(document, text)), (*diagnostics, *omissions(document))
