"""Trained structure models: what each line of a paper is, from its text alone.

A cascade of linear-chain CRFs (python-crfsuite), trained on GROBID's annotated layout data
(CC BY 4.0, see ``papersite/data/STRUCTURE-MODELS.md``):

1. *zones* — each line of the document: header, body, page furniture, footnote, references,
   annex or other;
2. *header fields* — the header zone's lines: title, author, affiliation, abstract, keywords ...;
3. *body labels* — the body and annex zones' lines: heading, paragraph, list item, figure, table,
   formula, with the first line of each block marked;
4. *reference entries* — the references zone's lines: which line starts a new entry.

Use :func:`label_lines`; ``python -m papersite.structure.train`` rebuilds the shipped models.
"""

from __future__ import annotations

from collections.abc import Sequence

from .types import LineEvidence, LineLabel

__all__ = ["LineEvidence", "LineLabel", "label_lines"]


def label_lines(lines: Sequence[str], evidence: Sequence[LineEvidence | None] | None = None) -> list[LineLabel]:
    """One :class:`LineLabel` per line of ``lines`` (a paper's text, one entry per source line).

    ``lines`` may be one entry per printed PDF line or blank-line-separated paragraphs; a form
    feed (``\\f``) at the start of a line marks a new page. ``evidence`` (same length as
    ``lines``, entries may be ``None``) gives PDF layout where known.
    """
    from .labelling import label_document

    return label_document(lines, evidence)
