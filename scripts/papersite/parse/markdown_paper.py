"""A Markdown source (``sources/<id>.md``) into the document model: ``parse_markdown_paper``.

:func:`.markdown.document.read_document` reads the file with markdown-it-py
into blocks of model inline nodes, each with its source lines; this module
groups them into sections under their headings, cuts reference sections into
entries, and fills the front matter from the YAML (an editor's ``<id>.yml``
still overrides it). Nothing is written out and parsed again.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Literal, Mapping

from ..anchors import assign_ids
from ..metadata import PaperMetadata
from ..model import (
    Diagnostic,
    FrontMatter,
    Inline,
    Paper,
    Paragraph,
    Reference,
    Section,
    SourceSpan,
    Text,
    plain_text,
)
from .front_assembly import authors_from_metadata
from .markdown.blocks import Block, Lines
from .markdown.cited_works import with_bibliography
from ..rules import rule_of
from .markdown.document import Document, read_document
from .markdown.front_matter import front_matter_metadata, merged
from .markdown.inlines import strip
from .note_references import with_references_from_notes
from .references import is_reference_heading, split_references
from .units import Unit

__all__ = ["parse_markdown_paper", "severity"]

_ITEM_NUMBER = re.compile(r"^(\d{1,4})[.)] ")
_DATES = ("submitted", "received", "accepted", "published")


def severity(rule: str) -> Literal["error", "warning", "info"]:
    """The rule's default severity, from the one registry (:mod:`papersite.rules`)."""
    return rule_of(rule).severity


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip().lower()


def parse_markdown_paper(
    text: str, *, paper_id: str, path: str, metadata: PaperMetadata | None = None,
    bibliographies: Mapping[str, str] | None = None,
) -> Paper:
    """Parse a Markdown paper; never raises on odd input (the reader reports it).

    ``bibliographies``: the texts of the BibTeX files beside it (name -> text) that its
    front matter names, or ``<paper>.bib``: its Pandoc citations cite their works."""
    document = read_document(text)
    diagnostics = [Diagnostic(severity(rule), rule, message, SourceSpan(path, line)) for rule, message, line in document.problems]
    found = dict(document.front.values)
    if document.title:
        found["title"] = plain_text(document.title).strip()
    combined = merged(front_matter_metadata(found), metadata or PaperMetadata())
    blocks = _apply_overrides(document.blocks, combined, path, diagnostics)
    sections, references, notes_title = _sections(blocks, path, diagnostics)
    front = _front(document, combined, path)
    if not front.abstract:
        diagnostics.append(Diagnostic("info", "paper-no-abstract", "no abstract found", SourceSpan(path, 1)))
    if not references:
        diagnostics.append(Diagnostic("info", "paper-no-references", "no reference list found", SourceSpan(path, 1)))
    if not sections and not front.abstract and not document.notes:
        diagnostics.append(Diagnostic("warning", "paper-empty", "paper has no text", SourceSpan(path, 1)))
    from .note_references import make_note

    notes = tuple(
        dataclasses.replace(
            make_note(note.marker, "", SourceSpan(path, note.line, note.end_line)),
            paragraph=dataclasses.replace(
                make_note(note.marker, "", SourceSpan(path, note.line, note.end_line)).paragraph, inlines=note.nodes
            ),
        )
        for note in document.notes
    )
    paper = Paper(paper_id, path, front, tuple(sections), tuple(references), notes=notes, notes_title=notes_title or "Notes")
    paper, cited_problems = with_bibliography(paper, document.front.raw, _key_line(text, "bibliography"), bibliographies or {})
    if paper.references and not references:
        diagnostics = [d for d in diagnostics if d.rule != "paper-no-references"]
    diagnostics.extend(cited_problems)
    paper = dataclasses.replace(
        paper, diagnostics=tuple(sorted(diagnostics, key=_order)),
        checked_text=_checked(paper),
    )
    return with_references_from_notes(assign_ids(paper))


def _key_line(text: str, key: str) -> int:
    """The line of a top-level front-matter key (1 when absent)."""
    found = re.search(rf"^{key}\s*:", text[:20000], re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _order(diagnostic: Diagnostic) -> int:
    return diagnostic.span.line if diagnostic.span else 0


def _apply_overrides(blocks: list[Block], metadata: PaperMetadata, path: str, diagnostics: list[Diagnostic]) -> list[Block]:
    """An editor's heading rulings (``headings:`` in ``<id>.yml``) applied to the blocks."""
    overrides = {_normal(o.text): o for o in metadata.headings}
    used: set[str] = set()
    out: list[Block] = []
    for block in blocks:
        key = _normal(plain_text(block.nodes())) if block.kind in ("heading", "paragraph") else ""
        override = overrides.get(key) if key else None
        if override is None:
            out.append(block)
            continue
        used.add(override.text)
        if not override.heading:
            out.append(dataclasses.replace(block, kind="paragraph"))
            continue
        lines: Lines = [(block.line, (Text(override.title),))] if override.title else block.lines
        level = override.level + 1 if override.level else (block.level if block.kind == "heading" else 2)
        out.append(dataclasses.replace(block, kind="heading", level=level, lines=lines))
    for override in metadata.headings:
        if override.text not in used:
            diagnostics.append(Diagnostic("warning", "heading-override-unused",
                                          f"heading override {override.text!r} matches no line of {path}",
                                          SourceSpan(metadata.path or path, override.line or 1)))
    return out


def _sections(blocks: list[Block], path: str, diagnostics: list[Diagnostic]) -> tuple[list[Section], list[Reference], str]:
    """Sections nested by level (the top Markdown level is 2), the reference entries, the notes' heading."""
    levels = [b.level for b in blocks if b.kind == "heading"]
    shift = min(levels) if levels else 1
    groups: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading":
            groups.append((block, []))
        else:
            groups[-1][1].append(block)
    flat: list[Section] = []
    references: list[Reference] = []
    notes_title = ""
    for heading, members in groups:
        content = [b for b in members if b.kind != "note"]
        if heading is None and not content:
            continue
        title = plain_text(heading.nodes()).strip() if heading else ""
        if heading is not None and not content and len(members) > len(content):
            notes_title = notes_title or title  # a heading over footnote definitions only: the notes' own
            continue
        level = max(2, min(6, heading.level - shift + 2)) if heading else 2
        span = SourceSpan(path, heading.line if heading else content[0].line)
        if heading is not None and is_reference_heading(title):
            found, problems = split_references(_units(content), path)
            marked = _marked_entries(content)
            references.extend(dataclasses.replace(r, inlines=marked.get(r.raw, ())) for r in found)
            diagnostics.extend(problems)
            flat.append(Section(title, level, span, is_references=True))
            continue
        paragraphs = tuple(
            Paragraph(b.nodes(), SourceSpan(path, b.line, b.end_line), list_item=b.kind == "item")
            for b in content
            if b.nodes()
        )
        flat.append(Section(title, level, span, blocks=paragraphs))
    return _nest(flat), references, notes_title


def _units(blocks: list[Block]) -> list[Unit]:
    """Reference-list blocks as units: an item is one entry; a paragraph, one entry a line (or several)."""
    units = []
    for block in blocks:
        texts = [(number, re.sub(r"\s+", " ", plain_text(nodes)).strip()) for number, nodes in block.lines]
        texts = [(number, text) for number, text in texts if text]
        if not texts:
            continue
        if block.kind == "item":
            joined = _ITEM_NUMBER.sub(r"[\1] ", " ".join(text for _, text in texts))
            units.append(Unit(joined, block.line, block.end_line, True, (joined,)))
        else:
            lines = tuple(text for _, text in texts)
            units.append(Unit(" ".join(lines), texts[0][0], texts[-1][0], False, lines))
    return units


def _marked_entries(blocks: list[Block]) -> dict[str, tuple[Inline, ...]]:
    """Each possible entry text of a reference list (an item, a line, a paragraph) -> its nodes (italics, links)."""
    found: dict[str, tuple[Inline, ...]] = {}
    for block in blocks:
        candidates = [block.nodes()] + ([nodes for _, nodes in block.lines] if block.kind != "item" else [])
        for nodes in candidates:
            nodes = strip(nodes)
            if nodes and block.kind == "item" and isinstance(nodes[0], Text):
                nodes = (Text(_ITEM_NUMBER.sub(r"[\1] ", nodes[0].text)), *nodes[1:])
            text = plain_text(nodes)
            if any(not isinstance(n, Text) for n in nodes) and text == re.sub(r"\s+", " ", text).strip():
                found.setdefault(text, nodes)
    return found


def _nest(flat: list[Section]) -> list[Section]:
    """A flat run of sections with levels as a tree."""
    root: list[Section] = []
    stack: list[tuple[Section, list[Section]]] = []

    def close() -> None:
        section, children = stack.pop()
        (stack[-1][1] if stack else root).append(dataclasses.replace(section, subsections=tuple(children)))

    for section in flat:
        while stack and stack[-1][0].level >= section.level:
            close()
        stack.append((section, []))
    while stack:
        close()
    return root


def _front(document: Document, metadata: PaperMetadata, path: str) -> FrontMatter:
    authors, affiliations = authors_from_metadata(metadata)
    abstract_line = document.front.lines.get("abstract", 1)
    abstract = (Paragraph(document.abstract, SourceSpan(path, abstract_line)),) if document.abstract else ()
    return FrontMatter(
        title=metadata.title or "",
        authors=tuple(authors),
        affiliations=tuple(affiliations),
        dates=tuple((kind, str(getattr(metadata, kind))) for kind in _DATES if getattr(metadata, kind)),
        venue=metadata.venue or "",
        volume=metadata.volume or "",
        issue=metadata.issue or "",
        pages=metadata.pages or "",
        year=metadata.year or "",
        doi=metadata.doi or "",
        license=metadata.license or "",
        keywords=metadata.keywords or (),
        abstract=abstract,
        short_title=metadata.short_title or "",
        family_names=metadata.family_names or (),
    )


def _checked(paper: Paper) -> str:
    """Everything the reader read, as text: what the nothing-lost check compares the page with."""
    parts = [paper.front.title, *(p.text for p in paper.front.abstract)]

    def walk(section: Section) -> None:
        parts.append(section.title)
        parts.extend(p.text for p in section.blocks)
        for sub in section.subsections:
            walk(sub)

    for section in paper.sections:
        walk(section)
    parts.extend(r.raw for r in paper.references)
    parts.extend(note.paragraph.text for note in paper.notes)
    return "\n\n".join(part for part in parts if part)
