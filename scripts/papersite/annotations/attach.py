"""Attaching editorial annotations to their passages: highlight, numbered mark, note."""

from __future__ import annotations

from dataclasses import replace

from ..model import Annotation, AnnotationMark, Diagnostic, Highlight, Inline, Paper, Paragraph, Text, plain_text
from ..quotes import locate_quote


def mark_range(inlines: tuple[Inline, ...], start: int, end: int, annotation_id: str, number: int) -> tuple[Inline, ...]:
    """Highlight characters ``start:end`` of the inline text and put the mark right after them."""
    mark = AnnotationMark(annotation_id, number)
    out: list[Inline] = []
    offset = 0
    placed = False
    for node in inlines:
        text = plain_text((node,))
        node_start, node_end = offset, offset + len(text)
        offset = node_end
        if isinstance(node, Text) and node_start < end and node_end > start:
            cut_from, cut_to = max(start, node_start) - node_start, min(end, node_end) - node_start
            if cut_from:
                out.append(Text(text[:cut_from]))
            out.append(Highlight(text[cut_from:cut_to], annotation_id))
            if node_start + cut_to == end:
                out.append(mark)
                placed = True
            if cut_to < len(text):
                out.append(Text(text[cut_to:]))
            continue
        out.append(node)
        if not placed and text and node_start < end <= node_end:
            out.append(mark)
            placed = True
    if not placed:
        out.append(mark)
    return tuple(out)


def attach_annotations(paper: Paper, annotations: list[Annotation]) -> tuple[Paper, list[Annotation], list[Diagnostic]]:
    """The paper with each annotation's passage marked; annotations get their target and number.

    A quote that no longer matches is an error naming the annotation's file and id.
    """
    diagnostics: list[Diagnostic] = []
    placed: list[Annotation] = []
    by_target: dict[str, list[tuple[Annotation, int, int, bool]]] = {}
    for annotation in annotations:
        match, reason = locate_quote(paper, annotation.quote)
        if match is None:
            diagnostics.append(
                Diagnostic(
                    "error",
                    "annotation-quote-unmatched",
                    f"annotation {annotation.id!r} no longer matches {paper.source_path}: {reason}",
                    annotation.span,
                )
            )
            continue
        by_target.setdefault(match.target_id, []).append((annotation, match.start, match.end, match.in_references))
    number = 0
    numbered: dict[str, Annotation] = {}
    order = [p.id for p in paper.all_paragraphs()] + [r.id for r in paper.references]
    for target in order:
        for annotation, _, _, _ in sorted(by_target.get(target, []), key=lambda item: item[1]):
            number += 1
            numbered[annotation.id] = replace(annotation, target_id=target, number=number)
    placed = list(numbered.values())

    def annotate(paragraph: Paragraph) -> Paragraph:
        items = by_target.get(paragraph.id)
        if not items:
            return paragraph
        inlines = paragraph.inlines
        # Mark from the end backwards so earlier offsets stay valid.
        for annotation, start, end, _ in sorted(items, key=lambda item: -item[1]):
            inlines = mark_range(inlines, start, end, annotation.id, numbered[annotation.id].number)
        notes = tuple(a.id for a, start, _, _ in sorted(items, key=lambda item: item[1]))
        return replace(paragraph, inlines=inlines, notes=paragraph.notes + notes)

    references = tuple(
        replace(r, notes=r.notes + tuple(a.id for a, *_ in by_target.get(r.id, []))) for r in paper.references
    )
    paper = replace(paper.map_paragraphs(annotate), references=references)
    return paper, placed, diagnostics
