"""Per-paper metadata: ``sources/<paper>.yml``, optional, beside the paper's text.

Everything here overrides what the parser read from the text. The schema is
declared once, below; unknown keys are reported with their file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional, get_type_hints

from .model import Diagnostic, SourceSpan
from .yamlfile import line_of, load_yaml


@dataclass(frozen=True)
class AuthorMeta:
    name: str
    affiliations: tuple[str, ...] = ()
    email: str = ""
    orcid: str = ""


@dataclass(frozen=True)
class HeadingOverride:
    """An editor's ruling on a heading the parser cannot settle alone.

    ``text`` names the line (or, to split a heading glued into a paragraph,
    the words that start a sentence there). ``heading: false`` makes a line
    the parser took for a heading into body text.
    """

    text: str
    heading: bool = True
    level: int | None = None
    title: str | None = None
    line: int = 0


@dataclass(frozen=True)
class PaperMetadata:
    """Optional overrides for one paper. Every field may be left out."""

    title: str | None = None
    #: Short title for navigation and citations.
    short_title: str | None = None
    authors: tuple[AuthorMeta, ...] | None = None
    year: str | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    url: str | None = None
    #: The paper's licence or reuse statement as its publisher gives it ("CC BY 4.0", "© the authors, all rights reserved").
    license: str | None = None
    publisher: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] | None = None
    received: str | None = None
    accepted: str | None = None
    submitted: str | None = None
    published: str | None = None
    headings: tuple[HeadingOverride, ...] = ()
    #: The authors' family names in order, where the last word of a name is not
    #: the family name ("Keshishyan Siraki"); used for citations of the paper.
    family_names: tuple[str, ...] | None = None
    #: Where the file was read from, for messages.
    path: str = field(default="", compare=False)


def _fields_of(kind: object, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The keys of :class:`PaperMetadata` whose declared type is ``kind`` (the schema is the dataclass)."""
    hints = get_type_hints(PaperMetadata)
    return tuple(f.name for f in fields(PaperMetadata) if hints[f.name] == kind and f.name not in exclude)


#: Every key of a metadata file (and of a Markdown paper's front matter), by shape, read off the dataclass.
SCALAR_KEYS: tuple[str, ...] = _fields_of(Optional[str])
LIST_KEYS: tuple[str, ...] = _fields_of(Optional[tuple[str, ...]])
KNOWN_KEYS: frozenset[str] = frozenset(f.name for f in fields(PaperMetadata)) - {"path"}
_SCALARS = SCALAR_KEYS
_KNOWN = KNOWN_KEYS
_HEADING_KEYS = frozenset(f.name for f in fields(HeadingOverride)) - {"line"}
_AUTHOR_KEYS = frozenset(f.name for f in fields(AuthorMeta))


def load_metadata(path: Path, shown: str) -> tuple[PaperMetadata, list[Diagnostic]]:
    """Read a metadata file; problems are reported and the rest is still used."""
    data, diagnostics = load_yaml(path, shown)
    if data is None:
        return PaperMetadata(path=shown), diagnostics
    if not isinstance(data, dict):
        diagnostics.append(
            Diagnostic("error", "metadata-invalid", "metadata must be a mapping of keys to values; file ignored", SourceSpan(shown, 1))
        )
        return PaperMetadata(path=shown), diagnostics

    def problem(message: str, line: int, rule: str = "metadata-invalid") -> None:
        diagnostics.append(Diagnostic("warning", rule, message, SourceSpan(shown, line)))

    values: dict[str, Any] = {"path": shown}
    for key, value in data.items():
        line = line_of(data, key)
        if key not in _KNOWN:
            problem(f"unknown key {key!r} ignored (known: {', '.join(sorted(_KNOWN))})", line, "metadata-unknown-key")
        elif key in _SCALARS:
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                values[key] = str(value).strip()
            else:
                problem(f"{key!r} must be a single value; ignored", line)
        elif key in LIST_KEYS:
            if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
                values[key] = tuple(str(v).strip() for v in value)
            else:
                problem(f"{key!r} must be a list of words; ignored", line)
        elif key == "authors":
            values["authors"] = tuple(_read_authors(value, line, problem))
        elif key == "headings":
            values["headings"] = tuple(_read_headings(value, line, problem))
    return PaperMetadata(**values), diagnostics


def _read_authors(value: Any, line: int, problem: Any) -> list[AuthorMeta]:
    if not isinstance(value, list):
        problem("'authors' must be a list; ignored", line)
        return []
    authors = []
    for item in value:
        if isinstance(item, str):
            authors.append(AuthorMeta(name=item.strip()))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            problem("each author needs a 'name'; entry ignored", line_of(item) if isinstance(item, dict) else line, )
            continue
        for key in item:
            if key not in _AUTHOR_KEYS:
                problem(f"unknown author key {key!r} ignored", line_of(item, key))
        affiliations = item.get("affiliations") or ()
        if isinstance(affiliations, str):
            affiliations = (affiliations,)
        authors.append(
            AuthorMeta(
                name=item["name"].strip(),
                affiliations=tuple(str(a) for a in affiliations),
                email=str(item.get("email") or ""),
                orcid=str(item.get("orcid") or ""),
            )
        )
    return authors


def _read_headings(value: Any, line: int, problem: Any) -> list[HeadingOverride]:
    if not isinstance(value, list):
        problem("'headings' must be a list; ignored", line)
        return []
    overrides = []
    for item in value:
        if isinstance(item, str):
            overrides.append(HeadingOverride(text=item, line=line))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            problem("each heading override needs a 'text'; entry ignored", line_of(item) if isinstance(item, dict) else line)
            continue
        for key in item:
            if key not in _HEADING_KEYS:
                problem(f"unknown heading key {key!r} ignored", line_of(item, key), "metadata-unknown-key")
        level = item.get("level")
        if level is not None and (not isinstance(level, int) or not 2 <= level <= 6):
            problem("heading 'level' must be a whole number from 2 to 6; ignored", line_of(item, "level"))
            level = None
        overrides.append(
            HeadingOverride(
                text=item["text"].strip(),
                heading=bool(item.get("heading", True)),
                level=level,
                title=str(item["title"]).strip() if item.get("title") else None,
                line=line_of(item),
            )
        )
    return overrides
