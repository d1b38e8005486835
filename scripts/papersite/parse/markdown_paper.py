"""A Markdown source (``sources/<id>.md``) into the document model.

The Markdown reader (:mod:`.markdown_source`) turns the file into the plain
shape :func:`parse_paper` reads, with the headings it declares and its
footnotes apart; this module feeds that to :func:`parse_paper` with the
headings as editor-declared ones, adds the footnotes, and maps every line
number back to the Markdown file. Front matter gives the metadata; an
editor's ``<id>.yml`` still overrides it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Literal, cast

from ..metadata import AuthorMeta, HeadingOverride, PaperMetadata
from ..model import Diagnostic, Paper, Section, SourceSpan
from .markdown_source import read_markdown_source, severity
from .note_references import make_note, with_references_from_notes
from .paper import parse_paper

_SCALARS = (
    "title short_title year venue volume issue pages doi url publisher language received accepted submitted published"
).split()


def front_matter_metadata(found: dict[str, Any]) -> PaperMetadata:
    """PaperMetadata from the reader's normalised front matter."""
    values: dict[str, Any] = {key: str(found[key]) for key in _SCALARS if found.get(key) not in (None, "")}
    details = found.get("author_details") or [{"name": name} for name in found.get("authors") or []]
    authors = tuple(
        AuthorMeta(
            str(person.get("name", "")),
            tuple(str(a) for a in person.get("affiliations") or ()),
            str(person.get("email") or ""),
            str(person.get("orcid") or ""),
        )
        for person in details
        if isinstance(person, dict) and person.get("name")
    )
    if authors:
        values["authors"] = authors
    if found.get("keywords"):
        values["keywords"] = tuple(str(k) for k in found["keywords"])
    if found.get("family_names"):
        values["family_names"] = tuple(str(f) for f in found["family_names"])
    return PaperMetadata(**values)


def _merged(base: PaperMetadata, editor: PaperMetadata) -> PaperMetadata:
    """``editor``'s fields where set, else ``base``'s; headings from both."""
    values = {
        f.name: getattr(editor, f.name) if getattr(editor, f.name) not in (None, ()) else getattr(base, f.name)
        for f in dataclasses.fields(PaperMetadata)
    }
    values["headings"] = tuple(base.headings) + tuple(editor.headings)
    values["path"] = editor.path
    return PaperMetadata(**values)


def _remap(value: Any, path: str, line_map: tuple[int, ...]) -> Any:
    """``value`` with every line of ``path`` in it mapped to the Markdown file's lines."""

    def line(number: int) -> int:
        return line_map[number - 1] if 1 <= number <= len(line_map) else number

    if isinstance(value, SourceSpan):
        if value.path != path:
            return value
        end = line(value.end_line) if value.end_line is not None else None
        return SourceSpan(value.path, line(value.line), end)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _remap(getattr(value, f.name), path, line_map)
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), (SourceSpan, tuple)) or dataclasses.is_dataclass(getattr(value, f.name))
        }
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        return tuple(_remap(item, path, line_map) for item in value)
    return value


def _without_empty(sections: tuple[Section, ...], title: str) -> tuple[Section, ...]:
    """``sections`` without the empty one titled ``title`` (the footnotes' old home)."""
    return tuple(
        dataclasses.replace(s, subsections=_without_empty(s.subsections, title))
        for s in sections
        if not (s.title.strip().lower() == title.strip().lower() and not s.blocks and not s.subsections)
    )


def parse_markdown_paper(
    text: str, *, paper_id: str, path: str, metadata: PaperMetadata | None = None
) -> Paper:
    """Parse a Markdown paper; never raises on odd input (the reader reports it)."""
    source = read_markdown_source(text)
    diagnostics = [
        Diagnostic(cast(Literal["error", "warning", "info"], severity(d.rule)), d.rule, d.message, SourceSpan(path, d.line))
        for d in source.diagnostics
    ]
    declared = PaperMetadata(headings=tuple(HeadingOverride(title, True, level) for title, level in source.headings))
    combined = _merged(_merged(declared, front_matter_metadata(source.metadata)), metadata or PaperMetadata())
    paper = parse_paper(source.text, paper_id=paper_id, path=path, metadata=combined, markdown=True)
    paper = _remap(paper, path, source.line_map)
    if source.notes_heading:  # its notes are rendered in the Notes section
        paper = dataclasses.replace(
            paper, sections=_without_empty(paper.sections, source.notes_heading), notes_title=source.notes_heading
        )
    notes = tuple(make_note(note.marker, note.text, SourceSpan(path, note.line)) for note in source.notes)
    checked = "\n\n".join([source.text, *(note.text for note in source.notes)])
    paper = dataclasses.replace(
        paper, notes=notes, checked_text=checked, diagnostics=tuple(diagnostics) + tuple(paper.diagnostics)
    )
    return with_references_from_notes(paper)
