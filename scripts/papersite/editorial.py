"""The editors' data the model carries: glossary terms and their uses, annotations, claims.

Re-exported by :mod:`papersite.model` (import them from there); kept apart so
the document model stays one readable module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .spans import SourceSpan


@dataclass(frozen=True)
class TermDefinitionSite:
    """A place where a paper defines a term itself: the paper and its section title."""

    paper: str
    section: str


@dataclass(frozen=True)
class Term:
    """One glossary entry, from ``sources/glossary.yml``."""

    id: str
    name: str
    #: Other surface forms linked in the text (synonyms, inflections).
    forms: tuple[str, ...]
    #: One sentence, shown on hover.
    short: str
    definition: str = ""
    related: tuple[str, ...] = ()
    defined_in: tuple[TermDefinitionSite, ...] = ()
    sources: tuple[str, ...] = ()
    span: SourceSpan | None = None


@dataclass(frozen=True)
class TermUse:
    """A paragraph of a paper that uses a term (for the concordance)."""

    term_id: str
    paper_id: str
    paragraph_id: str
    #: The form as written in the text, and a short passage around it.
    form: str
    snippet: str


# --- annotations and arguments -------------------------------------------------


@dataclass(frozen=True)
class TextQuote:
    """A passage named by its words, like the W3C Web Annotation TextQuoteSelector."""

    exact: str
    prefix: str = ""
    suffix: str = ""


AnnotationKind = Literal["note", "correction", "context", "disagreement"]


@dataclass(frozen=True)
class Annotation:
    """An editor's note on a passage, from ``sources/annotations/<paper>.yml``."""

    id: str
    paper_id: str
    kind: AnnotationKind
    quote: TextQuote
    title: str
    body: str
    sources: tuple[str, ...] = ()
    span: SourceSpan | None = None
    #: Where the quote was found: the paragraph (or reference) id, set by linking.
    target_id: str = ""
    number: int = 0


@dataclass(frozen=True)
class Claim:
    """A research question, hypothesis, objective, claim or conclusion of a paper."""

    id: str
    paper_id: str
    kind: str
    summary: str
    theme: str = ""
    quote: TextQuote | None = None
    #: The paragraph that states it, set by linking.
    target_id: str = ""
    #: True when the paper labels it itself ("Sub-hypothesis 1:").
    labelled: bool = False
    span: SourceSpan | None = None


# --- the paper and diagnostics ------------------------------------------------
