"""A Markdown paper's citations of its own bibliography: the cited works become its reference list.

Pandoc prints, under the paper's "References" heading (or at its end), every
work the text cites (and those ``nocite`` names; ``@*`` is all of them),
sorted by first author and year; so does this module. The works come from the
BibTeX files the front matter names (``bibliography: paper.bib``, read by the
caller from beside the source) or, when it names none, from ``<paper>.bib``
beside it. Each entry keeps its line in its file and its declared fields; the
bibliography stage makes its record from those fields instead of parsing text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from typing import Any, Mapping

from ...model import Diagnostic, Inline, Link, Paper, Paragraph, Reference, Section, SourceSpan, Text
from .bibtex_source import BibEntry, cite_names, declared_fields, entry_text, read_bibliography
from .pandoc_citations import Label, cite_keys, with_citations


def bibliography_names(front: Mapping[Any, Any]) -> list[str]:
    """The BibTeX files a front matter names (``bibliography:`` one name or a list)."""
    value = front.get("bibliography")
    names = value if isinstance(value, list) else [value]
    return [str(name).strip() for name in names if isinstance(name, str) and str(name).strip()]


def _nocite(front: Mapping[Any, Any]) -> list[str]:
    value = front.get("nocite")
    text = " ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
    return ["*"] if "@*" in text else re.findall(r"@\{?([\w][^\s,;{}\]]*)", text)


def _read(
    front: Mapping[Any, Any], line: int, bibliographies: Mapping[str, str], path: str
) -> tuple[dict[str, BibEntry], dict[str, str], list[Diagnostic]]:
    """Every entry of the paper's bibliography files, the file each came from, and what could not be read."""
    names = bibliography_names(front) or sorted(bibliographies)
    entries: dict[str, BibEntry] = {}
    files: dict[str, str] = {}
    diagnostics = []
    folder = posixpath.dirname(path)
    for name in names:
        shown = posixpath.join(folder, name) if folder else name
        text = bibliographies.get(name)
        if text is None:
            diagnostics.append(Diagnostic("warning", "markdown-bibliography-missing",
                                          f"bibliography {name!r} is not beside the paper (or is outside its folder); its citations stay unresolved",
                                          SourceSpan(path, line)))
            continue
        found, problems = read_bibliography(text)
        diagnostics.extend(Diagnostic("warning", "markdown-bibliography-invalid", f"{message}; skipped", SourceSpan(shown, at))
                           for message, at in problems)
        for key, entry in found.items():
            entries.setdefault(key, entry)
            files.setdefault(key, shown)
    return entries, files, diagnostics


def _labels(entries: list[BibEntry]) -> dict[str, Label]:
    """Each work's names and year, a letter after the year where two works would print alike (2013a, 2013b)."""
    alike: dict[tuple[str, str], list[BibEntry]] = {}
    for entry in entries:
        alike.setdefault((cite_names(entry), entry.year or "n.d."), []).append(entry)
    labels = {}
    for (names, year), group in alike.items():
        for number, entry in enumerate(group):
            labels[entry.key] = Label(names, year + (chr(ord("a") + number) if len(group) > 1 and number < 26 else ""))
    return labels


def _order(entry: BibEntry) -> tuple[str, str, str]:
    people = entry.authors or entry.editors
    first = people[0].family if people else entry.get("title")
    return (re.sub(r"\W", "", first.lower()), entry.year, entry.get("title").lower())


def _linked(text: str) -> tuple[Inline, ...]:
    """The entry's text with its closing web address (DOI or URL) as a link; () when it has none."""
    found = re.search(r"https?://\S+$", text)
    if not found:
        return ()
    return (Text(text[: found.start()]), Link(found.group(0), found.group(0)))


def _placed(sections: tuple[Section, ...], heading: str, span: SourceSpan) -> tuple[Section, ...]:
    """The sections with a references section to hold the list: the paper's own, or one added at the end."""
    def has(section: Section) -> bool:
        return section.is_references or any(has(sub) for sub in section.subsections)

    if any(has(section) for section in sections):
        return sections
    return (*sections, Section(heading, 2, span, is_references=True))


def _unlisted(paper: Paper, paragraphs: list[Paragraph]) -> tuple[Paper, list[Diagnostic]]:
    """A paper that cites by key with no bibliography beside it: its citations shown as written,
    unresolved (the audit lists each), and the missing file reported once."""
    cited = [(p, key) for p in paragraphs for key in cite_keys(p, narrative=False)]
    if not cited:
        return paper, []
    first = cited[0][0].span
    message = (f"{len(cited)} citation{'s' if len(cited) > 1 else ''} by key ([@{cited[0][1]}] …) but no bibliography: "
               f"name the BibTeX file in the front matter (bibliography: refs.bib) or put {posixpath.basename(paper.source_path).rsplit('.', 1)[0]}.bib beside the paper")
    diagnostic = Diagnostic("warning", "markdown-bibliography-missing", message, first)
    return paper.map_paragraphs(lambda p: with_citations(p, {})), [diagnostic]


def with_bibliography(
    paper: Paper, front: Mapping[Any, Any], line: int, bibliographies: Mapping[str, str]
) -> tuple[Paper, list[Diagnostic]]:
    """The paper with its Pandoc citations resolved to its bibliography's works, and those works listed."""
    paragraphs = [*paper.all_paragraphs(), *(note.paragraph for note in paper.notes)]
    if not bibliography_names(front) and not bibliographies:
        return _unlisted(paper, paragraphs)
    entries, files, diagnostics = _read(front, line, bibliographies, paper.source_path)
    cited = list(dict.fromkeys(key for p in paragraphs for key in cite_keys(p) if key in entries))
    extra = _nocite(front)
    wanted = set(cited) | (set(entries) if extra == ["*"] else {k for k in extra if k in entries})
    listed = sorted((entries[k] for k in wanted), key=_order)
    labels = _labels(listed)
    paper = paper.map_paragraphs(lambda p: with_citations(p, labels))
    references = tuple(
        Reference(entry_text(e), SourceSpan(files[e.key], e.line), source_key=e.key, inlines=_linked(entry_text(e)),
                  declared_type=e.entry_type, declared=declared_fields(e))
        for e in listed
    )
    if references:
        sections = _placed(paper.sections, "References", SourceSpan(paper.source_path, line))
        paper = replace(paper, sections=sections, references=(*paper.references, *references))
    return paper, diagnostics


__all__ = ["bibliography_names", "with_bibliography"]
