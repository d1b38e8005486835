"""Parse a paper's text into the document model: ``parse_paper``.

Over 400 lines because ``parse_paper`` puts every parse step in order here, one call each, with the section builder beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..anchors import assign_ids
from ..metadata import HeadingOverride, PaperMetadata
from ..structure.types import LineEvidence
from ..model import (
    Diagnostic,
    FrontMatter,
    Paper,
    Reference,
    Section,
    SourceSpan,
)
from .blocks import carve_blocks
from .citation_line import mentions_title
from .front_assembly import front_matter
from .frontmatter import (
    read_front_matter,
)
from .headings import HeadingMatch, acronyms_in, detect_heading, in_question_list, inside_sentence, mostly_upper, title_case
from .inline import NOTE_CLOSE, NOTE_OPEN, note_token, to_plain
from .layout import LayoutResult, repair_layout
from .note_references import make_note, with_references_from_notes
from .joining import hyphenated_forms, join_page_splits
from .references import ListEvidence, back_matter, cut_at_entries, is_reference_heading, list_evidence, split_references, with_own_entry
from .pdf_notes import body_type_notes, merge_units
from .heading_split import split_model_headings
from .source_lines import compose_marks
from .structure_hints import StructureHints, structure_hints
from .units import Unit, split_units
from .bylines import affiliation_letters, lower_case_words, person_names, split_byline_lines
from ..structure.types import ZONE_HEADER
from .front_block import FRONT_LINES, find_body_start, front_matter_line


@dataclass(frozen=True)
class _Heading:
    match: HeadingMatch
    unit: Unit


_Item = _Heading | Unit


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", to_plain(text)).strip().rstrip(":").strip().lower()


def parse_paper(
    text: str, *, paper_id: str, path: str, metadata: PaperMetadata | None = None, markdown: bool = False,
    evidence: Sequence[LineEvidence | None] | None = None) -> Paper:
    """Parse ``text`` (the paper at ``path``) into a :class:`Paper` with ids assigned.

    Over 60 lines because it only puts the parse steps in order, each step its own function.
    ``evidence``: a PDF source's layout of each line of ``text`` (papersite.pdf.evidence), for the
    structure models and what the text alone cannot settle (a line in the body's type is no heading).

    Never raises on odd input: whatever cannot be placed is kept as a paragraph and reported in ``Paper.diagnostics``.
    """
    metadata = metadata or PaperMetadata()
    common, letters = lower_case_words(text), affiliation_letters(text.split("\n")[:FRONT_LINES])

    def names(line: str) -> list[tuple[str, tuple[str, ...]]] | None:
        return person_names(line, common, letters)

    diagnostics: list[Diagnostic] = []
    layout: LayoutResult | None = None
    hints: StructureHints | None = None
    if markdown:
        # Markdown: blocks, headings and footnote tokens explicit, nothing split by a page.
        units = split_units(text)
    else:
        text = clean_source(text, path, diagnostics)
        hints = structure_hints(text, evidence)
        layout = repair_layout(
            text, language=metadata.language or None, heading_goes_on=hints.heading_goes_on if hints else None
        )
        if layout.shape != "blocks":  # the layout repair may have run a byline into the lines around it
            layout = split_byline_lines(layout, text.split("\n"), names, field=hints.field_seam if hints else lambda line: None)
        layout, demoted = body_type_notes(layout, hints)  # a PDF's notes in the body's type are text
        units = merge_units(_units_of(layout), demoted)
        diagnostics.extend(_layout_diagnostics(layout, path))
    if not units:
        diagnostics.append(Diagnostic("warning", "paper-empty", "paper has no text", SourceSpan(path, 1)))
        front = FrontMatter(title=metadata.title or paper_id)
        return Paper(paper_id, path, front, (), (), tuple(diagnostics))

    overrides = {_normal(o.text): o for o in metadata.headings}
    split = units if hints is None else hints.split_layout_headings(units) if hints.evidence else split_model_headings(hints, units)
    units, used = _split_glued_headings(split, metadata.headings)
    keep_hyphen = hyphenated_forms(text)
    # Acronyms matter only for shouted headings; find them only if there is one.
    acronyms = acronyms_in(text) if any(mostly_upper(u.text) for u in units if len(u.text) < 120) else frozenset()

    standalone: set[int] = set()  # units an editor ruled are body text on their own
    wrapped = frozenset(layout.wrapped_headings if layout else ())  # headings printed over two lines

    def heading_of(index: int, strong_only: bool = False) -> HeadingMatch | None:
        unit = units[index]
        override = overrides.get(_normal(unit.text)) if overrides and len(unit.text) < 300 else None
        if override is not None:
            used.add(override.text)
            if not override.heading:
                standalone.add(unit.line)
                return None
            declared = detect_heading(unit, None) or HeadingMatch(unit.text.rstrip(":").strip())
            return HeadingMatch(override.title or declared.title, declared.number, override.level or declared.level)
        if markdown:  # only the headings the Markdown declares
            return None
        following = units[index + 1] if index + 1 < len(units) else None
        rules = detect_heading(unit, following, wrapped=unit.line in wrapped)
        rules = None if rules and rules.number and unit.text.rstrip().endswith("?") and in_question_list(units, index) else rules
        found = hints.heading(unit, rules) if hints else rules
        # dropped when the model is sure it is a table, figure or formula line, or the PDF set it as text
        if found and hints is not None and hints.rejects_heading(unit.line, unit.end_line, bool(found.number)):
            return None
        if found and strong_only and not (found.number or mostly_upper(unit.text)):
            return None
        # line per printed line, inside an interrupted sentence, unless the model calls it a heading
        if found and not found.number and layout is not None and layout.shape != "blocks" and inside_sentence(units, index):
            return found if hints is not None and hints.calls_heading(unit.line) else None
        return found

    body_start = find_body_start(
        units, heading_of, front_matter_line(units, hints, names),
        (lambda index: hints.zone(units[index].line) == ZONE_HEADER) if hints else (lambda index: False),
    )
    parts, leftovers = read_front_matter(
        units, body_start, hints.title_lines() if hints else (), hints.author_lines() if hints else (), names,
        hints.sure_field if hints else (lambda line: None), common,
    )
    if mostly_upper(parts.title):  # a title in capitals, shown in title case with its acronyms kept
        parts.title = title_case(parts.title, acronyms or acronyms_in(text))
    items: list[_Item] = list(leftovers)
    in_references = False
    for index in range(body_start, len(units)):
        # Inside a reference list only a numbered or capitalised heading ends it:
        # a short entry is not a heading.
        match = heading_of(index, strong_only=in_references)
        if match:
            in_references = is_reference_heading(match.title)
        items.append(_Heading(match, units[index]) if match else units[index])
    items = _demote_heading_runs(items, frozenset(used))
    for override in metadata.headings:
        if override.text not in used:
            diagnostics.append(
                Diagnostic(
                    "warning",
                    "heading-override-unused",
                    f"heading override {override.text!r} matches no line of {path}",
                    SourceSpan(metadata.path or path, override.line or 1),
                )
            )

    if markdown:  # Markdown blocks are never the halves of a page-split paragraph
        standalone.update(unit.line for unit in units)
    entry_start = list_evidence(layout, hints)
    sections, references, citation_line, section_diagnostics = _build_sections(
        items, path, keep_hyphen, acronyms, parts.title, frozenset(standalone), entry_start
    )
    sections = carve_blocks(sections, hints.labels, hints.lines) if hints else sections  # formulas, tables, code; long paragraphs split
    diagnostics.extend(parts.diagnostics)
    diagnostics.extend(section_diagnostics)
    if not parts.abstract_units:
        diagnostics.append(Diagnostic("info", "paper-no-abstract", "no abstract found", SourceSpan(path, 1)))
    if not references:
        diagnostics.append(Diagnostic("info", "paper-no-references", "no reference list found", SourceSpan(path, 1)))

    front = with_own_entry(front_matter(parts, metadata, path, citation_line, keep_hyphen), references)
    notes = tuple(make_note(n.marker, n.text, SourceSpan(path, n.line, n.end_line)) for n in (layout.footnotes if layout else ()))
    repaired = layout is not None and (layout.shape != "blocks" or bool(layout.removed) or bool(layout.footnotes))
    paper = Paper(
        paper_id, path, front, tuple(sections), tuple(references), tuple(diagnostics), notes=notes,
        checked_text=_checked_text(layout, references, sections) if repaired and layout is not None else "",
    )
    return with_references_from_notes(assign_ids(paper))


#: Headings in a row with no text between them: a table's rows or console output, not empty sections.
MAX_HEADING_RUN = 3


def _demote_heading_runs(items: list[_Item], declared: frozenset[str]) -> list[_Item]:
    """Runs of over ``MAX_HEADING_RUN`` unnumbered headings back into text (an editor's declared ones stay)."""
    out: list[_Item] = []
    run: list[_Heading] = []

    def close() -> None:
        keep = len(run) <= MAX_HEADING_RUN
        out.extend(h if keep or h.match.number or h.unit.text in declared else h.unit for h in run)
        run.clear()

    for item in items:
        if isinstance(item, _Heading):
            run.append(item)
        else:
            close()
            out.append(item)
    close()
    return out


def clean_source(text: str, path: str, diagnostics: list[Diagnostic]) -> str:
    """Compose letters a text layer gave decomposed (a + U+0308 -> ä, as names are matched); remove the private-use characters the pipeline uses as footnote brackets."""
    text = compose_marks(text)
    if NOTE_OPEN not in text and NOTE_CLOSE not in text:
        return text
    line = text[: min(i for i in (text.find(NOTE_OPEN), text.find(NOTE_CLOSE)) if i >= 0)].count("\n") + 1
    diagnostics.append(
        Diagnostic("warning", "source-private-characters", "private-use characters U+E000/U+E001 replaced by U+FFFD", SourceSpan(path, line))
    )
    return text.replace(NOTE_OPEN, "\ufffd").replace(NOTE_CLOSE, "\ufffd")


def _units_of(layout: LayoutResult) -> list[Unit]:
    """The units of the repaired text, footnote markers put back as tokens and
    line numbers mapped back to the source."""
    lines = [line.text for line in layout.lines]
    for mark in sorted(layout.marks, key=lambda m: (m.line, -m.column)):
        if 1 <= mark.line <= len(lines):
            row = lines[mark.line - 1]
            lines[mark.line - 1] = row[: mark.column] + note_token(mark.marker) + row[mark.column :]
    units = split_units("\n".join(lines))
    out = []
    for unit in units:
        first = layout.lines[unit.line - 1] if unit.line <= len(layout.lines) else None
        last = layout.lines[unit.end_line - 1] if unit.end_line <= len(layout.lines) else None
        if first is not None and last is not None:
            unit = replace(unit, line=first.number, end_line=max(last.end, first.number))
        out.append(unit)
    return out


def _layout_diagnostics(layout: LayoutResult, path: str) -> list[Diagnostic]:
    """One note per kind of page furniture removed (running heads, page numbers), with its lines."""
    by_text: dict[tuple[str, str], list[int]] = {}
    for line, reason in layout.removed:
        normal = re.sub(r"\d+", "#", line.text.strip())
        by_text.setdefault((reason, normal), []).append(line.number)
    out = []
    for (reason, normal), numbers in sorted(by_text.items(), key=lambda item: item[1][0]):
        shown = ", ".join(str(n) for n in numbers[:8]) + (" …" if len(numbers) > 8 else "")
        out.append(
            Diagnostic(
                "info",
                "layout-removed",
                f"{reason} {normal!r} removed on {len(numbers)} page(s) (lines {shown})",
                SourceSpan(path, numbers[0]),
            )
        )
    if layout.shape != "blocks":
        out.append(
            Diagnostic(
                "info", "layout-rebuilt",
                f"one line per printed line: paragraphs rebuilt over {layout.pages} page(s), "
                f"{len(layout.footnotes)} footnote(s) collected", SourceSpan(path, 1),
            )
        )
    return out


def _checked_text(layout: LayoutResult, references: list[Reference], sections: list[Section]) -> str:
    """What the nothing-lost check compares with the page: the repaired body (reference entries,
    and a block printed after the list, cut apart as the list was) and each footnote as its own
    block (page furniture is reported, not kept)."""
    starts = {reference.span.line for reference in references} | {section.span.line for section in sections}
    return cut_at_entries(layout.lines, starts) + "\n\n" + "\n\n".join(note.text for note in layout.footnotes)


def _split_glued_headings(units: list[Unit], overrides: tuple[HeadingOverride, ...]) -> tuple[list[Unit], set[str]]:
    """Split off headings an editor declared that the extraction glued into a paragraph."""
    used: set[str] = set()
    declared = [o for o in overrides if o.heading]
    if not declared:
        return units, used
    out: list[Unit] = []
    for unit in units:
        pieces = [unit]
        for override in declared:
            pattern = re.compile(r"(?:(?<=[.!?:;])|^)\s*(" + re.escape(override.text) + r")\s+(?=[A-Z])")
            next_pieces: list[Unit] = []
            for piece in pieces:
                match = pattern.search(piece.text)
                if not match or piece.text.strip() == override.text:
                    next_pieces.append(piece)
                    continue
                used.add(override.text)
                before = piece.text[: match.start()].strip()
                after = piece.text[match.end():].strip()
                if before:
                    next_pieces.append(replace(piece, text=before, lines=(before,)))
                next_pieces.append(Unit(override.text, piece.line, piece.line, False, (override.text,), False))
                next_pieces.append(Unit(after, piece.line, piece.end_line, False, (after,), False))
            pieces = next_pieces
        out.extend(pieces)
    return out, used


def _build_sections(
    items: list[_Item],
    path: str,
    keep_hyphen: frozenset[str],
    acronyms: frozenset[str],
    title: str,
    standalone: frozenset[int] = frozenset(),
    entry_start: ListEvidence | None = None,
) -> tuple[list[Section], list[Reference], str, list[Diagnostic]]:
    """Group items under their headings, joining page-split paragraphs."""
    diagnostics: list[Diagnostic] = []
    # Each open section: [heading, units]
    groups: list[tuple[_Heading | None, list[Unit]]] = [(None, [])]
    for item in items:
        if isinstance(item, _Heading):
            groups.append((item, []))
        else:
            groups[-1][1].append(item)
    if not groups[0][1]:
        groups.pop(0)

    flat: list[Section] = []
    references: list[Reference] = []
    citation_line = ""
    for heading, units in groups:
        span = (heading.unit if heading else (units[0] if units else None))
        section_span = span.span(path) if span else SourceSpan(path, 1)
        heading_title = title_case(to_plain(heading.match.title), acronyms) if heading else ""
        if heading and is_reference_heading(heading.match.title):
            ref_units = list(units)
            while ref_units and mentions_title(ref_units[-1].text, title):
                citation_line = ref_units.pop().text if not citation_line else citation_line
            after = back_matter(ref_units, entry_start) if entry_start is not None else []
            found, ref_diagnostics = split_references(ref_units, path, entry_start, after[0].line if after else None)
            references.extend(found)
            diagnostics.extend(ref_diagnostics)
            flat.append(Section(heading_title, heading.match.level, section_span, heading.match.number, is_references=True))
            if after:  # an address block after the list: shown under it as printed, label and all
                back = join_page_splits(after, path, keep_hyphen, standalone | {after[1].line})
                flat.append(Section("", heading.match.level, after[0].span(path), blocks=tuple(back)))
            continue
        blocks = join_page_splits(units, path, keep_hyphen, standalone)
        flat.append(
            Section(
                title=heading_title,
                level=heading.match.level if heading else 2,
                span=section_span,
                number=heading.match.number if heading else "",
                blocks=tuple(blocks),
            )
        )
    return _nest(flat), references, citation_line, diagnostics


def _nest(flat: list[Section]) -> list[Section]:
    """Turn a flat run of sections with levels into a tree."""
    root: list[Section] = []
    stack: list[tuple[Section, list[Section]]] = []

    def close(entry: tuple[Section, list[Section]]) -> Section:
        section, children = entry
        return replace(section, subsections=tuple(children))

    for section in flat:
        while stack and stack[-1][0].level >= section.level:
            finished = close(stack.pop())
            (stack[-1][1] if stack else root).append(finished)
        stack.append((section, []))
    while stack:
        finished = close(stack.pop())
        (stack[-1][1] if stack else root).append(finished)
    return root
