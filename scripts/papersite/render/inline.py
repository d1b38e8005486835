"""Rendering inline nodes to HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import (
    Annotation,
    AnnotationMark,
    CitationRef,
    Email,
    Emphasis,
    Highlight,
    Inline,
    Link,
    NoteRef,
    Superscript,
    Term,
    TermRef,
    Text,
)
from ..anchors import note_anchor
from .escape import escape_attribute, escape_html


@dataclass(frozen=True)
class LinkTargets:
    """What inline links point at, relative to the page being rendered."""

    #: The site's base path ("/"): links from paper pages are site-absolute.
    base: str = "/"
    terms: dict[str, Term] = field(default_factory=dict)
    annotations: dict[str, Annotation] = field(default_factory=dict)
    #: Merged-bibliography key -> the entry formatted as plain text (for tooltips).
    references: dict[str, str] = field(default_factory=dict)
    #: The site's public URL (for the URLs in citations of a paper).
    site_url: str = ""
    #: Footnote marker -> the note's plain text, for the page being rendered.
    notes: dict[str, str] = field(default_factory=dict)
    #: Formatted CSL kept between builds (the cite box's APA and Chicago), and
    #: the keys of it this build used; None formats afresh.
    csl_cache: dict[str, str] | None = None
    csl_used: set[str] | None = None
    #: The CSL style the cite box shows (``extra.papersite.csl_style``).
    csl_style: str = "apa"


def readable_note(note: str, keys: set[str]) -> str:
    """A linking note for readers: internal bibliography keys ("the closest
    entry, koolaei2007north, is from 2007") are left out; the entry itself is
    shown beside the note."""
    for key in sorted(keys, key=len, reverse=True):
        note = note.replace(f", {key},", "").replace(f" {key}", "")
    return note


def render_citation(citation: CitationRef, targets: LinkTargets) -> str:
    """The citation as the paper wrote it, each cited work a link with the reference on hover."""
    groups: dict[tuple[int, int], list] = {}  # type: ignore[type-arg]
    for item in citation.items:
        groups.setdefault((item.start, item.end), []).append(item)
    out = []
    position = 0
    for (start, end), items in sorted(groups.items()):
        out.append(escape_html(citation.text[position:start]))
        words = escape_html(citation.text[start:end])
        linked = [i for i in items if i.key]
        if linked:
            tips = []
            for item in linked:
                reference = targets.references.get(item.key, item.key)
                locator = f" — cited at {item.locator}" if item.locator and not item.locator[0].isdigit() else (f" — cited at p. {item.locator}" if item.locator else "")
                tips.append(reference + locator)
            if any(i.status == "tolerant" for i in linked):
                tips.append("(" + "; ".join(i.note for i in linked if i.status == "tolerant") + ")")
            href = escape_attribute(f"{targets.base}bibliography/#{linked[0].key}")
            out.append(f'<a class="cite" href="{href}" title="{escape_attribute(" | ".join(tips))}">{words}</a>')
        else:
            reasons = "; ".join(readable_note(i.note, {i.suggestion} - {""}) for i in items)
            suggestion = next((i.suggestion for i in items if i.suggestion), "")
            tip = f"Not resolved: {reasons}" + (f" (perhaps {targets.references.get(suggestion, suggestion)})" if suggestion else "")
            out.append(f'<span class="cite cite-unresolved" tabindex="0" title="{escape_attribute(tip)}">{words}</span>')
        position = end
    out.append(escape_html(citation.text[position:]))
    shown = "".join(out)
    # A citation the paper printed as raised numbers (¹², ^{2-3}) stays raised.
    return f'<sup class="cite-sup">{shown}</sup>' if citation.kind == "superscript" else shown

_WEB_URL = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.IGNORECASE)
_VALID_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def render_inlines(nodes: tuple[Inline, ...], targets: LinkTargets | None = None) -> str:
    """HTML for inline content; all source text is escaped."""
    targets = targets or LinkTargets()
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(escape_html(node.text))
        elif isinstance(node, Superscript):
            out.append(f"<sup>{escape_html(node.text)}</sup>")
        elif isinstance(node, Emphasis):
            out.append(f"<em>{escape_html(node.text)}</em>")
        elif isinstance(node, CitationRef):
            out.append(render_citation(node, targets))
        elif isinstance(node, TermRef):
            term = targets.terms.get(node.term_id)
            if term is None:
                out.append(escape_html(node.text))
                continue
            tip = escape_attribute(f"{term.name}: {term.short}")
            href = escape_attribute(f"{targets.base}glossary/#{term.id}")
            out.append(f'<a class="term" href="{href}" title="{tip}">{escape_html(node.text)}</a>')
        elif isinstance(node, NoteRef):
            anchor = note_anchor(node.marker)
            note_text = targets.notes.get(node.marker)
            if note_text is None:  # no such note: show the marker as printed
                out.append(f"<sup>{escape_html(node.marker)}</sup>")
                continue
            tip = escape_attribute(f"Note {node.marker}: {note_text[:300]}")
            out.append(
                f'<sup class="fn-ref" id="fnref-{anchor}"><a href="#fn-{anchor}" title="{tip}">'
                f"{escape_html(node.marker)}</a></sup>"
            )
        elif isinstance(node, Highlight):
            out.append(f'<mark class="annotated">{escape_html(node.text)}</mark>')
        elif isinstance(node, AnnotationMark):
            note = targets.annotations.get(node.annotation_id)
            tip = escape_attribute(f"Editors' note: {note.title}") if note else "Editors' note"
            out.append(
                f'<sup class="annotation-mark" id="mark-{node.annotation_id}">'
                f'<a href="#note-{node.annotation_id}" title="{tip}">{node.number}</a></sup>'
            )
        elif isinstance(node, Link):  # only web and mail addresses become links; anything else stays text
            if _WEB_URL.match(node.url):
                out.append(f'<a class="source-link" href="{escape_attribute(node.url)}">{escape_html(node.text)}</a>')
            else:
                out.append(escape_html(node.text))
        elif isinstance(node, Email):
            if _VALID_EMAIL.match(node.address):
                out.append(
                    f'<a href="mailto:{escape_attribute(node.address)}">{escape_html(node.address)}</a>'
                )
            else:
                out.append(escape_html(node.address))
    return "".join(out)
