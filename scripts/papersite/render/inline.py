"""Rendering inline nodes to HTML."""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from ..model import Annotation, AnnotationMark, Email, Emphasis, Highlight, Inline, Superscript, Term, TermRef, Text
from .escape import escape_attribute, escape_html


@dataclass(frozen=True)
class LinkTargets:
    """What inline links point at, relative to the page being rendered."""

    #: The site's base path ("/"): links from paper pages are site-absolute.
    base: str = "/"
    terms: dict[str, Term] = field(default_factory=dict)
    annotations: dict[str, Annotation] = field(default_factory=dict)

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
        elif isinstance(node, TermRef):
            term = targets.terms.get(node.term_id)
            if term is None:
                out.append(escape_html(node.text))
                continue
            tip = escape_attribute(f"{term.name}: {term.short}")
            href = escape_attribute(f"{targets.base}glossary/#{term.id}")
            out.append(f'<a class="term" href="{href}" title="{tip}">{escape_html(node.text)}</a>')
        elif isinstance(node, Highlight):
            out.append(f'<mark class="annotated">{escape_html(node.text)}</mark>')
        elif isinstance(node, AnnotationMark):
            note = targets.annotations.get(node.annotation_id)
            tip = escape_attribute(f"Editors' note: {note.title}") if note else "Editors' note"
            out.append(
                f'<sup class="annotation-mark" id="mark-{node.annotation_id}">'
                f'<a href="#note-{node.annotation_id}" title="{tip}">{node.number}</a></sup>'
            )
        elif isinstance(node, Email):
            if _VALID_EMAIL.match(node.address):
                out.append(
                    f'<a href="mailto:{escape_attribute(node.address)}">{escape_html(node.address)}</a>'
                )
            else:
                out.append(escape_html(node.address))
    return "".join(out)
