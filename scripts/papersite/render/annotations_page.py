"""The Annotations page and the W3C Web Annotation (JSON-LD) export of all notes."""

from __future__ import annotations

import json
from types import MappingProxyType

from ..model import Annotation, Paper
from .escape import escape_html, escape_markdown
from .labels import paper_label
from .paper_page import NOTE_LABEL

#: W3C Web Annotation motivation for each kind of note.
MOTIVATION = MappingProxyType({"note": "commenting", "correction": "editing", "context": "describing", "disagreement": "assessing"})


def render_annotations_page(annotations: list[Annotation], papers: list[Paper]) -> str:
    lines = ["---", 'title: "Annotations"', "---", "", "# Annotations", ""]
    lines.append(
        f'<p class="annotations-intro">{len(annotations)} editorial notes on passages of the papers: corrections of '
        "names and facts the texts garble, context a reader needs, and places where the two papers meet or disagree. "
        'Each note is anchored to its passage by a quotation, so it follows the passage when the text around it changes. '
        'All notes as W3C Web Annotations: <a href="annotations.jsonld" download>annotations.jsonld</a>.</p>'
    )
    for paper in papers:
        notes = sorted((a for a in annotations if a.paper_id == paper.id), key=lambda a: a.number)
        if not notes:
            continue
        lines += ["", f"## {escape_markdown(paper_label(paper))} {{ #{paper.id} }}", ""]
        for note in notes:
            label = NOTE_LABEL.get(note.kind, "Note")
            href = f"../papers/{paper.id}/#mark-{note.id}"
            lines.append(
                f'<div class="annotation-entry annotation-{note.kind}" id="{note.id}">'
                f'<div class="annotation-entry-title"><strong>{escape_html(label)}: {escape_html(note.title)}</strong></div>'
                f'<blockquote class="annotation-quote">…{escape_html(note.quote.exact)}…</blockquote>'
                f'<div class="annotation-body">{escape_html(note.body)}</div>'
                f'<div class="annotation-back"><a href="{href}">Read it in the paper</a></div></div>'
            )
    return "\n".join(lines) + "\n"


def render_annotations_jsonld(annotations: list[Annotation], papers: list[Paper], site_url: str) -> str:
    """All notes as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/)."""
    titles = {paper.id: paper.front.title for paper in papers}
    items = []
    for note in sorted(annotations, key=lambda a: (a.paper_id, a.number)):
        page = f"{site_url}papers/{note.paper_id}/"
        items.append(
            {
                "id": f"{page}#note-{note.id}",
                "type": "Annotation",
                "motivation": MOTIVATION.get(note.kind, "commenting"),
                "created": None,
                "body": [
                    {"type": "TextualBody", "purpose": "describing", "value": note.body, "format": "text/plain", "language": "en"},
                    {"type": "TextualBody", "purpose": "tagging", "value": note.kind},
                ],
                "target": {
                    "source": page,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": note.quote.exact, "prefix": note.quote.prefix, "suffix": note.quote.suffix},
                        {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3986", "value": note.target_id},
                    ],
                },
                "label": note.title,
                "rights": None,
                "dc:source": list(note.sources) or None,
                "dc:subject": titles.get(note.paper_id),
            }
        )
    for item in items:
        for key in [k for k, v in item.items() if v is None]:
            del item[key]
    collection = {
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"dc": "http://purl.org/dc/terms/"}],
        "id": f"{site_url}annotations/annotations.jsonld",
        "type": "AnnotationCollection",
        "label": "Eurasia Reader: editorial annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
