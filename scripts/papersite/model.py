"""The typed document model every stage reads and writes.

Parse builds it from a source text, link passes enrich it, render turns it
into Markdown. Every node is a frozen dataclass; stages return new nodes
instead of changing old ones. Block-level nodes carry the source span they
came from so any message can name file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal, Union

# Re-exported: every stage imports the model's types from here.
from .editorial import Annotation as Annotation, AnnotationKind as AnnotationKind, Claim as Claim  # noqa: F401
from .editorial import Term as Term, TermDefinitionSite as TermDefinitionSite, TermUse as TermUse, TextQuote as TextQuote  # noqa: F401
from .spans import SourceSpan as SourceSpan


# --- inline content ---------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Literal text from the source; the renderer always escapes it."""

    text: str


@dataclass(frozen=True)
class Superscript:
    """A superscript marker such as the affiliation mark ``2*``."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Text the source set in italics (``*M.A.*``)."""

    text: str


@dataclass(frozen=True)
class Email:
    """An e-mail address, rendered as a ``mailto:`` link when it is well formed."""

    address: str


@dataclass(frozen=True)
class TermRef:
    """A glossary term as it occurs in the text, linked to its entry."""

    text: str
    term_id: str


@dataclass(frozen=True)
class Highlight:
    """Text an editorial annotation is attached to."""

    text: str
    annotation_id: str


@dataclass(frozen=True)
class AnnotationMark:
    """The numbered marker after an annotated passage, linking to its note."""

    annotation_id: str
    number: int
    text: str = ""


@dataclass(frozen=True)
class CiteItem:
    """One work a citation points at, e.g. ``Walt, 1986, p. 116`` or ``12``."""

    #: Where the item's words are inside the citation's text (start, end).
    start: int
    end: int
    #: The merged-bibliography key it resolves to; "" when unresolved.
    key: str = ""
    locator: str = ""
    #: "linked" (exact), "tolerant" (linked despite a spelling difference) or "unresolved".
    status: str = "unresolved"
    #: Why it is unresolved, or what spelling differed.
    note: str = ""
    #: For an unresolved item, the likeliest entry (never linked automatically).
    suggestion: str = ""
    #: The key the source itself gave the work (Pandoc's ``[@key]``): resolved exactly, never guessed.
    source_key: str = ""


@dataclass(frozen=True)
class CitationRef:
    """An in-text citation as the paper wrote it, with the works it points at."""

    text: str
    items: tuple[CiteItem, ...]
    kind: str = "numbered"  # numbered | parenthetical | narrative | superscript (printed raised)


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker in the text ("treaty³", ``[^3]``), linked to :class:`Note` ``marker``."""

    marker: str

    @property
    def text(self) -> str:
        return ""


@dataclass(frozen=True)
class Link:
    """A web address a source links to (a Markdown link's target, a bare URL or DOI): the words shown and the URL."""

    text: str
    url: str


Inline = Union[Text, Superscript, Emphasis, Email, TermRef, Highlight, AnnotationMark, CitationRef, NoteRef, Link]


def plain_text(inlines: "tuple[Inline, ...]") -> str:
    """The reading text of inline content, markup removed (annotation marks add nothing)."""
    return "".join(
        node.address if isinstance(node, Email) else "" if isinstance(node, (AnnotationMark, NoteRef)) else node.text
        for node in inlines
    )


# --- blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class CrossLink:
    """A "see also" link from a paragraph to a paragraph of another paper."""

    paper_id: str
    paragraph_id: str
    label: str
    #: Why the link was made: "computed" (shared terms and wording) or "editor".
    reason: str = "computed"


#: Kinds of :class:`Paragraph`: running text, or a preformatted block (its lines kept as printed).
BlockKind = Literal["text", "formula", "table", "code", "figure"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text, or one item of a list when ``list_item`` is set."""

    inlines: tuple[Inline, ...]
    span: SourceSpan
    list_item: bool = False
    #: Stable, human-readable anchor, assigned by :func:`papersite.anchors.assign_ids`.
    id: str = ""
    #: Further ids that lead here: named arguments (``hypothesis-1``) and the
    #: former ids of this paragraph (aliases, so saved links keep working).
    aliases: tuple[str, ...] = ()
    #: Ids of the editorial annotations attached to this paragraph, in order.
    notes: tuple[str, ...] = ()
    see_also: tuple[CrossLink, ...] = ()
    #: What the block is: running "text", or a "formula", "table", "code" or "figure" (the words
    #: printed inside a figure) block the parser kept out of the running text
    #: (:mod:`papersite.parse.blocks`), shown preformatted line by line.
    kind: BlockKind = "text"

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True)
class Section:
    """A heading and the blocks and subsections under it."""

    title: str
    level: int
    span: SourceSpan
    #: The heading's numbering in the source ("VII"), kept for display.
    number: str = ""
    blocks: tuple[Paragraph, ...] = ()
    subsections: tuple["Section", ...] = ()
    id: str = ""
    #: True for the reference list: its lines are kept raw for the bibliography.
    is_references: bool = False


# --- front matter -------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    name: str
    #: Affiliation markers ("1", "2*"); empty when the paper uses none.
    markers: tuple[str, ...] = ()
    email: str = ""
    corresponding: bool = False


@dataclass(frozen=True)
class Affiliation:
    text: str
    marker: str = ""


@dataclass(frozen=True)
class Reference:
    """One entry of a paper's reference list, kept as the paper printed it."""

    raw: str
    span: SourceSpan
    #: The number of a numbered list entry ("12"), or "" for author–year lists
    #: and for a numbered list's first entry when the source lost its number.
    number: str = ""
    #: True when the source printed no number and it was taken from the position.
    number_inferred: bool = False
    id: str = ""
    #: Ids of the editorial annotations attached to this entry.
    notes: tuple[str, ...] = ()
    #: The key of this work's entry in the merged bibliography.
    bib_key: str = ""
    #: ``raw`` with its markup (italics, links) as nodes, when the source has markup (Markdown); else ().
    inlines: tuple[Inline, ...] = ()
    #: The key of the work in the source's own bibliography (a BibTeX file beside a Markdown paper).
    source_key: str = ""
    #: The work's fields as that bibliography declares them (BibTeX type, then (field, value) pairs,
    #: values plain text): the record is made from them, not by parsing ``raw``.
    declared_type: str = ""
    declared: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FrontMatter:
    title: str
    authors: tuple[Author, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    #: Dates as the source printed them, keyed by kind: received, accepted,
    #: submitted, published.
    dates: tuple[tuple[str, str], ...] = ()
    venue: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    year: str = ""
    doi: str = ""
    #: The licence or reuse statement, from the paper's metadata (never guessed).
    license: str = ""
    keywords: tuple[str, ...] = ()
    abstract: tuple[Paragraph, ...] = ()
    #: The "how to cite" line some sources print, as the source gave it.
    source_citation: str = ""
    #: A short title for navigation, from the paper's metadata.
    short_title: str = ""
    #: Family names of the authors, in order, when metadata gives them.
    family_names: tuple[str, ...] = ()
    #: Front-matter lines of the source that metadata replaced (title, author
    #: line), kept so that nothing the source printed is lost.
    as_printed: tuple[str, ...] = ()

    def date(self, kind: str) -> str:
        return dict(self.dates).get(kind, "")


# --- glossary -------------------------------------------------------------------


Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in an input, returned as data; printing happens at the edge.

    ``rule`` is a stable id (see README, "Diagnostics") that users can search for.
    """

    severity: Severity
    rule: str
    message: str
    span: SourceSpan | None = None

    def __str__(self) -> str:
        where = f"{self.span}: " if self.span else ""
        return f"{where}{self.severity}: {self.message} [{self.rule}]"


@dataclass(frozen=True)
class Note:
    """A footnote or endnote of the paper: its printed marker and its text.

    The text is a paragraph (id ``fn-<marker>``) so that citations and terms in
    notes are linked like those of the body."""

    marker: str
    paragraph: Paragraph


@dataclass(frozen=True)
class Paper:
    """One paper: its id (the page name), front matter, sections and references."""

    id: str
    source_path: str
    front: FrontMatter
    sections: tuple[Section, ...]
    references: tuple[Reference, ...] = ()
    #: Paragraphs the parser could not place anywhere better (kept, never dropped).
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    #: Footnotes and endnotes, in marker order.
    notes: tuple[Note, ...] = ()
    #: The heading the notes are shown under (the source's own, when it has one).
    notes_title: str = "Notes"
    #: The source as repaired for reading (page furniture out, paragraphs
    #: rebuilt, footnotes as blocks of their own), when it differs from the
    #: source text: the nothing-lost check compares the page with this.
    checked_text: str = field(default="", compare=False, repr=False)

    def all_sections(self) -> list[Section]:
        """Every section, depth first, in reading order."""
        out: list[Section] = []

        def walk(section: Section) -> None:
            out.append(section)
            for sub in section.subsections:
                walk(sub)

        for section in self.sections:
            walk(section)
        return out

    def map_paragraphs(self, change: "Callable[[Paragraph], Paragraph]") -> "Paper":
        """A copy of the paper with ``change`` applied to every paragraph (abstract included)."""

        def walk(section: Section) -> Section:
            return replace(
                section,
                blocks=tuple(change(block) for block in section.blocks),
                subsections=tuple(walk(sub) for sub in section.subsections),
            )

        front = replace(self.front, abstract=tuple(change(p) for p in self.front.abstract))
        notes = tuple(replace(note, paragraph=change(note.paragraph)) for note in self.notes)
        return replace(self, front=front, sections=tuple(walk(s) for s in self.sections), notes=notes)

    def all_paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the paper, abstract first, in reading order."""
        out = list(self.front.abstract)
        for section in self.all_sections():
            out.extend(section.blocks)
        return out
