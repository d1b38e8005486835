"""Render stage: a :class:`Paper` -> the Markdown of its page.

Headings are Markdown (so the table of contents and search see them); the
title block, paragraphs, lists and the reference list are raw HTML blocks
written here, with every piece of source text escaped. Each paragraph carries
its id and a visible ¶ permalink.
"""

from __future__ import annotations

import json
from dataclasses import replace
from types import MappingProxyType

from ..anchors import note_anchor
from ..model import Annotation, AnnotationMark, FrontMatter, Note, Paper, Paragraph, Reference, Section
from .cite_box import cite_box, highwire_meta, json_ld_text
from .escape import escape_attribute, escape_html, escape_markdown, safe_title
from .inline import LinkTargets, render_inlines

_DATE_LABELS = MappingProxyType({
    "submitted": "Submitted",
    "received": "Received",
    "revised": "Revised",
    "accepted": "Accepted",
    "published": "Published",
})


def permalink(anchor: str, what: str = "paragraph") -> str:
    label = f"Permanent link to this {what}"
    return f'<a class="para-link" href="#{anchor}" title="{label}" aria-label="{label}">¶</a>'


#: Material admonition type for each kind of editorial note.
NOTE_STYLE = MappingProxyType({"note": "note", "correction": "warning", "context": "info", "disagreement": "question"})
NOTE_LABEL = MappingProxyType({"note": "Editors' note", "correction": "Correction", "context": "Context", "disagreement": "Disagreement"})


def alias_spans(paragraph: Paragraph) -> str:
    """Empty anchors for a paragraph's other ids (named arguments, former ids)."""
    return "".join(f'<span class="anchor-alias" id="{alias}"></span>' for alias in paragraph.aliases)


def render_note(annotation: Annotation, base: str = "/") -> str:
    style = NOTE_STYLE.get(annotation.kind, "note")
    label = NOTE_LABEL.get(annotation.kind, "Note")
    parts = [
        f'<div class="admonition {style} annotation annotation-{annotation.kind}" id="note-{annotation.id}">',
        f'<div class="admonition-title">{escape_html(label)} {annotation.number}: {escape_html(annotation.title)}</div>',
        f'<div class="annotation-body">{escape_html(annotation.body)}</div>',
    ]
    if annotation.sources:
        sources = "".join(f"<li>{escape_html(s)}</li>" for s in annotation.sources)
        parts.append(f'<details class="annotation-sources"><summary>Sources</summary><ul>{sources}</ul></details>')
    parts.append(
        f'<div class="annotation-back"><a href="#mark-{annotation.id}">Back to the passage</a> · '
        f'<a href="{base}annotations/#{annotation.id}">All notes</a></div>'
    )
    parts.append("</div>")
    return "\n".join(parts)


def render_extras(paragraph: Paragraph, targets: LinkTargets | None) -> list[str]:
    """What follows a paragraph: its editorial notes and its see-also links."""
    chunks = []
    notes = targets.annotations if targets else {}
    base = targets.base if targets else "/"
    for note_id in paragraph.notes:
        if note_id in notes:
            chunks.append(render_note(notes[note_id], base))
    if paragraph.see_also:
        links = " · ".join(
            f'<a href="{base}papers/{link.paper_id}/#{link.paragraph_id}">{escape_html(link.label)}</a>'
            for link in paragraph.see_also
        )
        chunks.append(f'<div class="see-also" data-search-exclude><span class="see-also-label">See also in the other paper:</span> {links}</div>')
    return chunks


def render_paragraph(paragraph: Paragraph, targets: LinkTargets | None = None) -> str:
    body = render_inlines(paragraph.inlines, targets)
    html = f'<p id="{paragraph.id}" class="para">{alias_spans(paragraph)}{body} {permalink(paragraph.id)}</p>'
    return "\n\n".join([html, *render_extras(paragraph, targets)])


#: What the permalink of each kind of preformatted block names.
_BLOCK_WHAT = MappingProxyType({"formula": "formula", "table": "table", "code": "code block", "figure": "figure text"})


def render_preformatted(paragraph: Paragraph, targets: LinkTargets | None = None) -> str:
    """A formula, table, code or figure-text block (:attr:`Paragraph.kind`): its printed lines kept, in a
    ``<pre>`` whose text is escaped like any paragraph's, with the paragraph's id and permalink."""
    body = render_inlines(paragraph.inlines, targets)
    what = _BLOCK_WHAT.get(paragraph.kind, "block")
    html = (
        f'<div id="{paragraph.id}" class="para block block-{paragraph.kind}">{alias_spans(paragraph)}'
        f"<pre><code>{body}</code></pre> {permalink(paragraph.id, what)}</div>"
    )
    return "\n\n".join([html, *render_extras(paragraph, targets)])


def render_footnote(note: Note, targets: LinkTargets | None = None) -> str:
    """A footnote as a paragraph that starts with its marker, a link back to the text."""
    anchor = note_anchor(note.marker)
    paragraph = note.paragraph
    back = f'<a class="fn-back" href="#fnref-{anchor}" title="Back to the text">{escape_html(note.marker)}</a>'
    body = render_inlines(paragraph.inlines, targets)
    return f'<p id="{paragraph.id}" class="para footnote">{back} {body} {permalink(paragraph.id, "note")}</p>'


def render_blocks(blocks: tuple[Paragraph, ...], targets: LinkTargets | None = None) -> list[str]:
    """Paragraphs as ``<p>`` blocks, formulas, tables and code as ``<pre>`` blocks; runs of list
    items as one ``<ul>`` block."""
    chunks: list[str] = []
    items: list[str] = []

    def flush_items() -> None:
        if items:
            chunks.append('<ul class="paper-list">\n' + "\n".join(items) + "\n</ul>")
            items.clear()

    for block in blocks:
        if block.list_item:
            body = render_inlines(block.inlines, targets)
            extras = "".join("\n" + chunk for chunk in render_extras(block, targets))
            items.append(f'<li id="{block.id}" class="para">{alias_spans(block)}{body} {permalink(block.id, "item")}{extras}</li>')
        else:
            flush_items()
            chunks.append(render_paragraph(block, targets) if block.kind == "text" else render_preformatted(block, targets))
    flush_items()
    return chunks


def heading(section: Section) -> str:
    number = f"{section.number}. " if section.number else ""
    text = escape_markdown(f"{number}{section.title}")
    return f"{'#' * section.level} {text} {{ #{section.id} }}"


def render_front(front: FrontMatter) -> list[str]:
    chunks: list[str] = []
    if front.authors:
        names = []
        for author in front.authors:
            # one superscript, marks set apart by commas as printed ("1,2,∗"): "<sup>1</sup><sup>2</sup>" reads as 12
            marks = f"<sup>{escape_html(','.join(author.markers))}</sup>" if author.markers else ""
            names.append(f'<span class="paper-author">{escape_html(author.name)}{marks}</span>')
        chunks.append(
            '<p class="paper-authors para" id="authors">' + ", ".join(names) + f" {permalink('authors', 'author list')}</p>"
        )
    if front.affiliations:
        lines = []
        for affiliation in front.affiliations:
            mark = f"<sup>{escape_html(affiliation.marker)}</sup> " if affiliation.marker else ""
            lines.append(f"<li>{mark}{escape_html(affiliation.text)}</li>")
        chunks.append('<ul class="paper-affiliations">\n' + "\n".join(lines) + "\n</ul>")
    corresponding = [a for a in front.authors if a.email]
    for number, author in enumerate(corresponding, start=1):
        address = escape_attribute(author.email)
        anchor = "correspondence" if number == 1 else f"correspondence-{number}"
        chunks.append(
            f'<p class="paper-correspondence para" id="{anchor}">Corresponding author: '
            f'{escape_html(author.name)}, <a href="mailto:{address}">{escape_html(author.email)}</a> '
            f"{permalink(anchor, 'line')}</p>"
        )
    facts = []
    if front.venue:
        where = f"<cite>{escape_html(front.venue)}</cite>"
        if front.volume:
            where += f", {escape_html(front.volume)}"
            if front.issue:
                where += f"({escape_html(front.issue)})"
        if front.year:
            where += f", {escape_html(front.year)}"
        if front.pages:
            where += f", pp. {escape_html(front.pages.replace('-', '–'))}"
        facts.append(f"<dt>Published in</dt><dd>{where}</dd>")
    for kind, value in front.dates:
        label = _DATE_LABELS.get(kind, kind.title())
        facts.append(f"<dt>{escape_html(label)}</dt><dd>{escape_html(value)}</dd>")
    if front.doi:
        doi = escape_attribute(front.doi)
        facts.append(f'<dt>DOI</dt><dd><a href="https://doi.org/{doi}">{escape_html(front.doi)}</a></dd>')
    if front.license:
        facts.append(f'<dt>Licence</dt><dd class="paper-license">{escape_html(front.license)}</dd>')
    if facts:
        chunks.append('<dl class="paper-facts">\n' + "\n".join(facts) + "\n</dl>")
    if front.as_printed:
        printed = " · ".join(escape_html(line) for line in front.as_printed)
        chunks.append(
            '<p class="paper-as-printed para" id="as-printed">Corrected from the source, which prints: '
            f"{printed} {permalink('as-printed', 'line')}</p>"
        )
    return chunks


def render_references(references: tuple[Reference, ...], targets: LinkTargets | None = None) -> str:
    numbered = any(reference.number for reference in references)
    tag = "ol" if numbered else "ul"
    items = []
    for reference in references:
        value = f' value="{escape_attribute(reference.number)}"' if reference.number.isdigit() else ""
        notes = targets.annotations if targets else {}
        base = targets.base if targets else "/"
        base = targets.base if targets else "/"
        placed = [notes[n] for n in reference.notes if n in notes]
        extras = "".join("\n" + render_note(note, base) for note in placed)
        marks = render_inlines(tuple(AnnotationMark(note.id, note.number) for note in placed), targets)
        bib = (
            f' <a class="bib-link" href="{base}bibliography/#{escape_attribute(reference.bib_key)}" '
            'title="This work in the merged bibliography">→&nbsp;bibliography</a>'
            if reference.bib_key
            else ""
        )
        entry = render_inlines(reference.inlines) if reference.inlines else escape_html(reference.raw)
        items.append(
            f'<li id="{reference.id}"{value} class="reference">{entry}{marks}{bib} '
            f"{permalink(reference.id, 'reference')}{extras}</li>"
        )
    kind = "numbered" if numbered else "author-year"
    return f'<{tag} class="paper-references {kind}">\n' + "\n".join(items) + f"\n</{tag}>"


def _front_matter_yaml(paper: Paper, url: str = "") -> str:
    front = paper.front
    fields: dict[str, object] = {
        # The navigation shows this; the page's heading keeps the full title.
        "title": safe_title(front.short_title or front.title),
        "description": safe_title(_description(paper)),
    }
    # Highwire Press tags, written into <head> by overrides/main.html.
    fields.update(highwire_meta(paper, url))
    # schema.org JSON-LD, written into <head> by overrides/main.html: in the
    # body, Material's instant navigation would run it as a script.
    fields["json_ld"] = json_ld_text(paper, url)
    # JSON is valid YAML and quotes every value safely.
    return "---\n" + "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()) + "\n---"


def _description(paper: Paper) -> str:
    authors = ", ".join(author.name for author in paper.front.authors)
    year = f" ({paper.front.year})" if paper.front.year else ""
    return f"{authors}{year}: {paper.front.title}" if authors else paper.front.title


def render_paper(paper: Paper, targets: LinkTargets | None = None) -> str:
    """The whole Markdown page for ``paper``."""
    url = f"{targets.site_url if targets else ''}papers/{paper.id}/"
    chunks: list[str] = [_front_matter_yaml(paper, url)]
    chunks.append(f"# {escape_markdown(paper.front.title)} {{ #title }}")
    chunks.extend(render_front(paper.front))
    chunks.append(cite_box(paper, url, targets.base if targets else "/", targets.csl_cache if targets else None,
                           targets.csl_used if targets else None, targets.csl_style if targets else "apa"))
    if paper.front.abstract:
        chunks.append("## Abstract { #abstract }")
        chunks.extend(render_paragraph(p, targets) for p in paper.front.abstract)
    if paper.front.keywords:
        words = ", ".join(escape_html(word) for word in paper.front.keywords)
        chunks.append(
            f'<p class="paper-keywords para" id="keywords"><strong>Keywords:</strong> {words} '
            f"{permalink('keywords', 'keyword list')}</p>"
        )

    def walk(section: Section) -> None:
        if section.title:
            chunks.append(heading(section))
        chunks.extend(render_blocks(section.blocks, targets))
        if section.is_references and paper.references:
            chunks.append(render_references(paper.references, targets))
        for sub in section.subsections:
            walk(sub)

    if paper.notes:
        targets = replace(targets or LinkTargets(), notes={n.marker: n.paragraph.text for n in paper.notes})
    for section in paper.sections:
        walk(section)
    if paper.notes:
        chunks.append(f"## {escape_markdown(paper.notes_title)} {{ #notes }}")
        chunks.extend(render_footnote(note, targets) for note in paper.notes)
    if paper.references and not any(s.is_references for s in paper.all_sections()):
        chunks.append("## References { #references }")
        chunks.append(render_references(paper.references, targets))
    if paper.front.source_citation:
        chunks.append(
            '<p class="paper-source-citation para" id="source-citation"><strong>As printed in the source:</strong> '
            f"{escape_html(paper.front.source_citation)} {permalink('source-citation', 'line')}</p>"
        )
    return "\n\n".join(chunks) + "\n"
